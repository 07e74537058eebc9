import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '..'
import { createNewsroomArticle, type NewsroomArticle } from '../export/__fixtures__/newsroomArticle'
import { exportPackage } from '../export/exportPackage'
import { hostilePackages, overlapBomb } from './__fixtures__/hostilePackages'
import { packageFiles, twoLibraries } from './__fixtures__/repackage'
import type { CopydeskError } from '../../../shared/result'
import { importPackage } from './importPackage'
import { safeUnzip } from './safeUnzip'

let root: string
let source: Services
let target: Services
let fixture: NewsroomArticle
let zip: string
/** The files of a good package, by path. */
let good: Map<string, Buffer>

beforeAll(async () => {
  ;({ root, source, target } = await twoLibraries('copydesk-import-'))
  await mkdir(join(root, 'photos'))
  fixture = await createNewsroomArticle(source, join(root, 'photos'))
  zip = join(root, 'paket.zip')
  await exportPackage(source, fixture.article.id, zip)
  good = await packageFiles(zip, join(root, 'unpacked'))
}, 90_000)

afterAll(async () => {
  await source?.close()
  await target?.close()
  await rm(root, { recursive: true, force: true })
})

/** Everything under a folder (relative paths), for "nothing written elsewhere" checks. */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map((p) => p.split('\\').join('/')).sort()
}

function normalised(ninjs: unknown, articleId: string): unknown {
  // Ids (article UUID, derived picture/gallery UUIDs) and timestamps may differ; nothing else.
  return JSON.parse(
    JSON.stringify(ninjs, (key, value: unknown) =>
      key === 'uri' || key === 'firstCreated' || key === 'versionCreated' || key === 'version'
        ? undefined
        : value
    )
      .split(articleId)
      .join('ARTICLE')
  )
}

describe('importPackage', () => {
  it('brings a package into another library with its identity; re-exporting gives the same ninjs', async () => {
    const before = await target.articles.list()
    const result = await importPackage(target, zip)
    // A story this library did not hold keeps the package's identity and version line.
    expect(result.articleId).toBe(fixture.article.id)
    expect((await target.articles.get(result.articleId)).publication?.versions).toHaveLength(1)
    expect(await target.articles.list()).toHaveLength(before.length + 1)
    const imported = await target.articles.get(result.articleId)
    expect(imported.headline).toBe(fixture.article.headline)
    expect(imported.galleries[0].items).toHaveLength(3)
    expect(imported.status).toBe('draft')
    // Exported files carry their use's caption and credit: new bytes, hence new content ids in
    // a library that does not hold the originals.
    const sourceIds = [fixture.lead, ...fixture.gallery, ...fixture.figures]
    expect(result.assetIds).toHaveLength(6)
    for (const id of result.assetIds) expect(sourceIds).not.toContain(id)
    expect(imported.lead?.assetId).toBe(result.assetIds[0])
    expect((await target.assets.get(result.assetIds[2])).metadata.credit).toBe('AP')
    expect(await tree(join(root, 'target', '.tmp'))).toEqual([])

    const again = join(root, 'again.zip')
    await exportPackage(target, result.articleId, again)
    const readNinjs = async (file: string, name: string): Promise<unknown> => {
      const out = join(root, name)
      await safeUnzip(file, out)
      return JSON.parse(await readFile(join(out, 'article.ninjs.json'), 'utf8'))
    }
    const first = normalised(await readNinjs(zip, 'n1'), fixture.article.id)
    const second = normalised(await readNinjs(again, 'n2'), result.articleId)
    expect(second).toEqual(first)
    // The version line goes on from the package's version 1 (the pictures have new ids here).
    const continued = (await readNinjs(again, 'n3')) as { uri: string; version: string }
    expect([continued.uri, continued.version]).toEqual([`urn:uuid:${fixture.article.id}`, '2'])
  })

  it('refuses a file that is not there or not a ZIP', async () => {
    await expect(importPackage(target, join(root, 'nope.zip'))).rejects.toThrow(/No package file/)
    const text = join(root, 'text.zip')
    await writeFile(text, 'hello')
    await expect(importPackage(target, text)).rejects.toThrow(/not a readable ZIP file/)
  })
})

