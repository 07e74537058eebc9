import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import {
  ASSET_EDITABLE_FIELDS,
  assetPatchSchema,
  type AssetEdit,
  type AssetListFilter,
  type AssetPatch,
  type AssetRecord,
  type AssetSummary,
  type AssetUse,
  type ImportResult,
  roundFocal
} from '../../../shared/asset'
import type { AssetDefaults, ImageView } from '../../../shared/articleView'
import type { SaveAck } from '../../../shared/ipc'
import { CopydeskError } from '../../../shared/result'
import { foldText, matchesFolded } from '../../../shared/textFold'
import { nowIso } from '../library/articleFields'
import { KeyedMutex } from '../library/keyedMutex'
import { DurableJSONFile } from '../storage/durableJsonFile'
import { fsyncDir, type DurableWriteOptions } from '../storage/durableWrite'
import { errnoCode, isProcessAlive } from '../storage/fsErrors'
import { assetDir } from './assetResolver'
import { AssetUsageIndex, type ArticleSource } from './assetUsage'
import { attachAssets, type AttachTarget } from './attachAssets'
import { parseAssetRecord } from './assetRecordText'
import type { CropPlan } from './crops'
import {
  cropKey,
  makeCrops,
  plansOf,
  readStoredCrops,
  writeStoredCrops,
  type CropSubject
} from './cropRenditions'
import { DecodePool } from './decodePool'
import {
  RECORD_FILE,
  decodeImport,
  importCrops,
  newRecord,
  placeAsset,
  setAside,
  type DecodedImport,
  type ImportFile
} from './importPipeline'
import {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_PIXELS,
  ImportRefusal,
  cancelledMessage,
  importFailed,
  storeFailed
} from './importRefusals'

export { importFileFromIpc, type ImportFile } from './importPipeline'

export interface ImportOptions {
  /** Stops starting new files; files already being processed finish. */
  signal?: AbortSignal
  /** Called after each file, done or failed: `n` of `total` finished, `file` the one just done. */
  onProgress?(n: number, total: number, file: string): void
  /** Files in flight at once (default: decoder workers + 1, so writing overlaps decoding). */
  concurrency?: number
}

export interface AssetStoreOptions {
  /** The article library, for "where used", delete checks and attaching. */
  articles: ArticleSource
  /** Refuse images above this many pixels, checked from the header (default 100 megapixels). */
  maxPixels?: number
  /** Refuse files larger than this (default 256 MiB). */
  maxFileBytes?: number
  /** Longest edge of the preview rendition (default 1600 px) and the thumbnail (320 px). */
  previewSize?: number
  thumbSize?: number
  /** Decoder worker threads (default 2). */
  workers?: number
  /** Undo steps kept per asset (default 50). */
  historyLimit?: number
  clock?: () => Date
  /** Passed to every durable write (tests inject file-system failures here). */
  writeOptions?: DurableWriteOptions
  /**
   * Told after the photo desk's values of an asset changed (edit, undo), before the change is
   * answered: the library re-indexes the articles that show its caption.
   */
  onTextChanged?(assetId: string): Promise<void>
}

/** An asset folder that could not be loaded at open; it is left as found. */
export interface AssetProblem {
  dir: string
  message: string
}

const ASSET_ID = /^[a-f0-9]{64}$/

function sameFocal(a: AssetRecord['focal'], b: AssetRecord['focal']): boolean {
  return a?.x === b?.x && a?.y === b?.y
}
const SHARD = /^[a-f0-9]{2}$/
const TMP_DIR = '.tmp'

/**
 * The photo desk's asset store: content-addressed originals (SHA-256), renditions, metadata.
 *
 * Layout: `assets/<id[0:2]>/<id>/` holds `original.<ext>` (the imported bytes, never re-encoded),
 * `thumb.<ext>` and `preview.<ext>` (EXIF orientation applied, no metadata) and `asset.json` (the
 * record). Each asset is built in `assets/.tmp/` and renamed into place last, so a failure at any
 * step leaves nothing half-made. The in-memory map is loaded by one scan at open.
 */
export class AssetStore {
  readonly libraryDir: string
  /** Asset folders that could not be loaded (left untouched on disk); filled by `ready()`. */
  readonly problems: AssetProblem[] = []
  private readonly root: string
  private readonly tmpRoot: string
  private readonly records = new Map<string, AssetRecord>()
  private readonly mutex = new KeyedMutex()
  private readonly usageIndex: AssetUsageIndex
  private readonly articles: ArticleSource
  private readonly maxPixels: number
  private readonly maxFileBytes: number
  private readonly previewSize: number
  private readonly thumbSize: number
  private readonly historyLimit: number
  private readonly clock: () => Date
  private readonly writeOptions: DurableWriteOptions | undefined
  private readonly onTextChanged: ((assetId: string) => Promise<void>) | undefined
  private readonly workers: number
  private pool: DecodePool | null = null
  private loading: Promise<void> | null = null

