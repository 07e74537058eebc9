/*
 * EXIF is a small TIFF file: a header, then IFDs (tables of 12-byte entries) whose larger values
 * sit elsewhere in the block at absolute offsets. Removing a tag in place would leave its value
 * bytes behind, so the cleaner parses the IFDs it understands and writes a new, compact TIFF in
 * the same byte order, copying each kept value's bytes unchanged.
 */

/** Kinds of source-revealing data an image can carry (shown in findings and the manifest). */
export type SensitiveKind =
  | 'gps'
  | 'camera-serial'
  | 'lens-serial'
  | 'owner-name'
  | 'maker-notes'
  | 'thumbnail'
  | 'xmp-location'
  | 'iptc-location'
  | 'xmp-device'
  | 'secondary-images'
  | 'unreadable-metadata'
  /** Blocks dropped because they cannot be checked or would be invalid after editing. */
  | 'other-metadata'

/** The kinds that reveal where a picture was taken or with whose device. */
export const SOURCE_REVEALING: ReadonlySet<SensitiveKind> = new Set<SensitiveKind>([
  'gps',
  'camera-serial',
  'lens-serial',
  'owner-name',
  'maker-notes',
  'xmp-location',
  'iptc-location',
  'xmp-device',
  'secondary-images'
])

const TYPE_SIZES: Record<number, number> = {
  1: 1, // BYTE
  2: 1, // ASCII
  3: 2, // SHORT
  4: 4, // LONG
  5: 8, // RATIONAL
  6: 1, // SBYTE
  7: 1, // UNDEFINED
  8: 2, // SSHORT
  9: 4, // SLONG
  10: 8, // SRATIONAL
  11: 4, // FLOAT
  12: 8, // DOUBLE
  13: 4 // IFD
}

const TAG_EXIF_IFD = 0x8769
const TAG_GPS_IFD = 0x8825
const TAG_INTEROP_IFD = 0xa005

/** Tags that identify the device or its owner, and where the check finds them. */
const SENSITIVE_TAGS: ReadonlyMap<number, SensitiveKind> = new Map([
  [TAG_GPS_IFD, 'gps'],
  [0xa431, 'camera-serial'], // BodySerialNumber
  [0xc62f, 'camera-serial'], // CameraSerialNumber (DNG)
  [0xa435, 'lens-serial'], // LensSerialNumber
  [0xa430, 'owner-name'], // CameraOwnerName
  [0x927c, 'maker-notes'] // MakerNote: vendor data with serial numbers, at internal offsets
])

/**
 * Tags dropped without being "sensitive" on their own: values holding offsets that a rebuilt
 * block would break (SubIFDs, thumbnail pointers) and copies of XMP/IPTC/device data inside
 * EXIF, which the APP segments carry properly.
 */
const UNSAFE_TO_COPY = new Set([
  0x014a, // SubIFDs
  0x0201, // JPEGInterchangeFormat (thumbnail offset)
  0x0202, // JPEGInterchangeFormatLength
  0x02bc, // XMP inside TIFF
  0x83bb, // IPTC-NAA inside TIFF
  0x013c, // HostComputer
  0xea1c // Padding (Microsoft): filler only
])

interface Entry {
  tag: number
  type: number
  count: number
  /** The value's bytes in the block's byte order (inline or out-of-line alike). */
  value: Buffer
}

interface Ifd {
  entries: Entry[]
  next: number
}

class Reader {
  constructor(
    readonly buf: Buffer,
    readonly le: boolean
  ) {}

  u16(at: number): number {
    return this.le ? this.buf.readUInt16LE(at) : this.buf.readUInt16BE(at)
  }

  u32(at: number): number {
    return this.le ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at)
  }
}

