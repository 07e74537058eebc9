import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  exiftool,
  hasExiftool,
  noisyJpeg,
  tagWithSourceData
} from '../export/__fixtures__/newsroomArticle'
import { truncateUtf8, type PhotoText } from './photoText'
import { writePhotoText } from './writePhotoText'

let dir: string
let exiftoolThere: boolean

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-phototext-'))
  exiftoolThere = await hasExiftool()
  if (!exiftoolThere) console.log('exiftool missing: the read-back cases are skipped (CI has it)')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// A caption over 2,000 bytes whose byte 2,000 falls inside an umlaut.
const LONG_CAPTION = `${'a'.repeat(1999)}${'ü'.repeat(600)} Ende`

const TEXT: PhotoText = {
  caption: 'Müller & Söhne: „Wir bleiben“ – <b>"Straße"</b> \'Zürich\'',
  credit: 'dpa & Reuters',
  photographer: 'Jörg Fotograf',
  copyright: '© 2024 Ärztezeitung & Co.',
  usageTerms: 'Nur für „redaktionelle“ Nutzung <frei>',
  alt: 'Zwei Männer geben sich die Hand',
  headline: 'Übergabe in Köln',
  source: 'picture alliance'
}

async function read(bytes: Buffer, ext: string): Promise<Record<string, unknown>> {
  const file = join(dir, `r-${Math.random().toString(36).slice(2)}.${ext}`)
  await writeFile(file, bytes)
  return JSON.parse(await exiftool(file, '-j', '-a', '-G1'))[0]
}

async function warnings(bytes: Buffer, ext: string): Promise<string[]> {
  const file = join(dir, `w-${Math.random().toString(36).slice(2)}.${ext}`)
  await writeFile(file, bytes)
  const tags = JSON.parse(await exiftool(file, '-j', '-validate', '-warning', '-a'))[0]
  return Object.entries(tags)
    .filter(([k]) => /^Warning/.test(k))
    .map(([, v]) => String(v))
}

/** The bytes from the first SOS marker on (the entropy-coded image data and EOI). */
function scanData(jpeg: Buffer): Buffer {
  let at = 2
  while (jpeg[at + 1] !== 0xda) at += 2 + jpeg.readUInt16BE(at + 2)
  return jpeg.subarray(at)
}

describe('truncateUtf8', () => {
  it('cuts at a character boundary, never inside an umlaut', () => {
    expect(truncateUtf8('aü', 2).toString('utf8')).toBe('a')
    expect(truncateUtf8('aü', 3).toString('utf8')).toBe('aü')
    const cut = truncateUtf8(LONG_CAPTION, 2000)
    expect(cut.length).toBe(1999)
    expect(cut.toString('utf8')).toBe('a'.repeat(1999))
  })
})

