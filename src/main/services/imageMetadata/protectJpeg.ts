import { cleanExif, orientationOnlyExif, type SensitiveKind } from './exifTiff'
import { iimRecord, xmpDescription, xmpPacketFor, type PhotoText } from './photoText'
import { cleanPhotoshopIrb, iptcRecordOf, isPhotoshopIrb, withIptcRecord } from './photoshopIrb'
import { cleanXmp, mergeXmp } from './xmpPacket'

/*
 * A JPEG is a list of marker segments up to the first SOS (start of scan), then entropy-coded
 * image data up to EOI. Metadata lives in the APPn segments before the first scan; the cleaner
 * rewrites or drops those and copies everything from the first SOS to EOI byte for byte, so the
 * decoded pixels cannot change. Bytes after EOI (phones append depth maps and preview images
 * there, with their own EXIF) are dropped.
 */

const EXIF_ID = Buffer.from('Exif\0\0', 'latin1')
const XMP_ID = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1')
const XMP_EXT_ID = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1')
const MAX_PAYLOAD = 0xffff - 2

/** The outcome of protecting one JPEG. */
export interface ProtectedJpeg {
  /** The cleaned file; the input buffer itself when nothing had to change. */
  bytes: Buffer
  /** What was taken out (empty when nothing was). */
  removed: SensitiveKind[]
}

interface Segment {
  marker: number
  payload: Buffer
}

function startsWith(payload: Buffer, id: Buffer): boolean {
  return payload.length >= id.length && payload.subarray(0, id.length).equals(id)
}

function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)
}

/** Whether the bytes start like a JPEG (SOI and a marker). */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
}

/** The segments before the first SOS, and where that SOS starts. */
function readHeader(buf: Buffer): { segments: Segment[]; sos: number } {
  if (!isJpeg(buf)) throw new Error('not a JPEG file (no SOI marker)')
  const segments: Segment[] = []
  let at = 2
  for (;;) {
    if (at + 1 >= buf.length) throw new Error('JPEG ends before its image data')
    if (buf[at] !== 0xff) throw new Error(`JPEG marker expected at byte ${at}`)
    while (buf[at + 1] === 0xff && at + 2 < buf.length) at++
    const marker = buf[at + 1]
    if (marker === 0xda) return { segments, sos: at }
    if (isStandalone(marker)) {
      if (marker === 0xd9) throw new Error('JPEG ends before its image data')
      at += 2
      continue
    }
    if (at + 4 > buf.length) throw new Error('JPEG segment header is truncated')
    const length = buf.readUInt16BE(at + 2)
    if (length < 2 || at + 2 + length > buf.length) {
      throw new Error(`JPEG segment at byte ${at} runs past the end of the file`)
    }
    segments.push({ marker, payload: buf.subarray(at + 4, at + 2 + length) })
    at += 2 + length
  }
}

/** The byte after the EOI marker that ends the image starting its scans at `sos`. */
function imageEnd(buf: Buffer, sos: number): number {
  let at = sos
  for (;;) {
    if (at + 1 >= buf.length || buf[at] !== 0xff) return buf.length
    const marker = buf[at + 1]
    if (marker === 0xd9) return at + 2
    if (isStandalone(marker)) at += 2
    else {
      if (at + 4 > buf.length) return buf.length
      at += 2 + buf.readUInt16BE(at + 2)
    }
    if (marker === 0xda || (marker >= 0xd0 && marker <= 0xd7)) {
      // Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or a restart marker inside it.
      let j = at
      for (;;) {
        j = buf.indexOf(0xff, j)
        if (j < 0 || j + 1 >= buf.length) return buf.length
        const next = buf[j + 1]
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) j += 2
        else if (next === 0xff) j += 1
        else break
      }
      at = j
    }
  }
}

function segmentBytes(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4)
  head[0] = 0xff
  head[1] = marker
  head.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([head, payload])
}

type Decision = { keep: Buffer | null; removed: SensitiveKind[] }

