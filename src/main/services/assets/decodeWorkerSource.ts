/**
 * The decode worker, as CommonJS source run with `new Worker(source, { eval: true })`.
 *
 * Why a string and not a worker file: the core runs from TypeScript under Vitest and tsx and
 * from bundles in `out/` (CLI, harness, Electron main); a separate entry file would need a
 * loader in the first case and an extra build entry in each bundle. This source needs neither:
 * it requires sharp and exifr by the absolute paths the main thread resolved (workerData), so
 * it runs the same everywhere. It is kept small and does only the CPU work: hashing, reading
 * the header, decoding, encoding renditions and parsing IPTC/XMP. With `cropEdges` it decodes at
 * the scale the web crops need and hands those pixels back (`cropBase`, raw, transferred): the
 * main thread cuts and encodes the crops from them, so an import still decodes each file once. Everything that decides what
 * to do with the results is TypeScript in the main thread.
 *
 * Compressed metadata is measured before anything inflates it: in a PNG, the colour profile
 * (iCCP), compressed text (zTXt, compressed iTXt) and compressed XMP are inflated here with a
 * ceiling on the output, before sharp or exifr see the file. exifr inflates iCCP whole even with
 * ICC parsing off, so it never gets the PNG itself: it gets a small PNG holding only the header
 * and the XMP, already inflated within its ceiling. WebP and GIF keep XMP as raw text in their
 * own containers (RIFF chunk `XMP `, GIF application extension `XMP DataXMP`): the packet is
 * taken out and handed to exifr in the same small PNG, size-capped like PNG text.
 *
 * Protocol: in `{ id, bytes, maxPixels, previewSize, thumbSize, readMetadata, metadataLimits,
 * cropEdges? }`; out `{ id, ok: true, hash, header, preview, thumb, cropBase, metadata,
 * metadataErrors, dropped, bytes }`
 * or `{ id, ok: false, stage: 'header' | 'pixels' | 'decode' | 'bomb', message, width?, height?,
 * chunk?, keyword?, limit?, bytes }`. `bytes` (the original) travels back to the main thread,
 * transferred, not copied.
 */
