import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImageUse, PmNode } from '../../../shared/article'
import { figureNode } from '../../../shared/editor/bodyNodes'
import { PACKAGE_FILES } from '../../../shared/packageFormat'
import { CopydeskError } from '../../../shared/result'
import { openServices, type Services } from '..'
import { assetDir } from '../assets/assetResolver'
import { safeUnzip } from '../packages/safeUnzip'
import { hasExiftool, noisyJpeg, tagWithSourceData } from './__fixtures__/newsroomArticle'
import { planCrops } from '../assets/crops'
import { exportPackage } from './exportPackage'

/*
 * The pictures of an exported package as a receiver gets them: every file read back with
 * exiftool (caption, credit, photographer, rights, alt text in IPTC and XMP), the web crops
 * listed in ninjs and NewsML, files of their own for uses whose texts differ, and formats that
 * cannot carry the texts reported before export.
 */

const run = promisify(execFile)
const FORMATS = resolve(__dirname, '../../../../../shared/formats')
const NINJS_SCHEMA = join(FORMATS, 'ninjs/ninjs-schema_3.1.json')
const NEWSML_XSD = join(FORMATS, 'newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd')

let root: string
let s: Services
let exiftoolThere: boolean

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-export-images-'))
  s = await openServices({ libraryDir: join(root, 'library'), version: 'test', systemLocale: 'de' })
  exiftoolThere = await hasExiftool()
  if (!exiftoolThere) console.log('exiftool missing: the read-back checks are skipped (CI has it)')
}, 60_000)

afterAll(async () => {
  await s?.close()
  await rm(root, { recursive: true, force: true })
})

function use(assetId: string, patch: Partial<ImageUse> = {}): ImageUse {
  return { assetId, caption: null, credit: null, photographer: null, alt: null, ...patch }
}

function paragraph(nodeId: string, text: string): PmNode {
  return { type: 'paragraph', attrs: { nodeId }, content: [{ type: 'text', text }] }
}

async function importFiles(files: { name: string; bytes: Buffer }[]): Promise<string[]> {
  const dir = join(root, `src-${Math.random().toString(36).slice(2)}`)
  await mkdir(dir)
  for (const f of files) await writeFile(join(dir, f.name), f.bytes)
  const results = await s.assets.import(
    files.map((f) => ({ name: f.name, path: join(dir, f.name) }))
  )
  return results.map((r) => {
    if (!('assetId' in r)) throw new Error(r.error)
    return r.assetId
  })
}

async function deskValues(id: string, values: Record<string, string | null>): Promise<void> {
  const current = await s.assets.get(id)
  await s.assets.update(id, current.revision, values)
}

async function exportTo(articleId: string, language: 'de' | 'en' = 'de'): Promise<string> {
  const zip = join(root, `paket-${Math.random().toString(36).slice(2)}.zip`)
  await exportPackage(s, articleId, zip, { language, markExported: false })
  const dir = `${zip}.d`
  await safeUnzip(zip, dir)
  return dir
}

/** exiftool's reading of every file in a folder, by file name. */
async function readBack(dir: string): Promise<Map<string, Record<string, unknown>>> {
  const { stdout } = await run('exiftool', ['-j', '-a', '-G1', dir], { maxBuffer: 64 << 20 })
  const out = new Map<string, Record<string, unknown>>()
  for (const tags of JSON.parse(stdout) as Record<string, unknown>[]) {
    out.set(String(tags['System:FileName']), tags)
  }
  return out
}

/** The bytes from the first SOS marker on (the entropy-coded image data and EOI). */
function scanData(jpeg: Buffer): Buffer {
  let at = 2
  while (jpeg[at + 1] !== 0xda) at += 2 + jpeg.readUInt16BE(at + 2)
  return jpeg.subarray(at)
}

function validateNinjs(data: unknown): string {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' })
  const validate = ajv.compile(JSON.parse(readFileSync(NINJS_SCHEMA, 'utf8')))
  validate(data)
  return ajv.errorsText(validate.errors)
}

async function xmllint(file: string): Promise<string | null> {
  const there = await run('xmllint', ['--version']).then(
    () => true,
    () => false
  )
  if (!there) return null
  const result = await run('xmllint', ['--noout', '--schema', NEWSML_XSD, file]).catch(
    (error: { stderr: string }) => ({ stderr: error.stderr })
  )
  return result.stderr
}

type Rendition = { name: string; href: string; width: number; height: number; contentType: string }
type Picture = { name: string; renditions: Rendition[]; associations?: Picture[] }

