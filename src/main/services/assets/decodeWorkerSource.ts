/**
 * The decode worker, as CommonJS source run with `new Worker(source, { eval: true })`.
 *
 * Why a string and not a worker file: the core runs from TypeScript under Vitest and tsx and
 * from bundles in `out/` (CLI, harness, Electron main); a separate entry file would need a
 * loader in the first case and an extra build entry in each bundle. This source needs neither:
 * it requires sharp and exifr by the absolute paths the main thread resolved (workerData), so
 * it runs the same everywhere. It is kept small and does only the CPU work: hashing, reading
 * the header, decoding, encoding renditions and parsing IPTC/XMP. Everything that decides what
 * to do with the results is TypeScript in the main thread.
 *
 * Protocol: in `{ id, bytes, maxPixels, previewSize, thumbSize, readMetadata }`; out
 * `{ id, ok: true, hash, header, preview, thumb, metadata, metadataErrors, bytes }` or
 * `{ id, ok: false, stage: 'header' | 'pixels' | 'decode', message, width?, height?, bytes }`.
 * `bytes` (the original) travels back to the main thread, transferred, not copied.
 */
export const DECODE_WORKER_SOURCE = String.raw`
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
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

async function encode(raw, info, size) {
  const alpha = info.channels === 2 || info.channels === 4
  let image = sharp(raw, { raw: { width: info.width, height: info.height, channels: info.channels } })
  if (size) image = image.resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
  image = alpha ? image.webp({ quality: 82 }) : image.jpeg({ quality: 82 })
  const out = await image.toBuffer({ resolveWithObject: true })
  return { data: out.data, width: out.info.width, height: out.info.height, ext: alpha ? 'webp' : 'jpg' }
}

async function handle(job) {
  const bytes = job.bytes
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const hash = createHash('sha256').update(input).digest('hex')

  let header
  try {
    // Header only: nothing is decoded yet, so a decompression bomb costs nothing here.
    const m = await sharp(input, { limitInputPixels: false }).metadata()
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

  let preview, thumb
  try {
    // Decode once (shrink-on-load for JPEG), EXIF orientation applied, 8 bits per channel;
    // both renditions come from these pixels. Output carries no EXIF, GPS or XMP.
    const { data, info } = await sharp(input, { limitInputPixels: job.maxPixels })
      .rotate()
      .resize({ width: job.previewSize, height: job.previewSize, fit: 'inside', withoutEnlargement: true })
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true })
    preview = await encode(data, info, 0)
    thumb = await encode(data, info, job.thumbSize)
  } catch (error) {
    return reply({ id: job.id, ok: false, stage: 'decode', message: String(error && error.message || error), bytes }, bytes)
  }

  let metadata = null
  const metadataErrors = []
  if (job.readMetadata && EXIFR_FORMATS.has(header.format)) {
    try {
      const out = await exifr.parse(input, EXIFR_OPTIONS)
      if (out) {
        if (Array.isArray(out.errors)) for (const e of out.errors) metadataErrors.push(String(e && e.message || e))
        delete out.errors
        metadata = plain(out)
      }
    } catch (error) {
      metadataErrors.push(String(error && error.message || error))
    }
  }
  reply({ id: job.id, ok: true, hash, header, preview, thumb, metadata, metadataErrors, bytes }, bytes)
}

parentPort.on('message', (job) => {
  handle(job).catch((error) => {
    reply({ id: job.id, ok: false, stage: 'decode', message: String(error && error.stack || error), bytes: job.bytes }, job.bytes)
  })
})
`
