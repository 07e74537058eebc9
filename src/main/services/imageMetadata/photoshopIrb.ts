import { createHash } from 'node:crypto'

/*
 * APP13 carries Photoshop "image resource blocks"; resource 0x0404 is the IPTC IIM record that
 * agencies fill (caption, credit, by-line, …). The cleaner keeps that record but drops its
 * location datasets, and drops the resources that hold thumbnails or copies of EXIF/XMP.
 */

const HEADER = 'Photoshop 3.0\0'
const RES_IPTC = 0x0404
const RES_IPTC_DIGEST = 0x0425
/** Thumbnails (0x0409, 0x040c) and EXIF/XMP copies (0x0422, 0x0423, 0x0424). */
const DROPPED_RESOURCES = new Set([0x0409, 0x040c, 0x0422, 0x0423, 0x0424])

/**
 * IIM record 2 datasets that say where a picture was taken: content location code/name (26,
 * 27), city (90), sub-location (92), province/state (95), country code (100) and name (101).
 */
const LOCATION_DATASETS = new Set([26, 27, 90, 92, 95, 100, 101])

/** What the cleaner took out of an APP13 payload. */
export type IrbKind = 'iptc-location' | 'thumbnail' | 'exif-copy'

interface Resource {
  signature: string
  id: number
  /** The Pascal-string name with its padding, as stored. */
  name: Buffer
  data: Buffer
}

function parseResources(payload: Buffer): Resource[] {
  const out: Resource[] = []
  let at = HEADER.length
  while (at < payload.length) {
    if (at + 12 > payload.length) throw new Error('truncated resource block')
    const signature = payload.toString('latin1', at, at + 4)
    if (!/^(8BIM|PHUT|AgHg|DCSR|MeSa)$/.test(signature)) throw new Error('bad resource signature')
    const id = payload.readUInt16BE(at + 4)
    const nameLength = payload[at + 6]
    // Length byte + characters, padded to an even size.
    const nameSize = (nameLength + 2) & ~1
    const sizeAt = at + 6 + nameSize
    if (sizeAt + 4 > payload.length) throw new Error('truncated resource block')
    const size = payload.readUInt32BE(sizeAt)
    const dataAt = sizeAt + 4
    if (dataAt + size > payload.length) throw new Error('resource runs past the segment')
    out.push({
      signature,
      id,
      name: payload.subarray(at + 6, sizeAt),
      data: payload.subarray(dataAt, dataAt + size)
    })
    at = dataAt + size + (size % 2)
  }
  return out
}

function withoutLocation(iim: Buffer): { bytes: Buffer; changed: boolean } {
  const kept: Buffer[] = []
  let changed = false
  let at = 0
  while (at < iim.length) {
    // Some writers pad the record with zeros.
    if (iim[at] !== 0x1c) {
      kept.push(iim.subarray(at))
      break
    }
    if (at + 5 > iim.length) throw new Error('truncated IIM dataset')
    const record = iim[at + 1]
    const dataset = iim[at + 2]
    let length = iim.readUInt16BE(at + 3)
    let head = 5
    if (length & 0x8000) {
      // Extended dataset: the low 15 bits say how many bytes hold the length.
      const n = length & 0x7fff
      if (n > 4 || at + 5 + n > iim.length) throw new Error('bad extended IIM length')
      length = 0
      for (let k = 0; k < n; k++) length = length * 256 + iim[at + 5 + k]
      head += n
    }
    const end = at + head + length
    if (end > iim.length) throw new Error('IIM dataset runs past the record')
    if (record === 2 && LOCATION_DATASETS.has(dataset)) changed = true
    else kept.push(iim.subarray(at, end))
    at = end
  }
  return { bytes: changed ? Buffer.concat(kept) : iim, changed }
}

function serialize(resources: Resource[]): Buffer {
  const parts: Buffer[] = [Buffer.from(HEADER, 'latin1')]
  for (const r of resources) {
    const head = Buffer.alloc(6)
    head.write(r.signature, 0, 'latin1')
    head.writeUInt16BE(r.id, 4)
    const size = Buffer.alloc(4)
    size.writeUInt32BE(r.data.length)
    parts.push(head, r.name, size, r.data)
    if (r.data.length % 2) parts.push(Buffer.alloc(1))
  }
  return Buffer.concat(parts)
}

/** Whether an APP13 payload is a Photoshop resource block list. */
export function isPhotoshopIrb(payload: Buffer): boolean {
  return payload.toString('latin1', 0, HEADER.length) === HEADER
}

/**
 * An APP13 payload without IIM location datasets, thumbnails and EXIF/XMP copies; the IPTC
 * digest (0x0425) is recomputed so readers still trust the record. Unchanged input comes back
 * as the same buffer. Throws when the payload cannot be parsed.
 */
export function cleanPhotoshopIrb(payload: Buffer): { bytes: Buffer; removed: IrbKind[] } {
  const resources = parseResources(payload)
  const removed = new Set<IrbKind>()
  const kept: Resource[] = []
  let newIptc: Buffer | null = null
  for (const r of resources) {
    if (r.signature === '8BIM' && DROPPED_RESOURCES.has(r.id)) {
      removed.add(r.id === 0x0409 || r.id === 0x040c ? 'thumbnail' : 'exif-copy')
      continue
    }
    if (r.signature === '8BIM' && r.id === RES_IPTC) {
      const cleaned = withoutLocation(r.data)
      if (cleaned.changed) {
        removed.add('iptc-location')
        newIptc = cleaned.bytes
        kept.push({ ...r, data: cleaned.bytes })
        continue
      }
    }
    kept.push(r)
  }
  if (removed.size === 0) return { bytes: payload, removed: [] }
  if (newIptc) {
    const digest = createHash('md5').update(newIptc).digest()
    for (const r of kept) if (r.signature === '8BIM' && r.id === RES_IPTC_DIGEST) r.data = digest
  }
  return { bytes: serialize(kept), removed: [...removed] }
}

/** The IPTC IIM record (resource 0x0404) of an APP13 payload, or null. Throws when unparsable. */
export function iptcRecordOf(payload: Buffer): Buffer | null {
  return (
    parseResources(payload).find((r) => r.signature === '8BIM' && r.id === RES_IPTC)?.data ?? null
  )
}

/**
 * An APP13 payload whose IPTC record is `iim`: the other resources of `payload` (when given)
 * stay; the IPTC digest (0x0425) is set to the record's MD5, so readers that compare it (and
 * prefer XMP when it differs) take the record as current.
 */
export function withIptcRecord(payload: Buffer | null, iim: Buffer): Buffer {
  const resources = payload ? parseResources(payload) : []
  const empty = Buffer.from([0, 0])
  const digest = createHash('md5').update(iim).digest()
  const out: Resource[] = []
  let placed = false
  for (const r of resources) {
    if (r.signature === '8BIM' && r.id === RES_IPTC_DIGEST) continue
    if (r.signature === '8BIM' && r.id === RES_IPTC) {
      if (!placed) out.push({ ...r, data: iim })
      placed = true
      continue
    }
    out.push(r)
  }
  if (!placed) out.push({ signature: '8BIM', id: RES_IPTC, name: empty, data: iim })
  out.push({ signature: '8BIM', id: RES_IPTC_DIGEST, name: empty, data: digest })
  return serialize(out)
}
