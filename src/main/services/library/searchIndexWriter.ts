/**
 * Writes the full-text index (`index/search.bin`) in the background: after a quiet time once
 * changes stop, at once when many are waiting, one write at a time. The article files stay the
 * truth: a write that fails is logged, and the next open re-indexes what it missed.
 */
import { writeFileDurable } from '../storage/durableWrite'
import { messageOf } from '../storage/fsErrors'
import type { SearchIndex } from './searchIndex'

export interface SearchIndexWriterOptions {
  /** Quiet time after the last change before the index is written. Default 20 s. */
  delayMs?: number
  /** Articles with unwritten changes that make it write at once. Default 500. */
  changesNow?: number
  /** Where a failed write is reported. */
  log: (message: string) => void
  /** Runs a background write so that closing the library waits for it. */
  track: (write: Promise<void>) => void
}

export class SearchIndexWriter {
  private timer: NodeJS.Timeout | null = null
  private writing: Promise<void> = Promise.resolve()

  constructor(
    readonly file: string,
    private readonly opts: SearchIndexWriterOptions
  ) {}

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
        await writeFileDurable(this.file, search.encode())
      })
      .catch((error: unknown) => {
        this.opts.log(`search index: could not write it: ${messageOf(error)}`)
      })
    return this.writing
  }

  /** Drops a scheduled write (the library writes once more itself when it closes). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