export const DECODE_WORKER_SOURCE = String.raw`
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const zlib = require('node:zlib')
const sharp = require(workerData.sharpPath)
const exifr = require(workerData.exifrPath)

// One job at a time per worker: libvips' operation cache would only hold memory between jobs.
sharp.cache(false)

const EXIFR_FORMATS = new Set(['jpeg', 'png', 'tiff', 'heif'])
const EXIFR_OPTIONS = {
  mergeOutput: false,
  silentErrors: true,
  iptc: true,
  xmp: true,
  tiff: false,
  ifd0: false,
  ifd1: false,
  exif: false,
  gps: false,
  interop: false,
  icc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
  userComment: false
}

function transferable(bytes) {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : []
}

function reply(message, bytes) {
  try {
    parentPort.postMessage(message, transferable(bytes))
  } catch {
    parentPort.postMessage(message)
  }
}

function plain(value) {
  // exifr output is plain data, but keep anything odd (functions, class instances) out of
  // postMessage, which would throw on them.
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v)))
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const XMP_KEYWORD = 'XML:com.adobe.xmp'

function isPng(input) {
  return input.length >= 8 && input.subarray(0, 8).equals(PNG_SIGNATURE)
}

// Every chunk of a PNG as { type, offset, end, data }; stops at IEND or where the file is cut
// short (sharp then says what is wrong with the rest).
function pngChunks(input) {
  const chunks = []
  let offset = 8
  while (offset + 12 <= input.length) {
    const length = input.readUInt32BE(offset)
    const end = offset + 12 + length
    if (end > input.length) break
    const type = input.toString('latin1', offset + 4, offset + 8)
    chunks.push({ type, offset, end, data: input.subarray(offset + 8, offset + 8 + length) })
    offset = end
    if (type === 'IEND') break
  }
  return chunks
}

function nulAt(data, from) {
  const i = data.indexOf(0, from)
  return i < 0 ? data.length : i
}

// Inflates a zlib stream with a ceiling: the output never grows past limit bytes, so a stream
// of zeros that would inflate to gigabytes costs at most the ceiling and is stopped there.
function inflateBounded(data, limit) {
  try {
    return { ok: true, data: zlib.inflateSync(data, { maxOutputLength: limit }) }
  } catch (error) {
    if (error && (error.code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)) {
      return { ok: false, over: true }
    }
    return { ok: false, over: false, message: String(error && error.message || error) }
  }
}

function pngChunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
  return Buffer.concat([head, data, crc])
}

// Looks at the compressed chunks of a PNG. Returns { refuse } when the colour profile inflates
// past its ceiling (the file is refused), else the chunks to leave out of decoding (text that
// inflates past its ceiling), the XMP packet as text (inflated within its ceiling) and problems
// met on the way. Inflating stops once the file's total reaches limits.total: beyond that, a
// compressed text chunk is left out unread.
function guardPng(input, limits) {
  const dropped = []
  const errors = []
  let xmp = null
  let ihdr = null
  let spent = 0
  for (const chunk of pngChunks(input)) {
    const { type, data } = chunk
    if (type === 'IHDR') ihdr = chunk
    if (type === 'iCCP') {
      const name = nulAt(data, 0)
      const result = inflateBounded(data.subarray(name + 2), limits.icc)
      if (result.ok) spent += result.data.length
      else if (result.over) {
        return { refuse: { chunk: 'iCCP', keyword: data.toString('latin1', 0, Math.min(name, 79)), limit: limits.icc } }
      }
    } else if (type === 'zTXt' || type === 'iTXt') {
      const k = nulAt(data, 0)
      const keyword = data.toString('latin1', 0, Math.min(k, 79))
      let compressed = true
      let text
      if (type === 'zTXt') {
        text = data.subarray(k + 2)
      } else {
        compressed = data[k + 1] === 1
        const lang = nulAt(data, k + 3)
        const translated = nulAt(data, lang + 1)
        text = data.subarray(Math.min(translated + 1, data.length))
      }
      const isXmp = type === 'iTXt' && keyword === XMP_KEYWORD
      if (compressed) {
        const budget = Math.min(limits.text, Math.max(0, limits.total - spent))
        const result = budget > 0 ? inflateBounded(text, budget) : { ok: false, over: true }
        if (!result.ok && result.over) {
          const whole = budget < limits.text
          const limit = whole ? limits.total : limits.text
          dropped.push({ chunk: type, keyword, limit, whole, offset: chunk.offset, end: chunk.end })
          continue
        }
        if (!result.ok) {
          if (isXmp) errors.push('the XMP (PNG iTXt chunk) cannot be inflated: ' + result.message)
          continue
        }
        spent += result.data.length
        text = result.data
      }
      if (isXmp && xmp === null) xmp = text.toString('utf8')
    }
  }
  return { dropped, errors, xmp, ihdr }
}

// A PNG with nothing but the header and the XMP (uncompressed), for exifr.
function metadataPng(input, guard) {
  if (guard.xmp === null || !guard.ihdr) return null
  return xmpPng(input.subarray(guard.ihdr.offset, guard.ihdr.end), Buffer.from(guard.xmp, 'utf8'))
}

function xmpPng(ihdrChunk, xmp) {
  const iTXt = Buffer.concat([Buffer.from(XMP_KEYWORD + '\0\0\0\0\0', 'latin1'), xmp])
  return Buffer.concat([PNG_SIGNATURE, ihdrChunk, pngChunk('iTXt', iTXt), pngChunk('IEND', Buffer.alloc(0))])
}

// WebP and GIF hold XMP as raw UTF-8 in a container exifr does not read. The packet is taken
// out here and handed to exifr in the same small PNG as a PNG's XMP, so it is read by the same
// code as every other photo's.
const ONE_PIXEL_IHDR = pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]))

function isWebp(input) {
  return input.length >= 12 && input.toString('latin1', 0, 4) === 'RIFF' && input.toString('latin1', 8, 12) === 'WEBP'
}

function isGif(input) {
  return input.length >= 13 && /^GIF8[79]a$/.test(input.toString('latin1', 0, 6))
}

// The 'XMP ' chunk of a WebP (RIFF: 4-byte type, little-endian size, data padded to even):
// { data } or { error } or null when it has none.
function webpXmp(input) {
  const end = Math.min(input.length, 8 + input.readUInt32LE(4))
  let offset = 12
  while (offset + 8 <= end) {
    const type = input.toString('latin1', offset, offset + 4)
    const size = input.readUInt32LE(offset + 4)
    if (type === 'XMP ') {
      if (offset + 8 + size > end) return { error: 'the XMP (WebP XMP chunk) runs past the end of the file' }
      return { data: input.subarray(offset + 8, offset + 8 + size) }
    }
    offset += 8 + size + (size & 1)
  }
  return null
}

// Offset after the data sub-blocks starting at offset (each: a length byte, then that many
// bytes; a zero length ends them), or -1 where the file ends first.
function afterSubBlocks(input, offset) {
  while (offset < input.length) {
    const size = input[offset]
    if (size === 0) return offset + 1
    offset += 1 + size
  }
  return -1
}

// The XMP application extension of a GIF ('XMP DataXMP'): the packet is stored as raw bytes,
// ended by a 258-byte "magic trailer" (0x01, 0xFF down to 0x00, then the block terminator).
// UTF-8 never holds 0xFF, so the trailer's start cannot occur inside the packet.
const GIF_XMP_TRAILER = Buffer.from([0x01, 0xff, 0xfe, 0xfd, 0xfc])
function gifXmp(input) {
  const packed = input[10]
  let offset = 13 + (packed & 0x80 ? 3 * (1 << ((packed & 7) + 1)) : 0)
  while (offset < input.length) {
    const block = input[offset]
    if (block === 0x3b) return null
    if (block === 0x2c) {
      if (offset + 10 > input.length) return null
      const local = input[offset + 9]
      offset += 10 + (local & 0x80 ? 3 * (1 << ((local & 7) + 1)) : 0) + 1
      offset = afterSubBlocks(input, offset)
    } else if (block === 0x21) {
      const label = input[offset + 1]
      if (label === 0xff && input[offset + 2] === 11 && input.toString('latin1', offset + 3, offset + 14) === 'XMP DataXMP') {
        const start = offset + 14
        const trailer = input.indexOf(GIF_XMP_TRAILER, start)
        if (trailer < 0) return { error: 'the XMP (GIF application extension) has no end marker' }
        return { data: input.subarray(start, trailer) }
      }
      offset = afterSubBlocks(input, offset + 2)
    } else {
      return null
    }
    if (offset < 0) return null
  }
  return null
}

// The XMP of a WebP or GIF as a PNG for exifr, or null; problems go to errors.
function containerXmpPng(input, limits, errors) {
  const found = isWebp(input) ? webpXmp(input) : isGif(input) ? gifXmp(input) : null
  if (!found) return null
  if (found.error) {
    errors.push(found.error)
    return null
  }
  if (found.data.length > limits.text) {
    errors.push('the XMP (' + found.data.length + ' bytes) is larger than ' + limits.text + ' bytes and was not read')
    return null
  }
  return xmpPng(ONE_PIXEL_IHDR, found.data)
}

// The PNG without the chunks that were dropped, for sharp; the original itself stays as it is.
function withoutChunks(input, dropped) {
  if (dropped.length === 0) return input
  const parts = []
  let at = 0
  for (const d of dropped) {
    parts.push(input.subarray(at, d.offset))
    at = d.end
  }
  parts.push(input.subarray(at))
  return Buffer.concat(parts)
}

async function encode(raw, info, size) {
  const alpha = info.channels === 2 || info.channels === 4
  let image = sharp(raw, { raw: { width: info.width, height: info.height, channels: info.channels } })
  if (size) image = image.resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
  image = alpha ? image.webp({ quality: 82 }) : image.jpeg({ quality: 82 })
  const out = await image.toBuffer({ resolveWithObject: true })
  return { data: out.data, width: out.info.width, height: out.info.height, ext: alpha ? 'webp' : 'jpg' }
}

// The scale at which the web crops (made from the same decode as the renditions) need the
// picture: the 16:9 cut (full width, or full height for a picture narrower than 16:9) at most
// cropEdges.wide pixels wide, the square (the shorter side) at most cropEdges.square. Never
// below the preview's own scale, never above 1. Null: no crops asked for.
function cropScale(header, cropEdges) {
  if (!cropEdges) return null
  const rotated = header.orientation !== null && header.orientation >= 5
  const w = rotated ? header.height : header.width
  const h = rotated ? header.width : header.height
  const wide = Math.min(w, Math.round((h * 16) / 9))
  const side = Math.min(w, h)
  const needed = Math.max(cropEdges.wide / wide, cropEdges.square / side, cropEdges.preview / Math.max(w, h))
  return Math.min(1, needed)
}

async function handle(job) {
  const bytes = job.bytes
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const hash = createHash('sha256').update(input).digest('hex')

  let pixelsInput = input
  let metadataInput = input
  let dropped = []
  const metadataErrors = []
  if (isPng(input)) {
    const guard = guardPng(input, job.metadataLimits)
    if (guard.refuse) {
      return reply({ id: job.id, ok: false, stage: 'bomb', message: 'compressed chunk too large', ...guard.refuse, bytes }, bytes)
    }
    dropped = guard.dropped.map((d) => ({ chunk: d.chunk, keyword: d.keyword, limit: d.limit, whole: d.whole }))
    metadataErrors.push(...guard.errors)
    pixelsInput = withoutChunks(input, guard.dropped)
    metadataInput = metadataPng(input, guard)
  }
  const xmpOfContainer = isWebp(input) || isGif(input)
  if (xmpOfContainer && job.readMetadata) metadataInput = containerXmpPng(input, job.metadataLimits, metadataErrors)

  let header
  try {
    // Header only: nothing is decoded yet, so a decompression bomb costs nothing here.
    const m = await sharp(pixelsInput, { limitInputPixels: false }).metadata()
    header = {
      format: m.format,
      width: m.width,
      height: m.pageHeight || m.height,
      orientation: m.orientation || null,
      pages: m.pages || 1,
      compression: m.compression || null
    }
  } catch (error) {
    return reply({ id: job.id, ok: false, stage: 'header', message: String(error && error.message || error), bytes }, bytes)
  }
  if (!header.width || !header.height || header.width * header.height > job.maxPixels) {
    return reply({ id: job.id, ok: false, stage: 'pixels', width: header.width, height: header.height, message: 'too many pixels', bytes }, bytes)
  }

  let preview, thumb, cropBase = null
  try {
    // Decode once (shrink-on-load for JPEG), EXIF orientation applied, 8 bits per channel;
    // both renditions come from these pixels. Output carries no EXIF, GPS or XMP.
    const scale = cropScale(header, job.cropEdges)
    const decode = sharp(pixelsInput, { limitInputPixels: job.maxPixels }).rotate()
    if (scale === null) {
      decode.resize({ width: job.previewSize, height: job.previewSize, fit: 'inside', withoutEnlargement: true })
    } else {
      const rotated = header.orientation !== null && header.orientation >= 5
      const w = rotated ? header.height : header.width
      const h = rotated ? header.width : header.height
      decode.resize(Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale)), { fit: 'fill' })
    }
    const { data, info } = await decode.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true })
    preview = await encode(data, info, scale === null ? 0 : job.previewSize)
    thumb = await encode(data, info, job.thumbSize)
    // sharp's output memory cannot be transferred (postMessage would copy it on the main
    // thread): one copy here into an ordinary buffer, which then moves without a copy.
    if (scale !== null) cropBase = { data: new Uint8Array(data), width: info.width, height: info.height, channels: info.channels }
  } catch (error) {
    return reply({ id: job.id, ok: false, stage: 'decode', message: String(error && error.message || error), bytes }, bytes)
  }

  let metadata = null
  if (job.readMetadata && metadataInput && (EXIFR_FORMATS.has(header.format) || xmpOfContainer)) {
    try {
      const out = await exifr.parse(metadataInput, EXIFR_OPTIONS)
      if (out) {
        if (Array.isArray(out.errors)) for (const e of out.errors) metadataErrors.push(String(e && e.message || e))
        delete out.errors
        metadata = plain(out)
      }
    } catch (error) {
      metadataErrors.push(String(error && error.message || error))
    }
  }
  const message = { id: job.id, ok: true, hash, header, preview, thumb, cropBase, metadata, metadataErrors, dropped, bytes }
  try {
    parentPort.postMessage(message, [...transferable(bytes), ...(cropBase ? transferable(cropBase.data) : [])])
  } catch {
    parentPort.postMessage(message)
  }
}

parentPort.on('message', (job) => {
  handle(job).catch((error) => {
    reply({ id: job.id, ok: false, stage: 'decode', message: String(error && error.stack || error), bytes: job.bytes }, job.bytes)
  })
})
`