  private constructor(libraryDir: string, opts: AssetStoreOptions) {
    this.libraryDir = libraryDir
    this.root = join(libraryDir, 'assets')
    this.tmpRoot = join(this.root, TMP_DIR)
    this.articles = opts.articles
    this.usageIndex = new AssetUsageIndex(opts.articles)
    this.maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS
    this.maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
    this.previewSize = opts.previewSize ?? 1600
    this.thumbSize = opts.thumbSize ?? 320
    this.historyLimit = opts.historyLimit ?? 50
    this.clock = opts.clock ?? (() => new Date())
    this.writeOptions = opts.writeOptions
    this.onTextChanged = opts.onTextChanged
    this.workers = opts.workers ?? 2
  }

  /** Opens the store in `libraryDir/assets`, loading every asset record. */
  static async open(libraryDir: string, opts: AssetStoreOptions): Promise<AssetStore> {
    const store = AssetStore.create(libraryDir, opts)
    await store.ready()
    return store
  }

  /**
   * The store without touching the disk yet: it loads on first use (or `ready()`), so commands
   * and windows that never look at images do not pay for scanning the asset folders.
   */
  static create(libraryDir: string, opts: AssetStoreOptions): AssetStore {
    return new AssetStore(libraryDir, opts)
  }

  /** Loads the asset records (once); every async method waits for it. */
  ready(): Promise<void> {
    this.loading ??= (async () => {
      // Listing needs no temp folder: a library the user may only read must still list.
      const canWrite = await mkdir(this.tmpRoot, { recursive: true }).then(
        () => true,
        (error: unknown) => {
          if (!['EACCES', 'EPERM', 'EROFS'].includes(errnoCode(error) ?? '')) throw error
          return false
        }
      )
      if (canWrite) await this.removeAbandonedTemp()
      await this.load()
    })()
    return this.loading
  }

  // Folders in .tmp are named `<pid>-<random>`; one whose process is gone was an import cut off
  // by a crash and is never referenced by anything.
  private async removeAbandonedTemp(): Promise<void> {
    for (const name of await readdir(this.tmpRoot)) {
      const pid = Number(/^(\d+)-/.exec(name)?.[1])
      if (Number.isInteger(pid) && (pid === process.pid || isProcessAlive(pid))) continue
      await rm(join(this.tmpRoot, name), { recursive: true, force: true })
    }
  }

  private async load(): Promise<void> {
    const names = await readdir(this.root).catch((error: unknown) => {
      if (errnoCode(error) !== 'ENOENT') throw error
      return [] as string[]
    })
    const shards = names.filter((n) => SHARD.test(n))
    const dirs: string[] = []
    for (const shard of shards) {
      for (const name of await readdir(join(this.root, shard))) {
        if (ASSET_ID.test(name) && name.startsWith(shard)) dirs.push(join(this.root, shard, name))
      }
    }
    // A few dozen reads in flight: fast on SSDs, gentle on spinning and network disks.
    let next = 0
    const loadOne = async (): Promise<void> => {
      while (next < dirs.length) {
        const dir = dirs[next++]
        try {
          const record = await this.readRecord(dir)
          this.records.set(record.id, record)
        } catch (error) {
          this.problems.push({ dir, message: (error as Error).message })
        }
      }
    }
    await Promise.all(Array.from({ length: 32 }, loadOne))
  }

  private async readRecord(dir: string): Promise<AssetRecord> {
    const file = join(dir, RECORD_FILE)
    let json: unknown
    try {
      json = JSON.parse(await readFile(file, 'utf8'))
    } catch (error) {
      throw new Error(
        errnoCode(error) === 'ENOENT' ? `${file} is missing` : `${file} cannot be read: ${error}`,
        { cause: error }
      )
    }
    const parsed = parseAssetRecord(json)
    if (!parsed.ok) throw new Error(`${file} is not a valid asset record (${parsed.problem})`)
    if (parsed.record.id !== basename(dir)) {
      throw new Error(`${file} names asset ${parsed.record.id}, not its folder`)
    }
    return parsed.record
  }

  private decoder(): DecodePool {
    this.pool ??= new DecodePool({ size: this.workers })
    return this.pool
  }

  // ---- import ---------------------------------------------------------------------------------

