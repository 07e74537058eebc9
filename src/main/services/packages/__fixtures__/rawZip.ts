import { crc32, deflateRawSync } from 'node:zlib'

/** One entry of a hand-made ZIP: anything a hostile tool could write. */
export interface RawEntry {
  name: string
  data: Buffer
  /** Unix mode in the upper 16 bits of the external attributes (e.g. 0o120777 for a symlink). */
  unixMode?: number
  deflate?: boolean
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number
  /**
   * Write no local record: the central-directory entry points at the local record of the entry
   * with this index (which must come earlier) — the overlap bomb's trick.
   */
  sharesDataWith?: number
}

function centralHeader(
  name: Buffer,
  r: { offset: number; body: Buffer; crc: number; size: number; method: number },
  unixMode = 0o100644
): Buffer {
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE((3 << 8) | 20, 4) // made by Unix
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(0x0800, 8)
  central.writeUInt16LE(r.method, 10)
  central.writeUInt32LE(r.crc, 16)
  central.writeUInt32LE(r.body.length, 20)
  central.writeUInt32LE(r.size, 24)
  central.writeUInt16LE(name.length, 28)
  central.writeUInt32LE((unixMode << 16) >>> 0, 38)
  central.writeUInt32LE(r.offset, 42)
  return central
}

/**
 * Builds a ZIP byte for byte, because well-behaved writers (yazl) refuse the names and modes
 * these tests need.
 */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  const records: { offset: number; body: Buffer; crc: number; size: number; method: number }[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const shared = e.sharesDataWith === undefined ? undefined : records[e.sharesDataWith]
    if (shared) {
      centrals.push(centralHeader(name, shared, e.unixMode), name)
      records.push(shared)
      continue
    }
    const body = e.deflate ? deflateRawSync(e.data, { level: 9 }) : e.data
    const method = e.deflate ? 8 : 0
    const crc = crc32(e.data)
    const size = e.declaredSize ?? e.data.length
    const record = { offset, body, crc, size, method }
    records.push(record)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, body)
    centrals.push(centralHeader(name, record, e.unixMode), name)
    offset += local.length + name.length + body.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}
