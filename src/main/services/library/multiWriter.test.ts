/**
 * The list index and the search index with several writer processes at once: real child
 * processes (__fixtures__/indexWriter.ts) create, update and delete articles through the real
 * index classes, at the same time, some of them SIGKILLed mid-append or mid-compaction. Afterwards
 * the index files read fresh hold every acknowledged change and agree with the article files.
 */
import { spawn } from 'node:child_process'
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article } from '../../../shared/article'
import { ArticleLibrary } from './articleLibrary'
import { unparseableFiles } from './__fixtures__/crashRounds'
import { ARTICLES_PER_WRITER, articleAt, markerOf } from './__fixtures__/writerArticles'
import { makeTempDir, removeTempDir } from './__fixtures__/libraryFixture'
import { summarize } from './articleFields'
import { stampOf } from './indexReconcile'
import { searchDocumentOf } from './searchDocument'
import { SearchIndex } from './searchIndex'
import { SearchIndexWriter } from './searchIndexWriter'
import { SummaryIndex, type IndexEntry } from './summaryIndex'

const fixture = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'indexWriter.ts')
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

let dir: string
beforeEach(async () => {
  dir = await makeTempDir('copydesk-multiwriter-')
})
afterEach(async () => {
  await removeTempDir(dir)
})

/** What a writer process said: its last acknowledged revision per article (0: deleted). */
interface WriterRun {
  acked: Map<string, number>
  /** The article whose change was under way when the process ended. */
  underWay: string | null
  done: boolean
  stderr: string
}

interface Writer {
  run: Promise<WriterRun>
  ready: Promise<void>
  kill: () => void
}

function startWriter(tag: number, ops: number | 'forever', seed: number, limit: number): Writer {
  const child = spawn(
    process.execPath,
    ['--import', tsxLoader, fixture, dir, String(tag), String(ops), String(seed), String(limit)],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  const state: WriterRun = { acked: new Map(), underWay: null, done: false, stderr: '' }
  let onReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (onReady = resolve))
  let buffered = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      const [word, id, n] = line.split(' ')
      if (word === 'ready') onReady()
      else if (word === 'op') state.underWay = id ?? null
      else if (word === 'ack') {
        state.acked.set(id as string, Number(n))
        state.underWay = null
      } else if (word === 'done') state.done = true
    }
  })
  child.stderr.on('data', (chunk: Buffer) => (state.stderr += chunk.toString()))
  const run = new Promise<WriterRun>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', () => {
      onReady()
      resolve(state)
    })
  })
  return { run, ready, kill: () => child.kill('SIGKILL') }
}

/** Every article file: revision and stamp. */
async function articleFiles(): Promise<Map<string, { article: Article; stamp: string }>> {
  const files = new Map<string, { article: Article; stamp: string }>()
  const articlesDir = join(dir, 'articles')
  for (const name of await readdir(articlesDir)) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue
    const file = join(articlesDir, name)
    const { article } = JSON.parse(await readFile(file, 'utf8')) as { article: Article }
    files.set(article.id, { article, stamp: stampOf(await stat(file)) })
  }
  return files
}

/** The two index files read fresh, by a process that never wrote them. */
async function indexesReadFresh(): Promise<{ list: SummaryIndex; search: SearchIndex }> {
  const { index: list, status } = await SummaryIndex.load(join(dir, 'index'), { writable: false })
  expect(status).toBe('ok')
  const search = SearchIndex.decode(await readFile(join(dir, 'index', 'search.bin')))
  return { list, search }
}

