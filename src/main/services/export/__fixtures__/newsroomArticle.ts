/**
 * A complete article of our own for the export tests: a lead photo (with GPS, serial numbers,
 * owner name, a thumbnail and XMP/IPTC location when exiftool is installed), a gallery of three,
 * two body figures, umlauts, and hostile text in captions. Images are made at test time with
 * sharp (noise, so they compress like photos) and tagged with Debian's exiftool.
 */
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import type { Article, ImageUse, PmNode } from '../../../../shared/article'
import type { ImportResult } from '../../../../shared/asset'
import { figureNode } from '../../../../shared/editor/bodyNodes'
import type { Services } from '../..'

const run = promisify(execFile)

export const HOSTILE_SCRIPT = '<script>alert("lead")</script>'
export const HOSTILE_IMG = '"><img src=x onerror=alert(1)>'

/** Whether exiftool is installed (CI installs it; see .ci/run). */
export async function hasExiftool(): Promise<boolean> {
  return run('exiftool', ['-ver']).then(
    () => true,
    () => false
  )
}

/** Runs exiftool on a file in place. */
export async function exiftool(file: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('exiftool', ['-overwrite_original', ...args, file])
  return stdout
}

/** A photo-like JPEG: gaussian noise over a colour, so it has real entropy-coded data. */
export async function noisyJpeg(width: number, height: number, mean = 128): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean, sigma: 30 }
    }
  })
    .jpeg({ quality: 85 })
    .toBuffer()
}

/** Tags a JPEG with everything that could reveal a source, and with captions that must stay. */
export async function tagWithSourceData(file: string): Promise<void> {
  const thumb = `${file}.thumb.jpg`
  await writeFile(thumb, await noisyJpeg(160, 120))
  await exiftool(
    file,
    '-charset',
    'iptc=UTF8',
    '-IPTC:CodedCharacterSet=UTF8',
    '-GPSLatitude=52.5186',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=13.4081',
    '-GPSLongitudeRef=E',
    '-Make=Canon',
    '-Model=EOS R5',
    '-SerialNumber=093021000123',
    '-LensSerialNumber=LS-777',
    '-OwnerName=Quelle Geheim',
    '-Orientation#=1',
    `-ThumbnailImage<=${thumb}`,
    '-XMP-photoshop:City=Berlin',
    '-XMP-photoshop:State=Berlin',
    '-XMP-photoshop:Country=Deutschland',
    '-XMP-iptcCore:Location=Reichstag',
    '-XMP-exif:GPSLatitude=52.5186',
    '-XMP-aux:SerialNumber=093021000123',
    '-XMP-dc:Description=Im Bundestag: Der Kanzler verteidigt den Entwurf',
    '-XMP-photoshop:Credit=dpa',
    '-IPTC:Caption-Abstract=Im Bundestag: Der Kanzler verteidigt den Entwurf',
    '-IPTC:Credit=dpa',
    '-IPTC:By-line=Jörg Fotograf',
    '-IPTC:City=Berlin',
    '-IPTC:Country-PrimaryLocationName=Deutschland'
  )
}

function paragraph(nodeId: string, text: string): PmNode {
  return { type: 'paragraph', attrs: { nodeId }, content: [{ type: 'text', text }] }
}

function idOf(result: ImportResult): string {
  if (!('assetId' in result)) throw new Error(`import failed: ${result.error}`)
  return result.assetId
}

export interface NewsroomArticle {
  article: Article
  lead: string
  gallery: [string, string, string]
  figures: [string, string]
  /** Whether the lead photo carries GPS and device data (exiftool was there). */
  tagged: boolean
}

/**
 * Imports six photos into the services' library and creates the article that uses them. The
 * lead asset carries source data when exiftool is installed.
 */
export async function createNewsroomArticle(s: Services, dir: string): Promise<NewsroomArticle> {
  const tagged = await hasExiftool()
  const names = ['lead', 'g1', 'g2', 'g3', 'f1', 'f2']
  const files: string[] = []
  for (const [i, name] of names.entries()) {
    const file = join(dir, `${name}.jpg`)
    await writeFile(file, await noisyJpeg(1280, 853, 60 + i * 25))
    if (name === 'lead' && tagged) await tagWithSourceData(file)
    files.push(file)
  }
  const results = await s.assets.import(
    files.map((path) => ({ name: path.split('/').pop()!, path }))
  )
  const [lead, g1, g2, g3, f1, f2] = results.map(idOf)
  const meta: Record<
    string,
    { caption: string; credit: string; alt: string; photographer?: string }
  > = {
    [lead]: { caption: 'Im Bundestag', credit: 'dpa', alt: 'Der Kanzler am Rednerpult' },
    [g1]: { caption: 'Erstes Bild: Zürich im Regen', credit: 'Reuters', alt: 'Straße in Zürich' },
    [g2]: { caption: HOSTILE_IMG, credit: 'AP', alt: 'Demonstranten vor dem Rathaus' },
    [g3]: {
      caption: 'Drittes Bild – Köln bei Nacht',
      credit: 'imago/DeFodi',
      alt: 'Der Kölner Dom'
    },
    [f1]: { caption: 'Grafik zu den Ausgaben', credit: 'Statista', alt: 'Balkendiagramm' },
    [f2]: {
      caption: 'Die Übergabe',
      credit: 'dpa',
      alt: 'Zwei Männer geben sich die Hand',
      photographer: 'Jörg Müller'
    }
  }
  for (const [id, values] of Object.entries(meta)) {
    const current = await s.assets.get(id)
    await s.assets.update(id, current.revision, values)
  }
  const use = (assetId: string, patch: Partial<ImageUse> = {}): ImageUse => ({
    assetId,
    caption: null,
    credit: null,
    photographer: null,
    alt: null,
    ...patch
  })
  const article = await s.articles.create({
    language: 'de',
    kicker: 'Streit um Haushalt',
    headline: 'Koalition einigt sich auf Straßenbau-Kompromiss',
    teaser: 'Nach langem Ringen haben sich die Fraktionen über die Ausgaben für Brücken geeinigt.',
    bylines: ['Anna Beispiel', 'Jörg Müller'],
    dateline: { place: 'Berlin', source: 'dpa' },
    slugline: 'haushalt-strassenbau',
    tags: ['Haushalt', 'Verkehr'],
    edNote: 'Bitte Sperrfrist beachten',
    publishedAt: '2024-05-02T14:30:00+02:00',
    lead: use(lead, { caption: `${HOSTILE_SCRIPT} Der Kanzler verteidigt den Entwurf` }),
    galleries: [{ id: 'gal-1', name: 'Bilder vom Tag', items: [use(g1), use(g2), use(g3)] }],
    body: {
      type: 'doc',
      content: [
        paragraph(
          'p1aaaaaaaa',
          'Die Koalition hat sich am Donnerstag auf einen Kompromiss geeinigt.'
        ),
        figureNode(use(f1, { caption: 'Grafik: Ausgaben für Straßen und Brücken' }), 'f1aaaaaaaa'),
        paragraph('p2aaaaaaaa', 'Der Bundestag soll den Entwurf nächste Woche beraten.'),
        figureNode(use(f2), 'f2aaaaaaaa'),
        paragraph('p3aaaaaaaa', 'Die Opposition kündigte Widerstand an.')
      ]
    }
  })
  return { article, lead, gallery: [g1, g2, g3], figures: [f1, f2], tagged }
}
