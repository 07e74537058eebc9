/**
 * Kept versions of each article under `history/<id>/`, one file per version in the article file
 * format, written durably. The file name carries what the history list shows, so listing needs
 * no reads: `<revision>.<savedAtMs>.<windowStartMs>.<wordCount>.json`.
 *
 * Coalescing: while someone types, autosave runs every second or so; keeping each of those would
 * flood the history. A save within `coalesceMs` of the start of the newest version's window
 * replaces that version, so typing leaves at most one version per minute, and the newest
 * version is always the current text (which quarantine restores from).
 *
 * Durability: the newest version is a copy of the article file, which is itself saved durably,
 * so it is written whole (unique temp name, rename) but not fsynced: that would double the disk
 * flushes of every autosave for nothing. When a new window starts, the previous newest version
 * becomes the only copy of its text, and it is fsynced (with its folder) right then. A power cut
 * can therefore leave the newest version empty: the library checks it ({@link intact}) before it
 * is fsynced or listed, and rewrites it from the article file ({@link rewrite}) or moves it aside.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ARTICLE_SCHEMA_VERSION, type Article } from '../../../shared/article'
import { fsyncDir, writeFileDurable } from '../storage/durableWrite'
import { articleFromFile } from './articleFile'

/** One kept version as its file name describes it. */
export interface HistoryEntry {
  revision: number
  savedAtMs: number
  windowStartMs: number
  wordCount: number
  file: string
}

const NAME = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.json$/

/** Options of {@link HistoryStore}. */
export interface HistoryOptions {
  /** Versions kept per article (the oldest are dropped). */
  limit?: number
  /** Saves within this many milliseconds of a version's first save replace it. */
  coalesceMs?: number
  /** False for read-only openers: leftover temp files are then left alone. */
  writable?: boolean
}

/** Parses a history file name; null for anything else (temp files, strays). */
export function parseHistoryName(dir: string, name: string): HistoryEntry | null {
  const m = NAME.exec(name)
  if (!m) return null
  return {
    revision: Number(m[1]),
    savedAtMs: Number(m[2]),
    windowStartMs: Number(m[3]),
    wordCount: Number(m[4]),
    file: join(dir, name)
  }
}

