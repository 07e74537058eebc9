import { mkdir, readFile, rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '..'
import type { Article } from '../../../shared/article'
import { imageUsesOf } from '../assets/assetUsage'
import { assetFile } from '../assets/assetRecords'
import { createNewsroomArticle, type NewsroomArticle } from '../export/__fixtures__/newsroomArticle'
import { exportPackage } from '../export/exportPackage'
import { packageFiles, repackage, twoLibraries } from './__fixtures__/repackage'
import { importPackage } from './importPackage'

let root: string
let source: Services
let target: Services
let fixture: NewsroomArticle
/** The package as exported, with every JPEG's metadata rewritten as an export may do. */
let rewritten: string
let files: Map<string, Buffer>

/** A JPEG with a comment segment after SOI: the same picture, other bytes, another hash. */
function withComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'utf8')
  const segment = Buffer.alloc(4)
  segment.writeUInt16BE(0xfffe, 0)
  segment.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), segment, body, jpeg.subarray(2)])
}

function assetIdsOf(article: Article): string[] {
  return imageUsesOf(article).map((u) => u.assetId)
}

beforeAll(async () => {
  ;({ root, source, target } = await twoLibraries('copydesk-roundtrip-'))
  await mkdir(join(root, 'photos'))
  fixture = await createNewsroomArticle(source, join(root, 'photos'))
  const zip = join(root, 'export.zip')
  await exportPackage(source, fixture.article.id, zip)
  files = await packageFiles(zip, join(root, 'unpacked'))
  const changed = new Map(files)
  for (const [path, bytes] of files) {
    if (/^images\/\d+\.jpg$/.test(path)) changed.set(path, withComment(bytes, 'Bild: dpa'))
  }
  rewritten = await repackage(changed, join(root, 'Paket vom Dienstag.zip'))
}, 120_000)

afterAll(async () => {
  await source?.close()
  await target?.close()
  await rm(root, { recursive: true, force: true })
})

describe('importing a package back into the library it came from', () => {
  it('uses the library’s own photos, not second copies of the rewritten files', async () => {
    const before = (await source.assets.list()).length
    // The library holds the story itself: imported as a new story beside it.
    const result = await importPackage(source, rewritten, {
      now: new Date('2026-03-10T09:15:00Z'),
      as: 'new'
    })
    expect((await source.assets.list()).length).toBe(before)
    const imported = await source.articles.get(result.articleId)
    expect(assetIdsOf(imported)).toEqual(assetIdsOf(fixture.article))
    expect(imported.lead?.assetId).toBe(fixture.lead)
    expect(result.assetIds).toEqual([fixture.lead, ...fixture.gallery, ...fixture.figures])
    // The library's photo-desk values stay as they are.
    expect((await source.assets.get(fixture.lead)).metadata.caption).toBe('Im Bundestag')
    expect(imported.importedFrom).toEqual({
      file: 'Paket vom Dienstag.zip',
      importedAt: '2026-03-10T09:15:00.000+00:00',
      revision: 1
    })
    // "Used in" for the lead now names both articles, once each per use.
    const usage = await source.assets.usage(fixture.lead)
    expect(usage.map((u) => u.articleId).sort()).toEqual(
      [fixture.article.id, result.articleId].sort()
    )
  })

  it('takes a package as export wrote it (texts written into the JPEGs) back onto the originals', async () => {
    const exported = join(root, 'export.zip')
    const lead = [...files.keys()].find((p) => /^images\/0*1\.jpg$/.test(p))!
    // What the export wrote is not the library's file: without the mapping it would be a copy.
    expect(files.get(lead)!.equals(await readFile(join(root, 'photos', 'lead.jpg')))).toBe(false)
    const before = (await source.assets.list()).length
    const result = await importPackage(source, exported, { as: 'new' })
    expect((await source.assets.list()).length).toBe(before)
    expect(assetIdsOf(await source.articles.get(result.articleId))).toEqual(
      assetIdsOf(fixture.article)
    )
  })

  it('imports the package’s files as new photos into a library that lacks them', async () => {
    const before = (await target.assets.list()).length
    const result = await importPackage(target, rewritten)
    const imported = await target.articles.get(result.articleId)
    expect((await target.assets.list()).length).toBe(before + 6)
    for (const id of assetIdsOf(imported)) expect(target.assets.has(id)).toBe(true)
    // The rewritten files are other bytes: other content ids than the originals'.
    expect(assetIdsOf(imported)).not.toContain(fixture.lead)
    expect(imported.importedFrom?.file).toBe('Paket vom Dienstag.zip')
  })

  it('imports the package’s file when the library’s original is gone', async () => {
    const { root: r2, source: other } = await twoLibraries('copydesk-roundtrip-gone-')
    try {
      await other.assets.import([{ name: 'lead.jpg', path: join(root, 'photos', 'lead.jpg') }])
      const record = await other.assets.get(fixture.lead)
      await unlink(assetFile(other.libraryDir, fixture.lead, record.originalFile))
      const result = await importPackage(other, rewritten)
      const imported = await other.articles.get(result.articleId)
      expect(imported.lead?.assetId).not.toBe(fixture.lead)
      expect(other.assets.has(imported.lead!.assetId)).toBe(true)
    } finally {
      await other.close()
      await rm(r2, { recursive: true, force: true })
    }
  })

  it('does not take the library’s photo for a packaged picture of another size', async () => {
    const changed = new Map(files)
    const leadPath = [...files.keys()].find((p) => /^images\/0*1\.jpg$/.test(p))!
    changed.set(
      leadPath,
      await sharp(files.get(leadPath)!).resize(640, 427).jpeg({ quality: 80 }).toBuffer()
    )
    const forged = await repackage(changed, join(root, 'forged.zip'))
    const before = (await source.assets.list()).length
    const result = await importPackage(source, forged, { as: 'new' })
    const imported = await source.articles.get(result.articleId)
    expect(imported.lead?.assetId).not.toBe(fixture.lead)
    expect((await source.assets.get(imported.lead!.assetId)).width).toBe(640)
    expect((await source.assets.list()).length).toBe(before + 1)
    expect(assetIdsOf(imported).slice(1)).toEqual(assetIdsOf(fixture.article).slice(1))
  })
})
