/**
 * The quarantine: damaged article files and damaged kept versions are moved to `quarantine/`,
 * never deleted, so a user or support can still look at them. This class moves the files and
 * finds the version to restore from; the library decides when, reports it and writes the result.
 */
import { mkdir, rename, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Article } from '../../../shared/article'
import { fsyncDir } from '../storage/durableWrite'
import { articleFromFile } from './articleFile'
import type { HistoryEntry, HistoryStore } from './historyStore'

export class Quarantine {
  /**
   * @param root the quarantine folder
   * @param articlesDir the folder of the article files
   * @param history the kept versions to restore from
   */
  constructor(
    readonly root: string,
    private readonly articlesDir: string,
    private readonly history: HistoryStore
  ) {}

  /** Moves a damaged article file aside, durably; returns where it went. */
  async moveArticleAside(id: string, file: string, now: Date): Promise<string> {
    const movedTo = join(this.root, `${id}.${now.toISOString().replace(/[:.]/g, '-')}.json`)
    await mkdir(this.root, { recursive: true })
    await rename(file, movedTo)
    await fsyncDir(this.root)
    await fsyncDir(this.articlesDir)
    return movedTo
  }

  /** Moves a damaged kept version aside; returns where it went and whether it was empty. */
  async moveVersionAside(
    id: string,
    entry: HistoryEntry
  ): Promise<{ movedTo: string; empty: boolean }> {
    const empty = await stat(entry.file).then(
      (st) => st.size === 0,
      () => false
    )
    const movedTo = join(this.root, `${id}.version-${basename(entry.file)}`)
    await this.history.moveAside(id, entry, movedTo)
    return { movedTo, empty }
  }

  /** The newest kept version of an article that reads back whole, or null. */
  async newestGoodVersion(id: string, entries: HistoryEntry[]): Promise<Article | null> {
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i] as HistoryEntry
      try {
        const candidate = articleFromFile(await this.history.readRaw(entry), entry.file)
        if (candidate.id === id) return candidate
      } catch {
        // A damaged version: try the one before.
      }
    }
    return null
  }
}
