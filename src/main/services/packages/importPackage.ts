import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import sharp from 'sharp'
import type { z } from 'zod'
import {
  ARTICLE_SCHEMA_VERSION,
  type Article,
  type ArticleFields,
  type ImageUse,
  type ImportedFrom,
  type PmNode
} from '../../../shared/article'
import { lastPublished, type Publication } from '../../../shared/publication'
import {
  ASSET_EDITABLE_FIELDS,
  ASSET_SCHEMA_VERSION,
  type AssetPatch,
  type ImportResult
} from '../../../shared/asset'
import { articlePatchProblem } from '../../../shared/editor/articleCheck'
import type { PackageImportResult } from '../../../shared/contract/packages'
import {
  MANIFEST_MAX_BYTES,
  manifestSchema,
  PACKAGE_FILES,
  PACKAGE_FORMAT_VERSION,
  packageSourceSchema
} from '../../../shared/packageFormat'
import { CopydeskError } from '../../../shared/result'
import { parseAssetRecord } from '../assets/assetRecordText'
import { nowIso } from '../library/articleFields'
import { assetFile } from '../assets/assetRecords'
import type { AssetStore } from '../assets/assetStore'
import { ImportJournal, LIBRARY_TMP, sweepImportLeftovers, type LeftoverNote } from './leftovers'
import { safeUnzip, type ExpectedFile, type ManifestCheck, type UnzipLimits } from './safeUnzip'

/** What a package import needs from the core. */
export interface ImportDeps {
  libraryDir: string
  articles: {
    create(
      fields: Partial<ArticleFields>,
      extra?: {
        importedFrom?: Omit<ImportedFrom, 'revision'>
        id?: string
        publication?: Publication
      }
    ): Promise<Article>
    /** The library's copy of the package's story, or null when it holds none. */
    find(id: string): Promise<Article | null>
    save(id: string, baseRevision: number, patch: Partial<ArticleFields>): Promise<unknown>
    updatePublication(
      id: string,
      update: (current: Publication | undefined) => Publication
    ): Promise<unknown>
  }
  assets: Pick<AssetStore, 'import' | 'get' | 'update' | 'delete'>
}

export interface ImportPackageOptions {
  limits?: UnzipLimits
  /** Told about what interrupted imports left behind and this import removed first. */
  onLeftover?(note: LeftoverNote): void
  /** Told about what the import had to change to take the package in (text cut to fit). */
  onWarning?(message: string): void
  /** The package's name as the user knows it (default: the file's name). */
  displayName?: string
  /** The import's timestamp (tests pin it). */
  now?: Date
  /**
   * For a story the library already holds: `update` makes the package's content and version
   * line the story's, `new` imports it as a new story with a new identity. Without it such an
   * import is refused (`conflict`, `detail.reason` `held`).
   */
  as?: 'update' | 'new'
}

const TMP = LIBRARY_TMP
type PackageSourceDoc = z.infer<typeof packageSourceSchema>

function refuse(zipFile: string, why: string, detail?: Record<string, unknown>): never {
  throw new CopydeskError('corrupt', `Package ${zipFile} refused: ${why}`, detail)
}

function describeZod(error: z.ZodError): string {
  const issue = error.issues[0]
  return `${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}`
}

async function readJson(file: string, name: string, zipFile: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    return refuse(zipFile, `${name} is not valid JSON (${(error as Error).message})`)
  }
}

/**
 * How `safeUnzip` reads `manifest.json` before writing anything: the files it lists, once each,
 * with size and SHA-256.
 */
function manifestCheck(zipFile: string): ManifestCheck {
  const name = PACKAGE_FILES.manifest
  return {
    path: name,
    maxBytes: MANIFEST_MAX_BYTES,
    parse(bytes: Buffer): Map<string, ExpectedFile> {
      let raw: unknown
      try {
        raw = JSON.parse(bytes.toString('utf8'))
      } catch (error) {
        return refuse(zipFile, `${name} is not valid JSON (${(error as Error).message})`)
      }
      const parsed = manifestSchema.safeParse(raw)
      if (!parsed.success) refuse(zipFile, `${name} is not valid (${describeZod(parsed.error)})`)
      const listed = new Map<string, ExpectedFile>()
      for (const f of parsed.data.files) {
        if (f.path === name) refuse(zipFile, `${name} lists itself`)
        if (listed.has(f.path)) refuse(zipFile, `${name} lists "${f.path}" twice`)
        listed.set(f.path, { bytes: f.bytes, sha256: f.sha256 })
      }
      return listed
    }
  }
}