describe('writePhotoText into a JPEG', () => {
  it('writes IIM (UTF-8, 1:90) and XMP that exiftool reads back alike, cleans source data, keeps the scan bytes', async (ctx) => {
    if (!exiftoolThere) return ctx.skip()
    const file = join(dir, 'tagged.jpg')
    await writeFile(file, await noisyJpeg(640, 480))
    await tagWithSourceData(file)
    await exiftool(file, '-XMP-dc:Subject=Bundestag', '-IPTC:Keywords=Bundestag')
    const original = await readFile(file)
    const out = writePhotoText(original, 'jpeg', TEXT, { clean: true })!
    expect(scanData(out.bytes).equals(scanData(original))).toBe(true)
    expect(out.removed).toEqual(expect.arrayContaining(['gps', 'camera-serial', 'owner-name']))

    const tags = await read(out.bytes, 'jpg')
    expect(Object.keys(tags).join(' ')).not.toMatch(
      /GPS|SerialNumber|OwnerName|ThumbnailImage|City|Country|Location/
    )
    expect(tags['IPTC:CodedCharacterSet']).toBe('UTF8')
    expect(tags['IPTC:Caption-Abstract']).toBe(TEXT.caption)
    expect(tags['XMP-dc:Description']).toBe(TEXT.caption)
    expect(tags['IPTC:Credit']).toBe(TEXT.credit)
    expect(tags['XMP-photoshop:Credit']).toBe(TEXT.credit)
    expect(tags['IPTC:By-line']).toBe(TEXT.photographer)
    expect(tags['XMP-dc:Creator']).toBe(TEXT.photographer)
    expect(tags['IPTC:CopyrightNotice']).toBe(TEXT.copyright)
    expect(tags['XMP-dc:Rights']).toBe(TEXT.copyright)
    expect(tags['XMP-xmpRights:UsageTerms']).toBe(TEXT.usageTerms)
    expect(tags['XMP-iptcCore:AltTextAccessibility']).toBe(TEXT.alt)
    expect(tags['IPTC:Headline']).toBe(TEXT.headline)
    expect(tags['XMP-photoshop:Headline']).toBe(TEXT.headline)
    expect(tags['IPTC:Source']).toBe(TEXT.source)
    expect(tags['XMP-photoshop:Source']).toBe(TEXT.source)
    // The file's other fields stay; the old caption is gone from both blocks.
    expect(tags['XMP-dc:Subject']).toBe('Bundestag')
    expect(tags['IPTC:Keywords']).toBe('Bundestag')
    expect(JSON.stringify(tags)).not.toContain('Der Kanzler verteidigt')
    expect(tags['IFD0:Model']).toBe('EOS R5')
    // The IPTC digest matches the record, so no reader prefers one block over the other.
    expect(await warnings(out.bytes, 'jpg')).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/IPTC|XMP/)])
    )
    // Writing again gives the same texts once, not twice.
    const rewritten = writePhotoText(out.bytes, 'jpeg', TEXT, { clean: true })!.bytes
    expect(rewritten.equals(out.bytes)).toBe(true)
    const again = await read(rewritten, 'jpg')
    expect(again['IPTC:Caption-Abstract']).toBe(TEXT.caption)
    expect(again['XMP-dc:Description']).toBe(TEXT.caption)
  })

  it('cuts a long caption only in IIM (2,000 bytes at a character boundary) and keeps it whole in XMP', async (ctx) => {
    if (!exiftoolThere) return ctx.skip()
    const long = {
      ...TEXT,
      caption: LONG_CAPTION,
      credit: 'Foto: dpa/picture alliance/Jörg Müller'
    }
    const out = writePhotoText(await noisyJpeg(320, 240), 'jpeg', long, { clean: true })!
    const tags = await read(out.bytes, 'jpg')
    expect(tags['XMP-dc:Description']).toBe(LONG_CAPTION)
    expect(tags['IPTC:Caption-Abstract']).toBe('a'.repeat(1999))
    expect(tags['XMP-photoshop:Credit']).toBe(long.credit)
    expect(Buffer.byteLength(String(tags['IPTC:Credit']))).toBeLessThanOrEqual(32)
    expect(long.credit.startsWith(String(tags['IPTC:Credit']))).toBe(true)
  })

  it('removes a value the desk cleared, and turns a Latin-1 record into UTF-8', async (ctx) => {
    if (!exiftoolThere) return ctx.skip()
    const file = join(dir, 'latin.jpg')
    await writeFile(file, await noisyJpeg(320, 240))
    await exiftool(
      file,
      '-charset',
      'iptc=Latin',
      '-IPTC:Caption-Abstract=Alte Bildunterschrift',
      '-IPTC:Keywords=Müll – Straße',
      '-XMP-dc:Description=Alte Bildunterschrift'
    )
    const cleared = { ...TEXT, caption: null, usageTerms: null }
    const out = writePhotoText(await readFile(file), 'jpeg', cleared, { clean: true })!
    const tags = await read(out.bytes, 'jpg')
    expect(tags['IPTC:Caption-Abstract']).toBeUndefined()
    expect(tags['XMP-dc:Description']).toBeUndefined()
    expect(tags['XMP-xmpRights:UsageTerms']).toBeUndefined()
    expect(tags['IPTC:Keywords']).toBe('Müll – Straße')
    expect(tags['IPTC:Credit']).toBe(TEXT.credit)
  })

  it('with the keep switch writes the texts and keeps GPS and the rest', async (ctx) => {
    if (!exiftoolThere) return ctx.skip()
    const file = join(dir, 'keep.jpg')
    await writeFile(file, await noisyJpeg(320, 240))
    await tagWithSourceData(file)
    const original = await readFile(file)
    const out = writePhotoText(original, 'jpeg', TEXT, { clean: false })!
    expect(scanData(out.bytes).equals(scanData(original))).toBe(true)
    const tags = await read(out.bytes, 'jpg')
    expect(tags['GPS:GPSLatitude']).toBeDefined()
    expect(tags['XMP-photoshop:City']).toBe('Berlin')
    expect(tags['IPTC:Caption-Abstract']).toBe(TEXT.caption)
    expect(tags['XMP-dc:Description']).toBe(TEXT.caption)
  })
})

