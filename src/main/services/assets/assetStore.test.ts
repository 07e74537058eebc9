import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import exifr from 'exifr'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { presentArticle } from '../../../shared/articleView'
import type { ImportResult } from '../../../shared/asset'
import { ArticleLibrary } from '../library/articleLibrary'
import type { DurableFileHandle } from '../storage/durableWrite'
import { assetDir, resolveAssetFile } from './assetResolver'
import { AssetStore, type AssetStoreOptions } from './assetStore'
import { exiftool, hasExiftool, inFormat, jpeg } from './__fixtures__/corpus'

let root: string
let library: string
let articles: ArticleLibrary
const stores: AssetStore[] = []

async function openStore(opts: Partial<AssetStoreOptions> = {}): Promise<AssetStore> {
  const store = await AssetStore.open(library, { articles, ...opts })
  stores.push(store)
  return store
}

function idOf(result: ImportResult): string {
  if (!('assetId' in result)) throw new Error(`import failed: ${result.error}`)
  return result.assetId
}

async function assetFolders(): Promise<string[]> {
  const out: string[] = []
  for (const shard of await readdir(join(library, 'assets'))) {
    if (shard === '.tmp') continue
    for (const id of await readdir(join(library, 'assets', shard))) out.push(id)
  }
  return out
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-assets-'))
  library = join(root, 'library')
  articles = await ArticleLibrary.open(library)
})
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
  await articles.close()
  await rm(root, { recursive: true, force: true })
})

