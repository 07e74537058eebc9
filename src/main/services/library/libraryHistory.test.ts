import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
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
      { field: 'headline', before: 'Koalition streitet', after: 'Koalition einigt sich' }
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
