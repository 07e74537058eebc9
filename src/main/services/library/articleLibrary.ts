import { randomUUID } from 'node:crypto'
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { Low } from 'lowdb'
import { publicationSchema, type Publication } from '../../../shared/publication'
import {
  ARTICLE_SCHEMA_VERSION,
  articlePatchSchema,
  articleIdSchema,
  articleSchema,
  defaultArticleFields,
  importedFromSchema,
  type Article,
  type ArticlePatch,
  type ArticleStatus,
  type ArticleSummary,
  type ImportedFrom
} from '../../../shared/article'
import type { SaveAck } from '../../../shared/ipc'
import type {
  ArticleDiff,
  ArticleListEntry,
  ArticleVersion,
  LibraryProblem,
  LibrarySearchHit,
  TrashEntry
} from '../../../shared/library'
import { hasContent } from '../../../shared/articleContent'
import { CopydeskError } from '../../../shared/result'
import { bestSnippet } from '../../../shared/searchSnippet'
import { CorruptFileError, DurableJSONFile } from '../storage/durableJsonFile'
import { errnoCode, messageOf } from '../storage/fsErrors'
import { definedOnly, nowIso, summarize, userFieldsOf } from './articleFields'
import { ArticleFileError, articleFromFile, type ArticleFile } from './articleFile'
import { HistoryStore, type HistoryEntry } from './historyStore'
import { compareWithDisk, removeCutShortTemps, stampOf } from './indexReconcile'
import { KeyedMutex } from './keyedMutex'
import { LibraryLock, type LibraryAccess } from './libraryLock'
import { searchDocumentOf, showsAssetCaptions, type AssetCaptionLookup } from './searchDocument'
import { SearchIndex, SearchIndexFormatError, type SearchDocument } from './searchIndex'
import { SearchIndexWriter } from './searchIndexWriter'
import { Quarantine } from './quarantine'
import { SummaryIndex } from './summaryIndex'
import { TrashStore } from './trashStore'
import { diffArticles } from './textDiff'
import { bodyWordCount } from './wordCount'

export type { ArticleFile } from './articleFile'
export type { LibraryAccess } from './libraryLock'

export interface ListFilter {
  status?: ArticleStatus
  query?: string
}

/** Options of {@link ArticleLibrary.open}; the defaults are right for the app. */
export interface LibraryOptions {
  /** Who opens the library; see {@link LibraryAccess}. Default `app`. */
  access?: LibraryAccess
  /** The time source (tests inject one to step through history coalescing). */
  clock?: () => Date
  /** Versions kept per article. Default 50. */
  historyLimit?: number
  /** Saves within this window of a version's first save replace it. Default 60 s. */
  coalesceMs?: number
  /** Index journal lines that trigger a compaction. Default 1,000. */
  journalLimit?: number
  /** Quiet time after the last change before the search index is written. Default 20 s. */
  searchPersistDelayMs?: number
  /** Articles with unwritten search changes that make it write at once. Default 500. */
  searchPersistChanges?: number
  /** The photo desk's caption of an asset, searched for image uses without an override. */
  assetCaption?: AssetCaptionLookup
  /**
   * Resolves once `assetCaption` answers for every asset (asked for only when an article shows
   * a photo-desk caption).
   */
  assetCaptionsReady?: () => Promise<void>
  /** Where background failures are reported (they never fail a save). */
  log?: (message: string) => void
}

const SEARCH_FILE = 'search.bin'
/** Search results that get a snippet (each reads its article once). */
const SNIPPETS = 100
const LOADED_CACHE = 32
const BULK_INDEX = 100

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

/** An article file read into lowdb, with the stamp of the file it came from. */
interface Loaded {
  db: Low<ArticleFile>
  stamp: string
}

/**
 * The draft library: one lowdb JSON document per article under `articles/`, written durably,
 * with a persisted list index and full-text index (`index/`), kept versions (`history/`), a
 * trash (`trash/`) and a quarantine for damaged files (`quarantine/`). One process owns a
 * library at a time (`library.lock`); read-only openers take no lock and write nothing.
 *
 * Every save names the revision it was based on; a stale one is refused as a conflict.
 */
export class ArticleLibrary {
  readonly dir: string
  readonly access: LibraryAccess
  private readonly articlesDir: string
  private readonly indexDir: string
  private readonly trash: TrashStore
  private readonly quarantine: Quarantine
  private readonly history: HistoryStore
  private readonly clock: () => Date
  private readonly opts: LibraryOptions
  private readonly log: (message: string) => void
  private summaries!: SummaryIndex
  private search: SearchIndex | null = null
  private searchReady: Promise<void> = Promise.resolve()
  private readonly loaded = new Map<string, Loaded>()
  // Articles saved with content since the library opened: history coalesces quick saves, so a
  // text typed and deleted again within its window leaves no version behind to tell.
  private readonly everWritten = new Set<string>()
  private readonly mutex = new KeyedMutex()
  private readonly found: LibraryProblem[] = []
  /** Articles whose file is there but could not be read, and why (said instead of "no article"). */
  private readonly unreadable = new Map<string, CopydeskError>()
  /** Articles whose newest kept version was checked this session (see checkNewestVersion). */
  private readonly historyChecked = new Set<string>()
  private readonly background = new Set<Promise<unknown>>()
  private lock: LibraryLock | null = null
  private sorted: ArticleSummary[] | null = null
  // The index's change count the sorted list was built at (other processes' records change it).
  private sortedAt = -1
  private readonly searchWriter: SearchIndexWriter
  private captionsLoaded = false
  private captionsRead: Promise<void> | null = null
  private captionWork: Promise<void> = Promise.resolve()
  private readonly captionPending = new Set<string>()
  private closed = false