  /**
   * Imports files into the store, a bounded number at a time. Every file gets its own result:
   * the asset id (also when the same bytes were already there) or a message naming the file.
   * Nothing of a failed file stays in the store.
   */
  async import(files: ImportFile[], opts: ImportOptions = {}): Promise<ImportResult[]> {
    await this.ready()
    const results: ImportResult[] = new Array(files.length)
    const concurrency = Math.max(1, opts.concurrency ?? this.workers + 1)
    let next = 0
    let done = 0
    const runner = async (): Promise<void> => {
      while (next < files.length) {
        const index = next++
        const file = files[index]
        results[index] = opts.signal?.aborted
          ? { file: file.name, error: cancelledMessage(file.name), reason: 'cancelled' }
          : await this.importOne(file)
        done++
        opts.onProgress?.(done, files.length, file.name)
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, runner))
    return results
  }

  private async importOne(file: ImportFile): Promise<ImportResult> {
    try {
      const decoded = await decodeImport(file, this.decoder(), {
        maxPixels: this.maxPixels,
        maxFileBytes: this.maxFileBytes,
        previewSize: this.previewSize,
        thumbSize: this.thumbSize
      })
      return await this.commit(decoded)
    } catch (error) {
      if (error instanceof ImportRefusal) {
        const refused: ImportResult = {
          file: file.name,
          error: error.message,
          reason: error.reason
        }
        if (Object.keys(error.params).length) refused.params = error.params
        return refused
      }
      return { file: file.name, error: importFailed(file.name, error), reason: 'failed' }
    }
  }

  private async commit(file: DecodedImport): Promise<ImportResult> {
    const { name, decoded } = file
    let warnings = file.warnings
    const id = decoded.hash
    return this.mutex.run(id, async () => {
      const finalDir = assetDir(this.libraryDir, id)
      const duplicate = async (): Promise<ImportResult> => {
        if (!this.records.has(id)) this.records.set(id, await this.readRecord(finalDir))
        return { file: name, assetId: id, duplicate: true }
      }
      if (this.records.has(id)) return duplicate()
      if (
        await stat(finalDir).then(
          () => true,
          () => false
        )
      ) {
        try {
          return await duplicate()
        } catch (error) {
          // The folder is there but its record cannot be read: set it aside (never deleted) and
          // store the photo afresh, so importing it again is the way to repair it.
          const stamp = nowIso(this.clock()).replace(/[:.]/g, '-')
          const warning = await setAside(
            this.libraryDir,
            finalDir,
            id,
            error as Error,
            stamp,
            this.writeOptions
          )
          warnings = [...warnings, warning]
        }
      }

      const record = newRecord(file, warnings, nowIso(this.clock()))
      const crops = await importCrops(record, decoded)
      const target = {
        root: this.root,
        tmpRoot: this.tmpRoot,
        finalDir,
        writeOptions: this.writeOptions
      }
      if (!(await placeAsset(name, record, decoded, target, crops))) {
        // Another process stored the same bytes first: theirs is as good as ours.
        try {
          return await duplicate()
        } catch (error) {
          throw storeFailed(name, error)
        }
      }
      this.records.set(id, record)
      return warnings.length ? { file: name, assetId: id, warnings } : { file: name, assetId: id }
    })
  }

  // ---- reading ----------------------------------------------------------------------------------

  private recordOf(id: string): AssetRecord {
    const record = this.records.get(id)
    if (!record) throw new CopydeskError('not-found', `No asset with id ${id}`)
    return record
  }

  private summary(record: AssetRecord, usage: AssetUse[]): AssetSummary {
    const { history, ...rest } = record
    return structuredClone({ ...rest, usage, undoDepth: history.length })
  }

  /** Whether the store holds this asset (after `ready()`). */
  has(id: string): boolean {
    return this.records.has(id)
  }

  /** Number of assets in the store (after `ready()`). */
  get size(): number {
    return this.records.size
  }

  /**
   * The asset's own caption, credit, photographer and alt text, for `presentArticle`: what an
   * image use shows where it has no override. Undefined for an unknown asset. Synchronous, as
   * `presentArticle` needs it: call after `ready()` (or take it from `defaults()`).
   */
  readonly assetDefaults = (assetId: string): Partial<Omit<ImageView, 'assetId'>> | undefined => {
    const m = this.records.get(assetId)?.metadata
    return m && { caption: m.caption, credit: m.credit, photographer: m.photographer, alt: m.alt }
  }

  /** {@link assetDefaults} once the records are loaded. */
  async defaults(): Promise<AssetDefaults> {
    await this.ready()
    return this.assetDefaults
  }