describe('writePhotoText into PNG and WebP', () => {
  const cases: [string, () => Promise<Buffer>, 'png' | 'webp'][] = [
    [
      'PNG',
      () =>
        sharp({ create: { width: 64, height: 48, channels: 4, background: '#c83' } })
          .png()
          .toBuffer(),
      'png'
    ],
    [
      'PNG with XMP already',
      () =>
        sharp({ create: { width: 64, height: 48, channels: 3, background: '#38c' } })
          .png()
          .withXmp(
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">alt</rdf:li></rdf:Alt></dc:description><dc:subject><rdf:Bag><rdf:li>Köln</rdf:li></rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>'
          )
          .toBuffer(),
      'png'
    ],
    [
      'lossy WebP (VP8, gets a VP8X chunk)',
      () =>
        sharp({ create: { width: 65, height: 47, channels: 3, background: '#8c3' } })
          .webp()
          .toBuffer(),
      'webp'
    ],
    [
      'lossless WebP with alpha (VP8L)',
      () =>
        sharp({
          create: {
            width: 33,
            height: 21,
            channels: 4,
            background: { r: 9, g: 9, b: 9, alpha: 0.5 }
          }
        })
          .webp({ lossless: true })
          .toBuffer(),
      'webp'
    ],
    [
      'extended WebP (VP8X with alpha)',
      () =>
        sharp({
          create: {
            width: 40,
            height: 30,
            channels: 4,
            background: { r: 200, g: 9, b: 9, alpha: 0.5 }
          }
        })
          .webp()
          .withExif({ IFD0: { Artist: 'x' } })
          .toBuffer(),
      'webp'
    ]
  ]
  for (const [name, make, format] of cases) {
    it(`${name}: XMP exiftool reads, pixels unchanged`, async (ctx) => {
      if (!exiftoolThere) return ctx.skip()
      const input = await make()
      const out = writePhotoText(input, format, TEXT, { clean: true })!
      const [before, after] = await Promise.all([
        sharp(input).raw().toBuffer(),
        sharp(out.bytes).raw().toBuffer()
      ])
      expect(after.equals(before)).toBe(true)
      const tags = await read(out.bytes, format)
      expect(tags['XMP-dc:Description']).toBe(TEXT.caption)
      expect(tags['XMP-photoshop:Credit']).toBe(TEXT.credit)
      expect(tags['XMP-dc:Creator']).toBe(TEXT.photographer)
      expect(tags['XMP-iptcCore:AltTextAccessibility']).toBe(TEXT.alt)
      if (name.includes('already')) expect(tags['XMP-dc:Subject']).toBe('Köln')
      // What -validate says of the written file that it did not say of the input.
      const known = await warnings(input, format)
      const added = (await warnings(out.bytes, format)).filter((w) => !known.includes(w))
      expect(added).toEqual([])
    })
  }

  it('leaves TIFF, AVIF, HEIC and GIF alone (export reports them)', () => {
    const bytes = Buffer.from('not touched')
    for (const f of ['tiff', 'avif', 'heic', 'gif'] as const) {
      expect(writePhotoText(bytes, f, TEXT, { clean: true })).toBeNull()
    }
  })
})
