import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openServices, type Services } from '..'
import { createNewsroomArticle, type NewsroomArticle } from '../export/__fixtures__/newsroomArticle'
import { exportPackage } from '../export/exportPackage'
import { rawZip, type RawEntry } from './__fixtures__/rawZip'
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
  root = await mkdtemp(join(tmpdir(), 'copydesk-import-'))
  source = await openServices({
    libraryDir: join(root, 'source'),
    version: 't',
    systemLocale: 'de'
  })
  target = await openServices({
    libraryDir: join(root, 'target'),
    version: 't',
    systemLocale: 'de'
  })
  await mkdir(join(root, 'photos'))
  fixture = await createNewsroomArticle(source, join(root, 'photos'))
  zip = join(root, 'paket.zip')
  await exportPackage(source, fixture.article.id, zip)
  const dir = join(root, 'unpacked')
  await safeUnzip(zip, dir)
  good = new Map()
  for (const name of await readdir(dir, { recursive: true })) {
    const bytes = await readFile(join(dir, name)).catch(() => null)
    if (bytes) good.set(name.split('\\').join('/'), bytes)
  }
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
      key === 'uri' || key === 'firstCreated' || key === 'versionCreated' ? undefined : value
    )
      .split(articleId)
      .join('ARTICLE')
  )
}

describe('importPackage', () => {
  it('brings a package back as a new article; re-exporting gives the same ninjs', async () => {
    const before = await target.articles.list()
    const result = await importPackage(target, zip)
    expect(result.articleId).not.toBe(fixture.article.id)
    expect(await target.articles.list()).toHaveLength(before.length + 1)
    const imported = await target.articles.get(result.articleId)
    expect(imported.headline).toBe(fixture.article.headline)
    expect(imported.galleries[0].items).toHaveLength(3)
    expect(imported.status).toBe('draft')
    // Cleaned JPEGs are new bytes, hence new content ids; untouched ones keep theirs.
    expect(result.assetIds.slice(1)).toEqual([...fixture.gallery, ...fixture.figures])
    expect(imported.lead?.assetId).toBe(result.assetIds[0])
    expect((await target.assets.get(fixture.gallery[1])).metadata.credit).toBe('AP')
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
  })

  it('refuses a file that is not there or not a ZIP', async () => {
    await expect(importPackage(target, join(root, 'nope.zip'))).rejects.toThrow(/No package file/)
    const text = join(root, 'text.zip')
    await writeFile(text, 'hello')
    await expect(importPackage(target, text)).rejects.toThrow(/not a readable ZIP file/)
  })
})

/** A package whose manifest matches the given files (so only the named flaw remains). */
function withManifest(files: Map<string, Buffer>, extra: RawEntry[] = []): Buffer {
  const manifest = {
    files: [...files].map(([path, data]) => ({
      path,
      bytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex')
    })),
    forced: false,
    findings: []
  }
  return rawZip([
    ...[...files].map(([name, data]) => ({ name, data })),
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
    ...extra
  ])
}

function goodFiles(): Map<string, Buffer> {
  return new Map([...good].filter(([path]) => path !== 'manifest.json'))
}

const evil = (name: string, extra: Partial<RawEntry> = {}): RawEntry => ({
  name,
  data: Buffer.from('owned'),
  ...extra
})

const hostile: [string, () => Buffer, RegExp][] = [
  ['a ".." path', () => withManifest(goodFiles(), [evil('../evil.txt')]), /relative path/],
  [
    'an absolute path',
    () => withManifest(goodFiles(), [evil('/tmp/copydesk-evil.txt')]),
    /absolute path/
  ],
  [
    'a drive letter',
    () => withManifest(goodFiles(), [evil('C:/evil.txt')]),
    /absolute path|drive-letter/
  ],
  [
    'a backslash',
    () => withManifest(goodFiles(), [evil('images\\..\\..\\evil.txt')]),
    /backslash|invalid characters/
  ],
  [
    'a symbolic link',
    () =>
      withManifest(goodFiles(), [
        evil('images/link.jpg', { data: Buffer.from('/etc/passwd'), unixMode: 0o120777 })
      ]),
    /symbolic link/
  ],
  [
    'names that differ only in case',
    () => withManifest(goodFiles(), [evil('images/001.JPG')]),
    /duplicate name/
  ],
  [
    'names that differ only in Unicode form',
    () => withManifest(goodFiles(), [evil('images/K\u00f6ln.jpg'), evil('images/Ko\u0308ln.jpg')]),
    /duplicate name/
  ],
  [
    'a ZIP bomb (64 MiB of zeros in 64 KB)',
    () =>
      withManifest(goodFiles(), [
        { name: 'images/bomb.jpg', data: Buffer.alloc(64 * 1024 * 1024), deflate: true }
      ]),
    /ZIP bomb/
  ],
  [
    'a changed image',
    () => {
      const files = goodFiles()
      const manifest = JSON.parse(good.get('manifest.json')!.toString())
      const changed = Buffer.from(files.get('images/002.jpg')!)
      changed[changed.length - 10] ^= 0xff
      files.set('images/002.jpg', changed)
      return rawZip([
        ...[...files].map(([name, data]) => ({ name, data })),
        { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }
      ])
    },
    /"images\/002\.jpg" does not match its SHA-256/
  ],
  [
    'a file the manifest does not list',
    () => rawZip([...[...good].map(([name, data]) => ({ name, data })), evil('images/extra.jpg')]),
    /"images\/extra\.jpg" is in the package but not in manifest\.json/
  ],
  [
    'a listed file that is missing',
    () =>
      rawZip(
        [...good].filter(([p]) => p !== 'images/003.jpg').map(([name, data]) => ({ name, data }))
      ),
    /"images\/003\.jpg" is listed in manifest\.json but missing/
  ],
  [
    'an article that is not valid',
    () => {
      const files = goodFiles()
      const doc = JSON.parse(files.get('article.copydesk.json')!.toString())
      doc.article.bylines = 'Anna'
      files.set('article.copydesk.json', Buffer.from(JSON.stringify(doc)))
      return withManifest(files)
    },
    /article\.copydesk\.json is not a valid Copydesk article \(article\.bylines/
  ],
  [
    'an article whose image is not in the package',
    () => {
      const files = goodFiles()
      const doc = JSON.parse(files.get('article.copydesk.json')!.toString())
      doc.assets = doc.assets.slice(1)
      files.set('article.copydesk.json', Buffer.from(JSON.stringify(doc)))
      return withManifest(files)
    },
    /the article uses image [0-9a-f]{64}, which the package does not hold/
  ]
]

describe('hostile packages', () => {
  it.each(hostile)(
    'refuses %s: clear message, nothing written outside the library, no article',
    async (_name, build, why) => {
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
      const outside = (await tree(root)).filter((p) => !p.startsWith('target/'))
      expect(outside).toEqual(rootBefore.filter((p) => !p.startsWith('target/')))
      // …and the import's temporary folder is gone.
      expect(await tree(join(root, 'target', '.tmp'))).toEqual([])
      await expect(readFile('/tmp/copydesk-evil.txt')).rejects.toThrow()
    }
  )

  it('has a real bomb in its bomb case (the deflated entry is tiny)', () => {
    expect(deflateRawSync(Buffer.alloc(64 * 1024 * 1024)).length).toBeLessThan(128 * 1024)
  })
})
