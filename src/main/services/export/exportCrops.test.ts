import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImageUse } from '../../../shared/article'
import { CopydeskError } from '../../../shared/result'
import { openServices, type Services } from '..'
import { assetDir } from '../assets/assetResolver'
import { CROPS_FILE } from '../assets/cropRenditions'
import { safeUnzip } from '../packages/safeUnzip'
import { exportPackage } from './exportPackage'

/*
 * The export takes the crops the library keeps beside each photo's renditions (made at import
 * and when the focal point moves) instead of decoding every original again; a photo whose
 * stored crops are missing or damaged still exports with correct crops, which are then stored.
 */

let root: string
let library: string
let s: Services

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-export-crops-'))
  library = join(root, 'library')
  s = await openServices({ libraryDir: library, version: 'test', systemLocale: 'de' })
}, 60_000)

afterAll(async () => {
  await s?.close()
  await rm(root, { recursive: true, force: true })
})

function use(assetId: string): ImageUse {
  return { assetId, caption: null, credit: null, photographer: null, alt: null }
}

/** A 1200 × 800 photo: noise (so crops are real JPEGs of some size), each one different. */
async function photo(mean: number): Promise<Buffer> {
  return sharp({
    create: {
      width: 1200,
      height: 800,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean, sigma: 25 }
    }
  })
    .jpeg({ quality: 90 })
    .toBuffer()
}

async function importPhoto(name: string, bytes: Buffer): Promise<string> {
  const [r] = await s.assets.import([{ name, bytes }])
  if (!('assetId' in r)) throw new Error(r.error)
  await s.assets.update(r.assetId, 1, { caption: `Bild ${name}`, credit: 'dpa', alt: 'Rauschen' })
  return r.assetId
}

async function articleWithLead(assetId: string): Promise<string> {
  const article = await s.articles.create({
    headline: 'Krop',
    bylines: ['B'],
    dateline: { place: 'Bonn', source: null },
    lead: use(assetId),
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { nodeId: 'p1aaaaaaaa' },
          content: [{ type: 'text', text: 'Text.' }]
        }
      ]
    }
  })
  return article.id
}

async function exportTo(articleId: string): Promise<string> {
  const zip = join(root, `paket-${Math.random().toString(36).slice(2)}.zip`)
  await exportPackage(s, articleId, zip, { markExported: false })
  const dir = `${zip}.d`
  await safeUnzip(zip, dir)
  return dir
}

/** The entropy-coded image data of a JPEG (from the first SOS on): what the texts never touch. */
function scanData(jpeg: Buffer): Buffer {
  let at = 2
  while (jpeg[at + 1] !== 0xda) at += 2 + jpeg.readUInt16BE(at + 2)
  return jpeg.subarray(at)
}

describe('crops in the export', () => {
  it('are the stored crops, with the texts of the use written in', async () => {
    const id = await importPhoto('a.jpg', await photo(90))
    const dir = await exportTo(await articleWithLead(id))
    for (const [stored, exported] of [
      ['crop-16x9.jpg', 'images/001-16x9.jpg'],
      ['crop-1x1.jpg', 'images/001-1x1.jpg']
    ]) {
      const kept = await readFile(join(assetDir(library, id), stored))
      const sent = await readFile(join(dir, exported))
      expect(scanData(sent).equals(scanData(kept)), exported).toBe(true)
      expect(sent.includes(Buffer.from('Bild a.jpg')), exported).toBe(true)
    }
  }, 60_000)

  it('are made and stored again for a photo stored without them (an older library)', async () => {
    const id = await importPhoto('b.jpg', await photo(110))
    const folder = assetDir(library, id)
    for (const name of ['crop-16x9.jpg', 'crop-1x1.jpg', CROPS_FILE]) await rm(join(folder, name))
    const dir = await exportTo(await articleWithLead(id))
    const wide = await sharp(join(dir, 'images/001-16x9.jpg')).metadata()
    const square = await sharp(join(dir, 'images/001-1x1.jpg')).metadata()
    expect([wide.width, wide.height]).toEqual([1200, 675])
    expect([square.width, square.height]).toEqual([800, 800])
    expect((await readdir(folder)).filter((n) => /^crop-.*\.jpg$/.test(n))).toHaveLength(2)
    expect(await readdir(folder)).toContain(CROPS_FILE)
    const stored = await readFile(join(folder, 'crop-1x1.jpg'))
    expect(scanData(await readFile(join(dir, 'images/001-1x1.jpg'))).equals(scanData(stored))).toBe(
      true
    )
  }, 60_000)

  it('are made again when a stored crop is damaged, and the damaged file is replaced', async () => {
    const id = await importPhoto('c.jpg', await photo(130))
    const file = join(assetDir(library, id), 'crop-16x9.jpg')
    const good = await readFile(file)
    // Cut short, as a crash in the middle of a copy leaves it.
    await writeFile(file, good.subarray(0, good.length >> 1))
    const dir = await exportTo(await articleWithLead(id))
    const sent = join(dir, 'images/001-16x9.jpg')
    // Decodes to the end (a cut file fails sharp's default check) at the planned size.
    const { info } = await sharp(sent).raw().toBuffer({ resolveWithObject: true })
    expect([info.width, info.height]).toEqual([1200, 675])
    expect((await readFile(file)).length).toBeGreaterThan(good.length >> 1)
  }, 60_000)

  it('a photo whose crops are gone and whose pixels cannot be decoded stops the export, naming it', async () => {
    const id = await importPhoto('d.jpg', await photo(150))
    const folder = assetDir(library, id)
    for (const name of ['crop-16x9.jpg', 'crop-1x1.jpg', CROPS_FILE]) await rm(join(folder, name))
    // Keep every marker segment (so the texts can still be written) but cut the image data
    // short, and damage the preview the same way.
    for (const name of ['original.jpg', 'preview.jpg']) {
      const bytes = await readFile(join(folder, name))
      const scanStart = bytes.length - scanData(bytes).length
      await writeFile(
        join(folder, name),
        Buffer.concat([bytes.subarray(0, scanStart + 40), Buffer.from([0xff, 0xd9])])
      )
    }
    const articleId = await articleWithLead(id)
    const outDir = join(root, 'kaputt')
    await mkdir(outDir)
    const error: unknown = await exportPackage(s, articleId, join(outDir, 'paket.zip'), {
      markExported: false
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CopydeskError)
    expect((error as CopydeskError).code).toBe('corrupt')
    expect((error as CopydeskError).message).toContain(`Asset ${id} (d.jpg)`)
    expect((error as CopydeskError).message).toContain('crops cannot be made')
    expect(await readdir(outDir)).toEqual([])
  }, 60_000)
})
