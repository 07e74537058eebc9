import { cleanExif, orientationOnlyExif, type SensitiveKind } from './exifTiff'
import { cleanPhotoshopIrb, isPhotoshopIrb } from './photoshopIrb'
import { cleanXmp } from './xmpPacket'

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

/**
 * A JPEG without what could reveal a source: GPS (EXIF and XMP), XMP and IIM location fields,
 * camera and lens serial numbers, the owner name, maker notes, embedded thumbnails (EXIF IFD1,
 * JFIF/JFXX, Photoshop), appended secondary images (MPF) and blocks that cannot be checked.
 * Captions, credits, rights, orientation and the colour profile stay. The image data (first SOS
 * to EOI) is copied byte for byte, so the pixels decode identically. Idempotent: a cleaned file
 * comes back unchanged (the same buffer).
 */
export function protectJpeg(input: Buffer): ProtectedJpeg {
  const { segments, sos } = readHeader(input)
  const end = imageEnd(input, sos)
  const removed = new Set<SensitiveKind>()
  const out: Buffer[] = [input.subarray(0, 2)]
  let changed = false
  let hadMpf = false
  for (const segment of segments) {
    const decision = decide(segment)
    if (decision.removed.includes('secondary-images')) hadMpf = true
    for (const k of decision.removed) removed.add(k)
    if (decision.keep !== segment.payload) changed = true
    if (decision.keep) out.push(segmentBytes(segment.marker, decision.keep))
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