  /** One asset with where it is used. */
  async get(id: string): Promise<AssetSummary> {
    await this.ready()
    const record = this.recordOf(id)
    const scan = await this.usageIndex.scan()
    return this.summary(record, scan.byAsset.get(id) ?? [])
  }

  /** The articles that use an asset (one entry per use). */
  async usage(id: string): Promise<AssetUse[]> {
    await this.ready()
    this.recordOf(id)
    return (await this.usageIndex.scan()).byAsset.get(id) ?? []
  }

  /** Assets for the photo desk's grid, newest import first, with filters and search. */
  async list(filter: AssetListFilter = {}): Promise<AssetSummary[]> {
    await this.ready()
    const scan = await this.usageIndex.scan()
    const query = filter.query?.trim() ? filter.query.trim() : null
    const missing = filter.missing ?? []
    const out: AssetSummary[] = []
    for (const record of this.records.values()) {
      const usage = scan.byAsset.get(record.id) ?? []
      if (filter.unused && usage.length > 0) continue
      if (missing.some((field) => record.metadata[field] !== null)) continue
      if (query) {
        const m = record.metadata
        const haystack = foldText(
          [
            m.caption,
            m.headline,
            m.photographer,
            m.credit,
            m.source,
            m.city,
            m.country,
            m.alt,
            record.originalName,
            record.id
          ]
            .filter(Boolean)
            .join('\n')
        )
        if (!matchesFolded(haystack, query)) continue
      }
      out.push(this.summary(record, usage))
    }
    return out.sort((a, b) =>
      a.importedAt === b.importedAt
        ? a.id.localeCompare(b.id)
        : b.importedAt.localeCompare(a.importedAt)
    )
  }

  // ---- editing ----------------------------------------------------------------------------------

  private async writeRecord(record: AssetRecord): Promise<void> {
    const file = join(assetDir(this.libraryDir, record.id), RECORD_FILE)
    try {
      await new DurableJSONFile<AssetRecord>(file, this.writeOptions).write(record)
    } catch (error) {
      throw new CopydeskError(
        'io',
        `Asset ${record.id}: saving ${file} failed: ${(error as Error).message}`
      )
    }
  }

  /**
   * Changes the photo desk's fields of an asset, based on revision `baseRevision` (a stale one is
   * refused as a conflict). The values before the edit go on the undo stack.
   */
  async update(id: string, baseRevision: number, patch: AssetPatch): Promise<AssetSummary> {
    await this.ready()
    const changes = assetPatchSchema.parse(patch)
    const saved = await this.mutex.run(id, async () => {
      const current = this.recordOf(id)
      if (current.revision !== baseRevision) {
        throw new CopydeskError(
          'conflict',
          `Asset ${id} was changed elsewhere (revision ${current.revision}, this edit was based on ${baseRevision})`,
          { currentRevision: current.revision }
        )
      }
      const metadata = { ...current.metadata }
      for (const field of ASSET_EDITABLE_FIELDS) {
        const value = changes[field]
        if (value === undefined) continue
        const trimmed = value?.normalize('NFC').trim() ?? null
        metadata[field] = trimmed === '' ? null : trimmed
      }
      const focal = changes.focal === undefined ? current.focal : roundFocal(changes.focal)
      const edit: AssetEdit = {
        at: nowIso(this.clock()),
        revision: current.revision,
        previous: {
          ...(Object.fromEntries(
            ASSET_EDITABLE_FIELDS.map((f) => [f, current.metadata[f]])
          ) as Omit<AssetEdit['previous'], 'focal'>),
          focal: current.focal
        }
      }
      const next: AssetRecord = {
        ...current,
        revision: current.revision + 1,
        updatedAt: edit.at,
        metadata,
        focal,
        history: [...current.history, edit].slice(-this.historyLimit)
      }
      await this.writeRecord(next)
      this.records.set(id, next)
      if (!sameFocal(current.focal, next.focal)) await this.refreshCrops(next)
      return next
    })
    await this.onTextChanged?.(id)
    return this.get(saved.id)
  }

  /** Takes back the last metadata edit of an asset (itself a new revision). */
  async undo(id: string, baseRevision?: number): Promise<AssetSummary> {
    await this.ready()
    await this.mutex.run(id, async () => {
      const current = this.recordOf(id)
      if (baseRevision !== undefined && current.revision !== baseRevision) {
        throw new CopydeskError(
          'conflict',
          `Asset ${id} was changed elsewhere (revision ${current.revision}, this undo was based on ${baseRevision})`,
          { currentRevision: current.revision }
        )
      }
      const last = current.history.at(-1)
      if (!last) throw new CopydeskError('conflict', `Asset ${id} has no edit to undo`)
      const { focal, ...previous } = last.previous
      const next: AssetRecord = {
        ...current,
        revision: current.revision + 1,
        updatedAt: nowIso(this.clock()),
        metadata: { ...current.metadata, ...previous },
        focal: focal === undefined ? current.focal : focal,
        history: current.history.slice(0, -1)
      }
      await this.writeRecord(next)
      this.records.set(id, next)
      if (!sameFocal(current.focal, next.focal)) await this.refreshCrops(next)
    })
    await this.onTextChanged?.(id)
    return this.get(id)
  }