function decideApp1(payload: Buffer): Decision {
  if (startsWith(payload, EXIF_ID)) {
    const tiff = payload.subarray(EXIF_ID.length)
    const cleaned = cleanExif(tiff)
    if (!cleaned) return { keep: null, removed: ['unreadable-metadata'] }
    if (cleaned.removed.length === 0) return { keep: payload, removed: [] }
    let bytes = cleaned.bytes
    if (EXIF_ID.length + bytes.length > MAX_PAYLOAD)
      bytes = orientationOnlyExif(tiff) ?? Buffer.alloc(0)
    return {
      keep: bytes.length ? Buffer.concat([EXIF_ID, bytes]) : null,
      removed: cleaned.removed
    }
  }
  if (startsWith(payload, XMP_ID)) {
    let result: ReturnType<typeof cleanXmp>
    try {
      result = cleanXmp(payload.subarray(XMP_ID.length).toString('utf8'))
    } catch {
      return { keep: null, removed: ['unreadable-metadata'] }
    }
    const removed = result.removed.flatMap((k): SensitiveKind[] =>
      k === 'location'
        ? ['xmp-location']
        : k === 'device'
          ? ['xmp-device']
          : k === 'thumbnail'
            ? ['thumbnail']
            : []
    )
    if (result.removed.length === 0) return { keep: payload, removed: [] }
    return { keep: Buffer.concat([XMP_ID, Buffer.from(result.xml, 'utf8')]), removed }
  }
  if (startsWith(payload, XMP_EXT_ID)) return { keep: null, removed: ['other-metadata'] }
  return { keep: payload, removed: [] }
}

function decide(segment: Segment): Decision {
  const { marker, payload } = segment
  const id = payload.toString('latin1', 0, Math.min(payload.length, 5))
  switch (marker) {
    case 0xe0: // APP0: JFIF may carry a thumbnail; JFXX is nothing but one.
      if (id === 'JFIF\0' && payload.length >= 14 && payload[12] * payload[13] > 0) {
        const head = Buffer.from(payload.subarray(0, 14))
        head[12] = 0
        head[13] = 0
        return { keep: head, removed: ['thumbnail'] }
      }
      if (id === 'JFXX\0') return { keep: null, removed: ['thumbnail'] }
      return { keep: payload, removed: [] }
    case 0xe1:
      return decideApp1(payload)
    case 0xe2: // APP2: ICC profiles stay; MPF indexes the images appended after EOI.
      if (id.startsWith('MPF\0')) return { keep: null, removed: ['secondary-images'] }
      if (id === 'FPXR\0') return { keep: null, removed: ['other-metadata'] }
      return { keep: payload, removed: [] }
    case 0xeb: // APP11: JUMBF/C2PA manifests sign the original bytes and may hold EXIF.
      return { keep: null, removed: ['other-metadata'] }
    case 0xed:
      if (!isPhotoshopIrb(payload)) return { keep: payload, removed: [] }
      try {
        const cleaned = cleanPhotoshopIrb(payload)
        return {
          keep: cleaned.bytes,
          removed: cleaned.removed.map((k) =>
            k === 'iptc-location'
              ? 'iptc-location'
              : k === 'thumbnail'
                ? 'thumbnail'
                : 'other-metadata'
          )
        }
      } catch {
        return { keep: null, removed: ['unreadable-metadata'] }
      }
    default:
      return { keep: payload, removed: [] }
  }
}

function trailerKind(trailer: Buffer, hadMpf: boolean): SensitiveKind {
  if (hadMpf || trailer.includes(EXIF_ID) || trailer.includes(Buffer.from([0xff, 0xd8, 0xff]))) {
    return 'secondary-images'
  }
  return 'other-metadata'
}

/** What `protectJpeg` does besides cleaning. */
export interface ProtectJpegOptions {
  /** Write these texts as IPTC IIM (APP13) and XMP (APP1), replacing the file's own copies. */
  text?: PhotoText
  /** Remove what could reveal a source (default true); false keeps every other segment. */
  clean?: boolean
}

/** XMP of a file merged with the texts; a packet that cannot be merged gives way to a new one. */
function mergedXmp(
  old: Buffer | null,
  text: PhotoText,
  clean: boolean,
  removed: Set<SensitiveKind>
): Buffer {
  let xml = xmpPacketFor(text)
  if (old) {
    try {
      const merged = mergeXmp(
        old.subarray(XMP_ID.length).toString('utf8'),
        xmpDescription(text),
        clean
      )
      for (const k of merged.removed) {
        if (k === 'location') removed.add('xmp-location')
        else if (k === 'device') removed.add('xmp-device')
        else if (k === 'thumbnail') removed.add('thumbnail')
      }
      xml = merged.xml
    } catch {
      if (clean) removed.add('unreadable-metadata')
    }
  }
  let payload = Buffer.concat([XMP_ID, Buffer.from(xml, 'utf8')])
  // The file's other XMP does not fit beside the texts: the texts win.
  if (payload.length > MAX_PAYLOAD)
    payload = Buffer.concat([XMP_ID, Buffer.from(xmpPacketFor(text), 'utf8')])
  if (payload.length > MAX_PAYLOAD) {
    throw new Error(
      `the photo texts take ${payload.length} bytes of XMP, more than one JPEG segment holds (${MAX_PAYLOAD})`
    )
  }
  return payload
}

