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
    // One finding per word: its first place, how often, and every place it occurs.
    expect(spelling.map((f) => [f.word, f.where, f.count, f.places])).toEqual([
      [
        'Bundestga',
        { field: 'headline' },
        2,
        [{ field: 'headline' }, { field: 'lead', part: 'caption' }]
      ],
      ['Koalitoin', { nodeId: 'pAbcdefgh1' }, 1, [{ nodeId: 'pAbcdefgh1' }]],
      [
        'Kanzlre',
        { galleryId: 'gal', index: 1, part: 'caption' },
        2,
        [
          { galleryId: 'gal', index: 1, part: 'caption' },
          { nodeId: 'fAbcdefgh1', part: 'caption' }
        ]
      ]
    ])
    expect(spelling.every((f) => f.severity === 'warning')).toBe(true)
    expect(spelling[0].message).toBe('Unbekanntes Wort: Bundestga')
    expect(spelling[0].suggestions).toContain('Bundestag')
    expect(spelling[1].suggestions).toContain('Koalition')
    const english = await s.preflight.run(article.id, { language: 'en' })
    expect(by(english, 'spelling')[0].message).toBe('Unknown word: Bundestga')
  })

  it('checks a body of 130,000 unknown words: one finding per word, with count and places', async () => {
    // Letters only (digits make a word skippable); every word distinct, plus one name that
    // recurs in each paragraph.
    const nonsense = (i: number): string => {
      let word = 'Qzx'
      for (let n = i; ; n = Math.floor(n / 26)) {
        word += String.fromCharCode(97 + (n % 26))
        if (n < 26) break
      }
      return `${word}vbk`
    }
    const WORDS = 130_000
    const PER_PARAGRAPH = 1000
    const content = []
    for (let p = 0; p < WORDS / PER_PARAGRAPH; p++) {
      const words = ['Zyrrkim']
      for (let i = 0; i < PER_PARAGRAPH; i++) words.push(nonsense(p * PER_PARAGRAPH + i))
      content.push({
        type: 'paragraph',
        attrs: { nodeId: `p${String(p).padStart(9, '0')}` },
        content: [{ type: 'text', text: words.join(' ') }]
      })
    }
    const long = await s.articles.create({
      language: 'de',
      headline: 'Lange Liste',
      bylines: ['Anna Beispiel'],
      body: { type: 'doc', content }
    })
    const spelling = by(await s.preflight.run(long.id, { language: 'en' }), 'spelling')
    expect(spelling).toHaveLength(WORDS + 1)
    const name = spelling.find((f) => f.word === 'Zyrrkim')
    expect(name?.count).toBe(WORDS / PER_PARAGRAPH)
    expect(name?.where).toEqual({ nodeId: 'p000000000' })
    expect(name?.places).toHaveLength(WORDS / PER_PARAGRAPH)
    expect(name?.places?.at(-1)).toEqual({ nodeId: 'p000000129' })
    const last = spelling.at(-1)
    expect([last?.word, last?.count, last?.places]).toEqual([
      nonsense(WORDS - 1),
      1,
      [{ nodeId: 'p000000129' }]
    ])
  }, 120_000)

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
      'byline-missing',
      'body-missing'
    ])
    expect(by(findings, 'credit-missing')).toEqual([])
  })
})