function readIfd(r: Reader, offset: number): Ifd {
  const buf = r.buf
  if (offset < 8 || offset + 2 > buf.length) throw new Error(`IFD offset ${offset} out of range`)
  const n = r.u16(offset)
  if (offset + 2 + n * 12 + 4 > buf.length) throw new Error('IFD runs past the EXIF block')
  const entries: Entry[] = []
  for (let i = 0; i < n; i++) {
    const at = offset + 2 + i * 12
    const tag = r.u16(at)
    const type = r.u16(at + 2)
    const count = r.u32(at + 4)
    const size = TYPE_SIZES[type]
    // Unknown types or impossible lengths: the entry cannot be copied faithfully, so it goes.
    if (!size || count > buf.length) continue
    const bytes = size * count
    let start = at + 8
    if (bytes > 4) {
      start = r.u32(at + 8)
      if (start + bytes > buf.length) continue
    }
    entries.push({ tag, type, count, value: Buffer.from(buf.subarray(start, start + bytes)) })
  }
  return { entries, next: r.u32(offset + 2 + n * 12) }
}

function pointerOf(r: Reader, entry: Entry | undefined): number | null {
  if (!entry || (entry.type !== 4 && entry.type !== 13) || entry.count !== 1) return null
  return new Reader(entry.value, r.le).u32(0)
}

/** The IFDs of an EXIF block, as far as they could be read. */
interface ParsedExif {
  le: boolean
  ifd0: Ifd
  exif: Ifd | null
  interop: Ifd | null
  hasGps: boolean
  hasIfd1: boolean
}

function parse(tiff: Buffer): ParsedExif {
  if (tiff.length < 8) throw new Error('EXIF block too short')
  const order = tiff.toString('latin1', 0, 2)
  if (order !== 'II' && order !== 'MM') throw new Error('EXIF block has no TIFF byte order mark')
  const r = new Reader(tiff, order === 'II')
  if (r.u16(2) !== 42) throw new Error('EXIF block is not a TIFF structure')
  const ifd0 = readIfd(r, r.u32(4))
  const exifAt = pointerOf(
    r,
    ifd0.entries.find((e) => e.tag === TAG_EXIF_IFD)
  )
  const exif = exifAt === null ? null : readIfd(r, exifAt)
  const interopAt = pointerOf(
    r,
    exif?.entries.find((e) => e.tag === TAG_INTEROP_IFD)
  )
  let interop: Ifd | null = null
  if (interopAt !== null) {
    try {
      interop = readIfd(r, interopAt)
    } catch {
      interop = null
    }
  }
  return {
    le: r.le,
    ifd0,
    exif,
    interop,
    hasGps: ifd0.entries.some((e) => e.tag === TAG_GPS_IFD),
    hasIfd1: ifd0.next !== 0
  }
}

/** What an EXIF block (TIFF bytes, without the `Exif\0\0` prefix) reveals. */
export function sensitiveInExif(tiff: Buffer): SensitiveKind[] {
  let parsed: ParsedExif
  try {
    parsed = parse(tiff)
  } catch {
    return ['unreadable-metadata']
  }
  const found = new Set<SensitiveKind>()
  for (const entry of [...parsed.ifd0.entries, ...(parsed.exif?.entries ?? [])]) {
    const kind = SENSITIVE_TAGS.get(entry.tag)
    if (kind) found.add(kind)
  }
  if (parsed.hasIfd1) found.add('thumbnail')
  return [...found]
}

class Writer {
  private readonly chunks: Buffer[] = []
  length = 0

  constructor(private readonly le: boolean) {}

  bytes(b: Buffer): void {
    this.chunks.push(b)
    this.length += b.length
  }

  u16(v: number): void {
    const b = Buffer.alloc(2)
    if (this.le) b.writeUInt16LE(v)
    else b.writeUInt16BE(v)
    this.bytes(b)
  }

  u32(v: number): void {
    const b = Buffer.alloc(4)
    if (this.le) b.writeUInt32LE(v)
    else b.writeUInt32BE(v)
    this.bytes(b)
  }

  align(): void {
    if (this.length % 2) this.bytes(Buffer.alloc(1))
  }

  result(): Buffer {
    return Buffer.concat(this.chunks)
  }
}

function keep(entries: Entry[]): Entry[] {
  return entries
    .filter((e) => !SENSITIVE_TAGS.has(e.tag) && !UNSAFE_TO_COPY.has(e.tag) && e.type !== 13)
    .sort((a, b) => a.tag - b.tag)
}

function ifdSize(entries: Entry[]): number {
  return 2 + entries.length * 12 + 4
}

/**
 * Writes one IFD at the writer's position (which must be `at`) followed by its out-of-line
 * values. `pointers` supplies the value of pointer tags (sub-IFD offsets) computed by the caller.
 */