describe('an article with a lead, a gallery of ten and two figures, texts only in the photo desk', () => {
  const captions = Array.from(
    { length: 13 },
    (_, i) => `Bild ${i + 1}: Müller & Söhne sagen „Ja“ – "Straße" <${i}>`
  )
  const credits = Array.from({ length: 13 }, (_, i) => (i % 2 ? 'dpa & Reuters' : 'Jörg Ölmann'))
  let ids: string[]
  let dir: string
  let articleId: string

  beforeAll(async () => {
    const files = await Promise.all(
      Array.from({ length: 13 }, async (_, i) => ({
        name: `foto-${i}.jpg`,
        bytes: await noisyJpeg(640, 427, 40 + i * 12)
      }))
    )
    // One photo with GPS and serial numbers: the crops and renditions must not bring them back.
    const tagged = join(root, 'tagged.jpg')
    await writeFile(tagged, files[0].bytes)
    if (exiftoolThere) await tagWithSourceData(tagged)
    files[0] = { name: 'foto-0.jpg', bytes: await readFile(tagged) }
    ids = await importFiles(files)
    for (const [i, id] of ids.entries()) {
      await deskValues(id, {
        caption: captions[i],
        credit: credits[i],
        photographer: 'Anna Öztürk',
        alt: `Alternativtext ${i} für „Leser“`,
        copyright: '© 2024 Zeitung & Co.',
        usageTerms: i === 0 ? 'Nur redaktionell' : null
      })
    }
    const article = await s.articles.create({
      language: 'de',
      headline: 'Der Sommer in Bildern',
      bylines: ['Anna Beispiel'],
      dateline: { place: 'Köln', source: null },
      teaser: 'Ein Rückblick.',
      lead: use(ids[0]),
      galleries: [{ id: 'g1', name: 'intern', items: ids.slice(1, 11).map((id) => use(id)) }],
      body: {
        type: 'doc',
        content: [
          paragraph('p1aaaaaaaa', 'Der Sommer war heiß.'),
          figureNode(use(ids[11]), 'f1aaaaaaaa'),
          paragraph('p2aaaaaaaa', 'Und lang.'),
          figureNode(use(ids[12]), 'f2aaaaaaaa')
        ]
      }
    })
    articleId = article.id
    dir = await exportTo(articleId)
  }, 120_000)

  it('every image file reads back with its caption and credit in IPTC and XMP, umlauts, & and quotes intact', async (ctx) => {
    if (!exiftoolThere) return ctx.skip()
    const names = (await readdir(join(dir, 'images'))).sort()
    // 13 originals with preview and thumbnail, 11 pictures (lead + gallery) with two crops.
    expect(names).toHaveLength(13 * 3 + 11 * 2)
    const tags = await readBack(join(dir, 'images'))
    expect(tags.size).toBe(names.length)
    for (const name of names) {
      const n = Number(name.slice(0, 3)) - 1
      const t = tags.get(name)!
      expect(t['XMP-dc:Description'], name).toBe(captions[n])
      expect(t['IPTC:Caption-Abstract'], name).toBe(captions[n])
      expect(t['XMP-photoshop:Credit'], name).toBe(credits[n])
      expect(t['IPTC:Credit'], name).toBe(credits[n])
      expect(t['XMP-dc:Creator'], name).toBe('Anna Öztürk')
      expect(t['IPTC:By-line'], name).toBe('Anna Öztürk')
      expect(t['XMP-dc:Rights'], name).toBe('© 2024 Zeitung & Co.')
      expect(t['IPTC:CopyrightNotice'], name).toBe('© 2024 Zeitung & Co.')
      expect(t['XMP-iptcCore:AltTextAccessibility'], name).toBe(`Alternativtext ${n} für „Leser“`)
      expect(t['IPTC:CodedCharacterSet'], name).toBe('UTF8')
      expect(Object.keys(t).join(' '), name).not.toMatch(/GPS|SerialNumber|OwnerName/)
    }
    expect(tags.get('001.jpg')!['XMP-xmpRights:UsageTerms']).toBe('Nur redaktionell')
    expect(tags.get('001-16x9.jpg')!['XMP-xmpRights:UsageTerms']).toBe('Nur redaktionell')
  })

  it('keeps the originals’ scan data byte for byte', async () => {
    for (const [i, id] of ids.entries()) {
      const original = await readFile(join(assetDir(join(root, 'library'), id), 'original.jpg'))
      const exported = await readFile(join(dir, 'images', `${String(i + 1).padStart(3, '0')}.jpg`))
      expect(scanData(exported).equals(scanData(original)), `image ${i + 1}`).toBe(true)
    }
  })

  it('lists the 16:9 and 1:1 crops of the lead and each gallery picture in ninjs, valid against the schema', async () => {
    const ninjs = JSON.parse(await readFile(join(dir, PACKAGE_FILES.ninjs), 'utf8'))
    expect(validateNinjs(ninjs)).toBe('No errors')
    const associations = ninjs.associations as Picture[]
    const lead = associations[0]
    const gallery = associations[1].associations!
    expect(gallery).toHaveLength(10)
    for (const [i, p] of [lead, ...gallery].entries()) {
      const base = String(i + 1).padStart(3, '0')
      const crops = p.renditions.filter((r) => r.name.startsWith('crop-'))
      expect(crops).toEqual([
        {
          name: 'crop-16x9',
          href: `urn:copydesk:package:${articleId}:images/${base}-16x9.jpg`,
          contentType: 'image/jpeg',
          width: 640,
          height: 360,
          sizeInBytes: expect.any(Number)
        },
        {
          name: 'crop-1x1',
          href: `urn:copydesk:package:${articleId}:images/${base}-1x1.jpg`,
          contentType: 'image/jpeg',
          width: 427,
          height: 427,
          sizeInBytes: expect.any(Number)
        }
      ])
      for (const crop of crops) {
        const file = join(dir, crop.href.split(':').at(-1)!)
        const meta = await sharp(file).metadata()
        expect([meta.width, meta.height, meta.format]).toEqual([crop.width, crop.height, 'jpeg'])
      }
    }
    for (const figure of associations.slice(2)) {
      expect(figure.renditions.map((r) => r.name)).toEqual(['original', 'preview', 'thumbnail'])
    }
  })

  it('lists the crops in NewsML remoteContent, valid against the XSD', async (ctx) => {
    const xml = await readFile(join(dir, PACKAGE_FILES.newsml), 'utf8')
    expect(
      xml.match(/<remoteContent rendition="cdrnd:crop-16x9" href="images\/\d{3}-16x9\.jpg"/g)
    ).toHaveLength(11)
    expect(
      xml.match(/<remoteContent rendition="cdrnd:crop-1x1" [^>]*width="427" height="427"\/>/g)
    ).toHaveLength(11)
    const verdict = await xmllint(join(dir, PACKAGE_FILES.newsml))
    if (verdict === null) {
      console.log('SKIPPED: xmllint is not installed (apt-get install libxml2-utils); CI has it')
      return ctx.skip()
    }
    expect(verdict).toMatch(/newsml\.xml validates$/m)
  })
})