describe('several index writers at once', () => {
  it(
    'three processes creating, updating and deleting at once: the list index and the search index read fresh hold every last change and match the article files',
    { timeout: 120_000 },
    async () => {
      const writers = [1, 2, 3].map((tag) => startWriter(tag, 60, tag * 7, 25))
      const runs = await Promise.all(writers.map((w) => w.run))
      for (const r of runs) expect(r.stderr).toBe('')
      expect(runs.map((r) => r.done)).toEqual([true, true, true])

      const files = await articleFiles()
      const { list, search } = await indexesReadFresh()
      expect([...list.entries.keys()].sort()).toEqual([...files.keys()].sort())
      expect(search.ids().sort()).toEqual([...files.keys()].sort())
      for (const [id, { article, stamp }] of files) {
        expect(list.entries.get(id)?.stamp).toBe(stamp)
        expect(list.entries.get(id)?.summary.revision).toBe(article.revision)
        expect(list.entries.get(id)?.summary.headline).toBe(article.headline)
        expect(search.stampOf(id)).toBe(stamp)
        expect(search.search(markerOf(id, article.revision)).map((h) => h.id)).toEqual([id])
        // The older text is gone from the search.
        expect(search.search(markerOf(id, article.revision - 1))).toEqual([])
      }
      // Every writer's last acknowledged change, deletions included.
      for (const r of runs) {
        for (const [id, revision] of r.acked) {
          expect(list.entries.get(id)?.summary.revision ?? 0).toBe(revision)
          expect(files.get(id)?.article.revision ?? 0).toBe(revision)
        }
      }
      // Each writer touched its articles, and the journal saw compactions on the way.
      for (const r of runs) expect(r.acked.size).toBe(ARTICLES_PER_WRITER)
      expect((await readdir(join(dir, 'index'))).filter((n) => n.endsWith('.lock'))).toEqual([])

      // A library opened on these files lists and finds the same.
      const library = await ArticleLibrary.open(dir)
      try {
        const listed = await library.list()
        expect(listed.map((s) => s.id).sort()).toEqual([...files.keys()].sort())
        expect(library.problems()).toEqual([])
        const [some] = files.values()
        if (some) {
          const hits = await library.list({
            query: markerOf(some.article.id, some.article.revision)
          })
          expect(hits.map((h) => h.id)).toEqual([some.article.id])
        }
      } finally {
        await library.close()
      }
    }
  )

  it(
    'SIGKILL mid-append and mid-compaction while another process writes: nothing acknowledged is lost, every file parses, the index reconciles with the files',
    { timeout: 240_000 },
    async () => {
      const ROUNDS = 5
      const acked = new Map<string, number>()
      let killsWhileWriting = 0
      for (let round = 0; round < ROUNDS; round++) {
        // A journal limit of 4 makes every fourth or fifth append a compaction.
        const a = startWriter(1, 'forever', 100 + round, 4)
        const b = startWriter(2, 'forever', 200 + round, 4)
        await Promise.all([a.ready, b.ready])
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 400))
        a.kill()
        await new Promise((r) => setTimeout(r, Math.random() * 200))
        b.kill()
        const runs = await Promise.all([a.run, b.run])
        for (const r of runs) {
          expect(r.stderr).toBe('')
          if (r.acked.size > 0) killsWhileWriting++
          for (const [id, revision] of r.acked) acked.set(id, revision)
        }
        expect(await unparseableFiles(join(dir, 'index'))).toEqual([])

        // Read fresh, before any repair: every acknowledged change is there; an article differs
        // from its file only where that process's change was under way when it died.
        const files = await articleFiles()
        const { index: list } = await SummaryIndex.load(join(dir, 'index'), { writable: false })
        const underWay = new Set(runs.map((r) => r.underWay))
        for (const [id, revision] of acked) {
          const entry = list.entries.get(id)
          const file = files.get(id)
          const matchesFile =
            entry?.stamp === file?.stamp && (entry?.summary.revision ?? 0) >= revision
          if (!matchesFile) {
            expect(
              underWay.has(id),
              `${id}: index ${entry?.summary.revision}, ack ${revision}`
            ).toBe(true)
            expect(entry?.summary.revision ?? 0).toBe(revision)
          }
        }
      }
      expect(killsWhileWriting).toBeGreaterThan(ROUNDS)

      // The library opens, reconciles, and lists and finds exactly what the files hold.
      const files = await articleFiles()
      const library = await ArticleLibrary.open(dir)
      try {
        const listed = await library.list()
        expect(listed.map((s) => [s.id, s.revision]).sort()).toEqual(
          [...files.values()].map((f) => [f.article.id, f.article.revision]).sort()
        )
        await library.whenSearchReady()
        for (const { article } of files.values()) {
          const hits = await library.list({ query: markerOf(article.id, article.revision) })
          expect(hits.map((h) => h.id)).toEqual([article.id])
        }
        expect(library.problems()).toEqual([])
      } finally {
        await library.close()
      }
    }
  )
})