describe('importing', () => {
  it('stores the original byte for byte under its SHA-256 and makes oriented renditions without metadata', async () => {
    // 2000 × 1000 stored, EXIF orientation 6: displayed as 1000 × 2000 (portrait).
    const bytes = await sharp(await jpeg(2000, 1000))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer()
    const file = join(root, 'hochkant.jpg')
    await writeFile(file, bytes)
    const canGps = await hasExiftool()
    if (canGps) {
      await exiftool(file, '-GPSLatitude=52.5163', '-GPSLatitudeRef=N', '-GPSLongitude=13.3777')
    } else {
      console.warn('exiftool missing: the GPS part of this test is skipped')
    }
    const original = await readFile(file)
    const store = await openStore()
    const [result] = await store.import([{ name: 'hochkant.jpg', path: file }])
    const id = idOf(result)
    expect(id).toBe(createHash('sha256').update(original).digest('hex'))

    const dir = assetDir(library, id)
    expect(await readFile(join(dir, 'original.jpg'))).toEqual(original)
    const asset = await store.get(id)
    expect(asset).toMatchObject({
      format: 'jpeg',
      width: 1000,
      height: 2000,
      orientation: 6,
      fileSize: original.length,
      originalName: 'hochkant.jpg',
      renditions: {
        thumb: { file: 'thumb.jpg', width: 160, height: 320 },
        preview: { file: 'preview.jpg', width: 800, height: 1600 }
      }
    })
    for (const rendition of ['thumb', 'preview'] as const) {
      const path = await resolveAssetFile(library, id, rendition)
      expect(path).not.toBeNull()
      const meta = await sharp(path as string).metadata()
      expect(meta.height).toBeGreaterThan(meta.width as number)
      expect(meta.exif).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.orientation).toBeUndefined()
      expect(await exifr.gps(path as string).catch(() => undefined)).toBeUndefined()
    }
    if (canGps) expect((await exifr.gps(original))?.latitude).toBeCloseTo(52.5163, 3)
    // The record on disk is the one the store serves.
    const onDisk = JSON.parse(await readFile(join(dir, 'asset.json'), 'utf8'))
    expect(onDisk).toMatchObject({ id, revision: 1, format: 'jpeg', width: 1000, height: 2000 })
  })

  it('keeps one asset for the same bytes imported twice, in one batch and across batches', async () => {
    const bytes = await jpeg(120, 80)
    const store = await openStore()
    const first = await store.import([
      { name: 'a.jpg', bytes },
      { name: 'kopie.jpg', bytes: new Uint8Array(bytes) }
    ])
    const again = await store.import([{ name: 'noch-einmal.jpg', bytes }])
    const ids = [...first, ...again].map(idOf)
    expect(new Set(ids).size).toBe(1)
    expect(again[0]).toMatchObject({ duplicate: true })
    expect(await assetFolders()).toEqual([ids[0]])
    expect((await store.list()).length).toBe(1)
  })

  it.each(['png', 'webp', 'tiff', 'avif', 'gif'] as const)(
    'imports %s and records its format and size',
    async (format) => {
      const bytes = await inFormat(format, 48, 32)
      const store = await openStore()
      const [result] = await store.import([{ name: `bild.${format}`, bytes }])
      const asset = await store.get(idOf(result))
      expect(asset).toMatchObject({ format, width: 48, height: 32, fileSize: bytes.length })
      const ext = format === 'tiff' ? 'tif' : format
      expect(await readFile(join(assetDir(library, asset.id), `original.${ext}`))).toEqual(bytes)
      const thumb = await resolveAssetFile(library, asset.id, 'thumb')
      const { data } = await sharp(thumb as string)
        .raw()
        .toBuffer({ resolveWithObject: true })
      if (format === 'gif') {
        // The first frame (red), not the second (blue).
        expect(data[0]).toBeGreaterThan(200)
        expect(data[2]).toBeLessThan(60)
      } else {
        expect(data[0]).toBeGreaterThan(150)
      }
    }
  )

  it('reports progress per file and stops starting files when cancelled', async () => {
    const files = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => ({ name: `f${n}.jpg`, bytes: await jpeg(40 + n, 30) }))
    )
    const store = await openStore()
    const controller = new AbortController()
    const progress: string[] = []
    const results = await store.import(files, {
      concurrency: 1,
      signal: controller.signal,
      onProgress: (n, total, file) => {
        progress.push(`${n}/${total} ${file}`)
        if (n === 2) controller.abort()
      }
    })
    expect(progress).toEqual(['1/5 f1.jpg', '2/5 f2.jpg', '3/5 f3.jpg', '4/5 f4.jpg', '5/5 f5.jpg'])
    expect(results.slice(0, 2).every((r) => 'assetId' in r)).toBe(true)
    for (const r of results.slice(2)) {
      expect(r).toEqual({
        file: r.file,
        error: `“${r.file}” was not imported: the import was cancelled`,
        reason: 'cancelled'
      })
    }
    expect((await assetFolders()).length).toBe(2)
    expect(await readdir(join(library, 'assets', '.tmp'))).toEqual([])
  })

  it('leaves nothing half-made when a write fails, and imports the file once the disk is fine', async () => {
    const bytes = await jpeg(90, 60)
    let failing = true
    const store = await openStore({
      writeOptions: {
        fs: {
          open: async (file, flags): Promise<DurableFileHandle> => {
            if (failing && file.includes('preview.jpg')) {
              throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
            }
            const { open } = await import('node:fs/promises')
            return open(file, flags)
          }
        }
      }
    })
    const [failed] = await store.import([{ name: 'voll.jpg', bytes }])
    expect(failed).toMatchObject({ file: 'voll.jpg' })
    expect('error' in failed && failed.error).toMatch(/“voll\.jpg” could not be stored.*ENOSPC/)
    expect(await assetFolders()).toEqual([])
    expect(await readdir(join(library, 'assets', '.tmp'))).toEqual([])
    expect(store.size).toBe(0)

    failing = false
    const [ok] = await store.import([{ name: 'voll.jpg', bytes }])
    expect(await assetFolders()).toEqual([idOf(ok)])
  })

  it('loads every asset at open and clears temp folders left by a crashed import', async () => {
    const store = await openStore()
    const results = await store.import([
      { name: 'a.jpg', bytes: await jpeg(30, 20) },
      { name: 'b.jpg', bytes: await jpeg(31, 20) }
    ])
    await store.close()
    // A crashed import from a process that is gone (pid 2^22 is above Linux's pid_max default).
    const crashed = join(library, 'assets', '.tmp', '4194304-deadbeef')
    await mkdir(crashed)
    await writeFile(join(crashed, 'original.jpg'), 'half')

    const reopened = await openStore()
    expect(reopened.size).toBe(2)
    expect((await reopened.get(idOf(results[1]))).originalName).toBe('b.jpg')
    expect(await readdir(join(library, 'assets', '.tmp'))).toEqual([])
    expect(reopened.problems).toEqual([])
  })

  it('reports a damaged asset record at open and leaves it on disk', async () => {
    const store = await openStore()
    const [r] = await store.import([{ name: 'a.jpg', bytes: await jpeg(30, 20) }])
    await store.close()
    const recordFile = join(assetDir(library, idOf(r)), 'asset.json')
    await writeFile(recordFile, '{ not json')
    const reopened = await openStore()
    expect(reopened.size).toBe(0)
    expect(reopened.problems).toEqual([
      { dir: assetDir(library, idOf(r)), message: expect.stringContaining('cannot be read') }
    ])
    expect(await readFile(recordFile, 'utf8')).toBe('{ not json')
  })

  it('keeps the event loop responsive while decoding', async () => {
    const files = await Promise.all(
      [0, 1, 2, 3].map(async (n) => ({ name: `gross-${n}.jpg`, bytes: await jpeg(3000 + n, 2000) }))
    )
    const store = await openStore()
    let worst = 0
    let last = performance.now()
    const timer = setInterval(() => {
      const now = performance.now()
      worst = Math.max(worst, now - last - 5)
      last = now
    }, 5)
    await store.import(files)
    clearInterval(timer)
    // Hashing, header and metadata parsing run on the workers with the decode; anything slow done
    // synchronously on the main thread per file would show up here (bench/ measures the 24 MP case).
    expect(worst).toBeLessThan(50)
  })
})

