import { readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArticleLibrary } from './articleLibrary'
import {
  bodyOf,
  makeTempDir,
  rejection,
  removeTempDir,
  testClock,
  type TestClock
} from './__fixtures__/libraryFixture'

let dir: string
let clock: TestClock
let library: ArticleLibrary

beforeEach(async () => {
  dir = await makeTempDir()
  clock = testClock('2024-05-02T12:00:00Z')
  library = await ArticleLibrary.open(dir, { clock, log: () => undefined })
})
afterEach(async () => {
  await library.close()
  await removeTempDir(dir)
})

describe('ArticleLibrary: history', () => {
  it('keeps one version per minute while typing, with time and word count', async () => {
    const { id } = await library.create({ headline: 'Entwurf' })
    let revision = 1
    // Typing for 2.5 minutes with an autosave every 10 s.
    for (let s = 10; s <= 150; s += 10) {
      clock.advance(10_000)
      const words = Array.from({ length: s / 10 }, (_, i) => `Wort${i}`).join(' ')
      revision = (await library.save(id, revision, { body: bodyOf(words) })).revision
    }
    const versions = await library.versions(id)
    // Windows start at 0 s (create), 60 s and 120 s; each keeps its last save.
    expect(versions.map((v) => [v.versionId, v.wordCount, v.current])).toEqual([
      ['16', 15, true],
      ['12', 11, false],
      ['6', 5, false]
    ])
    expect(versions[2]?.savedAt).toMatch(/^2024-05-02T\d\d:00:50\.000[+-]\d\d:\d\d$/)
    expect(await readdir(join(dir, 'history', id))).toHaveLength(3)
  })

  it('keeps the last 50 versions', async () => {
    const { id } = await library.create({ headline: 'v1' })
    for (let r = 1; r <= 60; r++) {
      clock.advance(61_000)
      await library.save(id, r, { headline: `v${r + 1}` })
    }
    const versions = await library.versions(id)
    expect(versions).toHaveLength(50)
    expect(versions[0]?.versionId).toBe('61')
    expect(versions[49]?.versionId).toBe('12')
  })

  it('shows what changed against the current text', async () => {
    const { id } = await library.create({
      headline: 'Koalition streitet',
      body: bodyOf('Die Koalition streitet.', 'Ende.')
    })
    clock.advance(120_000)
    await library.save(id, 1, {
      headline: 'Koalition einigt sich',
      body: bodyOf('Die Koalition einigt sich.', 'Ende.', 'Nachtrag.')
    })
    const diff = await library.diff(id, '1')
    expect(diff.fields).toEqual([
      {
        field: 'headline',
        before: 'Koalition streitet',
        after: 'Koalition einigt sich',
        words: [
          { op: 'equal', text: 'Koalition ' },
          { op: 'delete', text: 'streitet' },
          { op: 'insert', text: 'einigt sich' }
        ]
      }
    ])
    expect(diff.body.map((p) => p.op)).toEqual(['change', 'equal', 'insert'])
    expect(diff.body[0]?.words).toEqual([
      { op: 'equal', text: 'Die Koalition ' },
      { op: 'delete', text: 'streitet.' },
      { op: 'insert', text: 'einigt sich.' }
    ])
    expect(diff).toMatchObject({ fromRevision: 1, toRevision: 2, wordsAdded: 3, wordsRemoved: 1 })
    expect((await rejection(library.diff(id, '7'))).code).toBe('not-found')
  })

  it('restores a version as a new revision, itself kept as a new version', async () => {
    const { id } = await library.create({ headline: 'Erste Fassung' })
    clock.advance(120_000)
    await library.save(id, 1, { headline: 'Zweite Fassung' })
    clock.advance(5_000)
    // Within the minute of version 2, but a restore never replaces what it restores over.
    expect((await rejection(library.restore(id, '1', 1))).code).toBe('conflict')
    const ack = await library.restore(id, '1', 2)
    expect(ack.revision).toBe(3)
    expect((await library.get(id)).headline).toBe('Erste Fassung')
    expect((await library.versions(id)).map((v) => v.versionId)).toEqual(['3', '2', '1'])
  })
})

