/**
 * The trash: `trash/<id>.<deletedAtMs>/` holds a deleted article's file (`article.json`), its
 * kept versions (`history/`) and what the trash list shows (`deleted.json`). Deleting moves the
 * article file last, so a crash before that leaves the article where it was; {@link repair}
 * gives such an entry's history back at the next open. The library serialises the calls and
 * keeps its index in step; this class only moves the files.
 */
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary } from '../../../shared/article'
import type { TrashEntry } from '../../../shared/library'
import { CopydeskError } from '../../../shared/result'
import { fsyncDir, writeFileDurable } from '../storage/durableWrite'
import { errnoCode, messageOf } from '../storage/fsErrors'
import { nowIso } from './articleFields'
import type { HistoryStore } from './historyStore'

const TRASH_ENTRY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d+)$/

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

/** One deletion in the trash folder. */
interface TrashFolder {
  id: string
  dir: string
  ms: number
}

export class TrashStore {
  /**
   * @param root the trash folder
   * @param articlesDir the folder of the article files
   * @param history the kept versions, whose folders move with their article
   * @param fileOf where an article's file lives
   */
  constructor(
    readonly root: string,
    private readonly articlesDir: string,
    private readonly history: HistoryStore,
    private readonly fileOf: (id: string) => string
  ) {}

  /** Moves an article and its history into a new trash entry, durably. */
  async moveIn(id: string, summary: ArticleSummary, now: Date): Promise<void> {
    let ms = now.getTime()
    while (await exists(join(this.root, `${id}.${ms}`))) ms++
    const dest = join(this.root, `${id}.${ms}`)
    await mkdir(dest, { recursive: true })
    await writeFileDurable(
      join(dest, 'deleted.json'),
      JSON.stringify({ id, deletedAt: nowIso(now), summary })
    )
    try {
      await rename(this.history.dirOf(id), join(dest, 'history'))
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error
    }
    this.history.forget(id)
    // Moving the article file is what deletes it; everything before is undone at open.
    try {
      await rename(this.fileOf(id), join(dest, 'article.json'))
    } catch (error) {
      throw new CopydeskError(
        errnoCode(error) === 'ENOENT' ? 'not-found' : 'io',
        `Article ${id}: moving ${this.fileOf(id)} to the trash failed: ${messageOf(error)}`
      )
    }
    for (const d of [this.articlesDir, this.history.root, dest, this.root]) {
      await fsyncDir(d)
    }
  }

  private async folders(): Promise<TrashFolder[]> {
    let names: string[] = []
    try {
      names = await readdir(this.root)
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error
    }
    return names
      .map((name) => ({ name, m: TRASH_ENTRY.exec(name) }))
      .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
      .map(({ name, m }) => ({
        id: m[1] as string,
        dir: join(this.root, name),
        ms: Number(m[2])
      }))
      .sort((a, b) => b.ms - a.ms)
  }

  /** Articles in the trash, most recently deleted first. */
  async list(): Promise<TrashEntry[]> {
    const out: TrashEntry[] = []
    for (const { dir } of await this.folders()) {
      try {
        await stat(join(dir, 'article.json'))
        const meta = JSON.parse(await readFile(join(dir, 'deleted.json'), 'utf8')) as {
          deletedAt: string
          summary: ArticleSummary
        }
        const s = meta.summary
        out.push({
          id: s.id,
          headline: s.headline,
          kicker: s.kicker,
          status: s.status,
          bylines: s.bylines,
          wordCount: s.wordCount,
          updatedAt: s.updatedAt,
          deletedAt: meta.deletedAt
        })
      } catch {
        // An entry a crash left half-made; open() repairs those.
      }
    }
    return out
  }

  /**
   * Moves an article's most recent deletion back to the article folder (and its history, unless
   * the article has a history again meanwhile, which is then kept and the entry left in the trash).
   */
  async moveOut(id: string): Promise<void> {
    let from: string | null = null
    for (const entry of await this.folders()) {
      if (entry.id !== id) continue
      if (await exists(join(entry.dir, 'article.json'))) {
        from = entry.dir
        break
      }
    }
    if (!from) throw new CopydeskError('not-found', `No article with id ${id} in the trash`)
    const historyDir = this.history.dirOf(id)
    const historyFree = !(await exists(historyDir))
    if (historyFree) {
      await rename(join(from, 'history'), historyDir).catch((error: unknown) => {
        if (errnoCode(error) !== 'ENOENT') throw error
      })
    }
    this.history.forget(id)
    await rename(join(from, 'article.json'), this.fileOf(id))
    for (const d of [this.articlesDir, this.history.root, from]) await fsyncDir(d)
    if (historyFree) await rm(from, { recursive: true, force: true })
  }

  /** Deletes an article's most recent trash entry for good (an empty draft that was left). */
  async discardNewest(id: string): Promise<void> {
    const entry = (await this.folders()).find((e) => e.id === id)
    if (!entry) return
    await rm(entry.dir, { recursive: true, force: true })
    await fsyncDir(this.root)
  }

  /** Deletes everything in the trash for good; returns how many articles were removed. */
  async empty(): Promise<{ removed: number }> {
    const entries = await this.folders()
    for (const { dir } of entries) await rm(dir, { recursive: true, force: true })
    if (entries.length) await fsyncDir(this.root)
    return { removed: entries.length }
  }

  /**
   * Finishes or undoes a deletion a crash cut short: a trash entry without its article file
   * gives its history back to the article, which was never moved.
   */
  async repair(): Promise<void> {
    for (const entry of await this.folders()) {
      if (await exists(join(entry.dir, 'article.json'))) continue
      if (!(await exists(this.fileOf(entry.id)))) continue
      const historyDir = this.history.dirOf(entry.id)
      if (!(await exists(historyDir))) {
        await rename(join(entry.dir, 'history'), historyDir).catch(() => undefined)
      }
      await rm(entry.dir, { recursive: true, force: true })
    }
  }
}
