/**
 * The article of bench/editor-typing.ts: 20,000 words, 60 figures over 20 photos, a lead image and
 * 2 galleries of 20, made through the real services in a library folder.
 */
import sharp from 'sharp'
import { createHandlerTable } from '../../src/main/ipc/handlerTable'
import { openServices } from '../../src/main/services'
import type { Gallery, PmNode } from '../../src/shared/article'
import { ensureNodeIds } from '../../src/shared/editor/nodeIds'

export const WORDS = 20_000
export const FIGURES = 60
export const PHOTOS = 20

const SENTENCES = [
  'Die Koalition hat sich nach zwölf Stunden auf einen Kompromiss im Haushaltsstreit geeinigt.',
  '„Wir haben uns geeinigt“, sagte der Kanzler am Donnerstag in Berlin vor der Presse.',
  'Die Opposition kritisierte den Entwurf als unsolide und kündigte Widerstand im Bundestag an.',
  'Mehr Geld soll in Schulen, Brücken und die Digitalisierung der Verwaltung fließen.',
  'Der Finanzminister verteidigte die Schuldenbremse gegen Kritik aus den eigenen Reihen.'
]

/** Paragraph texts of about `words` words of German news copy. */
export function paragraphs(words: number): string[] {
  const out: string[] = []
  let count = 0
  let sentence = 0
  while (count < words) {
    const text = Array.from({ length: 5 }, () => SENTENCES[sentence++ % SENTENCES.length]).join(' ')
    count += text.split(/\s+/).length
    out.push(text)
  }
  return out
}

/** The bench body: the paragraphs with a figure after every n-th, cycling through the photos. */
export function articleBody(texts: string[], assetIds: string[]): PmNode {
  const content: PmNode[] = []
  const every = Math.floor(texts.length / (FIGURES + 1))
  let figures = 0
  texts.forEach((text, i) => {
    content.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: text.slice(0, 40) },
        { type: 'text', text: text.slice(40, 60), marks: [{ type: 'bold' }] },
        { type: 'text', text: text.slice(60) }
      ]
    })
    if (i % every === every - 1 && figures < FIGURES) {
      content.push({
        type: 'figure',
        attrs: {
          assetId: assetIds[figures % assetIds.length],
          credit: null,
          photographer: null,
          alt: null
        },
        content: [
          {
            type: 'figureCaption',
            content: [{ type: 'text', text: `Bild ${figures + 1}: Im Bundestag` }]
          }
        ]
      })
      figures++
    }
  })
  return ensureNodeIds({ type: 'doc', content })
}

/** The same text for the baselines: figures become their caption as a paragraph. */
export function baselineBody(body: PmNode): PmNode {
  return {
    type: 'doc',
    content: (body.content ?? []).map((node) =>
      node.type === 'figure'
        ? { type: 'paragraph', content: node.content?.[0]?.content ?? [] }
        : { type: 'paragraph', content: node.content }
    )
  }
}

/** The plain text of a block. */
export function textOfBlock(node: PmNode): string {
  return (node.content ?? []).map((c) => c.text ?? textOfBlock(c)).join('')
}

/** A photo-like JPEG, 1600 × 1067, different for each index. */
async function photo(index: number): Promise<Buffer> {
  const width = 1600
  const height = 1067
  const hue = Math.round((index * 360) / PHOTOS)
  const svg =
    `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${hue},60%,40%)"/><stop offset="1" stop-color="hsl(${(hue + 90) % 360},60%,70%)"/>` +
    `</linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>` +
    `<circle cx="${400 + index * 20}" cy="500" r="220" fill="hsl(${hue},30%,90%)"/></svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}

/**
 * A library in `libraryDir` with the bench article (20 photos imported through the real asset
 * store); closes the services again, so the harness can take the library's lock.
 */
export async function makeLibrary(
  libraryDir: string
): Promise<{ articleId: string; body: PmNode }> {
  const services = await openServices({ libraryDir, version: 'bench', systemLocale: 'de-DE' })
  try {
    const table = createHandlerTable(services)
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = (await table.get(channel as never)!(input)) as
        { ok: true; value: T } | { ok: false; error: { message: string } }
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
      return result.value
    }
    const assetIds: string[] = []
    for (let i = 0; i < PHOTOS; i++) {
      const [imported] = await call<{ assetId?: string; error?: string }[]>('assets:import', {
        files: [{ name: `foto-${i + 1}.jpg`, base64: (await photo(i)).toString('base64') }]
      })
      if (!imported?.assetId) throw new Error(`photo ${i + 1}: ${imported?.error}`)
      assetIds.push(imported.assetId)
    }
    const body = articleBody(paragraphs(WORDS), assetIds)
    const use = (assetId: string): Gallery['items'][number] => ({
      assetId,
      caption: null,
      credit: null,
      photographer: null,
      alt: null
    })
    const article = await call<{ id: string }>('articles:create', {
      kicker: 'Haushalt',
      headline: 'Koalition einigt sich auf Kompromiss',
      teaser: 'Nach zwölf Stunden steht der Haushalt.',
      bylines: ['Anna Beispiel', 'Ben Muster'],
      body,
      lead: use(assetIds[0]!),
      galleries: [
        { id: 'bench-gallery-1', name: 'Parteitag', items: assetIds.map(use) },
        { id: 'bench-gallery-2', name: 'Bundestag', items: [...assetIds].reverse().map(use) }
      ]
    })
    return { articleId: article.id, body }
  } finally {
    await services.close()
  }
}
