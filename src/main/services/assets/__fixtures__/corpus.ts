/**
 * Test images made at test time (nothing downloaded): sharp for pixels, Debian's exiftool for
 * IPTC IIM and XMP, and a few hand-built byte sequences for the broken cases.
 */
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'

const run = promisify(execFile)

/** A photo-like JPEG (a gradient, so renditions have real content). */
export async function jpeg(width = 64, height = 48, colour = '#336699'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><rect x="0" y="0" width="${Math.ceil(width / 2)}" height="${height}" fill="#fff"/></svg>`
        )
      }
    ])
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** The same picture in each accepted format. */
export async function inFormat(
  format: 'png' | 'webp' | 'tiff' | 'avif' | 'gif',
  width = 48,
  height = 32
): Promise<Buffer> {
  const base = sharp({ create: { width, height, channels: 4, background: '#c0392b' } })
  switch (format) {
    case 'png':
      return base.png().toBuffer()
    case 'webp':
      return base.webp().toBuffer()
    case 'tiff':
      return base.tiff().toBuffer()
    case 'avif':
      return sharp({ create: { width, height, channels: 3, background: '#c0392b' } })
        .avif()
        .toBuffer()
    case 'gif': {
      // Two frames: only the first may become the still.
      const frame = (c: string): Promise<Buffer> =>
        sharp({ create: { width, height, channels: 3, background: c } })
          .png()
          .toBuffer()
      return sharp([await frame('#ff0000'), await frame('#0000ff')], { join: { animated: true } })
        .gif()
        .toBuffer()
    }
  }
}

/** Runs exiftool on a file in place with the given tag assignments. */
export async function exiftool(file: string, ...args: string[]): Promise<void> {
  await run('exiftool', ['-q', '-q', '-overwrite_original', ...args, file])
}

/** Whether exiftool is installed (CI installs it; see .ci/run). */
export async function hasExiftool(): Promise<boolean> {
  return run('exiftool', ['-ver']).then(
    () => true,
    () => false
  )
}

/** Writes a JPEG whose IPTC IIM (declared UTF-8 by 1:90) holds the newsroom fields. */
export async function iimOnly(file: string): Promise<void> {
  await writeFile(file, await jpeg())
  await exiftool(
    file,
    '-charset',
    'iptc=UTF8',
    '-IPTC:CodedCharacterSet=UTF8',
    '-IPTC:Caption-Abstract=Zürich: Kundgebung vor dem Rathaus, Jörg’s Plakat',
    '-IPTC:Headline=Großdemo in Zürich',
    '-IPTC:By-line=Jörg Müller',
    '-IPTC:Credit=dpa',
    '-IPTC:Source=dpa-Bildfunk',
    '-IPTC:CopyrightNotice=© dpa 2024',
    '-IPTC:City=Zürich',
    '-IPTC:Country-PrimaryLocationName=Schweiz',
    '-IPTC:DateCreated=2024:05:02',
    '-IPTC:TimeCreated=14:30:00+02:00'
  )
}

/** Writes a JPEG with XMP only (no IIM). */
export async function xmpOnly(file: string): Promise<void> {
  await writeFile(file, await jpeg(64, 48, '#884400'))
  await exiftool(
    file,
    '-XMP-dc:Description=Köln: Blick auf den Dom’s Türme',
    '-XMP-dc:Creator=Anna Bäcker',
    '-XMP-photoshop:Credit=Reuters',
    '-XMP-photoshop:Source=RTR',
    '-XMP-dc:Rights=© Reuters',
    '-XMP-xmpRights:UsageTerms=Nur für redaktionelle Zwecke',
    '-XMP-photoshop:City=Köln',
    '-XMP-photoshop:Country=Deutschland',
    '-XMP-photoshop:DateCreated=2024-05-02T14:30:00+02:00',
    '-XMP-photoshop:Headline=Der Dom',
    '-XMP-iptcCore:AltTextAccessibility=Die zwei Türme des Kölner Doms gegen den Abendhimmel'
  )
}

/** Writes a JPEG whose IIM and XMP disagree (XMP must win; IIM fills what XMP lacks). */
export async function bothDisagreeing(file: string): Promise<void> {
  await writeFile(file, await jpeg(64, 48, '#225522'))
  await exiftool(
    file,
    '-charset',
    'iptc=UTF8',
    '-IPTC:CodedCharacterSet=UTF8',
    '-IPTC:Caption-Abstract=IIM: Zürich bei Nacht',
    '-IPTC:Credit=dpa',
    '-IPTC:By-line=Jörg Müller',
    '-IPTC:City=Zürich',
    '-XMP-dc:Description=XMP: München’s Frauenkirche',
    '-XMP-photoshop:Credit=Reuters',
    '-XMP-dc:Creator=Anna Bäcker'
  )
}

/** Writes a JPEG whose IIM is Windows-1252 without a 1:90 declaration (older agency feeds). */
export async function iimLatin1(file: string): Promise<void> {
  await writeFile(file, await jpeg(64, 48, '#555555'))
  await exiftool(
    file,
    '-charset',
    'iptc=Latin',
    '-IPTC:Caption-Abstract=Straße in Zürich – Café',
    '-IPTC:Credit=Keystone'
  )
}

/**
 * A 16000 × 16000 (256-megapixel) 8-bit grey PNG of about 249 KB: one colour deflates ~1000:1.
 * sharp's own default pixel limit (0x3FFF²) lets it through.
 */
export function bombPng(width = 16_000, height = 16_000): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale
  const raw = Buffer.alloc((width + 1) * height) // filter byte 0 + zero pixels per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/**
 * A file that says it is HEIC (ftyp `heic`, an `hvc1` item) but which the prebuilt sharp cannot
 * decode: an AVIF re-labelled, as far as a decoder without HEVC is concerned the same thing.
 */
export async function heicWithoutDecoder(): Promise<Buffer> {
  const avif = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#777' } })
    .avif()
    .toBuffer()
  const b = Buffer.from(avif)
  const replace = (from: string, to: string): void => {
    for (let i = b.indexOf(from, 0, 'latin1'); i >= 0; i = b.indexOf(from, i + 4, 'latin1')) {
      b.write(to, i, 'latin1')
    }
  }
  replace('avif', 'heic')
  replace('av01', 'hvc1')
  replace('av1C', 'hvcC')
  return b
}

/** A JPEG whose EXIF (APP1) and IPTC (APP13) blocks are garbage; the pixels are fine. */
export async function corruptMetadataJpeg(): Promise<Buffer> {
  const good = await jpeg(40, 30, '#123456')
  const segment = (marker: number, payload: Buffer): Buffer => {
    const head = Buffer.alloc(4)
    head[0] = 0xff
    head[1] = marker
    head.writeUInt16BE(payload.length + 2, 2)
    return Buffer.concat([head, payload])
  }
  // TIFF header whose first IFD offset points far beyond the block, then noise.
  const exif = Buffer.concat([
    Buffer.from('Exif\0\0', 'latin1'),
    Buffer.from([0x49, 0x49, 0x2a, 0x00, 0xff, 0xff, 0xff, 0x7f]),
    Buffer.from([0x05, 0x00, 0x0f, 0x01, 0x02, 0x00, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00])
  ])
  // A Photoshop IRB with an IPTC resource whose dataset lengths run past the end.
  const iptc = Buffer.concat([
    Buffer.from('Photoshop 3.0\0', 'latin1'),
    Buffer.from('8BIM', 'latin1'),
    Buffer.from([0x04, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40]),
    Buffer.from([0x1c, 0x02, 0x78, 0x7f, 0xff, 0x41, 0x42, 0x1c, 0x02, 0x6e, 0xff, 0xff]),
    Buffer.alloc(52, 0xee)
  ])
  return Buffer.concat([
    good.subarray(0, 2),
    segment(0xe1, exif),
    segment(0xed, iptc),
    good.subarray(2)
  ])
}

/** XML's five special characters, umlauts and a line break, as a newsroom would type them. */
export const ENTITY_CAPTION = 'Smith & Jones <Ltd> sagt: "Öl & Gas" – it\'s Müller’s\nZweite Zeile'

/**
 * Writes a JPEG whose XMP exiftool itself escapes: `&amp; &lt; &gt; &quot;`, `&#39;` for the
 * apostrophe and `&#xA;` for the line break.
 */
export async function xmpWithEntities(file: string): Promise<void> {
  await writeFile(file, await jpeg(64, 48, '#aa3366'))
  await exiftool(
    file,
    `-XMP-dc:Description=${ENTITY_CAPTION}`,
    '-XMP-photoshop:Credit=AT&T',
    '-XMP-dc:Creator=Jörg <jm> Müller',
    '-XMP-photoshop:Headline=Already escaped: &amp; stays as typed'
  )
}

/**
 * Writes a JPEG whose XMP packet is exactly `packet` (exiftool stores a whole packet given with
 * `-XMP<=` as it is), for character references exiftool would not write itself.
 */
export async function xmpPacket(file: string, packet: string): Promise<void> {
  await writeFile(file, await jpeg(64, 48, '#3366aa'))
  const side = `${file}.xmp`
  await writeFile(side, packet)
  await exiftool(file, `-XMP<=${side}`)
}

/** An XMP packet with the given `photoshop`/`dc` properties as raw XML (already escaped). */
export function rawXmp(props: { caption?: string; credit?: string; city?: string }): string {
  const li = (v: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${v}</rdf:li></rdf:Alt>`
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">',
    props.caption !== undefined ? `<dc:description>${li(props.caption)}</dc:description>` : '',
    props.credit !== undefined ? `<photoshop:Credit>${props.credit}</photoshop:Credit>` : '',
    props.city !== undefined ? `<photoshop:City>${props.city}</photoshop:City>` : '',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>'
  ].join('\n')
}