describe('uses whose texts differ, long captions', () => {
  const LONG = `${'Ä'.repeat(1100)} und noch mehr Text`
  let dir: string
  let ids: string[]

  beforeAll(async () => {
    ids = await importFiles([
      { name: 'a.jpg', bytes: await noisyJpeg(400, 300, 90) },
      { name: 'b.jpg', bytes: await noisyJpeg(400, 300, 150) }
    ])
    await deskValues(ids[0], { caption: 'Am Rhein', credit: 'dpa', alt: 'Ufer' })
    await deskValues(ids[1], { caption: LONG, credit: 'AP', alt: 'Lang' })
    const article = await s.articles.create({
      language: 'de',
      headline: 'Zweimal dasselbe Bild',
      bylines: ['B'],
      dateline: { place: 'Bonn', source: null },
      lead: use(ids[0], { caption: 'Überschrieben: „Hochwasser“ & Sturm', credit: 'Reuters' }),
      galleries: [{ id: 'g', name: null, items: [use(ids[0]), use(ids[1])] }],
      body: {
        type: 'doc',
        content: [paragraph('p1aaaaaaaa', 'Text.'), figureNode(use(ids[0]), 'f1aaaaaaaa')]
      }
    })
    dir = await exportTo(article.id)
  }, 120_000)

  it('gives the overridden use files of its own; uses with the same texts share theirs', async (ctx) => {
    const ninjs = JSON.parse(await readFile(join(dir, PACKAGE_FILES.ninjs), 'utf8'))
    const hrefs = (p: Picture): string => p.renditions[0].href.split(':').at(-1)!
    const [lead, gallery, figure] = ninjs.associations as Picture[]
    expect(hrefs(lead)).toBe('images/001.jpg')
    expect(gallery.associations!.map(hrefs)).toEqual(['images/002.jpg', 'images/003.jpg'])
    expect(hrefs(figure)).toBe('images/002.jpg')
    const source = JSON.parse(await readFile(join(dir, PACKAGE_FILES.source), 'utf8'))
    expect(source.assets.map((a: { record: { id: string } }) => a.record.id)).toEqual(ids)
    if (!exiftoolThere) return ctx.skip()
    const tags = await readBack(join(dir, 'images'))
    for (const name of ['001.jpg', '001-preview.jpg', '001-16x9.jpg']) {
      expect(tags.get(name)!['XMP-dc:Description']).toBe('Überschrieben: „Hochwasser“ & Sturm')
      expect(tags.get(name)!['IPTC:Caption-Abstract']).toBe('Überschrieben: „Hochwasser“ & Sturm')
      expect(tags.get(name)!['IPTC:Credit']).toBe('Reuters')
      expect(tags.get(name)!['XMP-iptcCore:AltTextAccessibility']).toBe('Ufer')
    }
    for (const name of ['002.jpg', '002-thumb.jpg', '002-1x1.jpg']) {
      expect(tags.get(name)!['XMP-dc:Description']).toBe('Am Rhein')
      expect(tags.get(name)!['XMP-photoshop:Credit']).toBe('dpa')
    }
  })

  it('keeps a long caption whole in XMP and cuts it to 2,000 bytes at a character in IIM', async (ctx) => {
    if (!exiftoolThere) return ctx.skip()
    const tags = await readBack(join(dir, 'images'))
    for (const name of ['003.jpg', '003-16x9.jpg']) {
      expect(tags.get(name)!['XMP-dc:Description']).toBe(LONG)
      expect(tags.get(name)!['IPTC:Caption-Abstract']).toBe('Ä'.repeat(1000))
    }
  })
})