  // ---- crops --------------------------------------------------------------------------------------

  /**
   * Makes the stored crops match the record's focal point, under the asset's lock. A failure
   * (an unreadable original, a full disk) leaves the old crops, which no longer match the key:
   * the next export makes them again and says what is wrong if it cannot.
   */
  private async refreshCrops(record: AssetRecord): Promise<void> {
    const dir = assetDir(this.libraryDir, record.id)
    const plans = plansOf(record)
    try {
      if (await readStoredCrops(dir, plans)) return
      const crops = await makeCrops(record, plans, (file) => readFile(join(dir, file)))
      await writeStoredCrops(dir, plans, crops, this.writeOptions)
    } catch {
      // See above: the crops are made again where they are needed.
    }
  }

  /**
   * The 16:9 and 1:1 crops of an asset for `plans` (the cut an export planned from `record`), as
   * stored beside its renditions. Stored crops that are missing, made for another cut or damaged
   * are made again from the original, and stored again when they are the cut the asset's
   * current focal point asks for. Throws a `corrupt` error naming the photo when neither its
   * original nor its preview can be decoded.
   */
  async crops(record: CropSubject, plans: readonly CropPlan[]): Promise<Buffer[]> {
    await this.ready()
    return this.mutex.run(record.id, async () => {
      const dir = assetDir(this.libraryDir, record.id)
      const stored = await readStoredCrops(dir, plans)
      if (stored) return stored
      const made = await makeCrops(record, plans, async (file) => {
        try {
          return await readFile(join(dir, file))
        } catch (error) {
          throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error })
        }
      })
      const current = this.records.get(record.id)
      if (current && cropKey(plansOf(current)) === cropKey(plans)) {
        // A library that may only be read still exports; the crops are then made each time.
        await writeStoredCrops(dir, plans, made, this.writeOptions).catch(() => undefined)
      }
      return made
    })
  }

  /** Removes an asset with its files; refused while any article uses it. */
  async delete(id: string): Promise<void> {
    await this.ready()
    await this.mutex.run(id, async () => {
      this.recordOf(id)
      const scan = await this.usageIndex.scan()
      const uses = scan.byAsset.get(id) ?? []
      if (uses.length > 0) {
        const articles = [...new Map(uses.map((u) => [u.articleId, u])).values()]
        throw new CopydeskError(
          'conflict',
          `Asset ${id} is used in ${articles.length} article${articles.length === 1 ? '' : 's'} (${articles
            .map((u) => `${u.headline ? `“${u.headline}” ` : ''}${u.articleId}`)
            .join(', ')}): remove it there first`,
          { articleIds: articles.map((u) => u.articleId) }
        )
      }
      if (scan.unreadable.length > 0) {
        throw new CopydeskError(
          'conflict',
          `Asset ${id} was not deleted: ${scan.unreadable.length} article(s) could not be read to check whether they use it (${scan.unreadable.map((u) => u.articleId).join(', ')})`
        )
      }
      const dir = assetDir(this.libraryDir, id)
      const doomed = join(this.tmpRoot, `${process.pid}-deleted-${randomBytes(6).toString('hex')}`)
      try {
        // One rename takes the whole asset out of the store; the files go afterwards.
        await rename(dir, doomed)
        await fsyncDir(dirname(dir), this.writeOptions)
      } catch (error) {
        throw new CopydeskError(
          'io',
          `Asset ${id}: deleting ${dir} failed: ${(error as Error).message}`
        )
      }
      this.records.delete(id)
      await rm(doomed, { recursive: true, force: true }).catch(() => undefined)
    })
  }

  /**
   * Attaches stored assets to an article: as its lead image, or appended to a gallery (the
   * first one, or the one called `target.name`; created when missing).
   */
  async attach(articleId: string, assetIds: string[], target: AttachTarget): Promise<SaveAck> {
    await this.ready()
    for (const id of assetIds) this.recordOf(id)
    return attachAssets(this.articles, articleId, assetIds, target)
  }

  /** Stops the decoder workers. */
  async close(): Promise<void> {
    const pool = this.pool
    this.pool = null
    await pool?.close()
  }
}
