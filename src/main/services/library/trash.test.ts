import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArticleLibrary } from './articleLibrary'
import {
  bodyOf,
  makeTempDir,
  rejection,
  removeTempDir,
  testClock
} from './__fixtures__/libraryFixture'

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

describe('ArticleLibrary: trash', () => {
  it('moves a deleted article and its history to the trash and brings it back', async () => {
    const a = await library.create({ headline: 'Weg damit', body: bodyOf('Haushalt') })
    const b = await library.create({ headline: 'Bleibt' })
    await library.delete(a.id)
    expect((await library.list()).map((s) => s.id)).toEqual([b.id])
    expect(await library.list({ query: 'haushalt' })).toEqual([])
    expect((await rejection(library.get(a.id))).code).toBe('not-found')
    expect(await exists(join(dir, 'articles', `${a.id}.json`))).toBe(false)
    expect(await exists(join(dir, 'history', a.id))).toBe(false)
    const trash = await library.listTrash()
    expect(trash).toEqual([
      expect.objectContaining({ id: a.id, headline: 'Weg damit', deletedAt: expect.any(String) })
    ])
    const [entry] = await readdir(join(dir, 'trash'))
    expect((await readdir(join(dir, 'trash', entry as string))).sort()).toEqual([
      'article.json',
      'deleted.json',
      'history'
    ])

    const restored = await library.restoreFromTrash(a.id)
    expect(restored).toMatchObject({ id: a.id, headline: 'Weg damit', revision: 1 })
    expect(await library.listTrash()).toEqual([])
    expect((await library.get(a.id)).headline).toBe('Weg damit')
    expect((await library.versions(a.id)).map((v) => v.versionId)).toEqual(['1'])
    expect((await library.list({ query: 'haushalt' })).map((s) => s.id)).toEqual([a.id])
    // Deleted state survives a reopen too.
    await library.delete(b.id)
    await library.close()
    library = await ArticleLibrary.open(dir, { clock, log: () => undefined })
    expect((await library.list()).map((s) => s.id)).toEqual([a.id])
    expect((await library.listTrash()).map((t) => t.id)).toEqual([b.id])
  })

  it('answers not-found and conflict where they apply', async () => {
    const unknown = '0c9dfa0a-dbee-417b-8944-c1d2cdde806d'
    expect((await rejection(library.delete(unknown))).code).toBe('not-found')
    expect((await rejection(library.restoreFromTrash(unknown))).code).toBe('not-found')
    const a = await library.create({ headline: 'x' })
    await library.delete(a.id)
    await library.restoreFromTrash(a.id)
    // It is in the library again: restoring it a second time would overwrite it.
    expect((await rejection(library.restoreFromTrash(a.id))).code).toBe('conflict')
    await library.delete(a.id)
    await library.emptyTrash()
    expect((await rejection(library.restoreFromTrash(a.id))).code).toBe('not-found')
  })

  it('empties the trash only when asked', async () => {
    const a = await library.create({ headline: 'eins' })
    const b = await library.create({ headline: 'zwei' })
    await library.delete(a.id)
    clock.advance(1)
    await library.delete(b.id)
    expect((await library.listTrash()).map((t) => t.id)).toEqual([b.id, a.id])
    expect(await library.emptyTrash()).toEqual({ removed: 2 })
    expect(await library.listTrash()).toEqual([])
    expect(await readdir(join(dir, 'trash'))).toEqual([])
  })

  it('undoes a deletion that a crash cut short before the article file moved', async () => {
    const a = await library.create({ headline: 'Halb gelöscht' })
    await library.close()
    // What delete() leaves if killed after moving the history but before moving the article.
    const entry = join(dir, 'trash', `${a.id}.${Date.now()}`)
    await mkdir(entry, { recursive: true })
    await writeFile(join(entry, 'deleted.json'), JSON.stringify({ id: a.id }))
    await rename(join(dir, 'history', a.id), join(entry, 'history'))
    library = await ArticleLibrary.open(dir, { clock, log: () => undefined })
    expect((await library.list()).map((s) => s.id)).toEqual([a.id])
    expect(await library.listTrash()).toEqual([])
    expect(await readdir(join(dir, 'history', a.id))).toHaveLength(1)
  })
})
