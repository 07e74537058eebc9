/*
 * The photo desk's texts as a picture file carries them: an IPTC IIM record (what agencies and
 * older CMSs read) and an XMP description (what newer ones read), written from the same values
 * so the two agree. IIM has hard field lengths; XMP keeps the full text.
 */

/** The texts written into an exported picture (null: not written, and an old value is cut). */
export interface PhotoText {
  caption: string | null
  credit: string | null
  photographer: string | null
  copyright: string | null
  usageTerms: string | null
  alt: string | null
  headline: string | null
  source: string | null
}

/** The fields of `PhotoText` in a fixed order (the key of a set of values). */
export const PHOTO_TEXT_FIELDS = [
  'caption',
  'credit',
  'photographer',
  'copyright',
  'usageTerms',
  'alt',
  'headline',
  'source'
] as const satisfies readonly (keyof PhotoText)[]

/** IIM record 2 datasets export writes, with the longest value each may hold (IIM 4.2, bytes). */
const IIM_DATASETS = [
  { field: 'photographer', dataset: 80, max: 32 },
  { field: 'headline', dataset: 105, max: 256 },
  { field: 'credit', dataset: 110, max: 32 },
  { field: 'source', dataset: 115, max: 32 },
  { field: 'copyright', dataset: 116, max: 128 },
  { field: 'caption', dataset: 120, max: 2000 }
] as const satisfies readonly { field: keyof PhotoText; dataset: number; max: number }[]

/** 1:90 CodedCharacterSet: ESC % G, "the record is UTF-8". */
const UTF8_MARKER = Buffer.from([0x1b, 0x25, 0x47])
const WRITTEN_DATASETS = new Set<number>(IIM_DATASETS.map((d) => d.dataset))

/**
 * The UTF-8 bytes of `text`, cut to at most `max` bytes without splitting a character (a cut
 * never leaves half of an umlaut for a reader to show as garbage).
 */
export function truncateUtf8(text: string, max: number): Buffer {
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length <= max) return bytes
  let end = max
  // Step back over continuation bytes (10xxxxxx) to the start of the character that was cut.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--
  return bytes.subarray(0, end)
}

interface Dataset {
  record: number
  dataset: number
  data: Buffer
}

function parseIim(iim: Buffer): Dataset[] {
  const out: Dataset[] = []
  let at = 0
  while (at + 5 <= iim.length && iim[at] === 0x1c) {
    let length = iim.readUInt16BE(at + 3)
    let head = 5
    if (length & 0x8000) {
      const n = length & 0x7fff
      if (n > 4 || at + 5 + n > iim.length) break
      length = 0
      for (let k = 0; k < n; k++) length = length * 256 + iim[at + 5 + k]
      head += n
    }
    if (at + head + length > iim.length) break
    out.push({
      record: iim[at + 1],
      dataset: iim[at + 2],
      data: iim.subarray(at + head, at + head + length)
    })
    at += head + length
  }
  return out
}

