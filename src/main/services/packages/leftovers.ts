import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { AssetStore } from '../assets/assetStore'
import { isProcessAlive } from '../storage/fsErrors'

/*
 * What a killed export or package import leaves behind, and how the next run finds it. Every
 * temporary name carries the pid of the process that made it (and, beside an export's target,
 * a tag of the machine, since that folder may be a share other machines write to): a name whose
 * process is gone is stale. The library is locked to one live process, so inside it a dead pid
 * is proof enough.
 */

/** One thing a sweep removed or chose to keep, with a sentence for the user. */
export interface LeftoverNote {
  kind: 'export-part' | 'import-folder' | 'orphan-asset' | 'kept-asset' | 'sweep-failed'
  path: string
  bytes: number
  message: string
}

/** The folder inside the library for temporary files. */
export const LIBRARY_TMP = '.tmp'

const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8)
const PART = /^\.(.+)\.(?:([0-9a-f]{8})-)?(\d+)-[0-9a-f]{12}\.part$/
const IMPORT_TMP = /^import-(\d+)-[0-9a-f]{12}(\.zip)?$/
const IMPORT_JOURNAL = /^import-(\d+)-[0-9a-f]{12}\.assets\.json$/
const EXPORT_MARKER = /^export-(\d+)-[0-9a-f]{12}\.json$/
const HALF_WRITTEN = /^(?:import|export)-(\d+)-[0-9a-f]{12}.*\.[0-9a-f]{8}\.tmp$/

function isStalePid(pid: number): boolean {
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isProcessAlive(pid)
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Bytes under a path (a file or a folder), 0 when it is gone. */
async function sizeOf(path: string): Promise<number> {
  const info = await stat(path).catch(() => null)
  if (!info) return 0
  if (!info.isDirectory()) return info.size
  let total = 0
  for (const name of await readdir(path).catch(() => [])) total += await sizeOf(join(path, name))
  return total
}

async function listDir(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [])
}

/** Writes a small JSON file so that a kill leaves either the old or the new content. */
async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`
  await writeFile(temp, JSON.stringify(value), { flag: 'wx' })
  await rename(temp, file)
}

/** The hidden temporary file an export writes beside `target` before renaming it into place. */
export function partFileFor(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${HOST_TAG}-${process.pid}-${randomBytes(6).toString('hex')}.part`
  )
}

/**
 * Removes export `.part` files in `folder` whose process on this machine is gone (also those of
 * older versions, whose names carry no machine tag).
 */
export async function removeStalePartFiles(folder: string): Promise<LeftoverNote[]> {
  const notes: LeftoverNote[] = []
  for (const name of await listDir(folder)) {
    const m = PART.exec(name)
    if (!m || (m[2] !== undefined && m[2] !== HOST_TAG) || !isStalePid(Number(m[3]))) continue
    const path = join(folder, name)
    const bytes = await sizeOf(path)
    if (
      await rm(path, { force: true }).then(
        () => true,
        () => false
      )
    ) {
      notes.push({
        kind: 'export-part',
        path,
        bytes,
        message: `Removed ${path} (${mb(bytes)}), left by an export of "${m[1]}" that was interrupted`
      })
    }
  }
  return notes
}

/**
 * Records in the library that an export writes `part`, so that the next open can remove it if
 * the process dies, wherever the target folder is. Returns the function that drops the record.
 */
export async function markExport(libraryDir: string, part: string): Promise<() => Promise<void>> {
  const dir = join(libraryDir, LIBRARY_TMP)
  await mkdir(dir, { recursive: true })
  const marker = join(dir, `export-${process.pid}-${randomBytes(6).toString('hex')}.json`)
  await writeJsonAtomic(marker, { part })
  return () => unlink(marker).catch(() => undefined)
}

async function sweepExportMarkers(tmpDir: string): Promise<LeftoverNote[]> {
  const notes: LeftoverNote[] = []
  for (const name of await listDir(tmpDir)) {
    const m = EXPORT_MARKER.exec(name)
    if (!m || !isStalePid(Number(m[1]))) continue
    const marker = join(tmpDir, name)
    const part = await readFile(marker, 'utf8')
      .then((text) => (JSON.parse(text) as { part?: unknown }).part)
      .catch(() => undefined)
    // Only ever a file named like our own temporary file: the marker is not trusted further.
    if (typeof part === 'string' && PART.test(basename(part))) {
      for (const note of await removeStalePartFiles(dirname(part))) notes.push(note)
    }
    await rm(marker, { force: true })
  }
  return notes
}

/**
 * The assets a package import added to the library, written down as they are added and dropped
 * once the article that uses them exists: what a killed import leaves listed here is an orphan.
 */
export class ImportJournal {
  private readonly assets = new Map<string, number | null>()

  private constructor(private readonly file: string) {}

  /** A journal for this import, in `<library>/.tmp/`. */
  static async open(libraryDir: string, stem: string): Promise<ImportJournal> {
    await mkdir(join(libraryDir, LIBRARY_TMP), { recursive: true })
    return new ImportJournal(join(libraryDir, LIBRARY_TMP, `${stem}.assets.json`))
  }

