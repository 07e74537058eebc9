import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '..'
import { ASSET_TEXT_MAX, type ImportResult } from '../../../shared/asset'
import { exportPackage } from '../export/exportPackage'
import { packageFiles, repackage, twoLibraries } from './__fixtures__/repackage'
import { importPackage } from './importPackage'

let root: string
let source: Services
let target: Services
let files: Map<string, Buffer>

beforeAll(async () => {
  ;({ root, source, target } = await twoLibraries('copydesk-import-long-caption-'))
  const photo = join(root, 'hafen.jpg')
  await sharp({ create: { width: 320, height: 200, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .toFile(photo)
  const [imported] = (await source.assets.import([{ name: 'hafen.jpg', path: photo }])) as [
    ImportResult
  ]
  if ('error' in imported) throw new Error(imported.error)
  const article = await source.articles.create({
    headline: 'Neuer Kai im Hafen',
    lead: { assetId: imported.assetId, caption: null, credit: null, photographer: null, alt: null }
  })
  const zip = join(root, 'paket.zip')
  await exportPackage(source, article.id, zip, { force: true })
  files = await packageFiles(zip, join(root, 'unpacked'))
}, 90_000)

afterAll(async () => {
  await source?.close()
  await target?.close()
  await rm(root, { recursive: true, force: true })
})

/** The package as an older Copydesk wrote it: the photo's record holds `caption` as given. */
async function packageWithRecordCaption(caption: string): Promise<string> {
  const out = new Map(files)
  const doc = JSON.parse(out.get('article.copydesk.json')!.toString()) as {
    assets: { record: { metadata: { caption: string | null } } }[]
  }
  doc.assets[0]!.record.metadata.caption = caption
  out.set('article.copydesk.json', Buffer.from(JSON.stringify(doc)))
  return repackage(out, join(root, `paket-${caption.length}.zip`))
}

describe('package import of a photo text longer than the limit', () => {
  it('imports the package with the caption cut and a warning naming the photo', async () => {
    const long = `${'Der neue Kai im Hafen bei Sonnenaufgang. '.repeat(620)}ENDE`
    expect(long.length).toBeGreaterThan(ASSET_TEXT_MAX)
    const warnings: string[] = []
    const result = await importPackage(target, await packageWithRecordCaption(long), {
      onWarning: (message) => warnings.push(message)
    })
    const asset = await target.assets.get(result.assetIds[0]!)
    expect(asset.metadata.caption!.length).toBeLessThanOrEqual(ASSET_TEXT_MAX)
    expect(asset.metadata.caption!.endsWith('…')).toBe(true)
    expect(long.startsWith(asset.metadata.caption!.slice(0, -1).trimEnd())).toBe(true)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^image "hafen\.jpg": the caption had 25,424 characters, more than the 20,000 /
    )
    const article = await target.articles.get(result.articleId)
    expect(article.lead?.assetId).toBe(asset.id)
  })

  it('still refuses a record with another fault, naming the field', async () => {
    const doc = JSON.parse(files.get('article.copydesk.json')!.toString()) as {
      assets: { record: Record<string, unknown> }[]
    }
    expect(doc.assets).toHaveLength(1)
    const file = await packageWithRecordCaption(42 as unknown as string)
    await expect(importPackage(target, file)).rejects.toThrow(
      /is not a valid Copydesk article \(assets\.0\.record\.metadata\.caption: /
    )
  })
})