/**
 * A JPEG without what could reveal a source: GPS (EXIF and XMP), XMP and IIM location fields,
 * camera and lens serial numbers, the owner name, maker notes, embedded thumbnails (EXIF IFD1,
 * JFIF/JFXX, Photoshop), appended secondary images (MPF) and blocks that cannot be checked.
 * Captions, credits, rights, orientation and the colour profile stay. The image data (first SOS
 * to EOI) is copied byte for byte, so the pixels decode identically. Idempotent: a cleaned file
 * comes back unchanged (the same buffer).
 *
 * With `text`, the photo texts replace the file's own in IPTC IIM (APP13, UTF-8) and XMP (APP1,
 * merged into the file's packet, whose other properties stay); `clean: false` then keeps every
 * other segment and the bytes after EOI as they were.
 */
export function protectJpeg(input: Buffer, opts: ProtectJpegOptions = {}): ProtectedJpeg {
  const clean = opts.clean !== false
  const text = opts.text
  const { segments, sos } = readHeader(input)
  const end = clean ? imageEnd(input, sos) : input.length
  const removed = new Set<SensitiveKind>()
  const out: Buffer[] = [input.subarray(0, 2)]
  let changed = text !== undefined
  let hadMpf = false
  let oldXmp: Buffer | null = null
  let oldIrb: Buffer | null = null
  let xmpAt = -1
  let irbAt = -1
  let afterLeadingApp = 1
  for (const segment of segments) {
    const decision: Decision = clean ? decide(segment) : { keep: segment.payload, removed: [] }
    if (decision.removed.includes('secondary-images')) hadMpf = true
    for (const k of decision.removed) removed.add(k)
    if (decision.keep !== segment.payload) changed = true
    const keep = decision.keep
    if (text && segment.marker === 0xe1 && startsWith(segment.payload, XMP_EXT_ID)) continue
    if (text && keep && segment.marker === 0xe1 && startsWith(keep, XMP_ID)) {
      if (xmpAt < 0) {
        // The cleaned packet when cleaning, else the file's own.
        oldXmp = clean ? keep : segment.payload
        xmpAt = out.length
        out.push(Buffer.alloc(0))
      }
      continue
    }
    if (text && keep && segment.marker === 0xed && isPhotoshopIrb(keep) && irbAt < 0) {
      oldIrb = keep
      irbAt = out.length
      out.push(Buffer.alloc(0))
      continue
    }
    if (keep) out.push(segmentBytes(segment.marker, keep))
    // JFIF and EXIF come first in a JPEG; new XMP goes right after them.
    if (
      keep &&
      (segment.marker === 0xe0 || (segment.marker === 0xe1 && startsWith(keep, EXIF_ID)))
    ) {
      if (out.length - 1 === afterLeadingApp) afterLeadingApp = out.length
    }
  }
  if (text) {
    const xmp = segmentBytes(0xe1, mergedXmp(oldXmp, text, clean, removed))
    let iim: Buffer | null = null
    try {
      iim = oldIrb ? iptcRecordOf(oldIrb) : null
    } catch {
      oldIrb = null
    }
    let irbPayload: Buffer
    try {
      irbPayload = withIptcRecord(oldIrb, iimRecord(text, iim))
    } catch {
      irbPayload = withIptcRecord(null, iimRecord(text, null))
    }
    if (irbPayload.length > MAX_PAYLOAD) irbPayload = withIptcRecord(null, iimRecord(text, null))
    const irb = segmentBytes(0xed, irbPayload)
    if (xmpAt >= 0) out[xmpAt] = xmp
    else {
      out.splice(afterLeadingApp, 0, xmp)
      if (irbAt >= afterLeadingApp) irbAt++
    }
    if (irbAt >= 0) out[irbAt] = irb
    else out.splice((xmpAt >= 0 ? xmpAt : afterLeadingApp) + 1, 0, irb)
  }
  if (end < input.length) {
    removed.add(trailerKind(input.subarray(end), hadMpf))
    changed = true
  }
  if (!changed) return { bytes: input, removed: [] }
  out.push(input.subarray(sos, end))
  return { bytes: Buffer.concat(out), removed: [...removed] }
}

/** What `protectJpeg` would remove from this file (nothing is written). */
export function inspectJpeg(input: Buffer): SensitiveKind[] {
  return protectJpeg(input).removed
}
