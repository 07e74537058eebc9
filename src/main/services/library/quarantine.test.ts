import { readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { bodyOf, rejection, testClock } from './__fixtures__/libraryFixture'
import { tempLibraries } from './__fixtures__/tempLibraries'

const libraries = tempLibraries()
let dir: string
const openLibrary = libraries.open

beforeEach(() => {
  dir = libraries.dir
})

/** A library with one article saved twice, closed; returns the id and the article file. */
async function oneArticle(): Promise<{ id: string; file: string }> {
  const clock = testClock()
  const library = await openLibrary({ clock })
  const { id } = await library.create({ headline: 'Gute Fassung', body: bodyOf('Text eins.') })
  clock.advance(120_000)
  await library.save(id, 1, { body: bodyOf('Text eins.', 'Text zwei.') })
  await library.close()
  return { id, file: join(dir, 'articles', `${id}.json`) }
}

describe('quarantine of damaged article files', () => {
  it('quarantines a file whose schemaVersion is text instead of migrating it as an old file', async () => {
    const { id, file } = await oneArticle()
    const raw = JSON.parse(await readFile(file, 'utf8'))
    const damaged = JSON.stringify({ ...raw, schemaVersion: '1' })
    await writeFile(file, damaged)
    const library = await openLibrary()
    expect(library.problems()).toEqual([
      expect.objectContaining({
        kind: 'quarantined',
        articleId: id,
        restoredFrom: '2',
        message: expect.stringContaining(
          `${file} is not a valid article (schemaVersion: "1" is not a whole number of 0 or more)`
        )
      })
    ])
    const [moved] = await readdir(join(dir, 'quarantine'))
    expect(await readFile(join(dir, 'quarantine', moved as string), 'utf8')).toBe(damaged)
    expect((await library.get(id)).revision).toBe(3)
  })

  it('a damaged file seen read-only: get says what is wrong where, not "no article"', async () => {
    const { id, file } = await oneArticle()
    await writeFile(file, '{"schemaVersion":1,"art')
    const reader = await openLibrary({ access: 'cli-read' })
    const error = await rejection(reader.get(id))
    expect(error.code).toBe('corrupt')
    expect(error.message).toMatch(new RegExp(`^Article ${id}: .*${id}\\.json does not parse`))
    expect((await rejection(reader.versions(id))).code).toBe('corrupt')
  })

  it('moves a file that does not parse aside and restores the newest good version', async () => {
    const { id, file } = await oneArticle()
    const damage = '{"schemaVersion":1,"article":{"id":"trunc'
    await writeFile(file, damage)
    const library = await openLibrary()
    const [problem] = library.problems()
    expect(problem).toMatchObject({
      kind: 'quarantined',
      articleId: id,
      file,
      restoredFrom: '2',
      message: expect.stringContaining(`Article ${id}: ${file} does not parse`)
    })
    // The damaged bytes are kept, untouched, under a name with the time.
    const quarantined = await readdir(join(dir, 'quarantine'))
    expect(quarantined).toEqual([expect.stringMatching(new RegExp(`^${id}\\.\\d{4}-.*\\.json$`))])
    expect(await readFile(join(dir, 'quarantine', quarantined[0] as string), 'utf8')).toBe(damage)
    expect(problem?.movedTo).toBe(join(dir, 'quarantine', quarantined[0] as string))
    // The article is back with its last saved text, as a new revision.
    const article = await library.get(id)
    expect(article).toMatchObject({ headline: 'Gute Fassung', revision: 3 })
    expect(article.body).toEqual(bodyOf('Text eins.', 'Text zwei.'))
    expect((await library.list()).map((s) => s.id)).toEqual([id])
    // An editor still holding revision 2 gets a conflict, not a silent overwrite.
    expect((await rejection(library.save(id, 2, { headline: 'x' }))).code).toBe('conflict')
  })

  it('treats a file that parses but is no valid article the same way', async () => {
    const { id, file } = await oneArticle()
    const json = JSON.parse(await readFile(file, 'utf8'))
    json.article.status = 'published-by-accident'
    await writeFile(file, JSON.stringify(json))
    const library = await openLibrary()
    expect(library.problems()[0]).toMatchObject({
      kind: 'quarantined',
      message: expect.stringContaining('is not a valid article (status:')
    })
    expect((await library.get(id)).headline).toBe('Gute Fassung')
  })

  it('reports an article as lost (but keeps its file) when no good version is left', async () => {
    const { id, file } = await oneArticle()
    await writeFile(file, 'not json at all')
    await rm(join(dir, 'history', id), { recursive: true })
    const library = await openLibrary()
    expect(library.problems()).toEqual([
      expect.objectContaining({ kind: 'lost', articleId: id, file, restoredFrom: null })
    ])
    expect(await library.list()).toEqual([])
    const [kept] = await readdir(join(dir, 'quarantine'))
    expect(await readFile(join(dir, 'quarantine', kept as string), 'utf8')).toBe('not json at all')
  })

  it('skips a damaged history version and restores the one before', async () => {
    const { id, file } = await oneArticle()
    const versions = (await readdir(join(dir, 'history', id))).sort()
    // Damage the newest version (revision 2) too.
    const newest = versions.find((n) => n.startsWith('2.')) as string
    await writeFile(join(dir, 'history', id, newest), '{')
    await writeFile(file, '')
    const library = await openLibrary()
    expect(library.problems()).toEqual([
      expect.objectContaining({
        kind: 'version-damaged',
        file: join(dir, 'history', id, newest),
        movedTo: join(dir, 'quarantine', `${id}.version-${newest}`)
      }),
      expect.objectContaining({ kind: 'quarantined', restoredFrom: '1' })
    ])
    expect((await library.get(id)).body).toEqual(bodyOf('Text eins.'))
    // The damaged version is kept aside, not offered for restoring.
    expect(await readFile(join(dir, 'quarantine', `${id}.version-${newest}`), 'utf8')).toBe('{')
    expect((await library.versions(id)).map((v) => v.revision)).toEqual([3, 1])
  })

  it('a read-only opener reports the damaged file and leaves it where it is', async () => {
    const { id, file } = await oneArticle()
    await writeFile(file, '{')
    const reader = await openLibrary({ access: 'cli-read' })
    expect(reader.problems()).toEqual([
      expect.objectContaining({ kind: 'unreadable', articleId: id, file, movedTo: null })
    ])
    expect(await readFile(file, 'utf8')).toBe('{')
    expect(await readdir(dir)).not.toContain('quarantine')
  })

  it('leaves a file from a newer Copydesk untouched and unlisted', async () => {
    const { id, file } = await oneArticle()
    const json = JSON.parse(await readFile(file, 'utf8'))
    json.schemaVersion = 99
    const future = JSON.stringify(json)
    await writeFile(file, future)
    const library = await openLibrary()
    expect(library.problems()).toEqual([
      expect.objectContaining({ kind: 'newer-version', articleId: id, file })
    ])
    expect(await library.list()).toEqual([])
    expect(await readFile(file, 'utf8')).toBe(future)
  })
})