/** Replaces `target` whole (unique temp file, then rename) without waiting for the disk. */
async function writeFileWhole(target: string, data: string): Promise<void> {
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  )
  try {
    await writeFile(temp, data, { flag: 'wx' })
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await open(file, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** The per-article version history. */
export class HistoryStore {
  private readonly limit: number
  private readonly coalesceMs: number
  private readonly writable: boolean
  private readonly cache = new Map<string, HistoryEntry[]>()
  /** Version files known to be whole: written by this process, or read back and checked. */
  private readonly verified = new Set<string>()
  /** Version files fsynced (content and name) by this process. */
  private readonly durable = new Set<string>()

  constructor(
    readonly root: string,
    opts: HistoryOptions = {}
  ) {
    this.limit = opts.limit ?? 50
    this.coalesceMs = opts.coalesceMs ?? 60_000
    this.writable = opts.writable ?? true
  }

  /** Folder of one article's versions. */
  dirOf(id: string): string {
    return join(this.root, id)
  }

  /** Versions of an article, oldest first (cached after the first call). */
  async entries(id: string): Promise<HistoryEntry[]> {
    const cached = this.cache.get(id)
    if (cached) return cached
    const dir = this.dirOf(id)
    let names: string[] = []
    try {
      names = await readdir(dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    if (this.writable) {
      // Temp files of history writes a crash cut short; every kept version is a complete file.
      for (const name of names) {
        if (name.startsWith('.') && name.endsWith('.tmp')) {
          await unlink(join(dir, name)).catch(() => undefined)
        }
      }
    }
    const entries = names
      .map((n) => parseHistoryName(dir, n))
      .filter((e): e is HistoryEntry => e !== null)
      .sort((a, b) => a.revision - b.revision || a.savedAtMs - b.savedAtMs)
    this.cache.set(id, entries)
    return entries
  }

  /** Forgets what is cached for an article (its folder was moved). */
  forget(id: string): void {
    for (const entry of this.cache.get(id) ?? []) this.verified.delete(entry.file)
    this.cache.delete(id)
  }

  /**
   * Whether a kept version holds a readable article `id` of the revision its name says: false for
   * an empty file (a power cut), a torn or garbled one, or one holding another article. A version
   * found whole is not read again. `quick`: JSON and identity only, not every article field.
   */
  async intact(id: string, entry: HistoryEntry, opts: { quick?: boolean } = {}): Promise<boolean> {
    if (this.verified.has(entry.file)) return true
    try {
      const raw = await this.readRaw(entry)
      if (opts.quick) {
        // What a power cut does (empty, torn) shows in the JSON itself; validating every field
        // of every article would make the first open after a crash slow on a large library.
        const article = (raw as { article?: { id?: unknown; revision?: unknown } } | null)?.article
        return article?.id === id && article.revision === entry.revision
      }
      const article = articleFromFile(raw, entry.file)
      if (article.id !== id || article.revision !== entry.revision) return false
    } catch (error) {
      // Gone meanwhile is not damage; anything else unreadable is.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
      if (typeof (error as NodeJS.ErrnoException).code === 'string') throw error
      return false
    }
    this.verified.add(entry.file)
    return true
  }

  /** Rewrites a damaged version from `article` (the same revision), durably this time. */
  async rewrite(entry: HistoryEntry, article: Article): Promise<void> {
    if (article.revision !== entry.revision) {
      throw new Error(
        `version ${entry.revision} cannot be rewritten from revision ${article.revision}`
      )
    }
    await writeFileDurable(
      entry.file,
      JSON.stringify({ schemaVersion: ARTICLE_SCHEMA_VERSION, article })
    )
    this.verified.add(entry.file)
    this.durable.add(entry.file)
  }

  /** Moves a damaged version to `dest` (the quarantine), out of the history. */
  async moveAside(id: string, entry: HistoryEntry, dest: string): Promise<void> {
    await mkdir(dirname(dest), { recursive: true })
    const moved = await rename(entry.file, dest).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
        return false
      }
    )
    if (moved) {
      await fsyncDir(dirname(dest))
      await fsyncDir(dirname(entry.file))
    }
    const entries = this.cache.get(id)
    if (entries) {
      this.cache.set(
        id,
        entries.filter((e) => e.file !== entry.file)
      )
    }
  }

  private coalesces(
    newest: HistoryEntry | undefined,
    revision: number,
    nowMs: number,
    separate: boolean | undefined
  ): newest is HistoryEntry {
    return (
      !separate &&
      newest !== undefined &&
      newest.revision < revision &&
      nowMs - newest.windowStartMs < this.coalesceMs &&
      nowMs >= newest.windowStartMs
    )
  }

  private async makeDurable(entry: HistoryEntry): Promise<void> {
    if (this.durable.has(entry.file)) return
    try {
      await fsyncFile(entry.file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    // Its name too: a version made by coalescing was renamed into place without a folder sync.
    await fsyncDir(dirname(entry.file))
    this.durable.add(entry.file)
  }

  /**
   * Called before the article file is replaced by `revision` (saved at `nowMs`). If that save
   * starts a new version, the newest version stops being a copy of the article file: it is made
   * durable now, while the article file still holds its text, so no moment exists where a power
   * cut can take the only copy.
   */
  async beforeReplacing(
    id: string,
    revision: number,
    nowMs: number,
    opts: { separate?: boolean } = {}
  ): Promise<void> {
    const newest = (await this.entries(id)).at(-1)
    if (!newest || this.coalesces(newest, revision, nowMs, opts.separate)) return
    await this.makeDurable(newest)
  }

  /**
   * Keeps `article` as a version saved at `nowMs`. `separate` starts a new version even within
   * the coalescing window (a restore must not replace the text it restores over).
   */
  async record(
    article: Article,
    wordCount: number,
    nowMs: number,
    opts: { separate?: boolean } = {}
  ): Promise<void> {
    const id = article.id
    const entries = [...(await this.entries(id))]
    const newest = entries[entries.length - 1]
    const coalesce = this.coalesces(newest, article.revision, nowMs, opts.separate)
    const windowStartMs = coalesce ? newest.windowStartMs : nowMs
    const dir = this.dirOf(id)
    if (entries.length === 0) await mkdir(dir, { recursive: true })
    const name = `${article.revision}.${nowMs}.${windowStartMs}.${wordCount}.json`
    const content = JSON.stringify({ schemaVersion: ARTICLE_SCHEMA_VERSION, article })
    if (!coalesce && newest) {
      // No longer the newest: from now on this file is the only copy of its text.
      await this.makeDurable(newest)
    }
    try {
      await writeFileWhole(join(dir, name), content)
    } catch (error) {
      // The folder went away underneath (moved or deleted by hand): make it again once.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      await mkdir(dir, { recursive: true })
      await writeFileWhole(join(dir, name), content)
    }
    // No folder sync for the new version: it copies the durable article file, and its name is
    // made durable with its content when the next version starts (makeDurable).
    const entry: HistoryEntry = {
      revision: article.revision,
      savedAtMs: nowMs,
      windowStartMs,
      wordCount,
      file: join(dir, name)
    }
    this.verified.add(entry.file)
    // The new version is on disk before the one it replaces goes: a crash keeps both.
    if (coalesce) {
      entries.pop()
      this.verified.delete(newest.file)
      await unlink(newest.file).catch(() => undefined)
    }
    entries.push(entry)
    while (entries.length > this.limit) {
      const oldest = entries.shift() as HistoryEntry
      this.verified.delete(oldest.file)
      await unlink(oldest.file).catch(() => undefined)
    }
    this.cache.set(id, entries)
  }

  /** The raw JSON of a kept version (parse errors are the caller's to judge). */
  async readRaw(entry: HistoryEntry): Promise<unknown> {
    return JSON.parse(await readFile(entry.file, 'utf8'))
  }
}
