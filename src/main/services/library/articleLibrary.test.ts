import { readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { ArticleLibrary } from './articleLibrary'
import { bodyOf, rejection, testClock } from './__fixtures__/libraryFixture'
import { tempLibraries } from './__fixtures__/tempLibraries'

const libraries = tempLibraries()
let dir: string
const openLibrary = libraries.open

async function reopen(library: ArticleLibrary): Promise<ArticleLibrary> {
  await library.close()
  return openLibrary()
}

beforeEach(() => {
  dir = libraries.dir
})

const journalLines = async (): Promise<number> => {
  const names = (await readdir(join(dir, 'index'))).filter((n) => n.startsWith('journal-'))
  let lines = 0
  for (const n of names) {
    lines += (await readFile(join(dir, 'index', n), 'utf8')).split('\n').filter(Boolean).length
  }
  return lines
}

describe('ArticleLibrary: create, get, save, list', () => {
  it('creates, saves, refuses a stale save and lists newest change first', async () => {
    const clock = testClock()
    const library = await openLibrary({ clock })
    const a = await library.create({ headline: 'Erste Meldung', bylines: ['Anna Beispiel'] })
    clock.advance(1000)
    const b = await library.create({ headline: 'Zweite Meldung' })
    clock.advance(1000)
    const ack = await library.save(a.id, 1, { body: bodyOf('Eins zwei drei vier.') })
    expect(ack).toMatchObject({ id: a.id, revision: 2 })
    const stale = await rejection(library.save(a.id, 1, { headline: 'Überschrieben?' }))
    expect(stale.code).toBe('conflict')
    expect(stale.detail).toEqual({ currentRevision: 2 })
    expect((await library.get(a.id)).headline).toBe('Erste Meldung')
    const list = await library.list()
    expect(list.map((s) => s.id)).toEqual([a.id, b.id])
    expect(list[0]).toMatchObject({
      headline: 'Erste Meldung',
      bylines: ['Anna Beispiel'],
      wordCount: 4,
      revision: 2,
      status: 'draft'
    })
    expect(await library.list({ status: 'ready' })).toEqual([])
    expect((await rejection(library.get('0c9dfa0a-dbee-417b-8944-c1d2cdde806d'))).code).toBe(
      'not-found'
    )
  })

  it('keeps the list in a persisted index: a save appends one journal line, nothing more', async () => {
    const library = await openLibrary()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await library.create({ headline: `Meldung ${i}` })).id)
    await library.flush()
    const snapshot = await stat(join(dir, 'index', 'summaries.json'))
    const before = await journalLines()
    await library.save(ids[2] as string, 1, { headline: 'Geändert' })
    expect(await journalLines()).toBe(before + 1)
    const after = await stat(join(dir, 'index', 'summaries.json'))
    expect([after.ino, after.size, after.mtimeMs]).toEqual([
      snapshot.ino,
      snapshot.size,
      snapshot.mtimeMs
    ])
    const reopened = await reopen(library)
    const list = await reopened.list()
    expect(list).toHaveLength(5)
    expect(list.find((s) => s.id === ids[2])?.headline).toBe('Geändert')
  })

  it('compacts the journal into the snapshot once it is long', async () => {
    const library = await openLibrary({ journalLimit: 10 })
    const { id } = await library.create({ headline: 'x' })
    for (let r = 1; r <= 25; r++) await library.save(id, r, { headline: `Fassung ${r}` })
    await library.close()
    expect(await journalLines()).toBeLessThan(10)
    const reopened = await openLibrary({ journalLimit: 10 })
    expect((await reopened.list())[0]).toMatchObject({ headline: 'Fassung 25', revision: 26 })
  })

  it('checks the index against the files at open and re-reads only what changed', async () => {
    const library = await openLibrary()
    const a = await library.create({ headline: 'Alt' })
    const b = await library.create({ headline: 'Bleibt' })
    await library.close()
    // Another program edits one file (valid JSON) and deletes another one.
    const file = join(dir, 'articles', `${a.id}.json`)
    const json = JSON.parse(await readFile(file, 'utf8'))
    json.article.headline = 'Von außen geändert'
    await writeFile(file, JSON.stringify(json))
    const reopened = await openLibrary()
    expect((await reopened.list()).map((s) => s.headline).sort()).toEqual([
      'Bleibt',
      'Von außen geändert'
    ])
    await rm(join(dir, 'articles', `${b.id}.json`))
    const third = await reopen(reopened)
    expect((await third.list()).map((s) => s.id)).toEqual([a.id])
  })

  it('rebuilds a missing or damaged index from the article files and says so', async () => {
    const library = await openLibrary()
    const a = await library.create({ headline: 'Koalition', body: bodyOf('Haushalt in München') })
    await library.close()
    await rm(join(dir, 'index'), { recursive: true })
    let reopened = await openLibrary()
    expect((await reopened.list()).map((s) => s.id)).toEqual([a.id])
    expect((await reopened.list({ query: 'munchen' })).map((s) => s.id)).toEqual([a.id])
    expect(reopened.problems()).toEqual([])
    await reopened.close()
    await writeFile(join(dir, 'index', 'summaries.json'), '{"format":1,"entries":[[')
    await writeFile(join(dir, 'index', 'search.bin'), 'garbage')
    reopened = await openLibrary()
    await reopened.whenSearchReady()
    expect((await reopened.list()).map((s) => s.headline)).toEqual(['Koalition'])
    expect((await reopened.list({ query: 'haushalt' })).map((s) => s.id)).toEqual([a.id])
    expect(reopened.problems().map((p) => [p.kind, p.file])).toEqual([
      ['index-rebuilt', join(dir, 'index', 'summaries.json')],
      ['index-rebuilt', join(dir, 'index', 'search.bin')]
    ])
  })
})

