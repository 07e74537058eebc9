import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArticleLibrary } from './articleLibrary'
import { bodyOf, makeTempDir, removeTempDir, testClock } from './__fixtures__/libraryFixture'

let dir: string
let library: ArticleLibrary
const clock = testClock()

beforeEach(async () => {
  dir = await makeTempDir()
  library = await ArticleLibrary.open(dir, { clock, log: () => undefined })
})
afterEach(async () => {
  await library.close()
  await removeTempDir(dir)
})

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false
  )

describe('ArticleLibrary: an empty draft that was left', () => {
  it('is removed for good: no file, no history, not in the list or the trash', async () => {
    const keep = await library.create({ headline: 'Gipfel in Wladiwostok' })
    const empty = await library.create({})
    // Settings alone are not content.
    await library.save(empty.id, empty.revision, { status: 'editing', timeZone: 'Europe/Kyiv' })
    expect(await library.discardIfEmpty(empty.id)).toEqual({ discarded: true })
    expect((await library.list()).map((s) => s.id)).toEqual([keep.id])
    expect(await library.listTrash()).toEqual([])
    expect(await exists(join(dir, 'articles', `${empty.id}.json`))).toBe(false)
    expect(await exists(join(dir, 'history', empty.id))).toBe(false)
    expect(await readdir(join(dir, 'trash'))).toEqual([])
    // Gone after a reopen too, and asking again is no error.
    await library.close()
    library = await ArticleLibrary.open(dir, { clock, log: () => undefined })
    expect((await library.list()).map((s) => s.id)).toEqual([keep.id])
    expect(await library.discardIfEmpty(empty.id)).toEqual({ discarded: false })
  })

  it('never removes a draft with content, now or in any kept version', async () => {
    const written = await library.create({ body: bodyOf('Ein Satz.') })
    expect(await library.discardIfEmpty(written.id)).toEqual({ discarded: false })

    // Typed, then deleted again: the history holds the text, so the draft stays.
    const typed = await library.create({})
    const ack = await library.save(typed.id, typed.revision, { headline: 'Kim trifft Putin' })
    await library.save(typed.id, ack.revision, { headline: null })
    expect(await library.discardIfEmpty(typed.id)).toEqual({ discarded: false })
    expect((await library.get(typed.id)).revision).toBeGreaterThan(typed.revision)

    // Written in an earlier session, emptied in this one: a kept version still holds the text.
    const earlier = await library.create({})
    const first = await library.save(earlier.id, earlier.revision, {
      teaser: 'Kurz vor Mitternacht'
    })
    clock.advance(10 * 60_000)
    await library.close()
    library = await ArticleLibrary.open(dir, { clock, log: () => undefined })
    await library.save(earlier.id, first.revision, { teaser: null })
    expect(await library.discardIfEmpty(earlier.id)).toEqual({ discarded: false })

    const tagged = await library.create({ tags: ['Gipfel'] })
    expect(await library.discardIfEmpty(tagged.id)).toEqual({ discarded: false })
    expect((await library.list()).map((s) => s.id).sort()).toEqual(
      [written.id, typed.id, earlier.id, tagged.id].sort()
    )
  })
})
