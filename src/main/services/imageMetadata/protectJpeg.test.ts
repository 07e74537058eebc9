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
import { protectJpeg } from './protectJpeg'

let dir: string
let exiftoolThere: boolean

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-protect-'))
  exiftoolThere = await hasExiftool()
  if (!exiftoolThere) console.log('exiftool missing: the tagged-file cases are skipped (CI has it)')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0])
  head.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([head, payload])
}

/** The bytes from the first SOS marker on (the entropy-coded image data and EOI). */
function scanData(jpeg: Buffer): Buffer {
  // Walk the segments (a thumbnail inside EXIF has its own SOS bytes).
  let at = 2
  while (jpeg[at + 1] !== 0xda) at += 2 + jpeg.readUInt16BE(at + 2)
  return jpeg.subarray(at)
}

async function pixels(jpeg: Buffer): Promise<Buffer> {
  return sharp(jpeg).raw().toBuffer()
}

async function tags(bytes: Buffer): Promise<Record<string, unknown>> {
  const file = join(dir, `t-${Math.random().toString(36).slice(2)}.jpg`)
  await writeFile(file, bytes)
  return JSON.parse(await exiftool(file, '-j', '-a', '-G1', '-struct'))[0]
}

describe('protectJpeg', () => {
  it('removes GPS, serials, owner, thumbnail and location; keeps captions, credits and pixels', async (ctx) => {
    if (!exiftoolThere) return ctx.skip()
    const file = join(dir, 'tagged.jpg')
    await writeFile(file, await noisyJpeg(800, 600))
    await tagWithSourceData(file)
    await exiftool(
      file,
      '-Orientation#=6',
      '-XMP-iptcExt:LocationShown={City=Berlin,CountryName=Deutschland}',
      '-IPTCDigest=new'
    )
    const input = await readFile(file)
    const before = await tags(input)
    expect(Object.keys(before).join(' ')).toMatch(/GPS.*SerialNumber|SerialNumber.*GPS/)

    const { bytes, removed } = protectJpeg(input)
    expect(removed.sort()).toEqual(
      [
        'camera-serial',
        'gps',
        'iptc-location',
        'lens-serial',
        'owner-name',
        'thumbnail',
        'xmp-device',
        'xmp-location'
      ].sort()
    )
    const after = await tags(bytes)
    expect(Object.keys(after).join(' ')).not.toMatch(
      /GPS|SerialNumber|OwnerName|Thumbnail|City|State|Country|Location/
    )
    expect(after).toMatchObject({
      'XMP-dc:Description': 'Im Bundestag: Der Kanzler verteidigt den Entwurf',
      'XMP-photoshop:Credit': 'dpa',
      'IPTC:Caption-Abstract': 'Im Bundestag: Der Kanzler verteidigt den Entwurf',
      'IPTC:Credit': 'dpa',
      'IPTC:By-line': 'Jörg Fotograf',
      'IFD0:Make': 'Canon',
      'IFD0:Orientation': 'Rotate 90 CW'
    })
    // The recomputed IPTC digest matches, so readers trust the record.
    expect(before['Photoshop:IPTCDigest']).toBe(before['File:CurrentIPTCDigest'])
    expect(after['File:CurrentIPTCDigest']).not.toBe(before['File:CurrentIPTCDigest'])
    expect(after['Photoshop:IPTCDigest']).toBe(after['File:CurrentIPTCDigest'])
    expect(scanData(bytes).equals(scanData(input))).toBe(true)
    expect((await pixels(bytes)).equals(await pixels(input))).toBe(true)
    expect((await sharp(bytes).metadata()).orientation).toBe(6)
  })

  it('is idempotent and returns a clean file untouched (same bytes, same content id)', async () => {
    const clean = await noisyJpeg(64, 48)
    expect(protectJpeg(clean)).toEqual({ bytes: clean, removed: [] })
    const tagged = await sharp(clean)
      .withExif({
        IFD0: { Make: 'Nikon', Copyright: '© dpa' },
        IFD2: { BodySerialNumber: '4711', CameraOwnerName: 'Quelle' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 0/1' }
      })
      .jpeg()
      .toBuffer()
    const once = protectJpeg(tagged)
    expect(once.removed.sort()).toEqual(['camera-serial', 'gps', 'owner-name'])
    const twice = protectJpeg(once.bytes)
    expect(twice.bytes).toBe(once.bytes)
    expect(twice.removed).toEqual([])
  })

  it('drops images appended after the end of the picture (MPF) and their index', async () => {
    const main = await noisyJpeg(64, 48)
    const appended = await sharp(await noisyJpeg(32, 24))
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 8/1 0/1' } })
      .jpeg()
      .toBuffer()
    const mpf = segment(0xe2, Buffer.concat([Buffer.from('MPF\0', 'latin1'), Buffer.alloc(16)]))
    const input = Buffer.concat([main.subarray(0, 2), mpf, main.subarray(2), appended])
    const { bytes, removed } = protectJpeg(input)
    expect(removed).toEqual(['secondary-images'])
    expect(bytes.equals(main)).toBe(true)
  })

  it('drops a JFIF thumbnail, JFXX, extended XMP, FlashPix and C2PA blocks', async () => {
    const main = await noisyJpeg(64, 48)
    const jfif = Buffer.concat([
      Buffer.from('JFIF\0', 'latin1'),
      Buffer.from([1, 2, 0, 0, 1, 0, 1, 2, 2]),
      Buffer.alloc(2 * 2 * 3, 0x80)
    ])
    const input = Buffer.concat([
      main.subarray(0, 2),
      segment(0xe0, jfif),
      segment(0xe0, Buffer.from('JFXX\0\x10thumb', 'latin1')),
      segment(0xe1, Buffer.from('http://ns.adobe.com/xmp/extension/\0GUID', 'latin1')),
      segment(0xe2, Buffer.from('FPXR\0\0\0', 'latin1')),
      segment(0xeb, Buffer.from('JP\0\0jumb', 'latin1')),
      main.subarray(2)
    ])
    const { bytes, removed } = protectJpeg(input)
    expect(removed.sort()).toEqual(['other-metadata', 'thumbnail'])
    expect(bytes.subarray(0, 2 + 4 + 14)).toEqual(
      Buffer.concat([
        main.subarray(0, 2),
        segment(0xe0, Buffer.concat([jfif.subarray(0, 12), Buffer.from([0, 0])]))
      ])
    )
    expect(scanData(bytes).equals(scanData(main))).toBe(true)
    expect((await pixels(bytes)).equals(await pixels(main))).toBe(true)
  })

  it('drops EXIF and IPTC blocks it cannot read rather than pass them on unchecked', async () => {
    const main = await noisyJpeg(40, 30)
    const badExif = Buffer.concat([
      Buffer.from('Exif\0\0', 'latin1'),
      Buffer.from([0x49, 0x49, 0x2a, 0x00, 0xff, 0xff, 0xff, 0x7f])
    ])
    const badIrb = Buffer.concat([
      Buffer.from('Photoshop 3.0\0', 'latin1'),
      Buffer.from('8BIM', 'latin1'),
      Buffer.from([0x04, 0x04, 0x00, 0x00, 0x7f, 0xff, 0xff, 0xff])
    ])
    const input = Buffer.concat([
      main.subarray(0, 2),
      segment(0xe1, badExif),
      segment(0xed, badIrb),
      main.subarray(2)
    ])
    const { bytes, removed } = protectJpeg(input)
    expect(removed).toEqual(['unreadable-metadata'])
    expect(bytes.equals(main)).toBe(true)
  })

  it('refuses what is not a JPEG', () => {
    expect(() => protectJpeg(Buffer.from('not a jpeg at all'))).toThrow(/not a JPEG/)
    expect(() => protectJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0]))).toThrow(
      /runs past the end/
    )
  })
})