/** Why a declared version is not the one this Copydesk reads, or null. */
function versionProblem(value: unknown, supported: number): string | null {
  if (value === supported) return null
  if (typeof value === 'number' && Number.isInteger(value) && value > supported) {
    return `is ${value}: the package was made by a newer Copydesk (this version reads ${supported})`
  }
  if (value === undefined) return `is missing (expected the number ${supported})`
  const shown = typeof value === 'string' ? `"${value.slice(0, 40)}" (text)` : JSON.stringify(value)
  return `is ${shown}, not a version Copydesk knows (expected the number ${supported})`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Versions first, so that a package from elsewhere is refused by what it is, not by a detail. */
function checkVersions(raw: unknown, zipFile: string): void {
  const doc = isRecord(raw) ? raw : {}
  const check = (field: string, value: unknown, supported: number): void => {
    const problem = versionProblem(value, supported)
    if (!problem) return
    const newer = typeof value === 'number' && Number.isInteger(value) && value > supported
    // The interface words it in its own language from these.
    const shown =
      value === undefined
        ? ''
        : typeof value === 'string'
          ? `"${value.slice(0, 40)}"`
          : JSON.stringify(value)
    refuse(zipFile, `${PACKAGE_FILES.source}: ${field} ${problem}`, {
      reason: newer ? 'newer-version' : 'version',
      field,
      value: shown,
      supported
    })
  }
  check('formatVersion', doc.formatVersion, PACKAGE_FORMAT_VERSION)
  if (isRecord(doc.article)) {
    check('article.schemaVersion', doc.article.schemaVersion, ARTICLE_SCHEMA_VERSION)
  }
  if (Array.isArray(doc.assets)) {
    doc.assets.forEach((a: unknown, i) => {
      if (isRecord(a) && isRecord(a.record)) {
        check(`assets.${i}.record.schemaVersion`, a.record.schemaVersion, ASSET_SCHEMA_VERSION)
      }
    })
  }
}

/*
 * Packages made before photo texts had a length limit may hold longer captions. They are read
 * as the library reads its own old records: the text cut to fit with a warning, so such a package
 * still imports. Records with any other fault stay as they are and the schema refuses them.
 */
function readRecordsLeniently(raw: unknown): string[] {
  const warnings: string[] = []
  if (!isRecord(raw) || !Array.isArray(raw.assets)) return warnings
  for (const entry of raw.assets as unknown[]) {
    if (!isRecord(entry) || !isRecord(entry.record)) continue
    const before = Array.isArray(entry.record.warnings) ? entry.record.warnings.length : 0
    const parsed = parseAssetRecord(entry.record)
    if (!parsed.ok) continue
    const name = parsed.record.originalName
    for (const cut of parsed.record.warnings.slice(before)) warnings.push(`image "${name}": ${cut}`)
    entry.record = parsed.record
  }
  return warnings
}

/** The pixel size of an image file from its header, or null when it cannot be read. */
async function pixelSize(file: string): Promise<{ width: number; height: number } | null> {
  try {
    const m = await sharp(file).metadata()
    return m.width && m.height ? { width: m.width, height: m.height } : null
  } catch {
    return null
  }
}

/*
 * An exported original is not the library's bytes when export rewrote its metadata (location
 * removed, captions written), so its hash is not the asset id. The package's record names the
 * asset it was made from: when this library holds that asset, with its original file whole and
 * of the same kind and size as the package's picture, the article takes the library's photo
 * instead of a second copy. The record's id is only a claim of the package; the checks keep a
 * package from pointing an article at a photo that is not the one it carries.
 */
async function originalInLibrary(
  deps: ImportDeps,
  entry: PackageSourceDoc['assets'][number],
  packagedFile: string
): Promise<string | null> {
  const claimed = entry.record
  const own = await deps.assets.get(claimed.id).catch(() => null)
  if (!own || own.format !== claimed.format) return null
  const file = await stat(assetFile(deps.libraryDir, own.id, own.originalFile)).catch(() => null)
  if (!file?.isFile() || file.size !== own.fileSize) return null
  const size = await pixelSize(packagedFile)
  if (!size) return null
  const sameSize = (w: number, h: number): boolean =>
    (w === size.width && h === size.height) || (w === size.height && h === size.width)
  return sameSize(own.width, own.height) ? own.id : null
}

function remapUse(use: ImageUse, ids: Map<string, string>): ImageUse {
  return { ...use, assetId: ids.get(use.assetId) ?? use.assetId }
}

function remapBody(node: PmNode, ids: Map<string, string>): PmNode {
  const assetId = node.attrs?.assetId
  const attrs =
    typeof assetId === 'string' && ids.has(assetId)
      ? { ...node.attrs, assetId: ids.get(assetId) }
      : node.attrs
  return {
    ...node,
    ...(attrs ? { attrs } : {}),
    ...(node.content ? { content: node.content.map((c) => remapBody(c, ids)) } : {})
  }
}

function referencedAssets(article: Article): Set<string> {
  const ids = new Set<string>()
  if (article.lead) ids.add(article.lead.assetId)
  for (const g of article.galleries) for (const i of g.items) ids.add(i.assetId)
  const walk = (node: PmNode): void => {
    if (node.type === 'figure' && typeof node.attrs?.assetId === 'string')
      ids.add(node.attrs.assetId)
    node.content?.forEach(walk)
  }
  walk(article.body)
  return ids
}

function checkSource(doc: PackageSourceDoc, zipFile: string, files: Set<string>): void {
  const problem = articlePatchProblem(doc.article)
  if (problem) {
    refuse(
      zipFile,
      `the article in ${PACKAGE_FILES.source} is not valid (${problem.field}: ${problem.message})`
    )
  }
  const packaged = new Set(doc.assets.map((a) => a.record.id))
  for (const id of referencedAssets(doc.article)) {
    if (!packaged.has(id))
      refuse(zipFile, `the article uses image ${id}, which the package does not hold`)
  }
  for (const a of doc.assets) {
    for (const path of Object.values(a.files)) {
      if (!files.has(path)) refuse(zipFile, `image file "${path}" is not in the package`)
    }
  }
}

/**
 * Brings an exported package back as a new article. The ZIP is unpacked by `safeUnzip` into
 * `<library>/.tmp/` (names, links, duplicates and ZIP bombs refused), every file is checked
 * against `manifest.json` (size and SHA-256, nothing unlisted), `article.copydesk.json` is
 * validated with the article and asset schemas, the originals go through the asset store (ids
 * are content hashes, so an image already in the library is the same asset; new ones get the
 * package's caption, credit and other photo-desk values), and a new article (new id, status
 * `draft`) is created with the package's content. The temporary folder is removed in every case;
 * on any refusal no article is created and images imported by this call are removed again.
 */
export async function importPackage(
  deps: ImportDeps,
  zipFile: string,
  opts: ImportPackageOptions = {}
): Promise<PackageImportResult> {
  const info = await stat(zipFile).catch(() => null)
  if (!info) throw new CopydeskError('not-found', `No package file ${zipFile}`)
  if (!info.isFile()) throw new CopydeskError('invalid-input', `${zipFile} is not a file`)

  const tmpRoot = join(deps.libraryDir, TMP)
  await mkdir(tmpRoot, { recursive: true })
  for (const note of await sweepImportLeftovers(deps)) opts.onLeftover?.(note)
  const stem = `import-${process.pid}-${randomBytes(6).toString('hex')}`
  const dir = join(tmpRoot, stem)
  const created: string[] = []
  const journal = await ImportJournal.open(deps.libraryDir, stem)
  try {
    // The manifest is read and held against the ZIP's directory before anything is written.
    const unpacked = await safeUnzip(zipFile, dir, opts.limits, manifestCheck(zipFile))
    const files = new Set(unpacked.map((e) => e.path))
    const hashes = new Map(unpacked.map((e) => [e.path, e.sha256]))
    if (!files.has(PACKAGE_FILES.source)) refuse(zipFile, `it has no ${PACKAGE_FILES.source}`)
    const raw = await readJson(join(dir, PACKAGE_FILES.source), PACKAGE_FILES.source, zipFile)
    checkVersions(raw, zipFile)
    for (const warning of readRecordsLeniently(raw)) opts.onWarning?.(warning)
    const parsed = packageSourceSchema.safeParse(raw)
    if (!parsed.success) {
      refuse(
        zipFile,
        `${PACKAGE_FILES.source} is not a valid Copydesk article (${describeZod(parsed.error)})`
      )
    }
    const doc = parsed.data
    checkSource(doc, zipFile, files)
    // Decided before any picture is taken in, so a refusal leaves the library as it was.
    const held = await deps.articles.find(doc.article.id)
    if (held && !opts.as) {
      throw new CopydeskError(
        'conflict',
        `Package ${zipFile}: this library already holds its story ${held.id} ("${held.headline ?? ''}"); import it as an update of that story (--as-update) or as a new story (--as-new)`,
        { reason: 'held', articleId: held.id }
      )
    }

    const ids = new Map<string, string>()
    for (const entry of doc.assets) {
      const path = join(dir, ...entry.files.original.split('/'))
      const original = await originalInLibrary(deps, entry, path)
      if (original) {
        ids.set(entry.record.id, original)
        continue
      }
      // An asset's id is its original's SHA-256: known before the import, so a kill between
      // the import and the article leaves a journal naming the orphan.
      const expectedId = hashes.get(entry.files.original)
      const isNew =
        expectedId !== undefined && !(await deps.assets.get(expectedId).catch(() => null))
      if (expectedId && isNew) await journal.record(expectedId, null)
      const [result] = (await deps.assets.import([
        { name: entry.record.originalName || entry.files.original, path }
      ])) as [ImportResult]
      if ('error' in result) refuse(zipFile, `image "${entry.files.original}": ${result.error}`)
      ids.set(entry.record.id, result.assetId)
      if (result.duplicate) {
        await journal.forget(result.assetId)
        continue
      }
      created.push(result.assetId)
      // The photo desk's edits are not in the file: carry them over from the stored record.
      const current = await deps.assets.get(result.assetId)
      await journal.record(result.assetId, current.revision)
      const patch: AssetPatch = {}
      for (const field of ASSET_EDITABLE_FIELDS) {
        if (current.metadata[field] !== entry.record.metadata[field]) {
          patch[field] = entry.record.metadata[field]
        }
      }
      if (Object.keys(patch).length) {
        const updated = await deps.assets.update(result.assetId, current.revision, patch)
        await journal.record(result.assetId, updated.revision)
      }
    }

    const a = doc.article
    const importedFrom = {
      file: opts.displayName ?? basename(zipFile),
      importedAt: nowIso(opts.now ?? new Date())
    }
    const fields: Partial<ArticleFields> = {
      status: 'draft',
      language: a.language,
      timeZone: a.timeZone,
      kicker: a.kicker,
      headline: a.headline,
      teaser: a.teaser,
      bylines: a.bylines,
      dateline: a.dateline,
      slugline: a.slugline,
      tags: a.tags,
      edNote: a.edNote,
      notes: a.notes,
      publishedAt: a.publishedAt,
      embargoedUntil: a.embargoedUntil,
      body: remapBody(a.body, ids),
      lead: a.lead ? remapUse(a.lead, ids) : null,
      galleries: a.galleries.map((g) => ({ ...g, items: g.items.map((i) => remapUse(i, ids)) }))
    }
    const article = await placeStory(deps, held, fields, {
      importedFrom,
      as: opts.as,
      id: a.id,
      publication: a.publication
    })
    return { articleId: article, assetIds: doc.assets.map((e) => ids.get(e.record.id)!) }
  } catch (error) {
    for (const id of created) await deps.assets.delete(id).catch(() => undefined)
    throw error
  } finally {
    await journal.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Where the package's story goes: a story the library does not hold keeps the package's identity
 * and version line; for one it holds, `update` puts the package's fields and record on it, `new`
 * makes a new story without either.
 */
async function placeStory(
  deps: ImportDeps,
  held: Article | null,
  fields: Partial<ArticleFields>,
  opts: {
    importedFrom: Omit<ImportedFrom, 'revision'>
    as?: 'update' | 'new'
    id: string
    publication?: Publication
  }
): Promise<string> {
  const { importedFrom, publication } = opts
  if (!held) {
    const keep = opts.as !== 'new'
    const created = await deps.articles.create(fields, {
      importedFrom,
      ...(keep ? { id: opts.id, ...(publication ? { publication } : {}) } : {})
    })
    return created.id
  }
  if (opts.as === 'new') return (await deps.articles.create(fields, { importedFrom })).id
  // The story goes on as the package has it: a re-export continues its version line.
  await deps.articles.save(held.id, held.revision, { ...fields, status: held.status })
  if (publication) {
    // Published versions never count backwards: an older package leaves the newer line.
    await deps.articles.updatePublication(held.id, (current) =>
      (lastPublished(current)?.version ?? 0) > (lastPublished(publication)?.version ?? 0)
        ? current!
        : publication
    )
  }
  return held.id
}

/** Writes package bytes from IPC to a temporary file in the library and imports it. */
export async function importPackageBytes(
  deps: ImportDeps,
  name: string,
  bytes: Uint8Array,
  opts: ImportPackageOptions = {}
): Promise<PackageImportResult> {
  const tmpRoot = join(deps.libraryDir, TMP)
  await mkdir(tmpRoot, { recursive: true })
  const file = join(tmpRoot, `import-${process.pid}-${randomBytes(6).toString('hex')}.zip`)
  try {
    await writeFile(file, bytes, { flag: 'wx' })
    return await importPackage(deps, file, { displayName: name, ...opts }).catch(
      (error: unknown) => {
        // Name the package as the user knows it, not the temporary file.
        if (error instanceof CopydeskError) {
          throw new CopydeskError(
            error.code,
            error.message.split(file).join(`“${name}”`),
            error.detail
          )
        }
        throw error
      }
    )
  } finally {
    await rm(file, { force: true })
  }
}