  /** Notes an asset this import adds, before it is added (`revision` null) and after each change. */
  async record(assetId: string, revision: number | null): Promise<void> {
    this.assets.set(assetId, revision)
    await writeJsonAtomic(this.file, { assets: [...this.assets].map(([id, rev]) => ({ id, rev })) })
  }

  /** An asset turned out to be in the library already: never this import's to collect. */
  async forget(assetId: string): Promise<void> {
    if (this.assets.delete(assetId)) {
      await writeJsonAtomic(this.file, {
        assets: [...this.assets].map(([id, rev]) => ({ id, rev }))
      })
    }
  }

  /** The import ended (article made, or everything rolled back): nothing to collect. */
  async close(): Promise<void> {
    await rm(this.file, { force: true })
  }
}

async function sweepImportJournals(
  tmpDir: string,
  assets: Pick<AssetStore, 'get' | 'delete'>,
  libraryDir: string
): Promise<LeftoverNote[]> {
  const notes: LeftoverNote[] = []
  for (const name of await listDir(tmpDir)) {
    const m = IMPORT_JOURNAL.exec(name)
    if (!m || !isStalePid(Number(m[1]))) continue
    const journal = join(tmpDir, name)
    const listed = await readFile(journal, 'utf8')
      .then((text) => (JSON.parse(text) as { assets?: { id?: unknown; rev?: unknown }[] }).assets)
      .catch(() => undefined)
    for (const item of Array.isArray(listed) ? listed : []) {
      if (typeof item.id !== 'string' || !/^[a-f0-9]{64}$/.test(item.id)) continue
      const current = await assets.get(item.id).catch(() => null)
      if (!current) continue
      const where = join(libraryDir, 'assets', item.id.slice(0, 2), item.id)
      // A fresh asset is revision 1; anything newer was edited since, by someone: keep it.
      const expected = typeof item.rev === 'number' ? item.rev : 1
      if (current.revision !== expected) {
        notes.push({
          kind: 'kept-asset',
          path: where,
          bytes: 0,
          message: `Kept image ${item.id} from an interrupted package import: it was edited since`
        })
        continue
      }
      const bytes = await sizeOf(where)
      try {
        await assets.delete(item.id)
        notes.push({
          kind: 'orphan-asset',
          path: where,
          bytes,
          message: `Removed image ${item.id} (${mb(bytes)}), added by a package import that was interrupted before its article was made`
        })
      } catch (error) {
        notes.push({
          kind: 'kept-asset',
          path: where,
          bytes: 0,
          message: `Kept image ${item.id} from an interrupted package import: ${(error as Error).message}`
        })
      }
    }
    await rm(journal, { force: true })
  }
  return notes
}

async function sweepImportFolders(tmpDir: string): Promise<LeftoverNote[]> {
  const notes: LeftoverNote[] = []
  for (const name of await listDir(tmpDir)) {
    const m = IMPORT_TMP.exec(name) ?? HALF_WRITTEN.exec(name)
    if (!m || !isStalePid(Number(m[1]))) continue
    const path = join(tmpDir, name)
    const bytes = await sizeOf(path)
    await rm(path, { recursive: true, force: true })
    notes.push({
      kind: 'import-folder',
      path,
      bytes,
      message: `Removed ${path} (${mb(bytes)}), left by a package import that was interrupted`
    })
  }
  return notes
}

/** Cleans up after killed package imports: orphan images first, then their unpacked files. */
export async function sweepImportLeftovers(deps: {
  libraryDir: string
  assets: Pick<AssetStore, 'get' | 'delete'>
}): Promise<LeftoverNote[]> {
  const tmpDir = join(deps.libraryDir, LIBRARY_TMP)
  return [
    ...(await sweepImportJournals(tmpDir, deps.assets, deps.libraryDir)),
    ...(await sweepImportFolders(tmpDir))
  ]
}

/**
 * Everything killed exports and imports left behind, removed when the library is opened for
 * writing: `.part` files of exports (found through their records in the library), orphan images
 * of package imports, unpacked package folders. Each removal comes back as a note to report.
 */
export async function sweepLeftovers(deps: {
  libraryDir: string
  assets: Pick<AssetStore, 'get' | 'delete'>
}): Promise<LeftoverNote[]> {
  const tmpDir = join(deps.libraryDir, LIBRARY_TMP)
  const notes: LeftoverNote[] = []
  // A failing clean-up must not keep the library from opening: it is said, and tried next time.
  for (const sweep of [() => sweepExportMarkers(tmpDir), () => sweepImportLeftovers(deps)]) {
    try {
      // A loop, not push(...): a folder of thousands of leftovers would overflow the stack.
      for (const note of await sweep()) notes.push(note)
    } catch (error) {
      notes.push({
        kind: 'sweep-failed',
        path: tmpDir,
        bytes: 0,
        message: `Could not clean up after an interrupted export or import in ${tmpDir}: ${(error as Error).message}`
      })
    }
  }
  return notes
}