  private constructor(dir: string, opts: LibraryOptions) {
    this.dir = dir
    this.access = opts.access ?? 'app'
    this.opts = opts
    this.articlesDir = join(dir, 'articles')
    this.indexDir = join(dir, 'index')
    this.history = new HistoryStore(join(dir, 'history'), {
      limit: opts.historyLimit,
      coalesceMs: opts.coalesceMs,
      writable: this.access !== 'cli-read'
    })
    this.searchWriter = new SearchIndexWriter(join(this.indexDir, SEARCH_FILE), {
      delayMs: opts.searchPersistDelayMs,
      changesNow: opts.searchPersistChanges,
      log: (message) => this.log(message),
      track: (write) => void this.track(write),
      currentStamp: async (id) => {
        try {
          return stampOf(await stat(this.fileOf(id)))
        } catch (error) {
          if (errnoCode(error) === 'ENOENT') return null
          throw error
        }
      }
    })
    this.quarantine = new Quarantine(join(dir, 'quarantine'), this.articlesDir, this.history)
    this.trash = new TrashStore(join(dir, 'trash'), this.articlesDir, this.history, (id) =>
      this.fileOf(id)
    )
    this.clock = opts.clock ?? (() => new Date())
    this.log = opts.log ?? ((m) => console.error(m))
  }

  /**
   * Opens the library in `dir` (created if needed, unless read-only). Resolves once the list is
   * ready; the full-text index finishes loading in the background ({@link whenSearchReady}).
   * Throws `CopydeskError('locked')` when another live process owns the library.
   */
  static async open(dir: string, opts: LibraryOptions = {}): Promise<ArticleLibrary> {
    const library = new ArticleLibrary(dir, opts)
    if (library.writable) {
      await mkdir(dir, { recursive: true })
      library.lock = await LibraryLock.acquire(dir, library.access as 'app' | 'cli-write')
    }
    try {
      if (library.writable) {
        for (const sub of [library.articlesDir, library.indexDir, library.history.root]) {
          await mkdir(sub, { recursive: true })
        }
        await library.trash.repair()
      }
      await library.loadIndex()
      // The last owner died (crash, kill, power cut): its unfsynced newest versions may be empty.
      if (library.lock?.reclaimed) await library.checkHistoryAfterCrash()
    } catch (error) {
      await library.lock?.release()
      throw error
    }
    library.searchReady = library.track(library.loadSearch())
    return library
  }

  /** False for `cli-read`: such a library refuses every change. */
  get writable(): boolean {
    return this.access !== 'cli-read'
  }

  private fileOf(id: string): string {
    return join(this.articlesDir, `${id}.json`)
  }

  /** Why there is no article `id`: its file is damaged (corrupt), or there is none (not found). */
  private missing(id: string): CopydeskError {
    return this.unreadable.get(id) ?? new CopydeskError('not-found', `No article with id ${id}`)
  }

