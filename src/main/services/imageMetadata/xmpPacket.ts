/*
 * XMP location and device fields are removed from the packet text itself: a small XML scanner
 * finds the elements and attributes (by namespace URI, not by prefix), and only their byte
 * ranges are cut out, so everything else — captions, credits, rights, the packet wrapper — stays
 * exactly as the photo desk wrote it.
 */

const NS = {
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  iptcCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  iptcExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
  exif: 'http://ns.adobe.com/exif/1.0/',
  exifEx: 'http://cipa.jp/exif/1.0/',
  aux: 'http://ns.adobe.com/exif/1.0/aux/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  xmpNote: 'http://ns.adobe.com/xmp/note/',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  dc: 'http://purl.org/dc/elements/1.1/',
  xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'
}

/** The properties export writes from the photo desk's values: old copies of them are cut. */
const WRITTEN: ReadonlySet<string> = new Set([
  `${NS.dc}description`,
  `${NS.dc}creator`,
  `${NS.dc}rights`,
  `${NS.photoshop}Credit`,
  `${NS.photoshop}Headline`,
  `${NS.photoshop}Source`,
  `${NS.xmpRights}UsageTerms`,
  `${NS.iptcCore}AltTextAccessibility`,
  `${NS.xmpNote}HasExtendedXMP`
])

/** What a removed XMP property was: location or device/owner data. */
export type XmpKind = 'location' | 'device' | 'thumbnail' | 'extended'

const PROPERTIES: ReadonlyMap<string, XmpKind> = new Map([
  [`${NS.photoshop}City`, 'location'],
  [`${NS.photoshop}State`, 'location'],
  [`${NS.photoshop}Country`, 'location'],
  [`${NS.iptcCore}Location`, 'location'],
  [`${NS.iptcCore}CountryCode`, 'location'],
  [`${NS.iptcExt}LocationCreated`, 'location'],
  [`${NS.iptcExt}LocationShown`, 'location'],
  [`${NS.exifEx}BodySerialNumber`, 'device'],
  [`${NS.exifEx}LensSerialNumber`, 'device'],
  [`${NS.exifEx}CameraOwnerName`, 'device'],
  [`${NS.aux}SerialNumber`, 'device'],
  [`${NS.aux}LensSerialNumber`, 'device'],
  [`${NS.aux}OwnerName`, 'device'],
  [`${NS.xmp}Thumbnails`, 'thumbnail'],
  // The extended packet is dropped with the segments that carry it.
  [`${NS.xmpNote}HasExtendedXMP`, 'extended']
])

function kindOf(uri: string | undefined, local: string): XmpKind | null {
  if (uri === undefined) return null
  const known = PROPERTIES.get(uri + local)
  if (known) return known
  // exif:GPSLatitude & co., and vendor GPS fields (drone-dji:GpsLatitude, …) in any namespace.
  if (/^gps/i.test(local) && uri !== NS.xmlns) return 'location'
  return null
}

interface Attribute {
  name: string
  value: string
  /** Byte range in the text, including the whitespace before the name. */
  start: number
  end: number
}

type Token =
  | {
      kind: 'open'
      name: string
      attrs: Attribute[]
      selfClosing: boolean
      start: number
      end: number
    }
  | { kind: 'close'; name: string; start: number; end: number }

function fail(message: string): never {
  throw new Error(`XMP is not well-formed: ${message}`)
}

/** The tags of an XML text in order (comments, PIs, CDATA and text are skipped). */
function* tokens(xml: string): Generator<Token> {
  let i = 0
  while (i < xml.length) {
    const lt = xml.indexOf('<', i)
    if (lt < 0) return
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2)
      if (end < 0) fail('unterminated processing instruction')
      i = end + 2
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4)
      if (end < 0) fail('unterminated comment')
      i = end + 3
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9)
      if (end < 0) fail('unterminated CDATA section')
      i = end + 3
    } else if (xml.startsWith('<!', lt)) {
      // A DOCTYPE could declare entities that change what the text means: not in XMP.
      fail('declarations are not allowed')
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt + 2)
      if (end < 0) fail('unterminated end tag')
      yield { kind: 'close', name: xml.slice(lt + 2, end).trim(), start: lt, end: end + 1 }
      i = end + 1
    } else {
      let j = lt + 1
      const nameMatch = /^[^\s/>]+/.exec(xml.slice(j, j + 1000))
      if (!nameMatch) fail(`tag without a name at ${lt}`)
      const name = nameMatch[0]
      j += name.length
      const attrs: Attribute[] = []
      for (;;) {
        const wsStart = j
        while (j < xml.length && /\s/.test(xml[j])) j++
        if (j >= xml.length) fail('unterminated start tag')
        if (xml[j] === '>') {
          yield { kind: 'open', name, attrs, selfClosing: false, start: lt, end: j + 1 }
          i = j + 1
          break
        }
        if (xml.startsWith('/>', j)) {
          yield { kind: 'open', name, attrs, selfClosing: true, start: lt, end: j + 2 }
          i = j + 2
          break
        }
        const attr = /^([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(xml.slice(j, j + 100_000))
        if (!attr || wsStart === j) fail(`bad attribute in <${name}>`)
        attrs.push({
          name: attr[1],
          value: attr[2] ?? attr[3] ?? '',
          start: wsStart,
          end: j + attr[0].length
        })
        j += attr[0].length
      }
    }
  }
}

function split(qname: string): [string, string] {
  const colon = qname.indexOf(':')
  return colon < 0 ? ['', qname] : [qname.slice(0, colon), qname.slice(colon + 1)]
}