describe('ArticleLibrary: full-text search', () => {
  it('finds headline, teaser, body, bylines and caption text, folded, and keeps up with saves', async () => {
    const library = await openLibrary()
    const a = await library.create({
      headline: 'Stau in München',
      teaser: 'Pendler warten',
      bylines: ['Jürgen Weiß'],
      body: bodyOf('Auf der Straße nach Dachau ging nichts mehr.'),
      lead: {
        assetId: 'a'.repeat(64),
        caption: 'Blick auf den Marienplatz',
        credit: null,
        photographer: null,
        alt: null
      }
    })
    const b = await library.create({ headline: 'Haushalt', status: 'ready' })
    const find = async (query: string, status?: 'ready'): Promise<string[]> =>
      (await library.list({ query, status })).map((s) => s.id)
    expect(await find('munchen')).toEqual([a.id])
    expect(await find('muenchen')).toEqual([a.id])
    expect(await find('strasse')).toEqual([a.id])
    expect(await find('pendler')).toEqual([a.id])
    expect(await find('juergen weiss')).toEqual([a.id])
    expect(await find('marienpl')).toEqual([a.id])
    expect(await find('haushalt', 'ready')).toEqual([b.id])
    expect(await find('munchen', 'ready')).toEqual([])
    const hits = await library.searchArticles('marienplatz dachau')
    expect(hits.map((h) => [h.summary.id, h.fields])).toEqual([[a.id, ['captions', 'body']]])
    await library.save(a.id, 1, { headline: 'Stau in Augsburg' })
    expect(await find('augsburg')).toEqual([a.id])
    expect(await find('munchen')).toEqual([])
  })

  it('loads the persisted search index at open instead of re-reading unchanged files', async () => {
    const library = await openLibrary()
    const a = await library.create({ headline: 'Original', body: bodyOf('Rathaus') })
    await library.close()
    const file = join(dir, 'articles', `${a.id}.json`)
    const fixed = new Date('2024-01-01T00:00:00Z')
    await utimes(file, fixed, fixed)
    const refreshed = await openLibrary()
    await refreshed.whenSearchReady()
    await refreshed.close()
    // Replace the file's text in place, same size, and put its mtime back: the stamp the index
    // checks is unchanged, so a library that trusts its persisted index still finds the old text.
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('Rathaus', 'Bahnhof'))
    await utimes(file, fixed, fixed)
    const reopened = await openLibrary()
    expect((await reopened.list({ query: 'rathaus' })).map((s) => s.id)).toEqual([a.id])
    expect(await reopened.list({ query: 'bahnhof' })).toEqual([])
  })
})

