import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import {
  ASSET_SCHEMA_VERSION,
  assetRecordSchema,
  type AssetFormat,
  type AssetMetadata,
  type AssetRecord
} from '../../../shared/asset'
import { readPhotoMetadata } from '../imageMetadata/photoMetadata'
import { fsyncDir, writeFileDurable, type DurableWriteOptions } from '../storage/durableWrite'
import { errnoCode } from '../storage/fsErrors'
import { limitMetadata, limitName } from './assetRecordText'
import type { DecodePool, DecodeSuccess } from './decodePool'
import {
  ImportRefusal,
  decodeWarnings,
  refuseFormatMismatch,
  refuseNotAFile,
  refuseStuckDuplicate,
  refuseTooLarge,
  refuseUndecodable,
  refuseUnreadableRecord,
  refuseUnsniffed,
  setAsideWarning,
  storeFailed,
  unreadable
} from './importRefusals'
import { extensionFor, sniffFormat } from './sniffFormat'
import { cutCrops, CROP_EDGES } from './crops'
import { plansOf, writeStoredCrops } from './cropRenditions'

/*
 * The steps of importing one file, in order: read it (size-capped), sniff its format from its
 * first bytes, decode it in a worker (header, pixel limit, renditions, raw metadata), read the
 * newsroom fields from the metadata, build the record, and write everything into a temporary
 * folder that is renamed into place last. The store around it owns the in-memory map, the
 * per-asset lock and the duplicate rules.
 */

/** One file to import: its name (as the user knows it) and its bytes or a path to read. */
export type ImportFile = { name: string; bytes: Uint8Array } | { name: string; path: string }

/**
 * A file as IPC delivers it: Electron structured-clones `Uint8Array`; JSON transports (the test
 * harness) send base64, already size-capped and checked by the input schema.
 */
export function importFileFromIpc(
  file: { name: string; bytes: Uint8Array } | { name: string; base64: string }
): ImportFile {
  if ('bytes' in file) return { name: file.name, bytes: file.bytes }
  return { name: file.name, bytes: Buffer.from(file.base64, 'base64') }
}

/** The asset record's file name inside an asset folder. */
export const RECORD_FILE = 'asset.json'

export interface DecodeLimits {
  maxPixels: number
  maxFileBytes: number
  previewSize: number
  thumbSize: number
}

/** A file that passed every refusal rule, decoded, with its metadata read. */
export interface DecodedImport {
  name: string
  format: AssetFormat
  decoded: DecodeSuccess
  metadata: AssetMetadata
  warnings: string[]
}

async function readInput(file: ImportFile, maxFileBytes: number): Promise<Uint8Array> {
  if ('bytes' in file) {
    if (file.bytes.byteLength > maxFileBytes) {
      refuseTooLarge(file.name, file.bytes.byteLength, maxFileBytes)
    }
    return file.bytes
  }
  try {
    const info = await stat(file.path)
    if (!info.isFile()) refuseNotAFile(file.name, info.isDirectory())
    if (info.size > maxFileBytes) refuseTooLarge(file.name, info.size, maxFileBytes)
    return await readFile(file.path)
  } catch (error) {
    if (error instanceof ImportRefusal) throw error
    throw unreadable(file.name, error)
  }
}

/** Reads, sniffs and decodes one file; throws an {@link ImportRefusal} for what is refused. */
export async function decodeImport(
  file: ImportFile,
  decoder: DecodePool,
  limits: DecodeLimits
): Promise<DecodedImport> {
  const input = await readInput(file, limits.maxFileBytes)
  const sniffed = sniffFormat(input)
  if (sniffed.kind !== 'image') refuseUnsniffed(file.name, sniffed)
  const outcome = await decoder.run({
    bytes: 'bytes' in file ? new Uint8Array(input) : input,
    maxPixels: limits.maxPixels,
    previewSize: limits.previewSize,
    thumbSize: limits.thumbSize,
    readMetadata: true,
    cropEdges: { ...CROP_EDGES, preview: limits.previewSize }
  })
  if (!outcome.ok) refuseUndecodable(file.name, sniffed.format, outcome, limits.maxPixels)
  const decoderFormat = outcome.header.format === 'heif' ? sniffed.format : outcome.header.format
  if (decoderFormat !== sniffed.format) {
    refuseFormatMismatch(file.name, sniffed.format, outcome.header.format)
  }
  const warnings = decodeWarnings(outcome.dropped, outcome.metadataErrors)
  const limited = limitMetadata(readPhotoMetadata(outcome.metadata))
  warnings.push(...limited.warnings)
  return {
    name: file.name,
    format: sniffed.format,
    decoded: outcome,
    metadata: limited.metadata,
    warnings
  }
}

