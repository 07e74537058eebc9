import { crc32, inflateSync } from 'node:zlib'
import type { AssetFormat } from '../../../shared/asset'
import type { SensitiveKind } from './exifTiff'
import { xmpDescription, xmpPacketFor, type PhotoText } from './photoText'
import { protectJpeg } from './protectJpeg'
import { mergeXmp } from './xmpPacket'

/*
 * The photo texts written into an exported file in the container's own place for them, with
 * every other byte of the file copied: JPEG gets IPTC IIM and XMP (see protectJpeg), PNG an iTXt
 * chunk `XML:com.adobe.xmp`, WebP an `XMP ` chunk (flagged in VP8X). The image data is never
 * decoded or re-encoded. TIFF, AVIF, HEIC and GIF are left as they are: writing into them means
 * rewriting their directories or boxes, and export reports `metadata-not-written` instead.
 */

/** Formats whose exported files carry the photo texts. */
export const TEXT_WRITABLE_FORMATS: ReadonlySet<AssetFormat> = new Set(['jpeg', 'png', 'webp'])

/** The written file, and what cleaning took out of it (JPEG only). */
export interface WrittenPhoto {
  bytes: Buffer
  removed: SensitiveKind[]
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const XMP_KEYWORD = 'XML:com.adobe.xmp'

/** The existing packet merged with the texts, or a new packet when there is none (or it is broken). */
function packet(old: string | null, text: PhotoText): string {
  if (old === null) return xmpPacketFor(text)
  try {
    return mergeXmp(old, xmpDescription(text), false).xml
  } catch {
    return xmpPacketFor(text)
  }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0)
  return Buffer.concat([head, data, crc])
}

/** The XMP text of a text chunk (iTXt, zTXt or tEXt) keyed `XML:com.adobe.xmp`, else null. */
function pngXmpText(type: string, data: Buffer): string | null {
  if (type !== 'iTXt' && type !== 'zTXt' && type !== 'tEXt') return null
  const nul = data.indexOf(0)
  if (nul < 0 || data.toString('latin1', 0, nul) !== XMP_KEYWORD) return null
  if (type === 'tEXt') return data.subarray(nul + 1).toString('utf8')
  if (type === 'zTXt') return inflateSync(data.subarray(nul + 2)).toString('utf8')
  const compressed = data[nul + 1] === 1
  let at = nul + 3
  at = data.indexOf(0, at) + 1 // after the language tag
  at = data.indexOf(0, at) + 1 // after the translated keyword
  if (at <= 0) return ''
  const text = data.subarray(at)
  return (compressed ? inflateSync(text) : text).toString('utf8')
}

/**
 * A PNG with the texts in an uncompressed iTXt `XML:com.adobe.xmp` chunk before the image data
 * (an existing XMP chunk is merged and replaced); every other chunk byte for byte.
 */
export function writePngText(png: Buffer, text: PhotoText): Buffer {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file')
  const chunks: Buffer[] = []
  let old: string | null = null
  let idatAt = -1
  let at = 8
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at)
    const type = png.toString('latin1', at + 4, at + 8)
    const end = at + 12 + length
    if (end > png.length) throw new Error(`PNG chunk ${type} runs past the end of the file`)
    const data = png.subarray(at + 8, at + 8 + length)
    const xmp = pngXmpText(type, data)
    if (xmp !== null) old ??= xmp
    else {
      if (type === 'IDAT' && idatAt < 0) idatAt = chunks.length
      chunks.push(png.subarray(at, end))
    }
    at = end
    if (type === 'IEND') break
  }
  if (idatAt < 0) throw new Error('PNG without image data')
  const data = Buffer.concat([
    Buffer.from(`${XMP_KEYWORD}\0\0\0\0\0`, 'latin1'),
    Buffer.from(packet(old, text), 'utf8')
  ])
  chunks.splice(idatAt, 0, pngChunk('iTXt', data))
  return Buffer.concat([PNG_SIGNATURE, ...chunks])
}

function riffChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.write(type, 0, 'latin1')
  head.writeUInt32LE(data.length, 4)
  return Buffer.concat(data.length % 2 ? [head, data, Buffer.alloc(1)] : [head, data])
}

