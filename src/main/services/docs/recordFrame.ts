/**
 * The frame around every record of an update log and around a snapshot: a header that checks
 * itself (so a damaged length is never mistaken for a torn write) and a checksum of the payload.
 *
 * ```
 * offset 0   4 bytes  magic "CDU1"
 *        4   u32 LE   payload length
 *        8   u32 LE   CRC-32 of bytes 0..7
 *        12  u32 LE   CRC-32 of the payload
 *        16  payload
 * ```
 */
import { crc32 } from 'node:zlib'

/** Bytes before the payload. */
export const HEADER_BYTES = 16

const MAGIC = Buffer.from('CDU1', 'latin1')

// A Yjs update of a whole article is a few megabytes at most; a larger length that still passes
// the header check can only come from a writer bug, and must not make a reader allocate it.
const MAX_PAYLOAD = 256 * 1024 * 1024

/** One record found in a log: where it starts and what it carries. */
export interface FramedRecord {
  /** Offset of the record's header in the file. */
  offset: number
  /** The payload (a Yjs update); a view into the scanned buffer. */
  payload: Uint8Array
}

/**
 * How a scan ended. `clean`: at the end of the bytes. `torn`: the last record is incomplete (a
 * write cut short by a crash or power cut); it was never acknowledged. `damaged`: a record that
 * is not the last one fails its check.
 */
export type ScanEnd =
  | { kind: 'clean' }
  | { kind: 'torn'; offset: number }
  | { kind: 'damaged'; offset: number; reason: string }

/** The records of a scan and where the good part ends. */
export interface ScanResult {
  records: FramedRecord[]
  /** Offset just after the last good record (in file coordinates). */
  end: number
  tail: ScanEnd
}

/** The framed bytes of one payload. */
export function frameRecord(payload: Uint8Array): Buffer {
  if (payload.length > MAX_PAYLOAD) {
    throw new RangeError(`An update of ${payload.length} bytes is larger than ${MAX_PAYLOAD}`)
  }
  const out = Buffer.alloc(HEADER_BYTES + payload.length)
  MAGIC.copy(out, 0)
  out.writeUInt32LE(payload.length, 4)
  out.writeUInt32LE(crc32(out.subarray(0, 8)), 8)
  out.writeUInt32LE(crc32(payload), 12)
  out.set(payload, HEADER_BYTES)
  return out
}

function allZero(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0) return false
  return true
}

/**
 * Reads the records of `bytes`, which starts at file offset `base`. A bad record counts as a torn
 * tail when nothing but zeros follows it (a file that grew on a power cut before its data was
 * written comes back zero-filled) or when it is the last thing in the file; otherwise the log is
 * damaged at that offset.
 */
export function scanRecords(bytes: Uint8Array, base = 0): ScanResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  const records: FramedRecord[] = []
  let p = 0
  const at = (kind: 'clean' | 'torn'): ScanResult =>
    kind === 'clean'
      ? { records, end: base + p, tail: { kind } }
      : { records, end: base + p, tail: { kind, offset: base + p } }
  const damaged = (reason: string): ScanResult => ({
    records,
    end: base + p,
    tail: { kind: 'damaged', offset: base + p, reason }
  })
  while (p < buf.length) {
    if (buf.length - p < HEADER_BYTES) return at('torn')
    const headerOk =
      buf.compare(MAGIC, 0, 4, p, p + 4) === 0 &&
      buf.readUInt32LE(p + 8) === crc32(buf.subarray(p, p + 8))
    if (!headerOk) {
      return allZero(buf.subarray(p)) ? at('torn') : damaged('the record header is damaged')
    }
    const length = buf.readUInt32LE(p + 4)
    if (length > MAX_PAYLOAD) return damaged(`the record claims ${length} bytes`)
    const end = p + HEADER_BYTES + length
    if (end > buf.length) return at('torn')
    const payload = buf.subarray(p + HEADER_BYTES, end)
    if (buf.readUInt32LE(p + 12) !== crc32(payload)) {
      if (end === buf.length || allZero(buf.subarray(end))) return at('torn')
      return damaged('the record does not match its checksum')
    }
    records.push({ offset: base + p, payload })
    p = end
  }
  return at('clean')
}