function datasetBytes(d: Dataset): Buffer {
  const head = Buffer.alloc(d.data.length > 0x7fff ? 9 : 5)
  head[0] = 0x1c
  head[1] = d.record
  head[2] = d.dataset
  if (d.data.length > 0x7fff) {
    head.writeUInt16BE(0x8004, 3)
    head.writeUInt32BE(d.data.length, 5)
  } else head.writeUInt16BE(d.data.length, 3)
  return Buffer.concat([head, d.data])
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/* Windows-1252 at 0x80-0x9F (Node's TextDecoder treats the label as Latin-1 there). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

function decodeCp1252(data: Buffer): string {
  let out = ''
  for (const b of data)
    out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)
  return out
}

/** A kept text dataset in UTF-8 (the record is declared UTF-8 after the rewrite). */
function asUtf8(data: Buffer): Buffer {
  if (!data.some((b) => b >= 0x80)) return data
  try {
    utf8.decode(data)
    return data
  } catch {
    // Not UTF-8: the IIM default most writers used, Latin-1 with Windows' additions (€, „, –).
    return Buffer.from(decodeCp1252(data), 'utf8')
  }
}

/** Record 2 datasets that hold text (the rest are binary: record version, rasterised caption, previews). */
function isText(d: Dataset): boolean {
  return d.record === 2 && d.dataset !== 0 && d.dataset !== 125 && d.dataset < 200
}

/**
 * An IPTC IIM record with the texts (UTF-8, declared by 1:90), merged into `existing`: the
 * datasets export writes are replaced (cleared ones removed), the others kept, converted to
 * UTF-8 when the old record was not. Values longer than their dataset allows are cut at a
 * character boundary (caption 2000 bytes, credit, by-line and source 32, copyright 128,
 * headline 256).
 */
export function iimRecord(text: PhotoText, existing: Buffer | null = null): Buffer {
  const old = existing ? parseIim(existing) : []
  const wasUtf8 = old.some((d) => d.record === 1 && d.dataset === 90 && d.data.equals(UTF8_MARKER))
  const kept = old.filter(
    (d) =>
      !(d.record === 1 && d.dataset === 90) &&
      !(d.record === 2 && (d.dataset === 0 || WRITTEN_DATASETS.has(d.dataset)))
  )
  const datasets: Dataset[] = [
    { record: 1, dataset: 90, data: UTF8_MARKER },
    // Record version 4, as every IIM 4 writer puts first in record 2.
    { record: 2, dataset: 0, data: Buffer.from([0, 4]) },
    ...kept.map((d) => (isText(d) && !wasUtf8 ? { ...d, data: asUtf8(d.data) } : d))
  ]
  for (const { field, dataset, max } of IIM_DATASETS) {
    const value = text[field]
    if (value) datasets.push({ record: 2, dataset, data: truncateUtf8(value, max) })
  }
  // Records in ascending order, datasets too (stable for repeated ones), as IIM asks.
  const order = datasets
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.record - b.d.record || a.d.dataset - b.d.dataset || a.i - b.i)
  return Buffer.concat(order.map(({ d }) => datasetBytes(d)))
}

/** Text for XML element content: escaped, without the characters XML 1.0 cannot hold. */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 refuses
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // A parser turns a bare CR into LF; the reference keeps it.
      .replace(/\r/g, '&#xD;')
  )
}

function langAlt(name: string, value: string | null): string {
  if (!value) return ''
  return `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(value)}</rdf:li></rdf:Alt></${name}>`
}

function simple(name: string, value: string | null): string {
  return value ? `<${name}>${xmlText(value)}</${name}>` : ''
}

/**
 * One `rdf:Description` with the texts: dc:description, dc:rights, xmpRights:UsageTerms and
 * Iptc4xmpCore:AltTextAccessibility as language alternatives (x-default), dc:creator as a
 * sequence, photoshop:Credit, Headline and Source as simple values. Empty when no text is set.
 */
export function xmpDescription(text: PhotoText): string {
  const body = [
    langAlt('dc:description', text.caption),
    text.photographer
      ? `<dc:creator><rdf:Seq><rdf:li>${xmlText(text.photographer)}</rdf:li></rdf:Seq></dc:creator>`
      : '',
    langAlt('dc:rights', text.copyright),
    simple('photoshop:Credit', text.credit),
    simple('photoshop:Headline', text.headline),
    simple('photoshop:Source', text.source),
    langAlt('xmpRights:UsageTerms', text.usageTerms),
    langAlt('Iptc4xmpCore:AltTextAccessibility', text.alt)
  ].join('')
  if (!body) return ''
  return (
    '<rdf:Description rdf:about=""' +
    ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"' +
    ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"' +
    ' xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">' +
    body +
    '</rdf:Description>'
  )
}

/** A complete XMP packet holding only the texts. */
export function xmpPacketFor(text: PhotoText): string {
  return (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">' +
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    xmpDescription(text) +
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  )
}

/** Whether any text is set. */
export function hasPhotoText(text: PhotoText): boolean {
  return PHOTO_TEXT_FIELDS.some((f) => text[f] !== null && text[f] !== '')
}
