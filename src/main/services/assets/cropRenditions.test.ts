import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArticleLibrary } from '../library/articleLibrary'
import { assetDir } from './assetResolver'
import { AssetStore } from './assetStore'
import { CROPS_FILE, plansOf, readStoredCrops } from './cropRenditions'

/*
 * The web crops as renditions of the asset: made at import from the same decode as preview and
 * thumbnail, made again when the focal point moves (and when an undo moves it back), written
 * durably so a store opened afterwards finds them valid.
 */

let root: string
let library: string
let articles: ArticleLibrary
const stores: AssetStore[] = []

async function openStore(): Promise<AssetStore> {
  const store = await AssetStore.open(library, { articles })
  stores.push(store)
  return store
}

/** 1600 × 800: red in the left eighth, blue elsewhere; a square around x = 0.05 starts in red. */
async function redLeftPhoto(): Promise<Buffer> {
  const red = await sharp({ create: { width: 200, height: 800, channels: 3, background: '#f00' } })
    .png()
    .toBuffer()
  return sharp({ create: { width: 1600, height: 800, channels: 3, background: '#00f' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg({ quality: 95 })
    .toBuffer()
}

async function importPhoto(
  store: AssetStore,
  bytes: Buffer,
  name = 'rathaus.jpg'
): Promise<string> {
  const [r] = await store.import([{ name, bytes }])
  if (!('assetId' in r)) throw new Error(`import failed: ${r.error}`)
  return r.assetId
}

/** Red, green and blue of the pixel at (x, y) of a JPEG file. */
async function pixel(file: string, x: number, y: number): Promise<number[]> {
  const { data } = await sharp(file)
    .extract({ left: x, top: y, width: 1, height: 1 })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return [...data].slice(0, 3)
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-crops-'))
  library = join(root, 'library')
  articles = await ArticleLibrary.open(library)
})
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
  await articles.close()
  await rm(root, { recursive: true, force: true })
})

describe('crops stored beside the renditions', () => {
  it('are made at import at the planned sizes, described by crops.json', async () => {
    const store = await openStore()
    const id = await importPhoto(store, await redLeftPhoto())
    const dir = assetDir(library, id)
    expect((await readdir(dir)).sort()).toEqual([
      'asset.json',
      'crop-16x9.jpg',
      'crop-1x1.jpg',
      CROPS_FILE,
      'original.jpg',
      'preview.jpg',
      'thumb.jpg'
    ])
    const wide = await sharp(join(dir, 'crop-16x9.jpg')).metadata()
    const square = await sharp(join(dir, 'crop-1x1.jpg')).metadata()
    // 16:9 of 1600 × 800 is 1422 × 800 (under 1920: kept); the square is 800 × 800.
    expect([wide.width, wide.height, wide.format]).toEqual([1422, 800, 'jpeg'])
    expect([square.width, square.height]).toEqual([800, 800])
    // No focal point: the square is the middle, all blue.
    const [r, , b] = await pixel(join(dir, 'crop-1x1.jpg'), 2, 400)
    expect(r).toBeLessThan(60)
    expect(b).toBeGreaterThan(200)
    const sidecar = JSON.parse(await readFile(join(dir, CROPS_FILE), 'utf8'))
    expect(sidecar.files.map((f: { file: string }) => f.file)).toEqual([
      'crop-16x9.jpg',
      'crop-1x1.jpg'
    ])
    const record = await store.get(id)
    expect(await readStoredCrops(dir, plansOf(record))).toHaveLength(2)
  })

  it('follow the focal point when the desk moves it and when an undo moves it back, durably', async () => {
    const store = await openStore()
    const id = await importPhoto(store, await redLeftPhoto())
    const dir = assetDir(library, id)
    const square = join(dir, 'crop-1x1.jpg')
    const before = await readFile(square)
    await store.update(id, 1, { focal: { x: 0.05, y: 0.5 } })
    const [r, , b] = await pixel(square, 2, 400)
    expect(r).toBeGreaterThan(200)
    expect(b).toBeLessThan(60)
    // A text edit leaves the crops as they are (same bytes, nothing made again).
    const focused = await readFile(square)
    await store.update(id, 2, { caption: 'Rathaus' })
    expect((await readFile(square)).equals(focused)).toBe(true)

    // Another store on the same folder (the next start) finds them made for that point.
    await store.close()
    const again = await openStore()
    const moved = await again.get(id)
    expect(moved.focal).toEqual({ x: 0.05, y: 0.5 })
    expect(await readStoredCrops(dir, plansOf(moved))).not.toBeNull()

    await again.undo(id) // the caption
    await again.undo(id) // the focal point
    expect((await again.get(id)).focal).toBeNull()
    expect((await pixel(square, 2, 400))[2]).toBeGreaterThan(200)
    expect((await readFile(square)).length).toBeGreaterThan(0)
    expect(before.length).toBeGreaterThan(0)
  })

  it('are made when the focal point moves on an asset stored without them (an older library)', async () => {
    const store = await openStore()
    const id = await importPhoto(store, await redLeftPhoto())
    const dir = assetDir(library, id)
    for (const name of ['crop-16x9.jpg', 'crop-1x1.jpg', CROPS_FILE]) await rm(join(dir, name))
    await store.update(id, 1, { focal: { x: 0.05, y: 0.5 } })
    expect((await pixel(join(dir, 'crop-1x1.jpg'), 2, 400))[0]).toBeGreaterThan(200)
    const record = await store.get(id)
    expect(await readStoredCrops(dir, plansOf(record))).not.toBeNull()
  })

  it('are refused when a file no longer matches its recorded hash, and made again on request', async () => {
    const store = await openStore()
    const id = await importPhoto(store, await redLeftPhoto())
    const dir = assetDir(library, id)
    const record = await store.get(id)
    const plans = plansOf(record)
    const good = await readFile(join(dir, 'crop-1x1.jpg'))
    // A torn write: the same length, the second half zeros.
    const torn = Buffer.concat([
      good.subarray(0, good.length >> 1),
      Buffer.alloc(good.length - (good.length >> 1))
    ])
    await writeFile(join(dir, 'crop-1x1.jpg'), torn)
    expect(await readStoredCrops(dir, plans)).toBeNull()
    const made = await store.crops(record, plans)
    expect(made[1].equals(torn)).toBe(false)
    expect((await sharp(made[1]).metadata()).width).toBe(800)
    // Stored again: the next reader takes them as they are.
    expect(await readStoredCrops(dir, plans)).not.toBeNull()
  })

  it('a damaged crops.json reads as no crops, never as an error', async () => {
    const store = await openStore()
    const id = await importPhoto(store, await redLeftPhoto())
    const dir = assetDir(library, id)
    await writeFile(join(dir, CROPS_FILE), '{"format":1,"key":')
    const record = await store.get(id)
    expect(await readStoredCrops(dir, plansOf(record))).toBeNull()
    expect(await store.crops(record, plansOf(record))).toHaveLength(2)
  })
})