/**
 * The XMP packet without location fields (photoshop:City/State/Country, Iptc4xmpCore:Location
 * and CountryCode, Iptc4xmpExt:LocationCreated/LocationShown, every exif:GPS* and other GPS
 * property), device and owner fields (serial numbers, owner name), XMP thumbnails and the
 * pointer to an extended packet. Elements and attributes are cut out as byte ranges; the rest of
 * the text is unchanged. Throws when the packet is not well-formed XML.
 */
export function cleanXmp(xml: string): { xml: string; removed: XmpKind[] } {
  const { cuts, removed } = scan(xml, kindOf)
  return { xml: applyCuts(xml, cuts), removed: [...removed] }
}

type Classify = (uri: string | undefined, local: string) => XmpKind | 'written' | null

interface Scan {
  cuts: [number, number][]
  removed: Set<XmpKind>
  /** Where the `</rdf:RDF>` end tag starts, or -1. */
  rdfEnd: number
}

function scan(xml: string, classify: Classify): Scan {
  const cuts: [number, number][] = []
  const removed = new Set<XmpKind>()
  let rdfEnd = -1
  const scopes: { name: string; ns: Map<string, string>; dropping: boolean }[] = []
  const lookup = (prefix: string): string | undefined => {
    for (let s = scopes.length - 1; s >= 0; s--) {
      const uri = scopes[s].ns.get(prefix)
      if (uri !== undefined) return uri
    }
    return prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : undefined
  }
  let dropFrom = -1
  for (const token of tokens(xml)) {
    if (token.kind === 'open') {
      const ns = new Map<string, string>()
      for (const a of token.attrs) {
        if (a.name === 'xmlns') ns.set('', a.value)
        else if (a.name.startsWith('xmlns:')) ns.set(a.name.slice(6), a.value)
      }
      const parentDropping = scopes.at(-1)?.dropping ?? false
      scopes.push({ name: token.name, ns, dropping: parentDropping })
      if (parentDropping) {
        if (token.selfClosing) scopes.pop()
        continue
      }
      const [prefix, local] = split(token.name)
      const kind = classify(lookup(prefix), local)
      if (kind) {
        if (kind !== 'written') removed.add(kind)
        if (token.selfClosing) {
          cuts.push([token.start, token.end])
          scopes.pop()
        } else {
          scopes[scopes.length - 1].dropping = true
          dropFrom = token.start
        }
        continue
      }
      for (const a of token.attrs) {
        if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue
        const [aPrefix, aLocal] = split(a.name)
        // Unprefixed attributes belong to no namespace in XML.
        const attrKind = aPrefix ? classify(lookup(aPrefix), aLocal) : null
        if (attrKind) {
          if (attrKind !== 'written') removed.add(attrKind)
          cuts.push([a.start, a.end])
        }
      }
      if (token.selfClosing) scopes.pop()
    } else {
      const [prefix, local] = split(token.name)
      if (local === 'RDF' && lookup(prefix) === NS.rdf) rdfEnd = token.start
      const scope = scopes.pop()
      if (!scope || scope.name !== token.name)
        fail(`</${token.name}> does not close <${scope?.name}>`)
      if (scope.dropping && !(scopes.at(-1)?.dropping ?? false)) {
        cuts.push([dropFrom, token.end])
        dropFrom = -1
      }
    }
  }
  if (scopes.length > 0) fail(`<${scopes.at(-1)?.name}> is never closed`)
  return { cuts, removed, rdfEnd }
}

function applyCuts(
  xml: string,
  cuts: [number, number][],
  insert?: { at: number; text: string }
): string {
  if (cuts.length === 0 && !insert) return xml
  const sorted = [...cuts].sort((a, b) => a[0] - b[0])
  let out = ''
  let at = 0
  for (const [start, end] of sorted) {
    if (start < at) continue
    if (insert && insert.at >= at && insert.at <= start) {
      out += xml.slice(at, insert.at) + insert.text
      at = insert.at
      insert = undefined
    }
    out += xml.slice(at, start)
    at = end
  }
  if (insert && insert.at >= at) {
    out += xml.slice(at, insert.at) + insert.text
    at = insert.at
  }
  return out + xml.slice(at)
}

/**
 * An existing XMP packet with `description` (an `rdf:Description` element) added inside its
 * `rdf:RDF`, after cutting every earlier copy of the properties export writes (caption, credit,
 * creator, rights, usage terms, alt text, headline, source) and the pointer to an extended
 * packet; with `clean`, also the location and device fields `cleanXmp` cuts. Everything else
 * stays byte for byte. Throws when the packet is not well-formed or has no `rdf:RDF`.
 */
export function mergeXmp(
  xml: string,
  description: string,
  clean: boolean
): { xml: string; removed: XmpKind[] } {
  const { cuts, removed, rdfEnd } = scan(xml, (uri, local) => {
    if (uri !== undefined && WRITTEN.has(uri + local)) return 'written'
    return clean ? kindOf(uri, local) : null
  })
  if (rdfEnd < 0) fail('no rdf:RDF element')
  const merged = applyCuts(xml, cuts, { at: rdfEnd, text: description })
    // A description left with nothing but namespace declarations (the one the last export
    // wrote, say) goes too, so writing the same texts again gives the same packet.
    .replace(
      /<rdf:Description rdf:about=""(?:\s+xmlns:[\w.-]+="[^"]*")*\s*(?:\/>|>\s*<\/rdf:Description>)/g,
      ''
    )
  return { xml: merged, removed: [...removed] }
}