describe('crops follow the focal point', () => {
  it('plans the largest 16:9 and 1:1 cut around the point, inside the frame, centred without one', () => {
    expect(planCrops(4000, 3000, null)).toEqual([
      {
        name: 'crop-16x9',
        suffix: '16x9',
        box: { left: 0, top: 375, width: 4000, height: 2250 },
        width: 1920,
        height: 1080
      },
      {
        name: 'crop-1x1',
        suffix: '1x1',
        box: { left: 500, top: 0, width: 3000, height: 3000 },
        width: 1080,
        height: 1080
      }
    ])
    const [wide, square] = planCrops(4000, 3000, { x: 0.9, y: 0.05 })
    expect(wide.box).toEqual({ left: 0, top: 0, width: 4000, height: 2250 })
    expect(square.box).toEqual({ left: 1000, top: 0, width: 3000, height: 3000 })
    // A portrait picture: the 16:9 cut is the full width, placed around the point.
    const [portrait] = planCrops(1000, 2000, { x: 0.5, y: 0.75 })
    expect(portrait.box).toEqual({ left: 0, top: 1219, width: 1000, height: 563 })
  })

  it('exports a 1:1 crop that shows the part of the picture the desk marked', async () => {
    // Red in the left eighth, blue elsewhere: a crop around x = 0.05 starts in the red.
    const width = 800
    const height = 400
    const red = await sharp({
      create: { width: 100, height, channels: 3, background: '#ff0000' }
    })
      .png()
      .toBuffer()
    const photo = await sharp({ create: { width, height, channels: 3, background: '#0000ff' } })
      .composite([{ input: red, left: 0, top: 0 }])
      .jpeg({ quality: 95 })
      .toBuffer()
    const [id] = await importFiles([{ name: 'focal.jpg', bytes: photo }])
    await deskValues(id, { caption: 'Fokus', credit: 'dpa', alt: 'Rot und Blau' })
    const leftColour = async (file: string): Promise<number[]> => {
      const { data } = await sharp(file)
        .extract({ left: 2, top: 150, width: 1, height: 1 })
        .raw()
        .toBuffer({ resolveWithObject: true })
      return [...data]
    }
    const make = (): Promise<string> =>
      s.articles
        .create({
          headline: 'Fokus',
          bylines: ['B'],
          dateline: { place: 'Bonn', source: null },
          lead: use(id),
          body: { type: 'doc', content: [paragraph('p1aaaaaaaa', 'Text.')] }
        })
        .then((a) => exportTo(a.id))
    const centred = await make()
    expect((await leftColour(join(centred, 'images/001-1x1.jpg')))[2]).toBeGreaterThan(200)
    const current = await s.assets.get(id)
    await s.assets.update(id, current.revision, { focal: { x: 0.05, y: 0.5 } })
    const focused = await make()
    const [r, , b] = await leftColour(join(focused, 'images/001-1x1.jpg'))
    expect(r).toBeGreaterThan(200)
    expect(b).toBeLessThan(60)
  }, 60_000)
})