const ID = '00000009-0000-4000-8000-000000000001'

function entryAt(revision: number, minute: number): IndexEntry {
  const updatedAt = `2024-05-02T12:${String(minute).padStart(2, '0')}:00.000+02:00`
  return { summary: summarize(articleAt(ID, revision, updatedAt)), stamp: `stamp-${revision}` }
}

/** Two index objects on one folder share nothing but the files and the lock: two writers. */
async function twoWriters(limit = 1000): Promise<[SummaryIndex, SummaryIndex]> {
  const indexDir = join(dir, 'index')
  await mkdir(indexDir, { recursive: true })
  const a = await SummaryIndex.load(indexDir, { writable: true, journalLimit: limit })
  const b = await SummaryIndex.load(indexDir, { writable: true, journalLimit: limit })
  return [a.index, b.index]
}

async function revisionReadFresh(): Promise<number | undefined> {
  const { index } = await SummaryIndex.load(join(dir, 'index'), { writable: false })
  return index.entries.get(ID)?.summary.revision
}

describe('records of one article from two writers', () => {
  it('resolve to the newest revision whichever order they land in', async () => {
    const [a, b] = await twoWriters()
    await a.put(ID, entryAt(3, 10))
    await b.put(ID, entryAt(2, 5))
    expect(await revisionReadFresh()).toBe(3)
    await a.refresh()
    expect(a.entries.get(ID)?.summary.revision).toBe(3)

    await removeTempDir(dir)
    await mkdir(dir)
    const [c, d] = await twoWriters()
    await d.put(ID, entryAt(2, 5))
    await c.put(ID, entryAt(3, 10))
    expect(await revisionReadFresh()).toBe(3)
    await d.refresh()
    expect(d.entries.get(ID)?.summary.revision).toBe(3)
  })

  it('same revision: the later change time wins; a removal is not undone by an older record', async () => {
    const [a, b] = await twoWriters()
    await a.put(ID, entryAt(4, 30))
    await b.put(ID, entryAt(4, 20))
    expect(
      (await SummaryIndex.load(join(dir, 'index'), { writable: false })).index.entries.get(ID)
        ?.summary.updatedAt
    ).toContain('12:30')
    await a.remove(ID)
    await b.put(ID, entryAt(3, 40))
    expect(await revisionReadFresh()).toBeUndefined()
    await b.refresh()
    // A restore from the trash keeps the revision: it brings the article back.
    await b.put(ID, entryAt(4, 30))
    expect(await revisionReadFresh()).toBe(4)
  })

  it('a writer takes in appends of another writer and compactions before it appends, and refresh() sees them', async () => {
    const [a, b] = await twoWriters(3)
    const other = '00000009-0000-4000-8000-000000000002'
    await b.put(other, { ...entryAt(1, 1), summary: { ...entryAt(1, 1).summary, id: other } })
    for (let r = 1; r <= 4; r++) await a.put(ID, entryAt(r, r))
    await a.compact()
    await a.put(ID, entryAt(5, 5))
    await a.compact()
    // b still looks at a journal that two compactions deleted.
    expect(b.entries.has(ID)).toBe(false)
    expect(await b.refresh()).toBe(true)
    expect(b.entries.get(ID)?.summary.revision).toBe(5)
    expect(await b.refresh()).toBe(false)
    await a.put(ID, entryAt(6, 6))
    await b.put(other, { ...entryAt(2, 2), summary: { ...entryAt(2, 2).summary, id: other } })
    expect(b.entries.get(ID)?.summary.revision).toBe(6)
    const { index } = await SummaryIndex.load(join(dir, 'index'), { writable: false })
    expect(index.entries.get(ID)?.summary.revision).toBe(6)
    expect(index.entries.get(other)?.summary.revision).toBe(2)
  })

  it('an append after a writer died mid-line cuts the torn line off instead of gluing onto it', async () => {
    const [a] = await twoWriters()
    await a.put(ID, entryAt(1, 1))
    const journal = join(dir, 'index', 'journal-0.ndjson')
    await writeFile(journal, `${await readFile(journal, 'utf8')}{"op":"put","id":"x","ent`)
    const [b] = await twoWriters()
    await b.put(ID, entryAt(2, 2))
    const lines = (await readFile(journal, 'utf8')).split('\n').filter(Boolean)
    expect(lines.map((l) => (JSON.parse(l) as { op: string }).op)).toEqual(['put', 'put'])
    expect(await revisionReadFresh()).toBe(2)
  })
})

