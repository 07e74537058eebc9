import { link, open, rename, stat, unlink } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Article } from '../../../shared/article'
import type { AssetRecord } from '../../../shared/asset'
import {
  planPublication,
  publishRefusal,
  type Publication,
  type PublishIntent,
  type PublishPlan
} from '../../../shared/publication'
import type { ExportProgress, ExportResult } from '../../../shared/contract/exports'
import { hasBlockingFindings } from '../../../shared/preflight/runPreflight'
import { PACKAGE_FILES } from '../../../shared/packageFormat'
import { CopydeskError } from '../../../shared/result'
import type { Settings, UiLanguage } from '../../../shared/settings'
import { nowIso } from '../library/articleFields'
import type { PreflightService } from '../preflight/preflightService'
import {
  markExport,
  partFileFor,
  removeStalePartFiles,
  type LeftoverNote
} from '../packages/leftovers'
import { fsyncDir } from '../storage/durableWrite'
import { errnoCode } from '../storage/fsErrors'
import { assetFile } from '../assets/assetRecords'
import type { ExportOptionsStore } from '../assets/exportOptions'
import { PACKAGE_DOCUMENTS, RENDITIONS } from './packageDocuments'
import { planPackage, type PackageImage, type RenditionName } from './packageModel'
import { writePhotoText } from '../imageMetadata/writePhotoText'
import type { CropPlan } from '../assets/crops'
import { PackageZipWriter } from './zipWriter'
import { exportContentHash } from './contentHash'

/** What an export needs from the core. */
export interface ExportDeps {
  libraryDir: string
  version: string
  articles: {
    get(id: string): Promise<Article>
    save(
      id: string,
      baseRevision: number,
      patch: { status: 'exported' }
    ): Promise<{ revision: number }>
    /** Stores the publication record once a package is written (never before, never on failure). */
    updatePublication(
      id: string,
      update: (current: Publication | undefined) => Publication
    ): Promise<unknown>
  }
  settings: { get(): Settings }
  preflight: PreflightService
  exportOptions: ExportOptionsStore
  /**
   * The web crops of a picture, kept beside its renditions (made at import and when the focal
   * point moves; made again here when missing or damaged).
   */
  assets: { crops(record: AssetRecord, plans: readonly CropPlan[]): Promise<Buffer[]> }
}

export interface ExportPackageOptions {
  /** Export even when preflight finds errors (recorded as `forced` in the manifest). */
  force?: boolean
  /** Replace an existing file at the target. */
  overwrite?: boolean
  signal?: AbortSignal
  onProgress?(progress: ExportProgress): void
  /** The language of the findings' messages (default English). */
  language?: UiLanguage
  /** Set the article's status to `exported` afterwards (default true). */
  markExported?: boolean
  /** The export's timestamp (tests pin it). */
  now?: Date
  /** Told about `.part` files of interrupted exports that this export removed first. */
  onLeftover?(note: LeftoverNote): void
  /** A public correction note: the package is a correction (a new version carrying it). */
  correction?: string | null
  /**
   * Withdraws the story: a kill package (pubStatus canceled, the notice as its only text, no
   * pictures), after which the story exports again only once reinstated.
   */
  kill?: { notice: string; reason?: string | null }
  /** Who exports (the published version names them). */
  by?: string | null
}

/**
 * What receivers get of a withdrawn story: its identity and headline, the public notice as the
 * whole body, nothing else.
 */
function killedArticle(article: Article, notice: string): Article {
  return {
    ...article,
    teaser: null,
    lead: null,
    galleries: [],
    body: {
      type: 'doc',
      content: notice
        .trim()
        .split(/\n\s*\n/)
        .map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p.trim() }] }))
    }
  }
}

function planOrRefuse(
  record: Publication | undefined,
  input: Omit<Parameters<typeof planPublication>[0], 'record'>
): PublishPlan {
  const refusal = publishRefusal(record, input.intent)
  if (refusal) {
    throw new CopydeskError(
      record?.killed ? 'conflict' : 'invalid-input',
      `Export refused: ${refusal}`,
      record?.killed ? { killed: record.killed.at } : undefined
    )
  }
  return planPublication({ record, ...input })
}

function cancelled(): CopydeskError {
  return new CopydeskError('io', 'The export was cancelled: no file was written', {
    cancelled: true
  })
}

