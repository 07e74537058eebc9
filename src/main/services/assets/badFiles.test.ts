import { execFile } from 'node:child_process'
import { unlinkSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ImportResult } from '../../../shared/asset'
import { ArticleLibrary } from '../library/articleLibrary'
import { AssetStore, type AssetStoreOptions } from './assetStore'
import { bombPng, corruptMetadataJpeg, heicWithoutDecoder, jpeg } from './__fixtures__/corpus'

const run = promisify(execFile)

let bomb: Buffer
let good: Buffer
let root: string
let library: string
let articles: ArticleLibrary
const stores: AssetStore[] = []

async function openStore(opts: Partial<AssetStoreOptions> = {}): Promise<AssetStore> {
  const store = await AssetStore.open(library, { articles, ...opts })
  stores.push(store)
  return store
}

async function storedAssets(): Promise<string[]> {
  const out: string[] = []
  for (const shard of await readdir(join(library, 'assets'))) {
    if (shard === '.tmp') continue
    out.push(...(await readdir(join(library, 'assets', shard))))
  }
  return out
}

function errorOf(result: ImportResult): string {
  if (!('error' in result)) throw new Error(`${result.file} was imported, expected a refusal`)
  return result.error
}

beforeAll(() => {
  // Once per file: about 0.4 s to deflate 256 MB of zeros into 249 KB.
  bomb = bombPng()
})
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-badfiles-'))
  library = join(root, 'library')
  articles = await ArticleLibrary.open(library)
  good ??= await jpeg(80, 60)
})
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
  await articles.close()
  await rm(root, { recursive: true, force: true })
})

