import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article, ImageUse } from '../../../shared/article'
import type { ImportResult } from '../../../shared/asset'
import type { Finding } from '../../../shared/preflight/finding'
import { openServices, type Services } from '..'

let root: string
let s: Services
let gpsJpeg: string
let cleanJpeg: string
let gpsPng: string
let article: Article

const gps = { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 0/1' } }

async function photo(
  format: 'jpeg' | 'png',
  exif: Record<string, Record<string, string>> | null,
  shade: string
): Promise<Buffer> {
  const image = sharp({ create: { width: 1300, height: 800, channels: 3, background: shade } })
  return (exif ? image.withExif(exif) : image)[format]().toBuffer()
}

function idOf(r: ImportResult): string {
  if (!('assetId' in r)) throw new Error(r.error)
  return r.assetId
}

const use = (assetId: string, patch: Partial<ImageUse> = {}): ImageUse => ({
  assetId,
  caption: null,
  credit: null,
  photographer: null,
  alt: null,
  ...patch
})

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-preflight-'))
  s = await openServices({ libraryDir: join(root, 'library'), version: 't', systemLocale: 'de' })
  const results = await s.assets.import([
    { name: 'gps.jpg', bytes: await photo('jpeg', gps, '#224466') },
    { name: 'clean.jpg', bytes: await photo('jpeg', null, '#664422') },
    { name: 'gps.png', bytes: await photo('png', gps, '#446622') }
  ])
  ;[gpsJpeg, cleanJpeg, gpsPng] = results.map(idOf)
  const values: Record<string, { caption: string; credit: string; alt: string }> = {
    [gpsJpeg]: { caption: 'Im Bundestag', credit: 'dpa', alt: 'Plenarsaal' },
    [cleanJpeg]: { caption: 'Der Kanzlre spricht', credit: 'AP', alt: 'Rednerpult' },
    [gpsPng]: { caption: 'Eine Grafik', credit: 'Statista', alt: 'Diagramm' }
  }
  for (const [id, v] of Object.entries(values)) {
    await s.assets.update(id, (await s.assets.get(id)).revision, v)
  }
  article = await s.articles.create({
    language: 'de',
    headline: 'Haushaltsstreit im Bundestga',
    bylines: ['Anna Beispiel'],
    dateline: { place: 'Berlin', source: null },
    lead: use(gpsJpeg, { caption: 'Abstimmung im Bundestga' }),
    galleries: [{ id: 'gal', name: 'Bilder', items: [use(gpsPng), use(cleanJpeg)] }],
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { nodeId: 'pAbcdefgh1' },
          content: [{ type: 'text', text: 'Die Koalitoin streitet über den Haushalt.' }]
        },
        {
          type: 'figure',
          attrs: {
            nodeId: 'fAbcdefgh1',
            assetId: cleanJpeg,
            credit: null,
            photographer: null,
            alt: null
          },
          content: [{ type: 'figureCaption' }]
        }
      ]
    }
  })
}, 60_000)

afterAll(async () => {
  await s?.close()
  await rm(root, { recursive: true, force: true })
})

const by = (findings: Finding[], code: Finding['code']): Finding[] =>
  findings.filter((f) => f.code === code)

describe('PreflightService', () => {
  it('flags unknown words where they are, with suggestions, in the UI language', async () => {
    const findings = await s.preflight.run(article.id, { language: 'de' })
    const spelling = by(findings, 'spelling')
    expect(spelling.map((f) => [f.word, f.where])).toEqual([
      ['Bundestga', { field: 'headline' }],
      ['Koalitoin', { nodeId: 'pAbcdefgh1' }],
      ['Bundestga', { field: 'lead' }],
      ['Kanzlre', { galleryId: 'gal', index: 1 }],
      ['Kanzlre', { nodeId: 'fAbcdefgh1' }]
    ])
    expect(spelling.every((f) => f.severity === 'warning')).toBe(true)
    expect(spelling[0].message).toBe('Unbekanntes Wort: Bundestga')
    expect(spelling[0].suggestions).toContain('Bundestag')
    expect(spelling[1].suggestions).toContain('Koalition')
    const english = await s.preflight.run(article.id, { language: 'en' })
    expect(by(english, 'spelling')[0].message).toBe('Unknown word: Bundestga')
  })

  it('raises location-kept for formats it cannot clean, and for JPEGs only when told to keep everything', async () => {
    const kept = async (): Promise<unknown[]> =>
      by(await s.preflight.run(article.id, { language: 'en' }), 'location-kept').map((f) => [
        f.where,
        f.message
      ])
    expect(await kept()).toEqual([
      [
        { galleryId: 'gal', index: 0 },
        'Gallery Bilder, image 1 will keep location or device data in the export.'
      ]
    ])
    await s.exportOptions.setKeepMetadata(gpsJpeg, true)
    await s.exportOptions.setKeepMetadata(cleanJpeg, true)
    expect((await kept()).map((k) => (k as unknown[])[0])).toEqual([
      { field: 'lead' },
      { galleryId: 'gal', index: 0 }
    ])
    await s.exportOptions.setKeepMetadata(gpsJpeg, false)
    expect(await kept()).toHaveLength(1)
  })

  it('includes the shared rules (runPreflight) with the asset values from the library', async () => {
    const bare = await s.articles.create({
      headline: null,
      bylines: [],
      lead: use(cleanJpeg, { credit: null })
    })
    const findings = await s.preflight.run(bare.id, { language: 'en' })
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([
      'headline-missing',
      'byline-missing'
    ])
    expect(by(findings, 'credit-missing')).toEqual([])
  })
})