/** Bytes this process has passed to write(2) so far (Linux), or null elsewhere. */
async function bytesWrittenByProcess(): Promise<number | null> {
  const io = await readFile('/proc/self/io', 'utf8').catch(() => null)
  const m = io && /^wchar: (\d+)$/m.exec(io)
  return m ? Number(m[1]) : null
}

describe('hostile packages', () => {
  // The corpus needs the good package, which beforeAll makes: build the list lazily per case.
  const names = hostilePackages(new Map([['manifest.json', Buffer.from('{"files":[]}')]])).map(
    (c) => c.name
  )
  it.each(names)(
    'refuses %s: clear message, nothing written outside the library, no article',
    async (name) => {
      const { build, refusal: why } = hostilePackages(good).find((c) => c.name === name)!
      const dir = await mkdtemp(join(root, 'hostile-'))
      const file = join(dir, 'paket.zip')
      await writeFile(file, build())
      const rootBefore = await tree(root)
      const articlesBefore = (await target.articles.list()).length
      const assetsBefore = (await target.assets.list()).length
      await expect(importPackage(target, file)).rejects.toThrow(why)
      expect((await target.articles.list()).length).toBe(articlesBefore)
      expect((await target.assets.list()).length).toBe(assetsBefore)
      // Nothing appeared anywhere in the test folder outside the target library…
      // (The source library persists its search index in the background: not the import's.)
      const ours = (p: string): boolean =>
        !p.startsWith('target/') && !p.startsWith('source/index/')
      expect((await tree(root)).filter(ours)).toEqual(rootBefore.filter(ours))
      // …and the import's temporary folder is gone.
      expect(await tree(join(root, 'target', '.tmp'))).toEqual([])
      await expect(readFile('/tmp/copydesk-evil.txt')).rejects.toThrow()
    }
  )

  it('gives the interface the reason and the entry, to word the refusal in its language', async () => {
    const detailOf = async (name: string): Promise<unknown> => {
      const file = join(root, 'reason.zip')
      await writeFile(
        file,
        hostilePackages(good)
          .find((c) => c.name === name)!
          .build()
      )
      const error = await importPackage(target, file).catch((e: unknown) => e)
      await rm(file)
      return (error as CopydeskError).detail
    }
    expect(await detailOf('the Windows device name "images/com1.jpg"')).toEqual({
      reason: 'device-name',
      entry: 'images/com1.jpg'
    })
    expect(
      await detailOf(
        'an overlap bomb of stored data (4,999 entries sharing one 1 MiB record, ratio 1)'
      )
    ).toEqual({ reason: 'zip-bomb', entry: 'images/0001.jpg' })
    expect(await detailOf('article.schemaVersion "1" (text)')).toEqual({
      reason: 'version',
      field: 'article.schemaVersion',
      value: '"1"',
      supported: 1
    })
    expect(await detailOf('a changed image')).toEqual({ reason: 'manifest' })
  })

  it('has a real bomb in its bomb case (the deflated entry is tiny)', () => {
    expect(deflateRawSync(Buffer.alloc(64 * 1024 * 1024)).length).toBeLessThan(128 * 1024)
  })

  it.each([
    ['the reported 300 KB bomb (deflated)', {}, /ZIP bomb/],
    ['the stored overlap bomb', { deflate: false }, /overlaps entry .*ZIP bomb/]
  ] as const)(
    'refuses %s, claiming 5 GB, having written at most a few MB',
    async (label, opts, why) => {
      const file = join(root, 'overlap.zip')
      const bomb = overlapBomb(opts)
      await writeFile(file, bomb)
      const claimed = 4_999 * 1024 * 1024
      const before = await bytesWrittenByProcess()
      await expect(importPackage(target, file)).rejects.toThrow(why)
      const after = await bytesWrittenByProcess()
      expect(before).not.toBeNull()
      // The figure for the record: what the refusal cost (the journal; no entry data).
      console.log(
        `${label}: ${bomb.length} byte package claiming ${claimed} bytes; ${after! - before!} bytes written by the import`
      )
      expect(after! - before!).toBeLessThan(4 * 1024 * 1024)
      expect(await tree(join(root, 'target', '.tmp'))).toEqual([])
      await rm(file)
    }
  )
})