describe('bad files', () => {
  it('refuses each bad file with a message naming it, imports the rest, leaves nothing half-made', async () => {
    const full = await jpeg(400, 300)
    const files = [
      { name: 'leer.jpg', bytes: new Uint8Array(0) },
      { name: 'abgeschnitten.jpg', bytes: full.subarray(0, Math.floor(full.length / 2)) },
      { name: 'notiz.jpg', bytes: Buffer.from('Das ist kein Foto, nur Text.\n') },
      {
        name: 'grafik.svg',
        bytes: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
        )
      },
      {
        name: 'skript.svg',
        bytes: Buffer.from(
          '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        )
      },
      { name: 'bombe.png', bytes: bomb },
      { name: 'iphone.heic', bytes: await heicWithoutDecoder() },
      { name: 'gut.jpg', bytes: good }
    ]
    const store = await openStore()
    const results = await store.import(files)
    expect(results.map((r) => r.file)).toEqual(files.map((f) => f.name))

    expect(errorOf(results[0])).toBe('“leer.jpg” is empty (0 bytes): there is no image in it')
    expect(errorOf(results[1])).toMatch(
      /^“abgeschnitten\.jpg” is damaged or not a complete JPEG image and cannot be decoded \(.*premature end/
    )
    expect(errorOf(results[2])).toBe(
      '“notiz.jpg” is not an image in a supported format (JPEG, PNG, WebP, TIFF, AVIF, GIF): it holds text'
    )
    expect(errorOf(results[3])).toMatch(
      /^“grafik\.svg” is an SVG drawing, not a photo: SVG files are refused/
    )
    expect(errorOf(results[4])).toMatch(/^“skript\.svg” is an SVG drawing/)
    expect(errorOf(results[5])).toBe(
      '“bombe.png” is 16000 × 16000 pixels (256 megapixels), above the limit of 100 megapixels: refused without decoding it'
    )
    expect(errorOf(results[6])).toMatch(
      /^“iphone\.heic” is a HEIC photo, which this installation cannot decode: export it as JPEG/
    )
    // The reasons travel with the refusals so the interface can say each in its own language.
    expect(results.slice(0, 7).map((r) => ('reason' in r ? r.reason : null))).toEqual([
      'empty',
      'damaged',
      'not-an-image',
      'svg',
      'svg',
      'too-many-pixels',
      'heic'
    ])
    expect(results[1]).toMatchObject({ params: { format: 'JPEG' } })
    expect(results[5]).toMatchObject({
      params: { width: 16000, height: 16000, megapixels: 256, limit: 100 }
    })
    expect(results[7]).toEqual({
      file: 'gut.jpg',
      assetId: expect.stringMatching(/^[0-9a-f]{64}$/)
    })

    expect(await storedAssets()).toEqual([(results[7] as { assetId: string }).assetId])
    expect(await readdir(join(library, 'assets', '.tmp'))).toEqual([])
    expect(store.size).toBe(1)
  })

  it('checks the pixel limit from the header, before decoding, and takes a configured limit', async () => {
    const store = await openStore()
    const started = performance.now()
    const [refused] = await store.import([{ name: 'bombe.png', bytes: bomb }])
    // Decoding 256 megapixels takes seconds and hundreds of MB; reading the header, milliseconds.
    expect(performance.now() - started).toBeLessThan(1000)
    expect(errorOf(refused)).toContain('refused without decoding it')

    const strict = await openStore({ maxPixels: 4000 })
    const [small, tooBig] = await strict.import([
      { name: 'klein.jpg', bytes: await jpeg(60, 60) },
      { name: 'gross.jpg', bytes: await jpeg(80, 60) }
    ])
    expect('assetId' in small).toBe(true)
    expect(errorOf(tooBig)).toBe(
      '“gross.jpg” is 80 × 60 pixels (4800 pixels), above the limit of 4000 pixels: refused without decoding it'
    )
  })

  it('names a file that vanished during the import, a missing file and a folder', async () => {
    const dir = join(root, 'in')
    await mkdir(join(dir, 'ordner'), { recursive: true })
    const paths = ['1.jpg', '2.jpg', '3.jpg'].map((n) => join(dir, n))
    await writeFile(paths[0], await jpeg(30, 20))
    await writeFile(paths[1], await jpeg(31, 20))
    await writeFile(paths[2], await jpeg(32, 20))
    const store = await openStore()
    const results = await store.import(
      [
        ...paths.map((path) => ({ name: path, path })),
        { name: 'gibt-es-nicht.jpg', path: join(dir, 'gibt-es-nicht.jpg') },
        { name: 'ordner', path: join(dir, 'ordner') }
      ],
      {
        concurrency: 1,
        // The second file disappears after the first is done and before it is read.
        onProgress: (n) => {
          if (n === 1) unlinkSync(paths[1])
        }
      }
    )
    expect('assetId' in results[0]).toBe(true)
    expect(errorOf(results[1])).toBe(
      `“${paths[1]}” cannot be read: the file does not exist (moved or deleted during the import?)`
    )
    expect('assetId' in results[2]).toBe(true)
    expect(errorOf(results[3])).toMatch(
      /^“gibt-es-nicht\.jpg” cannot be read: the file does not exist/
    )
    expect(errorOf(results[4])).toBe('“ordner” is a folder, not an image file')
    expect((await storedAssets()).length).toBe(2)
  })

  it('imports a photo whose EXIF/IPTC is corrupt and says the metadata was skipped', async () => {
    const store = await openStore()
    const [result] = await store.import([
      { name: 'exif-kaputt.jpg', bytes: await corruptMetadataJpeg() }
    ])
    expect(result).toMatchObject({
      file: 'exif-kaputt.jpg',
      assetId: expect.any(String),
      warnings: [expect.stringContaining('metadata (EXIF/IPTC/XMP) is damaged')]
    })
  })

  const isRoot = process.getuid?.() === 0
  it.skipIf(!isRoot)(
    'names a file the user may not read (run as an unprivileged uid)',
    async () => {
      // Root reads everything, so the import runs in a child process that drops to `nobody`
      // (65534) after loading its code: only this test's temp folder must be open to nobody,
      // not the checkout (which may sit in root's home or a `mktemp -d` folder).
      await chmod(root, 0o755)
      const secret = join(root, 'gesperrt.jpg')
      const open = join(root, 'offen.jpg')
      const warmup = join(root, 'warmup.jpg')
      await writeFile(secret, await jpeg(30, 30))
      await chmod(secret, 0o600)
      await writeFile(open, await jpeg(31, 30))
      await chmod(open, 0o644)
      await writeFile(warmup, await jpeg(32, 30))

      const script = fileURLToPath(new URL('./__fixtures__/importAsUser.ts', import.meta.url))
      const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
      const { stdout } = await run(
        process.execPath,
        ['--import', tsxLoader, script, '65534', '65534', library, warmup, secret, open],
        { cwd: root, env: { ...process.env, HOME: root }, timeout: 60_000 }
      )
      const { uid, results } = JSON.parse(stdout) as { uid: number; results: ImportResult[] }
      expect(uid).toBe(65534)
      expect(errorOf(results[0])).toBe(`“${secret}” cannot be read: permission denied`)
      expect(results[1]).toMatchObject({ file: open, assetId: expect.any(String) })
    }
  )
  if (!isRoot) {
    console.warn('badFiles.test: not root, so the unprivileged-uid case is skipped')
  }
})

afterAll(() => {
  bomb = Buffer.alloc(0)
})