  private ensureWritable(): void {
    if (this.closed) throw new CopydeskError('io', `The library ${this.dir} is closed`)
    if (!this.writable) {
      throw new CopydeskError('locked', `The library ${this.dir} was opened read-only`)
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.background.add(promise)
    void promise.finally(() => this.background.delete(promise)).catch(() => undefined)
    return promise
  }

  private report(problem: Omit<LibraryProblem, 'at'>): void {
    if (this.found.some((p) => p.kind === problem.kind && p.file === problem.file)) return
    this.found.push({ ...problem, at: nowIso(this.clock()) })
  }

  // ---------------------------------------------------------------- open: index and search

  private async loadIndex(): Promise<void> {
    const { index, status, detail } = await SummaryIndex.load(this.indexDir, {
      writable: this.writable,
      journalLimit: this.opts.journalLimit
    })
    this.summaries = index
    if (this.writable) {
      // Temp files of index writes a crash cut short (the index files themselves are whole).
      await removeCutShortTemps(this.indexDir)
    }
    if (status === 'damaged') {
      this.report({
        kind: 'index-rebuilt',
        articleId: null,
        file: join(this.indexDir, 'summaries.json'),
        movedTo: null,
        restoredFrom: null,
        message: `The library index was damaged and was rebuilt from the article files (${detail})`
      })
    }
    // Without a search file, index the text of every file read below instead of reading twice.
    const searchFile = join(this.indexDir, SEARCH_FILE)
    if (!(await exists(searchFile))) this.search = new SearchIndex()

    const { gone, toRead } = await compareWithDisk(this.articlesDir, index, this.writable)
    // Many changes (a new or lost index): one snapshot at the end instead of a journal line each.
    const journal = this.writable && toRead.length <= BULK_INDEX
    for (const id of gone) await index.remove(id, journal)
    let done = 0
    for (const id of toRead) {
      try {
        await this.current(id, journal)
      } catch (error) {
        if (!(error instanceof CopydeskError)) throw error
        // Reported as a problem where it was found; the article stays out of the list.
        if (error.code !== 'not-found') this.unreadable.set(id, error)
        await index.remove(id, journal)
      }
      if (++done % 50 === 0) await yieldToLoop()
    }
    if (this.writable && (!journal || status !== 'ok' || index.compactionDue)) {
      await index.compact()
    }
  }

  private async loadSearch(): Promise<void> {
    if (!this.search) {
      try {
        this.search = (await this.searchWriter.read()) ?? new SearchIndex()
      } catch (error) {
        if (error instanceof SearchIndexFormatError) {
          this.report({
            kind: 'index-rebuilt',
            articleId: null,
            file: join(this.indexDir, SEARCH_FILE),
            movedTo: null,
            restoredFrom: null,
            message: `The search index was damaged (${error.message}) and is rebuilt from the article files`
          })
        } else if (errnoCode(error) !== 'ENOENT') {
          this.log(`search index: ${messageOf(error)}; rebuilding it`)
        }
        this.search = new SearchIndex()
      }
    }
    const search = this.search
    for (const id of search.ids()) if (!this.summaries.entries.has(id)) search.remove(id)
    let done = 0
    for (const id of [...this.summaries.entries.keys()]) {
      if (this.closed) return
      if (search.stampOf(id) === this.summaries.entries.get(id)?.stamp) continue
      await this.mutex.run(id, async () => {
        const entry = this.summaries.entries.get(id)
        if (!entry || search.stampOf(id) === entry.stamp) return
        try {
          const { db, stamp } = await this.current(id)
          if (search.stampOf(id) !== stamp) {
            search.put(id, stamp, this.searchDocument(db.data.article))
          }
        } catch (error) {
          if (!(error instanceof CopydeskError)) this.log(`search index: ${messageOf(error)}`)
        }
      })
      // Keep the process responsive while many articles are (re-)indexed.
      if (++done % 25 === 0) await yieldToLoop()
    }
    this.searchChanged()
  }

  /**
   * Indexes these articles again as they are now: after a photo-desk caption they show (where
   * the article has no caption of its own) changed. Unknown ids are skipped.
   */
  async reindexSearch(ids: Iterable<string>): Promise<void> {
    await this.searchReady
    const search = this.search
    if (!search || this.closed) return
    for (const id of new Set(ids)) {
      await this.mutex.run(id, async () => {
        if (!this.summaries.entries.has(id)) return
        try {
          const { db, stamp } = await this.current(id)
          // Afresh: what was indexed before may hold captions no one knows any more.
          search.remove(id)
          search.put(id, stamp, searchDocumentOf(db.data.article, this.opts.assetCaption))
        } catch (error) {
          if (!(error instanceof CopydeskError)) this.log(`search index: ${messageOf(error)}`)
        }
      })
    }
    this.searchChanged()
  }

  /*
   * Photo-desk captions are searched for image uses without a caption of their own. The asset
   * records are read only when an article needs them (a library without photos never reads
   * them): until then such an article is indexed without them and indexed again once they are
   * there; a search waits for that.
   */
  private searchDocument(article: Article): SearchDocument {
    if (this.opts.assetCaptionsReady && !this.captionsLoaded && showsAssetCaptions(article)) {
      this.captionPending.add(article.id)
      if (this.captionPending.size === 1) this.captionWork = this.track(this.loadCaptions())
    }
    return searchDocumentOf(article, this.opts.assetCaption)
  }

  /** Resolves once the photo-desk captions are known (loads them once). */
  private captionsKnown(): Promise<void> {
    this.captionsRead ??= (this.opts.assetCaptionsReady?.() ?? Promise.resolve()).catch(
      (error: unknown) => {
        this.log(`search index: photo captions could not be read: ${messageOf(error)}`)
      }
    )
    return this.captionsRead
  }

  private async loadCaptions(): Promise<void> {
    await this.captionsKnown()
    this.captionsLoaded = true
    const ids = [...this.captionPending]
    this.captionPending.clear()
    await this.reindexSearch(ids)
  }

  /** Resolves once the full-text index is loaded and checked against the article files. */
  whenSearchReady(): Promise<void> {
    return this.searchReady
  }

  private searchChanged(): void {
    if (!this.writable || this.closed || !this.search) return
    this.searchWriter.changed(this.search)
  }

  /** Writes the search index if it has unwritten changes (one write at a time). */
  private persistSearch(): Promise<void> {
    if (!this.writable || !this.search) return Promise.resolve()
    return this.searchWriter.write(this.search)
  }

  // ---------------------------------------------------------------- reading article files

  private remember(id: string, loaded: Loaded): void {
    this.loaded.delete(id)
    this.loaded.set(id, loaded)
    if (this.loaded.size > LOADED_CACHE) {
      this.loaded.delete(this.loaded.keys().next().value as string)
    }
  }

  /** Reads, migrates and validates an article file; a damaged one goes to {@link recover}. */
  private async loadFile(id: string): Promise<Loaded> {
    const cached = this.loaded.get(id)
    if (cached) {
      this.remember(id, cached)
      return cached
    }
    const file = this.fileOf(id)
    const db = new Low<ArticleFile>(
      new DurableJSONFile<ArticleFile>(file),
      null as unknown as ArticleFile
    )
    try {
      await db.read()
    } catch (error) {
      if (error instanceof CorruptFileError) {
        return this.recover(id, `does not parse (${messageOf(error.cause)})`)
      }
      throw new CopydeskError('io', `Article ${id}: cannot read ${file}: ${messageOf(error)}`)
    }
    if (db.data === null) {
      throw new CopydeskError('not-found', `No article with id ${id} (${file} is missing)`)
    }
    let article: Article
    try {
      article = articleFromFile(db.data, file)
      if (article.id !== id) {
        throw new ArticleFileError('invalid', `${file} holds article ${article.id}, not ${id}`)
      }
    } catch (error) {
      if (!(error instanceof ArticleFileError)) throw error
      if (error.kind === 'newer') {
        this.report({
          kind: 'newer-version',
          articleId: id,
          file,
          movedTo: null,
          restoredFrom: null,
          message: `${error.message}; it is left untouched and not listed`
        })
        throw new CopydeskError('corrupt', `Article ${id}: ${error.message}`, { file })
      }
      return this.recover(
        id,
        error.message.startsWith(file) ? error.message.slice(file.length + 1) : error.message
      )
    }
    db.data = { schemaVersion: ARTICLE_SCHEMA_VERSION, article }
    const loaded: Loaded = { db, stamp: stampOf(await stat(file)) }
    this.remember(id, loaded)
    return loaded
  }

  /**
   * A damaged article file: moved to `quarantine/` (never overwritten or deleted) and the
   * article restored from its newest good version as a new revision. Read-only openers leave
   * the file in place and only report it.
   */
  private async recover(id: string, reason: string): Promise<Loaded> {
    const file = this.fileOf(id)
    this.loaded.delete(id)
    if (!this.writable) {
      this.report({
        kind: 'unreadable',
        articleId: id,
        file,
        movedTo: null,
        restoredFrom: null,
        message: `Article ${id}: ${file} ${reason}`
      })
      throw new CopydeskError('corrupt', `Article ${id}: ${file} ${reason}`, { file })
    }
    const now = this.clock()
    const movedTo = await this.quarantine.moveArticleAside(id, file, now)
    await this.checkNewestVersion(id)
    const entries = await this.history.entries(id)
    const good = await this.quarantine.newestGoodVersion(id, entries)
    if (!good) {
      this.report({
        kind: 'lost',
        articleId: id,
        file,
        movedTo,
        restoredFrom: null,
        message: `Article ${id}: ${file} ${reason}. It was moved to ${movedTo}; no earlier version could be restored`
      })
      throw new CopydeskError(
        'corrupt',
        `Article ${id}: ${file} ${reason}. It was moved to ${movedTo}; no earlier version could be restored`,
        { file, movedTo }
      )
    }
    // A new revision above any seen, so an editor holding the damaged text's revision conflicts
    // instead of silently overwriting the restored one.
    const revision =
      Math.max(
        good.revision,
        this.summaries?.entries.get(id)?.summary.revision ?? 0,
        entries[entries.length - 1]?.revision ?? 0
      ) + 1
    const restored: Article = { ...good, revision, updatedAt: nowIso(now) }
    const db = new Low<ArticleFile>(new DurableJSONFile<ArticleFile>(file), {
      schemaVersion: ARTICLE_SCHEMA_VERSION,
      article: restored
    })
    await db.write()
    const wordCount = bodyWordCount(restored.body, restored.language)
    await this.history.record(restored, wordCount, now.getTime(), { separate: true })
    this.report({
      kind: 'quarantined',
      articleId: id,
      file,
      movedTo,
      restoredFrom: String(good.revision),
      message: `Article ${id}: ${file} ${reason}. It was moved to ${movedTo} and the article was restored from its version ${good.revision} (now revision ${revision})`
    })
    const loaded: Loaded = { db, stamp: stampOf(await stat(file)) }
    this.remember(id, loaded)
    return loaded
  }

  /** The article's file as it is now, with the index brought up to date if the file changed. */
  private async current(id: string, journal = true): Promise<Loaded> {
    const loaded = await this.loadFile(id)
    if (this.summaries.entries.get(id)?.stamp !== loaded.stamp) {
      await this.indexArticle(loaded.db.data.article, loaded.stamp, { journal })
    }
    return loaded
  }

  private async indexArticle(
    article: Article,
    stamp: string,
    opts: { journal: boolean; wordCount?: number; previous?: { stamp: string; article: Article } }
  ): Promise<void> {
    const summary = summarize(article, opts.wordCount)
    Object.freeze(summary.bylines)
    await this.summaries.put(article.id, { summary: Object.freeze(summary), stamp }, opts.journal)
    this.sorted = null
    if (this.search) {
      const caption = this.opts.assetCaption
      this.search.put(
        article.id,
        stamp,
        this.searchDocument(article),
        opts.previous && {
          stamp: opts.previous.stamp,
          doc: searchDocumentOf(opts.previous.article, caption)
        }
      )
      this.searchChanged()
    }
    if (this.summaries.compactionDue) {
      void this.track(this.summaries.compact()).catch((error: unknown) => {
        this.log(`library index: compaction failed: ${messageOf(error)}`)
      })
    }
  }

  private forgetArticle(id: string): Promise<void> {
    this.loaded.delete(id)
    this.sorted = null
    this.search?.remove(id)
    this.searchChanged()
    return this.summaries.remove(id, this.writable)
  }

  /** After an article file was written: history, list index and search index. */
  private async afterWrite(
    article: Article,
    stamp: string,
    opts: { previous?: { stamp: string; article: Article }; separate?: boolean }
  ): Promise<void> {
    const wordCount = bodyWordCount(article.body, article.language)
    const nowMs = Date.parse(article.updatedAt)
    // The article is safely saved at this point; a failing side store must not fail the save
    // (the client would retry on a stale revision), and the next open repairs the index.
    try {
      await this.history.record(article, wordCount, nowMs, { separate: opts.separate })
    } catch (error) {
      this.log(
        `Article ${article.id}: keeping this version in the history failed: ${messageOf(error)}`
      )
    }
    try {
      await this.indexArticle(article, stamp, { journal: true, wordCount, previous: opts.previous })
    } catch (error) {
      this.log(`Article ${article.id}: updating the library index failed: ${messageOf(error)}`)
    }
  }

  // ---------------------------------------------------------------- history after a crash

  /** After an unclean shutdown: the newest kept version of every article, checked now. */
  private async checkHistoryAfterCrash(): Promise<void> {
    const ids = [...this.summaries.entries.keys()]
    let next = 0
    // A few reads in flight: each article is independent, and one at a time waits on the disk.
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const id = ids[next++] as string
        try {
          await this.checkNewestVersion(id, undefined, { quick: true })
        } catch (error) {
          this.log(`Article ${id}: checking its newest kept version failed: ${messageOf(error)}`)
        }
      }
    }
    await Promise.all(Array.from({ length: 16 }, worker))
  }

  /** The article file's article, if it reads; null otherwise (loadFile judges damage). */
  private async articleOnDisk(id: string): Promise<Article | null> {
    try {
      const article = articleFromFile(JSON.parse(await readFile(this.fileOf(id), 'utf8')), id)
      return article.id === id ? article : null
    } catch {
      return null
    }
  }

  /**
   * Checks an article's newest kept version, once per session: the one version written without
   * fsync (it copies the durable article file), so a power cut may have left it empty. A damaged
   * one is rewritten from the article file when that still holds its revision, else moved to the
   * quarantine (and the one before is checked). Then the newest version must be the current text
   * (quarantine restores from it): a crash between saving the article and recording the version
   * leaves the history a revision behind, and the article is recorded now. `current`: the article
   * file's article, when the caller has it.
   */
  private async checkNewestVersion(
    id: string,
    current?: Article,
    opts: { quick?: boolean } = {}
  ): Promise<void> {
    if (!this.writable || this.historyChecked.has(id)) return
    this.historyChecked.add(id)
    let disk: Article | null | undefined = current
    const onDisk = async (): Promise<Article | null> => {
      if (disk === undefined) disk = await this.articleOnDisk(id)
      return disk
    }
    for (;;) {
      const newest = (await this.history.entries(id)).at(-1)
      if (!newest || (await this.history.intact(id, newest, opts))) break
      const source = await onDisk()
      if (source?.revision === newest.revision) {
        await this.history.rewrite(newest, source)
        this.report({
          kind: 'version-repaired',
          articleId: id,
          file: newest.file,
          movedTo: null,
          restoredFrom: String(source.revision),
          message: `Article ${id}: its newest kept version ${newest.revision} (${newest.file}) was damaged, as after a power cut, and was rewritten from the article file`
        })
        break
      }
      await this.quarantineVersion(id, newest)
    }
    const kept = (await this.history.entries(id)).at(-1)?.revision ?? 0
    const revision = current?.revision ?? this.summaries.entries.get(id)?.summary.revision ?? 0
    if (kept >= revision) return
    const article = await onDisk()
    if (article && article.revision > kept) {
      const wordCount = bodyWordCount(article.body, article.language)
      await this.history.record(article, wordCount, Date.parse(article.updatedAt))
    }
  }

  /** Moves a damaged kept version to the quarantine (never deleted) and reports it. */
  private async quarantineVersion(id: string, entry: HistoryEntry): Promise<void> {
    const { movedTo, empty } = await this.quarantine.moveVersionAside(id, entry)
    this.report({
      kind: 'version-damaged',
      articleId: id,
      file: entry.file,
      movedTo,
      restoredFrom: null,
      message: `Article ${id}: kept version ${entry.revision} (${entry.file}) was ${empty ? 'empty' : 'damaged'} and was moved to ${movedTo}; it is not offered for restoring`
    })
  }

  /**
   * The kept versions that read back whole, oldest first. Damaged ones are never offered: moved
   * to the quarantine, or (read-only) left where they are and reported. Call inside the mutex.
   */
  private async intactVersions(id: string): Promise<HistoryEntry[]> {
    await this.checkNewestVersion(id)
    const out: HistoryEntry[] = []
    for (const entry of [...(await this.history.entries(id))]) {
      if (await this.history.intact(id, entry)) {
        out.push(entry)
      } else if (this.writable) {
        await this.quarantineVersion(id, entry)
      } else {
        this.report({
          kind: 'unreadable',
          articleId: id,
          file: entry.file,
          movedTo: null,
          restoredFrom: null,
          message: `Article ${id}: kept version ${entry.revision} (${entry.file}) cannot be read; it is not offered for restoring`
        })
      }
    }
    return out
  }

  // ---------------------------------------------------------------- the public verbs

  /**
   * Creates a draft from the given fields and returns it; `importedFrom` names the package a
   * package import made it from.
   */
  async create(
    fields: ArticlePatch = {},
    extra: {
      importedFrom?: Omit<ImportedFrom, 'revision'>
      /** Keep this identity (a package's story the library does not hold yet). */
      id?: string
      /** The story's published versions so far (from a package). */
      publication?: Publication
    } = {}
  ): Promise<Article> {
    this.ensureWritable()
    if (extra.id !== undefined) {
      articleIdSchema.parse(extra.id)
      if (this.summaries.entries.has(extra.id)) {
        throw new CopydeskError('conflict', `Article ${extra.id} is already in the library`, {
          articleId: extra.id
        })
      }
    }
    const now = nowIso(this.clock())
    const article: Article = {
      ...defaultArticleFields(),
      ...definedOnly(articlePatchSchema.parse(fields)),
      schemaVersion: ARTICLE_SCHEMA_VERSION,
      id: extra.id ?? randomUUID(),
      revision: 1,
      createdAt: now,
      updatedAt: now,
      ...(extra.publication ? { publication: publicationSchema.parse(extra.publication) } : {}),
      ...(extra.importedFrom
        ? { importedFrom: importedFromSchema.parse({ ...extra.importedFrom, revision: 1 }) }
        : {})
    }
    return this.mutex.run(article.id, async () => {
      const file = this.fileOf(article.id)
      const db = new Low<ArticleFile>(new DurableJSONFile<ArticleFile>(file), {
        schemaVersion: ARTICLE_SCHEMA_VERSION,
        article
      })
      try {
        await db.write()
      } catch (error) {
        throw new CopydeskError('io', `Creating ${file} failed: ${messageOf(error)}`)
      }
      const stamp = stampOf(await stat(file))
      this.remember(article.id, { db, stamp })
      await this.afterWrite(article, stamp, {})
      return structuredClone(article)
    })
  }

  /** The article with this id, or null when the library holds none. */
  async find(id: string): Promise<Article | null> {
    if (!this.summaries.entries.has(id)) return null
    return this.get(id)
  }

  /** The article with this id, or a not-found error. */
  async get(id: string): Promise<Article> {
    if (!this.summaries.entries.has(id)) {
      throw this.missing(id)
    }
    return this.mutex.run(id, async () => structuredClone((await this.current(id)).db.data.article))
  }

  /**
   * Replaces the article's publication record with what `update` makes of the current one. The
   * record is the library's, not an edit: the revision stays, so an editor's next save on it
   * is no conflict (saves keep fields they do not name). Throws what `update` throws, writing
   * nothing.
   */
  async updatePublication(
    id: string,
    update: (current: Publication | undefined) => Publication
  ): Promise<Article> {
    this.ensureWritable()
    return this.mutex.run(id, async () => {
      if (!this.summaries.entries.has(id)) throw this.missing(id)
      const loaded = await this.current(id)
      const current = loaded.db.data.article
      const next: Article = articleSchema.parse({
        ...current,
        publication: publicationSchema.parse(update(current.publication))
      })
      const previous = loaded.db.data
      loaded.db.data = { schemaVersion: ARTICLE_SCHEMA_VERSION, article: next }
      try {
        await loaded.db.write()
      } catch (error) {
        loaded.db.data = previous
        this.loaded.delete(id)
        throw new CopydeskError(
          'io',
          `Article ${id}: saving its publication record in ${this.fileOf(id)} failed: ${messageOf(error)}`
        )
      }
      loaded.stamp = stampOf(await stat(this.fileOf(id)))
      await this.indexArticle(next, loaded.stamp, { journal: true })
      return structuredClone(next)
    })
  }

  /**
   * Applies `patch` on top of revision `baseRevision`. A stale base is refused with a conflict
   * error carrying the current revision; nothing is written then.
   */
  async save(id: string, baseRevision: number, patch: ArticlePatch): Promise<SaveAck> {
    return this.saveAs(id, baseRevision, patch, false)
  }

  private async saveAs(
    id: string,
    baseRevision: number,
    patch: ArticlePatch,
    separateVersion: boolean
  ): Promise<SaveAck> {
    this.ensureWritable()
    return this.mutex.run(id, async () => {
      if (!this.summaries.entries.has(id)) {
        throw this.missing(id)
      }
      const loaded = await this.current(id)
      const current = loaded.db.data.article
      if (current.revision !== baseRevision) {
        throw new CopydeskError(
          'conflict',
          `Article ${id} was changed elsewhere (revision ${current.revision}, this save was based on ${baseRevision})`,
          { currentRevision: current.revision }
        )
      }
      const next: Article = articleSchema.parse({
        ...current,
        ...definedOnly(patch),
        schemaVersion: ARTICLE_SCHEMA_VERSION,
        id,
        revision: current.revision + 1,
        updatedAt: nowIso(this.clock())
      })
      if (hasContent(next)) this.everWritten.add(id)
      try {
        // Before the article file moves on, its newest version must be whole and, if this save
        // starts a new version, durable: from then on it is the only copy of its text.
        await this.checkNewestVersion(id, current)
        await this.history.beforeReplacing(id, next.revision, Date.parse(next.updatedAt), {
          separate: separateVersion
        })
      } catch (error) {
        this.log(`Article ${id}: securing the kept versions failed: ${messageOf(error)}`)
      }
      const previous = loaded.db.data
      const previousStamp = loaded.stamp
      loaded.db.data = { schemaVersion: ARTICLE_SCHEMA_VERSION, article: next }
      try {
        await loaded.db.write()
      } catch (error) {
        loaded.db.data = previous
        this.loaded.delete(id)
        throw new CopydeskError(
          'io',
          `Article ${id}: saving ${this.fileOf(id)} failed: ${messageOf(error)}`
        )
      }
      loaded.stamp = stampOf(await stat(this.fileOf(id)))
      await this.afterWrite(next, loaded.stamp, {
        previous: { stamp: previousStamp, article: current },
        separate: separateVersion
      })
      return { id, revision: next.revision, updatedAt: next.updatedAt }
    })
  }

  /**
   * Summaries, newest change first, optionally filtered by status. With a query: the articles
   * matching it in the full-text index, best match first. Summaries are shared: do not mutate.
   */
  async list(filter: ListFilter = {}): Promise<ArticleListEntry[]> {
    if (filter.query?.trim()) {
      return (
        await this.searchArticles(filter.query, { status: filter.status, snippets: SNIPPETS })
      ).map((h) => (h.snippet ? { ...h.summary, snippet: h.snippet } : h.summary))
    }
    if (this.sortedAt !== this.summaries.changeCount) this.sorted = null
    this.sortedAt = this.summaries.changeCount
    this.sorted ??= [...this.summaries.entries.values()]
      .map((e) => [Date.parse(e.summary.updatedAt), e.summary] as const)
      .sort((a, b) => b[0] - a[0])
      .map(([, s]) => s)
    return filter.status ? this.sorted.filter((s) => s.status === filter.status) : [...this.sorted]
  }

  /**
   * Full-text search over headline, kicker, teaser, bylines, image captions and body: case and
   * diacritics folded (`munchen`, `muenchen` → `München`; `strasse` → `Straße`), every word a
   * prefix, all words required. Best match first.
   */
  async searchArticles(
    query: string,
    filter: { status?: ArticleStatus; limit?: number; snippets?: number } = {}
  ): Promise<LibrarySearchHit[]> {
    await this.searchReady
    await this.captionWork
    const hits: LibrarySearchHit[] = []
    for (const hit of this.search?.search(query) ?? []) {
      const summary = this.summaries.entries.get(hit.id)?.summary
      if (!summary || (filter.status && summary.status !== filter.status)) continue
      hits.push({ summary, score: hit.score, fields: hit.fields, snippet: null })
      if (filter.limit && hits.length >= filter.limit) break
    }
    // A snippet reads the article: only for the hits a list shows first.
    for (const hit of hits.slice(0, filter.snippets ?? SNIPPETS)) {
      hit.snippet = await this.snippetFor(hit.summary.id, query)
    }
    return hits
  }

  private async snippetFor(id: string, query: string): Promise<LibrarySearchHit['snippet']> {
    try {
      const article = await this.mutex.run(
        id,
        async () => (await this.loadFile(id)).db.data.article
      )
      if (showsAssetCaptions(article)) await this.captionsKnown()
      return bestSnippet(searchDocumentOf(article, this.opts.assetCaption), query)
    } catch {
      // Gone or damaged since it was indexed: listed without a snippet (the list reports it).
      return null
    }
  }

  /** A copy of an article under a new id: same fields, status draft. */
  async duplicate(id: string): Promise<Article> {
    const source = await this.get(id)
    return this.create({ ...userFieldsOf(source), status: 'draft' })
  }

  /**
   * "Keep mine as a copy" after a conflict: a new draft made of the article's current fields
   * with `patch` (the user's unsaved edits) on top. If the article is gone, from `patch` alone.
   */
  async saveAsCopy(id: string, patch: ArticlePatch): Promise<Article> {
    let base: ArticlePatch = {}
    try {
      base = userFieldsOf(await this.get(id))
    } catch (error) {
      if (!(error instanceof CopydeskError && error.code === 'not-found')) throw error
    }
    return this.create({
      ...base,
      ...definedOnly(articlePatchSchema.parse(patch)),
      status: 'draft'
    })
  }

  /** Kept versions of an article, newest first. */
  async versions(id: string): Promise<ArticleVersion[]> {
    if (!this.summaries.entries.has(id)) throw this.missing(id)
    return this.mutex.run(id, async () => {
      const entries = await this.intactVersions(id)
      const revision = this.summaries.entries.get(id)?.summary.revision
      return entries
        .slice()
        .reverse()
        .map((e) => ({
          versionId: String(e.revision),
          revision: e.revision,
          savedAt: nowIso(new Date(e.savedAtMs)),
          wordCount: e.wordCount,
          current: e.revision === revision
        }))
    })
  }

  /** One kept version of an article. */
  async version(id: string, versionId: string): Promise<Article> {
    if (!this.summaries.entries.has(id)) {
      throw this.missing(id)
    }
    const entry = (await this.mutex.run(id, () => this.intactVersions(id))).find(
      (e) => String(e.revision) === versionId
    )
    if (!entry) {
      throw new CopydeskError('not-found', `Article ${id} has no kept version ${versionId}`)
    }
    try {
      return articleFromFile(await this.history.readRaw(entry), entry.file)
    } catch (error) {
      throw new CopydeskError(
        'corrupt',
        `Article ${id}: version ${versionId} (${entry.file}) cannot be read: ${messageOf(error)}`,
        { file: entry.file }
      )
    }
  }

  /** What changed from a kept version to the current text. */
  async diff(id: string, versionId: string): Promise<ArticleDiff> {
    const version = await this.version(id, versionId)
    return diffArticles(version, await this.get(id), versionId)
  }

  /** Makes a kept version the current text again, as a new revision (and so a new version). */
  async restore(id: string, versionId: string, baseRevision: number): Promise<SaveAck> {
    const version = await this.version(id, versionId)
    return this.saveAs(id, baseRevision, userFieldsOf(version), true)
  }

  /** What the library found wrong with its files since it was opened. */
  problems(): LibraryProblem[] {
    return this.found.map((p) => ({ ...p }))
  }

  // ---------------------------------------------------------------- trash

  /** Moves an article (and its history) to the trash. */
  async delete(id: string): Promise<void> {
    this.ensureWritable()
    await this.mutex.run('#trash', () =>
      this.mutex.run(id, async () => {
        const entry = this.summaries.entries.get(id)
        if (!entry) throw new CopydeskError('not-found', `No article with id ${id}`)
        await this.trash.moveIn(id, entry.summary, this.clock())
        await this.forgetArticle(id)
      })
    )
  }

  /**
   * Removes a draft nobody wrote in: only when neither the article nor any kept version of it
   * has content (see `hasContent`), so a text typed and deleted again stays. Used when the user
   * leaves a new draft untouched. Goes through the trash (its crash repair) and then out of it.
   */
  async discardIfEmpty(id: string): Promise<{ discarded: boolean }> {
    this.ensureWritable()
    return this.mutex.run('#trash', () =>
      this.mutex.run(id, async () => {
        const entry = this.summaries.entries.get(id)
        if (!entry || this.everWritten.has(id)) return { discarded: false }
        if (hasContent((await this.current(id)).db.data.article)) return { discarded: false }
        for (const version of await this.intactVersions(id)) {
          // A version that cannot be read might have held text: keep the draft then.
          const article = await this.history
            .readRaw(version)
            .then((raw) => articleFromFile(raw, version.file))
            .catch(() => null)
          if (!article || hasContent(article)) return { discarded: false }
        }
        await this.trash.moveIn(id, entry.summary, this.clock())
        await this.forgetArticle(id)
        await this.trash.discardNewest(id)
        return { discarded: true }
      })
    )
  }

  /** Articles in the trash, most recently deleted first. */
  async listTrash(): Promise<TrashEntry[]> {
    return this.trash.list()
  }

  /** Brings an article back from the trash (its most recent deletion). */
  async restoreFromTrash(id: string): Promise<ArticleSummary> {
    this.ensureWritable()
    return this.mutex.run('#trash', () =>
      this.mutex.run(id, async () => {
        if (this.summaries.entries.has(id)) {
          throw new CopydeskError('conflict', `Article ${id} is in the library already`)
        }
        await this.trash.moveOut(id)
        try {
          const { db } = await this.current(id)
          this.unreadable.delete(id)
          return summarize(db.data.article)
        } catch (error) {
          this.summaries.entries.delete(id)
          throw error
        }
      })
    )
  }

  /** Deletes everything in the trash for good; returns how many articles were removed. */
  async emptyTrash(): Promise<{ removed: number }> {
    this.ensureWritable()
    return this.mutex.run('#trash', () => this.trash.empty())
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Takes in what other processes (CLI commands beside the app) wrote to the list index and the
   * search index since this library last looked; cheap when nothing changed. Resolves whether
   * the list changed.
   */
  async refreshIndex(): Promise<boolean> {
    const listChanged = await this.summaries.refresh()
    if (this.search) await this.searchWriter.refresh(this.search)
    return listChanged
  }

  /** Writes pending index changes now (the app does this when idle and at close). */
  async flush(): Promise<void> {
    if (!this.writable) return
    await this.summaries.settle()
    await this.summaries.compact()
    await this.searchReady
    await this.persistSearch()
  }

  /** Finishes background work, writes pending index changes and releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.searchWriter.cancel()
    // Saves already accepted finish first: their callers were promised a durable write.
    await this.mutex.settle()
    await Promise.allSettled([...this.background])
    if (this.writable) {
      await this.summaries.settle()
      if (this.summaries.journalLines >= (this.opts.journalLimit ?? 1000)) {
        await this.summaries.compact().catch((error: unknown) => this.log(messageOf(error)))
      }
      await this.persistSearch()
    }
    this.loaded.clear()
    await this.lock?.release()
  }
}
