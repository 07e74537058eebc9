import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AssetRecord } from '../../../shared/asset'
import { CopydeskError } from '../../../shared/result'
import { writeFileDurable, type DurableWriteOptions } from '../storage/durableWrite'
import { CROP_JPEG_QUALITY, planCrops, renderCrops, type CropPlan } from './crops'

/*
 * The web crops kept as renditions in the asset folder, beside preview and thumbnail:
 * `crop-16x9.jpg`, `crop-1x1.jpg` and `crops.json`, which says for which cut they were made (a
 * key over the plan: box, output size, encoder settings) and the SHA-256 of each file. Making
 * them costs a decode of the original and two JPEG encodes, about 0.2 s of CPU for a 9-megapixel
 * photo: paid once at import and again when the focal point moves, instead of in every export.
 *
 * The files are written durably, `crops.json` last, so after a crash at any step either the
 * old or the new crops are complete, or the key or a hash no longer matches. Whoever finds them
 * stale, missing or damaged (an old library, a crash, a disk error) makes them again.
 */

/** The sidecar that describes the stored crops. */
export const CROPS_FILE = 'crops.json'

const CROPS_FORMAT = 1

interface StoredCropFile {
  name: CropPlan['name']
  file: string
  bytes: number
  sha256: string
}

interface CropsSidecar {
  format: number
  key: string
  files: StoredCropFile[]
}

type PlannedCrop = Pick<CropPlan, 'name' | 'box' | 'width' | 'height'>

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** What the stored crops must have been made for to serve `plans`. */
export function cropKey(plans: readonly PlannedCrop[]): string {
  const parts = plans.map((p) => [
    p.name,
    p.box.left,
    p.box.top,
    p.box.width,
    p.box.height,
    p.width,
    p.height
  ])
  return sha256(Buffer.from(JSON.stringify({ quality: CROP_JPEG_QUALITY, parts }), 'utf8'))
}

/** What making an asset's crops needs of its record. */
export type CropSubject = Pick<
  AssetRecord,
  'id' | 'originalName' | 'originalFile' | 'width' | 'height' | 'focal' | 'renditions'
>

/** The crops an asset's record asks for now (its size and focal point). */
export function plansOf(record: Pick<AssetRecord, 'width' | 'height' | 'focal'>): CropPlan[] {
  return planCrops(record.width, record.height, record.focal ?? null)
}

function fileOf(name: CropPlan['name']): string {
  return `${name}.jpg`
}

function isSidecar(value: unknown): value is CropsSidecar {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<CropsSidecar>
  return (
    v.format === CROPS_FORMAT &&
    typeof v.key === 'string' &&
    Array.isArray(v.files) &&
    v.files.every(
      (f: Partial<StoredCropFile>) =>
        typeof f?.name === 'string' &&
        typeof f.file === 'string' &&
        /^crop-[a-z0-9]+\.jpg$/.test(f.file) &&
        typeof f.bytes === 'number' &&
        typeof f.sha256 === 'string'
    )
  )
}

/**
 * The stored crops of the asset in `dir` for `plans`, in plan order, or null when they are
 * missing, made for another cut, or any file differs from its recorded size or hash.
 */
export async function readStoredCrops(
  dir: string,
  plans: readonly PlannedCrop[]
): Promise<Buffer[] | null> {
  let sidecar: unknown
  try {
    sidecar = JSON.parse(await readFile(join(dir, CROPS_FILE), 'utf8'))
  } catch {
    return null
  }
  if (!isSidecar(sidecar) || sidecar.key !== cropKey(plans)) return null
  const out: Buffer[] = []
  for (const plan of plans) {
    const entry = sidecar.files.find((f) => f.name === plan.name)
    if (!entry) return null
    const bytes = await readFile(join(dir, entry.file)).catch(() => null)
    if (!bytes || bytes.length !== entry.bytes || sha256(bytes) !== entry.sha256) return null
    out.push(bytes)
  }
  return out
}

/** Stores crops made for `plans` in the asset folder `dir`, durably, the sidecar last. */
export async function writeStoredCrops(
  dir: string,
  plans: readonly PlannedCrop[],
  crops: readonly Buffer[],
  writeOptions?: DurableWriteOptions
): Promise<void> {
  const files: StoredCropFile[] = []
  for (const [i, plan] of plans.entries()) {
    const file = fileOf(plan.name)
    await writeFileDurable(join(dir, file), crops[i], writeOptions)
    files.push({ name: plan.name, file, bytes: crops[i].length, sha256: sha256(crops[i]) })
  }
  const sidecar: CropsSidecar = { format: CROPS_FORMAT, key: cropKey(plans), files }
  await writeFileDurable(
    join(dir, CROPS_FILE),
    `${JSON.stringify(sidecar, null, 2)}\n`,
    writeOptions
  )
}

/**
 * Makes the crops of an asset from its original, or from its preview where sharp cannot decode
 * the original (HEIC here); the preview is the same picture, smaller. `read` gives the bytes of
 * a file in the asset folder (or those in memory during import).
 */
export async function makeCrops(
  record: CropSubject,
  plans: readonly CropPlan[],
  read: (file: string) => Promise<Buffer>
): Promise<Buffer[]> {
  let firstError: unknown
  try {
    return await renderCrops(await read(record.originalFile), record, record, plans)
  } catch (error) {
    firstError = error
  }
  try {
    const preview = record.renditions.preview
    return await renderCrops(await read(preview.file), preview, record, plans)
  } catch {
    throw new CopydeskError(
      'corrupt',
      `Asset ${record.id} (${record.originalName}): its 16:9 and 1:1 crops cannot be made, neither its original nor its preview can be decoded (${(firstError as Error).message})`
    )
  }
}