describe('the search index with two writers', () => {
  async function writerOf(): Promise<{ writer: SearchIndexWriter; search: SearchIndex }> {
    const articlesDir = join(dir, 'articles')
    const writer = new SearchIndexWriter(join(dir, 'index', 'search.bin'), {
      log: (m) => {
        throw new Error(m)
      },
      track: () => undefined,
      currentStamp: async (id) => stampOf(await stat(join(articlesDir, `${id}.json`))).toString()
    })
    return { writer, search: (await writer.read()) ?? new SearchIndex() }
  }

  async function saveArticle(
    id: string,
    revision: number
  ): Promise<{ stamp: string; article: Article }> {
    const article = articleAt(id, revision, '2024-05-02T12:00:00.000+02:00')
    const file = join(dir, 'articles', `${id}.json`)
    await writeFile(file, JSON.stringify({ schemaVersion: article.schemaVersion, article }))
    return { stamp: stampOf(await stat(file)), article }
  }

  it('a write never drops what the other process wrote; an article both changed follows its file', async () => {
    await mkdir(join(dir, 'index'), { recursive: true })
    await mkdir(join(dir, 'articles'), { recursive: true })
    const ids = ['00000001', '00000002', '00000003'].map((p) => `${p}-0000-4000-8000-000000000001`)
    const [x, y, shared] = ids as [string, string, string]
    const a = await writerOf()
    const b = await writerOf()
    for (const [w, id] of [
      [a, x],
      [b, y],
      [a, shared]
    ] as const) {
      const { stamp, article } = await saveArticle(id, 1)
      w.search.put(id, stamp, searchDocumentOf(article))
    }
    await a.writer.write(a.search)
    await b.writer.write(b.search)
    // Both processes change the shared article; b's version is the file's now.
    const first = await saveArticle(shared, 2)
    a.search.put(shared, first.stamp, searchDocumentOf(first.article))
    const second = await saveArticle(shared, 3)
    b.search.put(shared, second.stamp, searchDocumentOf(second.article))
    await b.writer.write(b.search)
    await a.writer.write(a.search)
    b.search.remove(y)
    await b.writer.write(b.search)

    const fresh = SearchIndex.decode(await readFile(join(dir, 'index', 'search.bin')))
    expect(fresh.ids().sort()).toEqual([x, shared].sort())
    expect(fresh.search(markerOf(x, 1)).map((h) => h.id)).toEqual([x])
    expect(fresh.search(markerOf(shared, 3)).map((h) => h.id)).toEqual([shared])
    expect(fresh.search(markerOf(shared, 2))).toEqual([])
    expect(fresh.search(markerOf(y, 1))).toEqual([])
    // a takes in b's removal and b's version of the shared article.
    expect(await a.writer.refresh(a.search)).toBe(true)
    expect(a.search.ids().sort()).toEqual([x, shared].sort())
    expect(a.search.search(markerOf(shared, 3)).map((h) => h.id)).toEqual([shared])
  })
})

describe('the library list', () => {
  it('shows what another writer added once refreshIndex() ran', async () => {
    const library = await ArticleLibrary.open(dir)
    try {
      const mine = await library.create({ headline: 'Eigener Text' })
      await library.flush()
      const { index } = await SummaryIndex.load(join(dir, 'index'), { writable: true })
      const theirs = articleAt(ID, 1, '2024-05-02T12:00:00.000+02:00')
      await mkdir(join(dir, 'articles'), { recursive: true })
      const file = join(dir, 'articles', `${ID}.json`)
      await writeFile(
        file,
        JSON.stringify({ schemaVersion: theirs.schemaVersion, article: theirs })
      )
      await index.put(ID, { summary: summarize(theirs), stamp: stampOf(await stat(file)) })
      expect((await library.list()).map((s) => s.id)).toEqual([mine.id])
      expect(await library.refreshIndex()).toBe(true)
      expect((await library.list()).map((s) => s.id).sort()).toEqual([mine.id, ID].sort())
    } finally {
      await library.close()
    }
  })
})
