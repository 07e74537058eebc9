/**
 * Writes the full-text index (`index/search.bin`) in the background: after a quiet time once
 * changes stop, at once when many are waiting, one write at a time. The article files stay the
 * truth: a write that fails is logged, and the next open re-indexes what it missed.
 *
 * Several processes may write the file. Each write runs under a short lock (`search.lock`) and,
 * when the file changed since this process last read or wrote it, first takes in what the other
 * process indexed: an article only the other changed is copied from the file; one both changed
 * goes to whichever version the article file now has. So no write drops another's entries.
 */
import { open, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { CopydeskError } from '../../../shared/result'
import { AppendLock } from '../docs/appendLock'
import { writeFileDurable } from '../storage/durableWrite'
import { errnoCode, messageOf } from '../storage/fsErrors'
import { stampOf } from './indexReconcile'
import { SearchIndex } from './searchIndex'

/** The lock file serialising writes of the search index across processes. */
export const SEARCH_LOCK = 'search.lock'

export interface SearchIndexWriterOptions {
  /** Quiet time after the last change before the index is written. Default 20 s. */
  delayMs?: number
  /** Articles with unwritten changes that make it write at once. Default 500. */
  changesNow?: number
  /** Where a failed write is reported. */
  log: (message: string) => void
  /** Runs a background write so that closing the library waits for it. */
  track: (write: Promise<void>) => void
  /**
   * The stamp of an article's file as it is now, null when it is gone: decides an article that
   * this process and another both indexed since they last shared the file.
   */
  currentStamp?: (id: string) => Promise<string | null>
  /** How long to wait for another process's lock (default 10 s). */
  lockTimeoutMs?: number
}

export class SearchIndexWriter {
  private timer: NodeJS.Timeout | null = null
  private writing: Promise<void> = Promise.resolve()
  // Stamp of the file the in-memory index last matched (read or written), null: no file then.
  private fileStamp: string | null = null

  constructor(
    readonly file: string,
    private readonly opts: SearchIndexWriterOptions
  ) {}

  /**
   * Reads the index file (null when there is none) and remembers which version it was.
   * Throws {@link SearchIndexFormatError} for a damaged file.
   */
  async read(): Promise<SearchIndex | null> {
    const found = await this.readFile()
    this.fileStamp = found?.stamp ?? null
    if (!found) return null
    return SearchIndex.decode(found.bytes)
  }

  private async readFile(): Promise<{ bytes: Uint8Array; stamp: string } | null> {
    let handle
    try {
      handle = await open(this.file, 'r')
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null
      throw error
    }
    try {
      // Stamp and bytes from one open file: a rename by another writer cannot come between.
      const stamp = stampOf(await handle.stat())
      return { bytes: await handle.readFile(), stamp }
    } finally {
      await handle.close()
    }
  }

  /** Schedules a write of an index with unwritten changes. */
  changed(search: SearchIndex): void {
    if (search.pendingChanges === 0) return
    if (this.timer) clearTimeout(this.timer)
    const delay =
      search.pendingChanges >= (this.opts.changesNow ?? 500) ? 0 : (this.opts.delayMs ?? 20_000)
    this.timer = setTimeout(() => {
      this.timer = null
      this.opts.track(this.write(search))
    }, delay)
    this.timer.unref()
  }

  /** Writes the index if it has unwritten changes (after any write under way). */
  write(search: SearchIndex): Promise<void> {
    this.writing = this.writing
      .then(async () => {
        if (search.pendingChanges === 0) return
        const lock = await this.lock()
        try {
          await this.merge(search)
          if (search.pendingChanges === 0) return
          await writeFileDurable(this.file, search.encode())
          this.fileStamp = stampOf(await stat(this.file))
        } finally {
          await lock.release()
        }
      })
      .catch((error: unknown) => {
        this.opts.log(`search index: could not write it: ${messageOf(error)}`)
      })
    return this.writing
  }

  /**
   * Takes in what other processes wrote to the index file since this one last read or wrote it
   * (a stat when nothing changed). Resolves whether anything was taken.
   */
  refresh(search: SearchIndex): Promise<boolean> {
    let changed = false
    this.writing = this.writing
      .then(async () => {
        changed = await this.merge(search)
      })
      .catch((error: unknown) => {
        this.opts.log(`search index: could not read it: ${messageOf(error)}`)
      })
    return this.writing.then(() => changed)
  }

  private async lock(): Promise<AppendLock> {
    try {
      return await AppendLock.acquire(dirname(this.file), {
        name: SEARCH_LOCK,
        timeoutMs: this.opts.lockTimeoutMs
      })
    } catch (error) {
      if (error instanceof CopydeskError && error.code === 'locked') {
        throw new CopydeskError(
          'locked',
          `The search index ${this.file} stayed locked by another process: ${error.message}`
        )
      }
      throw error
    }
  }

  private async merge(search: SearchIndex): Promise<boolean> {
    let now: string | null
    try {
      now = stampOf(await stat(this.file))
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error
      now = null
    }
    if (now === this.fileStamp) return false
    const found = await this.readFile()
    if (!found) {
      this.fileStamp = null
      return false
    }
    let disk: SearchIndex
    try {
      disk = SearchIndex.decode(found.bytes)
    } catch (error) {
      // Damaged by someone: this process's index replaces it, the article files stay the truth.
      this.opts.log(`search index: ${messageOf(error)}; writing it afresh`)
      this.fileStamp = found.stamp
      return false
    }
    const take: string[] = []
    const both: { id: string; mine: string | undefined; theirs: string | null }[] = []
    const consider = (id: string): void => {
      const mine = search.stampOf(id)
      const theirs = disk.stampOf(id) ?? null
      if (mine === (theirs ?? undefined)) return
      if (!search.isPending(id)) take.push(id)
      else both.push({ id, mine, theirs })
    }
    for (const id of disk.ids()) consider(id)
    for (const id of search.ids()) if (disk.stampOf(id) === undefined) consider(id)
    const theirsNow: string[] = []
    for (const { id, mine, theirs } of both) {
      // Theirs wins only where it is the version the article file has now.
      const current = this.opts.currentStamp ? await this.opts.currentStamp(id) : undefined
      if (current === theirs && search.stampOf(id) === mine) theirsNow.push(id)
    }
    // A save of this process while the files were stat'ed above is newer than the file's entry.
    search.takeFrom(disk, [...take.filter((id) => !search.isPending(id)), ...theirsNow])
    this.fileStamp = found.stamp
    return take.length + theirsNow.length > 0
  }

  /** Drops a scheduled write (the library writes once more itself when it closes). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
