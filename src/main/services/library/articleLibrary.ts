import { randomUUID } from 'node:crypto'
import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import {
  ARTICLE_SCHEMA_VERSION,
  articlePatchSchema,
  defaultArticleFields,
  articleSchema,
  type Article,
  type ArticlePatch,
  type ArticleStatus,
  type ArticleSummary
} from '../../../shared/article'
import { countWords, plainTextOf } from '../../../shared/articleText'
import { CopydeskError } from '../../../shared/result'
import type { SaveAck } from '../../../shared/ipc'
import { CorruptFileError, DurableJSONFile } from '../storage/durableJsonFile'
import { KeyedMutex } from './keyedMutex'

/** What one article file holds: lowdb's document. */
export interface ArticleFile {
  schemaVersion: number
  article: Article
}

export interface ListFilter {
  status?: ArticleStatus
  query?: string
}

/** Summary of an article for the library list. */
export function summarize(article: Article): ArticleSummary {
  return {
    id: article.id,
    headline: article.headline,
    kicker: article.kicker,
    status: article.status,
    bylines: article.bylines,
    updatedAt: article.updatedAt,
    wordCount: countWords(plainTextOf(article.body), article.language),
    revision: article.revision
  }
}

/** ISO-8601 with the local offset (not `Z`), as the article format asks. */
export function nowIso(date = new Date()): string {
  const offsetMin = -date.getTimezoneOffset()
  const sign = offsetMin >= 0 ? '+' : '-'
  const abs = Math.abs(offsetMin)
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
  const local = new Date(date.getTime() + offsetMin * 60_000)
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `.${pad(local.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}

/**
 * The draft library: one lowdb JSON document per article under `articles/`, written durably.
 * Every save names the revision it was based on; a stale one is refused as a conflict.
 */
export class ArticleLibrary {
  readonly dir: string
  private readonly articlesDir: string
  private readonly docs = new Map<string, Low<ArticleFile>>()
  private readonly summaries = new Map<string, ArticleSummary>()
  private readonly mutex = new KeyedMutex()
  private readonly clock: () => Date

  private constructor(dir: string, clock: () => Date) {
    this.dir = dir
    this.articlesDir = join(dir, 'articles')
    this.clock = clock
  }

  /** Opens (and creates if needed) the library in `dir`. */
  static async open(dir: string, opts: { clock?: () => Date } = {}): Promise<ArticleLibrary> {
    const library = new ArticleLibrary(dir, opts.clock ?? (() => new Date()))
    await mkdir(library.articlesDir, { recursive: true })
    await library.loadSummaries()
    return library
  }

  private fileOf(id: string): string {
    return join(this.articlesDir, `${id}.json`)
  }

  private async loadSummaries(): Promise<void> {
    const names = await readdir(this.articlesDir)
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue
      const id = name.slice(0, -'.json'.length)
      try {
        const article = await this.read(id)
        this.summaries.set(id, summarize(article))
      } catch (error) {
        if (!(error instanceof CopydeskError)) throw error
      }
    }
  }

  private async doc(id: string): Promise<Low<ArticleFile>> {
    let db = this.docs.get(id)
    if (!db) {
      db = new Low<ArticleFile>(new DurableJSONFile<ArticleFile>(this.fileOf(id)), {
        schemaVersion: ARTICLE_SCHEMA_VERSION,
        article: undefined as unknown as Article
      })
      try {
        await db.read()
      } catch (error) {
        if (error instanceof CorruptFileError) {
          throw new CopydeskError('corrupt', `Article ${id}: ${this.fileOf(id)} does not parse`, {
            file: this.fileOf(id)
          })
        }
        throw new CopydeskError(
          'io',
          `Article ${id}: cannot read ${this.fileOf(id)}: ${String(error)}`
        )
      }
      if (!db.data.article) throw new CopydeskError('not-found', `No article with id ${id}`)
      const parsed = articleSchema.safeParse(db.data.article)
      if (!parsed.success) {
        throw new CopydeskError(
          'corrupt',
          `Article ${id}: ${this.fileOf(id)} is not a valid article (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`,
          { file: this.fileOf(id) }
        )
      }
      db.data.article = parsed.data
      this.docs.set(id, db)
    }
    return db
  }

  private async read(id: string): Promise<Article> {
    return structuredClone((await this.doc(id)).data.article)
  }

  /** Creates a draft from the given fields and returns it. */
  async create(fields: ArticlePatch = {}): Promise<Article> {
    const now = nowIso(this.clock())
    const article: Article = {
      ...defaultArticleFields(),
      ...articlePatchSchema.parse(fields),
      schemaVersion: ARTICLE_SCHEMA_VERSION,
      id: randomUUID(),
      revision: 1,
      createdAt: now,
      updatedAt: now
    }
    const db = new Low<ArticleFile>(new DurableJSONFile<ArticleFile>(this.fileOf(article.id)), {
      schemaVersion: ARTICLE_SCHEMA_VERSION,
      article
    })
    await db.write()
    this.docs.set(article.id, db)
    this.summaries.set(article.id, summarize(article))
    return structuredClone(article)
  }

  /** The article with this id, or a not-found error. */
  async get(id: string): Promise<Article> {
    if (!this.summaries.has(id) && !this.docs.has(id)) {
      throw new CopydeskError('not-found', `No article with id ${id}`)
    }
    return this.read(id)
  }

  /**
   * Applies `patch` on top of revision `baseRevision`. A stale base is refused with a conflict
   * error carrying the current revision; nothing is written then.
   */
  async save(id: string, baseRevision: number, patch: ArticlePatch): Promise<SaveAck> {
    return this.mutex.run(id, async () => {
      if (!this.summaries.has(id)) throw new CopydeskError('not-found', `No article with id ${id}`)
      const db = await this.doc(id)
      const current = db.data.article
      if (current.revision !== baseRevision) {
        throw new CopydeskError(
          'conflict',
          `Article ${id} was changed elsewhere (revision ${current.revision}, this save was based on ${baseRevision})`,
          { currentRevision: current.revision }
        )
      }
      const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
      const next: Article = articleSchema.parse({
        ...current,
        ...changes,
        revision: current.revision + 1,
        updatedAt: nowIso(this.clock())
      })
      const previous = db.data
      db.data = { schemaVersion: ARTICLE_SCHEMA_VERSION, article: next }
      try {
        await db.write()
      } catch (error) {
        db.data = previous
        throw new CopydeskError(
          'io',
          `Article ${id}: saving ${this.fileOf(id)} failed: ${String(error)}`
        )
      }
      this.summaries.set(id, summarize(next))
      return { id, revision: next.revision, updatedAt: next.updatedAt }
    })
  }

  /** Summaries sorted by last change, newest first, optionally filtered. */
  async list(filter: ListFilter = {}): Promise<ArticleSummary[]> {
    const query = filter.query?.trim().toLocaleLowerCase()
    return [...this.summaries.values()]
      .filter((s) => !filter.status || s.status === filter.status)
      .filter(
        (s) =>
          !query ||
          [s.headline, s.kicker, ...s.bylines].some((t) => t?.toLocaleLowerCase().includes(query))
      )
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
  }

  async close(): Promise<void> {
    this.docs.clear()
  }
}