/** Canvas size and alpha of a simple (VP8 or VP8L) WebP, for the VP8X chunk it needs. */
function simpleWebpInfo(
  type: string,
  data: Buffer
): { width: number; height: number; alpha: boolean } {
  if (
    type === 'VP8 ' &&
    data.length >= 10 &&
    data[3] === 0x9d &&
    data[4] === 0x01 &&
    data[5] === 0x2a
  ) {
    return {
      width: data.readUInt16LE(6) & 0x3fff,
      height: data.readUInt16LE(8) & 0x3fff,
      alpha: false
    }
  }
  if (type === 'VP8L' && data.length >= 5 && data[0] === 0x2f) {
    const bits = data.readUInt32LE(1)
    return {
      width: (bits & 0x3fff) + 1,
      height: ((bits >>> 14) & 0x3fff) + 1,
      alpha: ((bits >>> 28) & 1) === 1
    }
  }
  throw new Error(`WebP image chunk ${type.trim()} cannot be read`)
}

/**
 * A WebP with the texts in an `XMP ` chunk at the end (an existing one merged and replaced) and
 * the XMP flag set in VP8X; a simple WebP gets the VP8X chunk the extended format needs. The
 * image chunks are copied byte for byte.
 */
export function writeWebpText(webp: Buffer, text: PhotoText): Buffer {
  if (
    webp.length < 12 ||
    webp.toString('latin1', 0, 4) !== 'RIFF' ||
    webp.toString('latin1', 8, 12) !== 'WEBP'
  ) {
    throw new Error('not a WebP file')
  }
  const chunks: { type: string; bytes: Buffer; data: Buffer }[] = []
  let old: string | null = null
  const riffEnd = Math.min(webp.length, 8 + webp.readUInt32LE(4))
  let at = 12
  while (at + 8 <= riffEnd) {
    const type = webp.toString('latin1', at, at + 4)
    const length = webp.readUInt32LE(at + 4)
    const end = at + 8 + length + (length % 2)
    if (at + 8 + length > riffEnd)
      throw new Error(`WebP chunk ${type.trim()} runs past the end of the file`)
    const data = webp.subarray(at + 8, at + 8 + length)
    if (type === 'XMP ') old ??= data.toString('utf8')
    else chunks.push({ type, bytes: webp.subarray(at, Math.min(end, riffEnd)), data })
    at = end
  }
  const first = chunks[0]
  if (!first) throw new Error('WebP without image data')
  let head: Buffer
  let rest = chunks
  if (first.type === 'VP8X') {
    head = Buffer.from(first.bytes)
    head[8] |= 0x04
    rest = chunks.slice(1)
  } else {
    const info = simpleWebpInfo(first.type, first.data)
    const data = Buffer.alloc(10)
    data[0] = 0x04 | (info.alpha ? 0x10 : 0)
    data.writeUIntLE(info.width - 1, 4, 3)
    data.writeUIntLE(info.height - 1, 7, 3)
    head = riffChunk('VP8X', data)
  }
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    head,
    ...rest.map((c) => c.bytes),
    riffChunk('XMP ', Buffer.from(packet(old, text), 'utf8'))
  ])
  const riff = Buffer.alloc(8)
  riff.write('RIFF', 0, 'latin1')
  riff.writeUInt32LE(body.length, 4)
  return Buffer.concat([riff, body])
}

/**
 * The file with the photo texts written in, or null for a format that cannot carry them here
 * (TIFF, AVIF, HEIC, GIF). JPEGs are cleaned of source data at the same time unless
 * `clean: false` (the asset's "keep all metadata" switch).
 */
export function writePhotoText(
  bytes: Buffer,
  format: AssetFormat,
  text: PhotoText,
  opts: { clean: boolean }
): WrittenPhoto | null {
  if (format === 'jpeg') return protectJpeg(bytes, { text, clean: opts.clean })
  if (format === 'png') return { bytes: writePngText(bytes, text), removed: [] }
  if (format === 'webp') return { bytes: writeWebpText(bytes, text), removed: [] }
  return null
}