describe('formats without a place for the texts', () => {
  it('writes XMP into PNG and WebP, leaves TIFF as it is and says so before export (de, en)', async (ctx) => {
    const make = (format: 'png' | 'webp' | 'tiff', mean: number): Promise<Buffer> =>
      sharp({
        create: {
          width: 320,
          height: 240,
          channels: 3,
          background: '#000',
          noise: { type: 'gaussian', mean, sigma: 20 }
        }
      })
        .toFormat(format)
        .toBuffer()
    const tiff = await make('tiff', 70)
    const ids = await importFiles([
      { name: 'grafik.png', bytes: await make('png', 90) },
      { name: 'web.webp', bytes: await make('webp', 110) },
      { name: 'scan.tiff', bytes: tiff }
    ])
    for (const id of ids)
      await deskValues(id, { caption: 'Grafik & „Daten“', credit: 'Statista', alt: 'Balken' })
    const article = await s.articles.create({
      language: 'de',
      headline: 'Formate',
      bylines: ['B'],
      dateline: { place: 'Bonn', source: null },
      galleries: [{ id: 'g', name: null, items: ids.map((id) => use(id)) }],
      body: { type: 'doc', content: [paragraph('p1aaaaaaaa', 'Text.')] }
    })
    const de = await s.preflight.run(article.id, { language: 'de' })
    const en = await s.preflight.run(article.id, { language: 'en' })
    const notWritten = (list: typeof de): string[] =>
      list.filter((f) => f.code === 'metadata-not-written').map((f) => f.message)
    expect(notWritten(de)).toEqual([
      'Galerie 1, Bild 3: Bildtext und Credit können nicht in die Datei (TIFF) geschrieben werden; sie stehen nur in ninjs, NewsML und article.html.'
    ])
    expect(notWritten(en)).toEqual([
      'Gallery 1, image 3: caption and credit cannot be written into its file (TIFF); they travel only in ninjs, NewsML and article.html.'
    ])
    expect(de.find((f) => f.code === 'metadata-not-written')?.severity).toBe('warning')

    const dir = await exportTo(article.id)
    const exported = (await readdir(join(dir, 'images'))).sort()
    expect(exported.filter((n) => !n.includes('-'))).toEqual(['001.png', '002.webp', '003.tif'])
    expect((await readFile(join(dir, 'images/003.tif'))).equals(tiff)).toBe(true)
    for (const [i, name] of ['001.png', '002.webp'].entries()) {
      const record = await s.assets.get(ids[i])
      const [before, after] = await Promise.all([
        sharp(join(assetDir(join(root, 'library'), ids[i]), record.originalFile))
          .raw()
          .toBuffer(),
        sharp(join(dir, 'images', name))
          .raw()
          .toBuffer()
      ])
      expect(after.equals(before), name).toBe(true)
    }
    if (!exiftoolThere) return ctx.skip()
    const tags = await readBack(join(dir, 'images'))
    for (const name of ['001.png', '002.webp', '003-16x9.jpg']) {
      expect(tags.get(name)!['XMP-dc:Description'], name).toBe('Grafik & „Daten“')
      expect(tags.get(name)!['XMP-photoshop:Credit'], name).toBe('Statista')
    }
  }, 60_000)
})

describe('a picture file the writer cannot read', () => {
  it('stops the export with a message naming the picture, and writes no package', async () => {
    const png = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#456' }
    })
      .png()
      .toBuffer()
    const [id] = await importFiles([{ name: 'kaputt.png', bytes: png }])
    await deskValues(id, { caption: 'Kaputt', credit: 'dpa', alt: 'Grau' })
    const record = await s.assets.get(id)
    // The library's copy damaged after import: cut inside its image data chunk.
    const file = join(assetDir(join(root, 'library'), id), record.originalFile)
    await writeFile(file, png.subarray(0, png.length - 20))
    const article = await s.articles.create({
      headline: 'Kaputt',
      bylines: ['B'],
      dateline: { place: 'Bonn', source: null },
      lead: use(id),
      body: { type: 'doc', content: [paragraph('p1aaaaaaaa', 'Text.')] }
    })
    const out = join(root, 'kaputt', 'paket.zip')
    await mkdir(join(root, 'kaputt'))
    const error: unknown = await exportPackage(s, article.id, out, { markExported: false }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(CopydeskError)
    expect((error as CopydeskError).code).toBe('corrupt')
    expect((error as CopydeskError).message).toContain(`Asset ${id} (kaputt.png)`)
    expect((error as CopydeskError).message).toMatch(
      /could not be written with its caption and credit/
    )
    expect(await readdir(join(root, 'kaputt'))).toEqual([])
  }, 60_000)
})