describe('ArticleLibrary: duplicate and keep-mine-as-copy', () => {
  it('duplicates under a new id with the headline unchanged and status draft', async () => {
    const library = await openLibrary()
    const a = await library.create({ headline: 'Vorlage', status: 'ready', bylines: ['A'] })
    const copy = await library.duplicate(a.id)
    expect(copy.id).not.toBe(a.id)
    expect(copy).toMatchObject({
      headline: 'Vorlage',
      status: 'draft',
      bylines: ['A'],
      revision: 1
    })
    expect(await library.list()).toHaveLength(2)
  })

  it('after a conflict, keeps the loser’s edits as a new draft and leaves the winner alone', async () => {
    const library = await openLibrary()
    const a = await library.create({ headline: 'Start', teaser: 'Vorspann' })
    await library.save(a.id, 1, { headline: 'Theirs' })
    const mine = { headline: 'Mine', body: bodyOf('Mein Text') }
    expect((await rejection(library.save(a.id, 1, mine))).code).toBe('conflict')
    const copy = await library.saveAsCopy(a.id, mine)
    expect(copy).toMatchObject({ headline: 'Mine', teaser: 'Vorspann', status: 'draft' })
    expect((await library.get(copy.id)).body).toEqual(bodyOf('Mein Text'))
    expect((await library.get(a.id)).headline).toBe('Theirs')
  })
})

describe('ArticleLibrary: locking and access modes', () => {
  it('lets one app own the library, read-only openers read, and refuses their writes', async () => {
    const app = await openLibrary()
    const a = await app.create({ headline: 'Vom App-Prozess' })
    const second = await rejection(ArticleLibrary.open(dir))
    expect(second.code).toBe('locked')
    expect(second.message).toContain(`pid ${process.pid}`)
    expect((await rejection(ArticleLibrary.open(dir, { access: 'cli-write' }))).code).toBe('locked')
    const reader = await openLibrary({ access: 'cli-read' })
    expect((await reader.list()).map((s) => s.headline)).toEqual(['Vom App-Prozess'])
    expect((await reader.get(a.id)).headline).toBe('Vom App-Prozess')
    expect((await rejection(reader.save(a.id, 1, { headline: 'x' }))).code).toBe('locked')
    expect((await rejection(reader.delete(a.id))).code).toBe('locked')
    await app.close()
    const writer = await openLibrary({ access: 'cli-write' })
    await writer.save(a.id, 1, { headline: 'Vom CLI' })
    await writer.close()
    expect(await readdir(dir)).not.toContain('library.lock')
  })

  it('a read-only opener of a library that does not exist sees an empty list and creates nothing', async () => {
    const missing = join(dir, 'nowhere')
    const reader = await openLibrary({ access: 'cli-read' })
    await reader.close()
    const ghost = await ArticleLibrary.open(missing, { access: 'cli-read' })
    expect(await ghost.list()).toEqual([])
    await ghost.close()
    await expect(stat(missing)).rejects.toThrow(/ENOENT/)
  })
})

describe('ArticleLibrary: migrations', () => {
  it('reads a v0 file (no schemaVersion, byline string) and writes it back as v1 on save', async () => {
    const library = await openLibrary()
    await library.close()
    const id = '5b0c2f8e-7d1a-4c3b-9e2f-0a1b2c3d4e5f'
    await writeFile(
      join(dir, 'articles', `${id}.json`),
      JSON.stringify({
        article: {
          id,
          revision: 4,
          createdAt: '2023-01-02T10:00:00+01:00',
          updatedAt: '2023-01-02T11:00:00+01:00',
          headline: 'Aus der alten Version',
          byline: 'Von Anna Beispiel und Max Muster'
        }
      })
    )
    const reopened = await openLibrary()
    expect((await reopened.list())[0]).toMatchObject({
      id,
      headline: 'Aus der alten Version',
      bylines: ['Anna Beispiel', 'Max Muster']
    })
    await reopened.save(id, 4, { teaser: 'Neu' })
    const stored = JSON.parse(await readFile(join(dir, 'articles', `${id}.json`), 'utf8'))
    expect(stored.schemaVersion).toBe(1)
    expect(stored.article).toMatchObject({
      schemaVersion: 1,
      bylines: ['Anna Beispiel', 'Max Muster']
    })
    expect(stored.article).not.toHaveProperty('byline')
  })
})
