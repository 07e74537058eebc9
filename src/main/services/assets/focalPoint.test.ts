import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assetPatchSchema, assetUpdateInputSchema } from '../../../shared/asset'
import { ArticleLibrary } from '../library/articleLibrary'
import { parseAssetRecord } from './assetRecordText'
import { assetDir } from './assetResolver'
import { AssetStore } from './assetStore'
import { jpeg } from './__fixtures__/corpus'

let root: string
let library: string
let articles: ArticleLibrary
const stores: AssetStore[] = []

async function openStore(): Promise<AssetStore> {
  const store = await AssetStore.open(library, { articles })
  stores.push(store)
  return store
}

async function importOne(store: AssetStore): Promise<string> {
  const [r] = await store.import([{ name: 'rathaus.jpg', bytes: await jpeg(60, 40) }])
  if (!('assetId' in r)) throw new Error(`import failed: ${r.error}`)
  return r.assetId
}

function recordFile(id: string): string {
  return join(assetDir(library, id), 'asset.json')
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-focal-'))
  library = join(root, 'library')
  articles = await ArticleLibrary.open(library)
})
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
  await articles.close()
  await rm(root, { recursive: true, force: true })
})

describe('the focal point in the asset record', () => {
  it('starts as null on import and is written into asset.json', async () => {
    const store = await openStore()
    const id = await importOne(store)
    expect((await store.get(id)).focal).toBeNull()
    const onDisk = JSON.parse(await readFile(recordFile(id), 'utf8'))
    expect(onDisk.focal).toBeNull()
  })

  it('reads a record stored before focal points existed as null, and it stays editable', async () => {
    const store = await openStore()
    const id = await importOne(store)
    await store.update(id, 1, { caption: 'Rathaus' })
    await store.close()
    // What an older Copydesk wrote: no focal key, an undo entry without one either.
    const old = JSON.parse(await readFile(recordFile(id), 'utf8'))
    delete old.focal
    delete old.history[0].previous.focal
    await writeFile(recordFile(id), JSON.stringify(old))

    const reopened = await openStore()
    expect(reopened.problems).toEqual([])
    const asset = await reopened.get(id)
    expect(asset.focal).toBeNull()
    expect(asset.metadata.caption).toBe('Rathaus')

    const set = await reopened.update(id, 2, { focal: { x: 0.25, y: 0.75 } })
    expect(set.focal).toEqual({ x: 0.25, y: 0.75 })
    // Undoing the focal edit, then the old caption edit (which carries no focal point).
    expect((await reopened.undo(id)).focal).toBeNull()
    const undone = await reopened.undo(id)
    expect(undone.metadata.caption).toBeNull()
    expect(undone.focal).toBeNull()
  })

  it('sets, keeps through other edits, clears and undoes the focal point, durably', async () => {
    const store = await openStore()
    const id = await importOne(store)
    const set = await store.update(id, 1, { focal: { x: 0.42, y: 0.31 } })
    expect(set).toMatchObject({ revision: 2, undoDepth: 1, focal: { x: 0.42, y: 0.31 } })
    // An edit that leaves focal out keeps it.
    const captioned = await store.update(id, 2, { caption: 'Marktplatz' })
    expect(captioned.focal).toEqual({ x: 0.42, y: 0.31 })
    const moved = await store.update(id, 3, { focal: { x: 1, y: 0 } })
    expect(moved.focal).toEqual({ x: 1, y: 0 })
    const cleared = await store.update(id, 4, { focal: null })
    expect(cleared.focal).toBeNull()
    await store.close()

    const reopened = await openStore()
    expect((await reopened.get(id)).focal).toBeNull()
    expect((await reopened.undo(id)).focal).toEqual({ x: 1, y: 0 })
    expect((await reopened.undo(id)).focal).toEqual({ x: 0.42, y: 0.31 })
    const back = await reopened.undo(id)
    expect(back.focal).toEqual({ x: 0.42, y: 0.31 })
    expect(back.metadata.caption).toBeNull()
    expect((await reopened.undo(id)).focal).toBeNull()
    const onDisk = JSON.parse(await readFile(recordFile(id), 'utf8'))
    expect(onDisk.focal).toBeNull()
    expect(onDisk.history).toEqual([])
  })

  it('keeps four decimals of a clicked point', async () => {
    const store = await openStore()
    const id = await importOne(store)
    const set = await store.update(id, 1, { focal: { x: 1 / 3, y: 0.123456789 } })
    expect(set.focal).toEqual({ x: 0.3333, y: 0.1235 })
  })

  it('refuses a point outside the photo or not made of two numbers, and the record stays', async () => {
    const store = await openStore()
    const id = await importOne(store)
    const before = await readFile(recordFile(id), 'utf8')
    const bad: unknown[] = [
      { x: 1.01, y: 0.5 },
      { x: -0.001, y: 0.5 },
      { x: 0.5 },
      { x: '0.5', y: 0.5 },
      { x: Number.NaN, y: 0.5 },
      { x: Number.POSITIVE_INFINITY, y: 0.5 },
      { x: 0.5, y: 0.5, z: 1 },
      [0.5, 0.5]
    ]
    for (const focal of bad) {
      expect(assetPatchSchema.safeParse({ focal }).success, JSON.stringify(focal)).toBe(false)
      expect(
        assetUpdateInputSchema.safeParse({ id, baseRevision: 1, patch: { focal } }).success
      ).toBe(false)
      await expect(
        store.update(id, 1, { focal } as unknown as Parameters<AssetStore['update']>[2])
      ).rejects.toThrow()
    }
    expect(await readFile(recordFile(id), 'utf8')).toBe(before)
    expect((await store.get(id)).revision).toBe(1)
  })

  it('refuses a stored record whose focal point is out of range, naming the field', async () => {
    const store = await openStore()
    const id = await importOne(store)
    const json = JSON.parse(await readFile(recordFile(id), 'utf8'))
    expect(parseAssetRecord({ ...json, focal: { x: 0.5, y: 0.5 } })).toMatchObject({ ok: true })
    expect(parseAssetRecord({ ...json, focal: { x: 2, y: 0.5 } })).toEqual({
      ok: false,
      problem: expect.stringMatching(/^focal\.x: /)
    })
  })
})