async function checkTarget(file: string, overwrite: boolean): Promise<void> {
  if (!file.toLowerCase().endsWith('.zip')) {
    throw new CopydeskError('invalid-input', `The package file must end in .zip: ${file}`)
  }
  const folder = dirname(file)
  const folderInfo = await stat(folder).catch(() => null)
  if (!folderInfo?.isDirectory()) {
    throw new CopydeskError('not-found', `The folder ${folder} does not exist`)
  }
  const info = await stat(file).catch(() => null)
  if (!info) return
  if (!info.isFile()) throw new CopydeskError('invalid-input', `${file} exists and is not a file`)
  if (!overwrite) {
    throw new CopydeskError(
      'conflict',
      `${file} already exists: choose another name or allow replacing it (--overwrite)`,
      { file }
    )
  }
}

/** Moves the finished temp file to the target; without `overwrite` never replaces a file. */
async function commit(temp: string, file: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await rename(temp, file)
    return
  }
  try {
    // A hard link fails if the name is taken, closing the gap between the check and the rename.
    await link(temp, file)
    await unlink(temp)
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') {
      throw new CopydeskError(
        'conflict',
        `${file} appeared while exporting: choose another name or allow replacing it (--overwrite)`,
        { file }
      )
    }
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (
      await stat(file).then(
        () => true,
        () => false
      )
    ) {
      throw new CopydeskError('conflict', `${file} already exists`, { file })
    }
    await rename(temp, file)
  }
}

function renditionFormat(path: string): 'jpeg' | 'webp' | null {
  if (/\.jpe?g$/i.test(path)) return 'jpeg'
  if (/\.webp$/i.test(path)) return 'webp'
  return null
}

/**
 * A file of the package with the texts of its use written in; the original of a JPEG is cleaned
 * of source data at the same time (unless kept). Where the format cannot carry them, the file
 * goes as it is (preflight says so as `metadata-not-written`).
 */
function withTexts(image: PackageImage, name: RenditionName, bytes: Buffer): Buffer {
  const original = name === 'original'
  const format = original ? image.record.format : renditionFormat(image.paths[name])
  if (!format) return bytes
  try {
    const written = writePhotoText(bytes, format, image.text, {
      clean: original ? image.protect : true
    })
    if (!written) return bytes
    if (original) image.removed = written.removed
    return written.bytes
  } catch (error) {
    const message = (error as Error).message
    if (original && image.protect) {
      throw new CopydeskError(
        'corrupt',
        `Asset ${image.assetId} (${image.record.originalName}) could not be cleaned of location data (${message}); nothing was exported. To export it as it is, switch on "keep all metadata" for this image.`
      )
    }
    throw new CopydeskError(
      'corrupt',
      `Asset ${image.assetId} (${image.record.originalName}): its ${name} file could not be written with its caption and credit (${message}); nothing was exported.`
    )
  }
}

/** The crops of an image as the library stores them, with the texts of this use written in. */
async function cropFiles(deps: ExportDeps, image: PackageImage): Promise<Buffer[]> {
  const stored = await deps.assets.crops(image.record, image.crops)
  return stored.map((bytes) => {
    const written = writePhotoText(bytes, 'jpeg', image.text, { clean: true })
    return written ? written.bytes : bytes
  })
}

/**
 * A file's bytes in one read where the system allows (readFile reads in 512 KiB steps, each a
 * trip through libuv's thread pool, which the export shares with the ZIP writes and hashing).
 */
async function readWhole(file: string): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const size = (await handle.stat()).size
    const bytes = Buffer.allocUnsafe(size)
    let at = 0
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at)
      if (bytesRead === 0) break
      at += bytesRead
    }
    return at === size ? bytes : bytes.subarray(0, at)
  } finally {
    await handle.close()
  }
}

async function readImageFile(
  deps: ExportDeps,
  image: PackageImage,
  name: RenditionName
): Promise<Buffer> {
  const record = image.record
  const file =
    name === 'original'
      ? record.originalFile
      : record.renditions[name === 'thumb' ? 'thumb' : 'preview'].file
  try {
    return await readWhole(assetFile(deps.libraryDir, record.id, file))
  } catch (error) {
    throw new CopydeskError(
      'io',
      `Asset ${record.id} (${record.originalName}): cannot read its ${name} file: ${(error as Error).message}`
    )
  }
}