/** The record a new asset starts with; refused if the next open could not read it back. */
export function newRecord(file: DecodedImport, warnings: string[], now: string): AssetRecord {
  const { name, format, decoded, metadata } = file
  const { header, preview, thumb } = decoded
  const rotated = header.orientation !== null && header.orientation >= 5
  const record: AssetRecord = {
    schemaVersion: ASSET_SCHEMA_VERSION,
    id: decoded.hash,
    revision: 1,
    importedAt: now,
    updatedAt: now,
    originalName: limitName(basename(name.replace(/\\/g, '/'))),
    originalFile: `original.${extensionFor(format)}`,
    format,
    fileSize: decoded.bytes.byteLength,
    width: rotated ? header.height : header.width,
    height: rotated ? header.width : header.height,
    orientation: header.orientation,
    renditions: {
      thumb: { file: `thumb.${thumb.ext}`, width: thumb.width, height: thumb.height },
      preview: { file: `preview.${preview.ext}`, width: preview.width, height: preview.height }
    },
    metadata,
    embedded: metadata,
    focal: null,
    warnings,
    history: []
  }
  // What is stored must be what the next open can read.
  const valid = assetRecordSchema.safeParse(record)
  if (!valid.success) {
    const issue = valid.error.issues[0]
    refuseUnreadableRecord(name, `${issue?.path.join('.')}`, `${issue?.message}`)
  }
  return record
}

export interface PlaceTarget {
  /** The store's `assets/` folder (its shard folders are fsynced when created). */
  root: string
  /** Where the asset is built; a folder named after this process is made inside. */
  tmpRoot: string
  finalDir: string
  writeOptions: DurableWriteOptions | undefined
}

/**
 * The web crops of a new asset, cut from the pixels its renditions were made from (so the
 * import decodes the file once). Null when the decoder gave no pixels or cutting failed: the
 * asset is stored without them and the first export makes them.
 */
export async function importCrops(
  record: AssetRecord,
  decoded: DecodeSuccess
): Promise<Buffer[] | null> {
  if (!decoded.cropBase) return null
  try {
    return await cutCrops(decoded.cropBase, record, plansOf(record))
  } catch {
    return null
  }
}

/**
 * Writes the original, the renditions (crops included, when made) and the record into a fresh
 * temporary folder and renames it into place. Returns false when another process stored the same bytes first (their copy is
 * as good as ours; ours is removed). Nothing half-made stays behind on failure.
 */
export async function placeAsset(
  name: string,
  record: AssetRecord,
  decoded: DecodeSuccess,
  target: PlaceTarget,
  crops: Buffer[] | null = null
): Promise<boolean> {
  const { root, finalDir, writeOptions: w } = target
  const tmp = join(target.tmpRoot, `${process.pid}-${randomBytes(8).toString('hex')}`)
  try {
    await mkdir(tmp)
    await writeFileDurable(join(tmp, record.originalFile), decoded.bytes, w)
    await writeFileDurable(join(tmp, record.renditions.preview.file), decoded.preview.data, w)
    await writeFileDurable(join(tmp, record.renditions.thumb.file), decoded.thumb.data, w)
    if (crops) await writeStoredCrops(tmp, plansOf(record), crops, w)
    await writeFileDurable(join(tmp, RECORD_FILE), JSON.stringify(record, null, 2), w)
    const shardDir = dirname(finalDir)
    const shardIsNew = await mkdir(shardDir).then(
      () => true,
      (error: unknown) => {
        if (errnoCode(error) === 'EEXIST') return false
        throw error
      }
    )
    if (shardIsNew) await fsyncDir(root, w)
    try {
      await rename(tmp, finalDir)
    } catch (error) {
      if (errnoCode(error) === 'ENOTEMPTY' || errnoCode(error) === 'EEXIST') {
        await rm(tmp, { recursive: true, force: true })
        return false
      }
      throw error
    }
    await fsyncDir(shardDir, w)
    return true
  } catch (error) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined)
    throw storeFailed(name, error)
  }
}

/**
 * Moves the folder of an asset whose record cannot be read into `quarantine/` (never deletes
 * it), so the photo can be stored afresh; returns the warning that says where it went.
 */
export async function setAside(
  libraryDir: string,
  dir: string,
  id: string,
  error: Error,
  stamp: string,
  writeOptions: DurableWriteOptions | undefined
): Promise<string> {
  const quarantine = join(libraryDir, 'quarantine')
  const movedTo = join(quarantine, `asset-${id}.${stamp}`)
  try {
    await mkdir(quarantine, { recursive: true })
    await rename(dir, movedTo)
    await fsyncDir(quarantine, writeOptions)
    await fsyncDir(dirname(dir), writeOptions)
  } catch (moveError) {
    refuseStuckDuplicate(error, moveError)
  }
  return setAsideWarning(error, movedTo)
}