describe('ArticleLibrary: history after a crash or power cut', () => {
  /** Three versions (revisions 1, 2, 3), one per minute; returns the id and the version files. */
  async function threeVersions(): Promise<{ id: string; files: string[] }> {
    const { id } = await library.create({ headline: 'Fassung 1', body: bodyOf('eins') })
    for (const r of [2, 3]) {
      clock.advance(61_000)
      await library.save(id, r - 1, { headline: `Fassung ${r}`, body: bodyOf('eins', 'zwei') })
    }
    await library.close()
    const names = (await readdir(join(dir, 'history', id))).sort()
    return { id, files: names.map((n) => join(dir, 'history', id, n)) }
  }

  /** What a power cut leaves of the library's lock: the file, empty. */
  async function leaveLockEmpty(): Promise<void> {
    await writeFile(join(dir, 'library.lock'), '')
  }

  it('rewrites a newest version a power cut left empty from the article file, at the next open', async () => {
    const { id, files } = await threeVersions()
    const newest = files[2] as string
    await truncate(newest, 0)
    await leaveLockEmpty()
    library = await ArticleLibrary.open(dir, { clock, log: () => undefined })
    // Repaired at open, before anything asked for the history.
    expect(library.problems()).toEqual([
      expect.objectContaining({
        kind: 'version-repaired',
        articleId: id,
        file: newest,
        restoredFrom: '3',
        message: expect.stringContaining('was damaged, as after a power cut, and was rewritten')
      })
    ])
    expect(JSON.parse(await readFile(newest, 'utf8')).article.headline).toBe('Fassung 3')
    expect((await library.versions(id)).map((v) => v.revision)).toEqual([3, 2, 1])
    expect((await library.version(id, '3')).headline).toBe('Fassung 3')
  })

  it('never offers a damaged version for restoring: moved aside and reported', async () => {
    const { id, files } = await threeVersions()
    await writeFile(files[1] as string, '{"schemaVersion":1,"arti')
    // A clean shutdown: found when the history is listed, not at open.
    library = await ArticleLibrary.open(dir, { clock, log: () => undefined })
    expect(library.problems()).toEqual([])
    expect((await library.versions(id)).map((v) => v.revision)).toEqual([3, 1])
    const movedTo = join(dir, 'quarantine', `${id}.version-${basename(files[1] as string)}`)
    expect(library.problems()).toEqual([
      expect.objectContaining({
        kind: 'version-damaged',
        file: files[1],
        movedTo,
        message: `Article ${id}: kept version 2 (${files[1]}) was damaged and was moved to ${movedTo}; it is not offered for restoring`
      })
    ])
    expect(await readFile(movedTo, 'utf8')).toBe('{"schemaVersion":1,"arti')
    expect((await rejection(library.version(id, '2'))).code).toBe('not-found')
  })

  it('a read-only opener leaves a damaged version where it is but does not list it', async () => {
    const { id, files } = await threeVersions()
    await truncate(files[0] as string, 0)
    library = await ArticleLibrary.open(dir, { access: 'cli-read', log: () => undefined })
    expect((await library.versions(id)).map((v) => v.revision)).toEqual([3, 2])
    expect(library.problems()).toEqual([
      expect.objectContaining({ kind: 'unreadable', file: files[0], movedTo: null })
    ])
    expect(await readdir(join(dir, 'history', id))).toHaveLength(3)
  })

  it('records the current text when a crash came between saving the article and its version', async () => {
    const { id, files } = await threeVersions()
    // As if the process died right after the article file reached revision 3.
    await rm(files[2] as string)
    await leaveLockEmpty()
    library = await ArticleLibrary.open(dir, { clock, log: () => undefined })
    expect((await library.versions(id)).map((v) => [v.revision, v.current])).toEqual([
      [3, true],
      [2, false],
      [1, false]
    ])
  })
})