describe('editing, usage, attaching', () => {
  async function withAsset(): Promise<{ store: AssetStore; id: string }> {
    const store = await openStore()
    const [r] = await store.import([{ name: 'dom.jpg', bytes: await jpeg(50, 40) }])
    return { store, id: idOf(r) }
  }

  it('saves metadata edits durably with a revision check, and undoes them', async () => {
    const { store, id } = await withAsset()
    const edited = await store.update(id, 1, { caption: 'Der Kölner Dom', credit: 'dpa' })
    expect(edited).toMatchObject({ revision: 2, undoDepth: 1 })
    expect(edited.metadata).toMatchObject({ caption: 'Der Kölner Dom', credit: 'dpa', alt: null })
    await store.update(id, 2, { credit: 'Reuters', alt: 'Zwei Türme' })

    await expect(store.update(id, 2, { caption: 'stale' })).rejects.toMatchObject({
      code: 'conflict'
    })
    await store.close()

    const reopened = await openStore()
    const before = await reopened.get(id)
    expect(before.metadata).toMatchObject({ caption: 'Der Kölner Dom', credit: 'Reuters' })
    const undone = await reopened.undo(id)
    expect(undone).toMatchObject({ revision: 4, undoDepth: 1 })
    expect(undone.metadata).toMatchObject({ caption: 'Der Kölner Dom', credit: 'dpa', alt: null })
    const undoneTwice = await reopened.undo(id, 4)
    expect(undoneTwice.metadata).toMatchObject({ caption: null, credit: null })
    await expect(reopened.undo(id)).rejects.toMatchObject({ code: 'conflict' })
    const onDisk = JSON.parse(await readFile(join(assetDir(library, id), 'asset.json'), 'utf8'))
    expect(onDisk.metadata.caption).toBeNull()
    expect(onDisk.revision).toBe(5)
  })

  it('filters by missing fields and use, and searches with umlauts and ß folded', async () => {
    const store = await openStore()
    const [a, b, c] = (
      await store.import([
        { name: 'a.jpg', bytes: await jpeg(30, 20) },
        { name: 'b.jpg', bytes: await jpeg(31, 20) },
        { name: 'c.jpg', bytes: await jpeg(32, 20) }
      ])
    ).map(idOf)
    await store.update(a, 1, {
      caption: 'Demo in der Königstraße, Zürich',
      credit: 'dpa',
      alt: 'x'
    })
    await store.update(b, 1, { caption: 'Rathaus', credit: null })
    const article = await articles.create({ headline: 'Demo' })
    await store.attach(article.id, [a], { kind: 'lead' })

    const ids = async (filter: Parameters<AssetStore['list']>[0]): Promise<string[]> =>
      (await store.list(filter)).map((s) => s.id).sort()
    expect(await ids({ missing: ['credit'] })).toEqual([b, c].sort())
    expect(await ids({ missing: ['caption'] })).toEqual([c])
    expect(await ids({ missing: ['alt'] })).toEqual([b, c].sort())
    expect(await ids({ unused: true })).toEqual([b, c].sort())
    expect(await ids({ query: 'zurich' })).toEqual([a])
    expect(await ids({ query: 'konigstrasse' })).toEqual([a])
    expect(await ids({ query: 'RATHAUS' })).toEqual([b])
    expect(await ids({ query: 'c.jpg' })).toEqual([c])
    // The photo desk folds like the full-text search: umlauts spelled with e meet the letter.
    expect(await ids({ query: 'zuerich' })).toEqual([a])
    expect(await ids({ query: 'Koenigstraße' })).toEqual([a])
  })

  it('knows where an asset is used and refuses to delete it until it is unused', async () => {
    const { store, id } = await withAsset()
    const article = await articles.create({ headline: 'Dom im Nebel' })
    await store.attach(article.id, [id], { kind: 'gallery', name: 'Bilder' })
    const saved = await articles.get(article.id)
    await articles.save(article.id, saved.revision, {
      body: {
        type: 'doc',
        content: [{ type: 'figure', attrs: { assetId: id, caption: 'Im Text' } }]
      }
    })
    const usage = await store.usage(id)
    expect(usage).toEqual([
      {
        articleId: article.id,
        headline: 'Dom im Nebel',
        role: 'gallery',
        galleryId: expect.stringMatching(/^g-[0-9a-f]{12}$/),
        galleryName: 'Bilder'
      },
      { articleId: article.id, headline: 'Dom im Nebel', role: 'figure' }
    ])
    await expect(store.delete(id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('“Dom im Nebel”')
    })
    expect(await assetFolders()).toEqual([id])

    const current = await articles.get(article.id)
    await articles.save(article.id, current.revision, {
      galleries: [],
      body: { type: 'doc', content: [{ type: 'paragraph' }] }
    })
    await store.delete(id)
    expect(await assetFolders()).toEqual([])
    expect(store.has(id)).toBe(false)
    await expect(store.get(id)).rejects.toMatchObject({ code: 'not-found' })
  })

  it('attaches as lead (replacing it) and to galleries, first or by name, in order', async () => {
    const store = await openStore()
    const [a, b, c, d] = (
      await store.import(
        await Promise.all(
          [1, 2, 3, 4].map(async (n) => ({ name: `${n}.jpg`, bytes: await jpeg(30 + n, 20) }))
        )
      )
    ).map(idOf)
    const article = await articles.create({ headline: 'Fotostrecke' })
    await store.attach(article.id, [a], { kind: 'lead' })
    await store.attach(article.id, [b], { kind: 'lead' })
    await store.attach(article.id, [c, a], { kind: 'gallery' })
    await store.attach(article.id, [d], { kind: 'gallery' })
    await store.attach(article.id, [b], { kind: 'gallery', name: 'Hintergrund' })
    await store.attach(article.id, [c], { kind: 'gallery', name: 'Hintergrund' })
    const saved = await articles.get(article.id)
    expect(saved.lead?.assetId).toBe(b)
    expect(saved.galleries.map((g) => [g.name, g.items.map((i) => i.assetId)])).toEqual([
      [null, [c, a, d]],
      ['Hintergrund', [b, c]]
    ])
    await expect(store.attach(article.id, [a, b], { kind: 'lead' })).rejects.toMatchObject({
      code: 'invalid-input'
    })
    await expect(
      store.attach(article.id, ['f'.repeat(64)], { kind: 'gallery' })
    ).rejects.toMatchObject({ code: 'not-found' })
  })

  it('gives presentArticle the asset values where a use has no override', async () => {
    const { store, id } = await withAsset()
    await store.update(id, 1, {
      caption: 'Asset-Bildtext',
      credit: 'dpa',
      photographer: 'Jörg Müller',
      alt: 'Alt des Assets'
    })
    const article = await articles.create({ headline: 'Effektiv' })
    await store.attach(article.id, [id], { kind: 'lead' })
    const current = await articles.get(article.id)
    await articles.save(article.id, current.revision, {
      lead: {
        assetId: id,
        caption: 'Eigener Bildtext',
        credit: null,
        photographer: null,
        alt: null
      }
    })
    const view = presentArticle(await articles.get(article.id), store.assetDefaults)
    expect(view.lead).toEqual({
      assetId: id,
      caption: 'Eigener Bildtext',
      credit: 'dpa',
      photographer: 'Jörg Müller',
      alt: 'Alt des Assets'
    })
    expect(store.assetDefaults('0'.repeat(64))).toBeUndefined()
  })
})