/**
 * Writes one ZIP package of an article: `images/` (originals — JPEGs without location and
 * device data unless the asset's switch keeps it — the preview and thumbnail renditions, and
 * 16:9 and 1:1 crops of the lead and gallery pictures, all stored uncompressed, every JPEG,
 * PNG and WebP carrying the caption, credit and rights of its use in IPTC and XMP), `article.copydesk.json`, `article.ninjs.json`, `newsml.xml`,
 * `article.html` and `manifest.json` (every other file with size and SHA-256, whether preflight
 * errors were overridden, and the findings).
 *
 * Preflight errors stop the export (a `forbidden` error whose detail holds the findings) unless
 * `force`; an existing file is replaced only with `overwrite` (else `conflict`). The package is
 * written to a temporary file beside the target and renamed into place at the end, so a
 * cancelled (`signal`) or failed export leaves no file behind.
 */
export async function exportPackage(
  deps: ExportDeps,
  articleId: string,
  outFile: string,
  opts: ExportPackageOptions = {}
): Promise<ExportResult> {
  const file = resolve(outFile)
  const overwrite = opts.overwrite === true
  const language = opts.language ?? 'en'
  const exportedAt = nowIso(opts.now ?? new Date())
  const generator = `Copydesk ${deps.version}`
  if (opts.signal?.aborted) throw cancelled()

  const stored = await deps.articles.get(articleId)
  const intent: PublishIntent = opts.kill
    ? { kind: 'kill', notice: opts.kill.notice, reason: opts.kill.reason ?? null }
    : { kind: 'publish', correction: opts.correction ?? null }
  // Refused before any work (a withdrawn story, an empty notice): throws with the reason.
  if (publishRefusal(stored.publication, intent)) {
    planOrRefuse(stored.publication, { intent, contentHash: '', exportedAt, file })
  }
  await checkTarget(file, overwrite)
  opts.onProgress?.({ phase: 'preflight', done: 0, total: 0 })
  // A withdrawal must reach receivers whatever the story's state: preflight does not hold it up.
  const findings = opts.kill ? [] : await deps.preflight.check(stored, { language, now: opts.now })
  const blocked = hasBlockingFindings(findings)
  if (blocked && !opts.force) {
    const errors = findings.filter((f) => f.severity === 'error')
    throw new CopydeskError(
      'forbidden',
      `Export refused: preflight found ${errors.length} error${errors.length === 1 ? '' : 's'} ` +
        `(${errors.map((f) => f.message).join(' ')}) Fix them, or export anyway (--force).`,
      { findings }
    )
  }
  if (opts.signal?.aborted) throw cancelled()

  const content = opts.kill ? killedArticle(stored, opts.kill.notice) : stored
  const records = opts.kill ? new Map() : await deps.preflight.records(content)
  const publishInput = {
    intent,
    contentHash: exportContentHash(content, records),
    exportedAt,
    file,
    by: opts.by ?? null
  }
  const plan = planOrRefuse(stored.publication, publishInput)
  // The package carries the record as it will be once written: its last entry is this version.
  // The reason for a withdrawal is the desk's own: receivers get only the public notice.
  const killed = plan.record.killed && { ...plan.record.killed, reason: '' }
  const article: Article = { ...content, publication: { ...plan.record, killed } }
  const keep = new Set<string>()
  for (const id of records.keys()) if (await deps.exportOptions.keepsMetadata(id)) keep.add(id)
  const model = planPackage({
    article,
    records,
    keepMetadata: keep,
    settings: deps.settings.get(),
    exportedAt,
    generator
  })

  // A killed export leaves its .part file: the next export into the folder removes it, and the
  // record in the library lets the next open find it wherever it is.
  for (const note of await removeStalePartFiles(dirname(file))) opts.onLeftover?.(note)
  const temp = partFileFor(file)
  const unmark = await markExport(deps.libraryDir, temp)
  const writer = new PackageZipWriter(temp, opts.now ?? new Date())
  // Every image file, every document, then the manifest that lists them.
  const total =
    model.images.reduce((n, image) => n + RENDITIONS.length + image.crops.length, 0) +
    PACKAGE_DOCUMENTS.length +
    1
  let done = 0
  const step = (phase: ExportProgress['phase'], path: string): void => {
    done++
    opts.onProgress?.({ phase, done, total, file: path })
  }
  const guard = (): void => {
    if (opts.signal?.aborted) throw cancelled()
  }

  try {
    // Crops are read from the library (or, where missing, made: CPU work while the writer
    // mostly waits for the disk): each image's crops start when its original is reached, and the
    // next image's too, so the two overlap. At most two images' crops are held in memory.
    const cropJobs = new Map<PackageImage, Promise<Buffer[]>>()
    const cropsOf = (image: PackageImage): Promise<Buffer[]> => {
      let job = cropJobs.get(image)
      if (!job) {
        job = cropFiles(deps, image)
        // Awaited when its entry is written; until then a failure must not go unhandled.
        job.catch(() => undefined)
        cropJobs.set(image, job)
      }
      return job
    }
    model.images.forEach((image, index) => {
      for (const name of RENDITIONS) {
        const path = image.paths[name]
        writer.add(
          path,
          async () => {
            guard()
            if (name === 'original') {
              for (const next of model.images.slice(index, index + 2)) {
                if (next.crops.length) void cropsOf(next)
              }
            }
            const bytes = withTexts(image, name, await readImageFile(deps, image, name))
            image.files[name] = { bytes: bytes.length }
            step('images', path)
            return bytes
          },
          { compress: false, prefetch: true }
        )
      }
      image.crops.forEach((crop, i) => {
        writer.add(
          crop.path,
          async () => {
            guard()
            const bytes = (await cropsOf(image))[i]
            if (i === image.crops.length - 1) cropJobs.delete(image)
            image.files[crop.name] = { bytes: bytes.length }
            step('images', crop.path)
            return bytes
          },
          { compress: false, prefetch: true }
        )
      })
    })
    for (const document of PACKAGE_DOCUMENTS) {
      writer.add(
        document.path,
        async () => {
          guard()
          const bytes = Buffer.from(document.build(model), 'utf8')
          step('documents', document.path)
          return bytes
        },
        // The documents read what the image sources recorded (sizes, what was removed).
        { compress: true }
      )
    }
    const forced = blocked && opts.force === true
    writer.add(
      PACKAGE_FILES.manifest,
      async () => {
        guard()
        const manifest = { files: [...writer.written], forced, findings }
        step('finishing', PACKAGE_FILES.manifest)
        return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')
      },
      // It lists every entry written before it: made only once they are all written.
      { compress: true }
    )
    await writer.finish()
    guard()
    await commit(temp, file, overwrite)
    await fsyncDir(dirname(file)).catch(() => undefined)
    await unmark()
  } catch (error) {
    writer.abort(error instanceof Error ? error : new Error(String(error)))
    await unlink(temp).catch(() => undefined)
    await unmark()
    if (opts.signal?.aborted) throw cancelled()
    if (error instanceof CopydeskError) throw error
    throw new CopydeskError(
      'io',
      `Export of article ${articleId} to ${file} failed: ${(error as Error).message}; no file was written`
    )
  }

  try {
    // Planned again on the stored record, so an export that finished in between is counted.
    await deps.articles.updatePublication(
      article.id,
      (current) => planOrRefuse(current, publishInput).record
    )
  } catch (error) {
    throw new CopydeskError(
      'io',
      `${file} was written (version ${plan.version}), but the article's publication record could not be saved: ${(error as Error).message}`
    )
  }

  let revision = article.revision
  if (opts.markExported !== false && article.status !== 'exported') {
    try {
      revision = (await deps.articles.save(article.id, article.revision, { status: 'exported' }))
        .revision
    } catch (error) {
      // Edited while exporting: the package holds the revision it was made from, and the newer
      // revision is not "exported". Any other failure leaves the status as it was, too: the
      // package itself is complete.
      if (!(error instanceof CopydeskError)) throw error
    }
  }
  return {
    file,
    bytes: (await stat(file)).size,
    files: writer.written.filter((f) => f.path !== PACKAGE_FILES.manifest),
    forced: blocked && opts.force === true,
    findings,
    articleId: article.id,
    exportedRevision: article.revision,
    revision,
    version: plan.version,
    kind: plan.kind,
    pubStatus: plan.pubStatus
  }
}