function writeIfd(w: Writer, at: number, entries: Entry[], pointers: Map<number, number>): void {
  if (w.length !== at) throw new Error('EXIF writer out of step')
  let valueAt = at + ifdSize(entries)
  const outOfLine: Buffer[] = []
  w.u16(entries.length)
  for (const e of entries) {
    w.u16(e.tag)
    const pointer = pointers.get(e.tag)
    if (pointer !== undefined) {
      w.u16(4)
      w.u32(1)
      w.u32(pointer)
      continue
    }
    w.u16(e.type)
    w.u32(e.count)
    if (e.value.length <= 4) {
      const inline = Buffer.alloc(4)
      e.value.copy(inline)
      w.bytes(inline)
    } else {
      w.u32(valueAt)
      const padded = e.value.length % 2 ? Buffer.concat([e.value, Buffer.alloc(1)]) : e.value
      outOfLine.push(padded)
      valueAt += padded.length
    }
  }
  w.u32(0)
  for (const b of outOfLine) w.bytes(b)
}

function valuesSize(entries: Entry[], pointers: Set<number>): number {
  let size = 0
  for (const e of entries) {
    if (pointers.has(e.tag) || e.value.length <= 4) continue
    size += e.value.length + (e.value.length % 2)
  }
  return size
}

/**
 * EXIF without GPS, serial numbers, owner name, maker notes and the IFD1 thumbnail, rebuilt as
 * a compact TIFF in the same byte order. Everything else (orientation, camera model, exposure,
 * dates, colour space) is kept byte for byte. Returns null when the block cannot be parsed;
 * the caller then drops it whole.
 */
export function cleanExif(tiff: Buffer): { bytes: Buffer; removed: SensitiveKind[] } | null {
  let parsed: ParsedExif
  try {
    parsed = parse(tiff)
  } catch {
    return null
  }
  const removed = sensitiveInExif(tiff)
  if (removed.length === 0) return { bytes: tiff, removed }

  const ifd0 = keep(parsed.ifd0.entries).filter(
    (e) => e.tag !== TAG_EXIF_IFD || parsed.exif !== null
  )
  const exif = parsed.exif
    ? keep(parsed.exif.entries).filter((e) => e.tag !== TAG_INTEROP_IFD || parsed.interop !== null)
    : null
  const interop = parsed.interop ? keep(parsed.interop.entries) : null

  const ifd0Pointers = new Set([TAG_EXIF_IFD])
  const exifPointers = new Set([TAG_INTEROP_IFD])
  const ifd0At = 8
  const exifAt = ifd0At + ifdSize(ifd0) + valuesSize(ifd0, ifd0Pointers)
  const interopAt = exif ? exifAt + ifdSize(exif) + valuesSize(exif, exifPointers) : 0

  const w = new Writer(parsed.le)
  w.bytes(Buffer.from(parsed.le ? 'II' : 'MM', 'latin1'))
  w.u16(42)
  w.u32(ifd0At)
  writeIfd(w, ifd0At, ifd0, new Map(exif ? [[TAG_EXIF_IFD, exifAt]] : []))
  if (exif) {
    writeIfd(w, exifAt, exif, new Map(interop ? [[TAG_INTEROP_IFD, interopAt]] : []))
    if (interop) writeIfd(w, interopAt, interop, new Map())
  }
  return { bytes: w.result(), removed }
}

/**
 * The smallest EXIF that keeps the picture upright: IFD0 with only the orientation tag (when the
 * block had one). Used when a rebuilt block would not fit in one APP1 segment.
 */
export function orientationOnlyExif(tiff: Buffer): Buffer | null {
  let parsed: ParsedExif
  try {
    parsed = parse(tiff)
  } catch {
    return null
  }
  const orientation = parsed.ifd0.entries.find((e) => e.tag === 0x0112 && e.type === 3)
  if (!orientation) return null
  const w = new Writer(parsed.le)
  w.bytes(Buffer.from(parsed.le ? 'II' : 'MM', 'latin1'))
  w.u16(42)
  w.u32(8)
  writeIfd(w, 8, [orientation], new Map())
  return w.result()
}
