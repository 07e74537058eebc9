/**
 * The shared editor layer on a 20,000-word German body with 60 figures (the editor issue's bench
 * article), in plain Node, each beside a baseline measured in the same run:
 *
 * - live counts after a one-paragraph edit: `createBodyStatsCounter` (per-block cache) and a full
 *   `bodyStats` recount, beside splitting the plain text on whitespace (the floor);
 * - the preview: `renderArticleHtml` of the whole article, beside `JSON.stringify` of its body;
 * - paste of the whole body as HTML through `sanitizeHtmlToDoc`, beside htmlparser2's
 *   `parseDocument` of the same HTML (the parse alone);
 * - find: `findInDoc` of a word over the ProseMirror document, beside `indexOf` over its text.
 *
 *   npx tsx bench/editorBody.ts [--rounds N]
 *
 * Prints median and p95 in milliseconds and the ratio of medians to the baseline.
 */
import { parseArgs } from 'node:util'
import { parseDocument } from 'htmlparser2'
import type { PmNode } from '../src/shared/article'
import { plainTextOf } from '../src/shared/articleText'
import { bodyStats, createBodyStatsCounter } from '../src/shared/editor/bodyStats'
import { renderBodyHtml } from '../src/shared/editor/bodyHtml'
import { bodySchema } from '../src/shared/editor/extensions'
import { findInDoc } from '../src/shared/editor/findMatches'
import { renderArticleHtml } from '../src/shared/editor/renderArticle'
import { sanitizeHtmlToDoc } from '../src/shared/editor/sanitizeHtml'

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '30' } } })
const ROUNDS = Number(values.rounds)

const SENTENCES = [
  'Die Koalition hat sich nach zwölf Stunden auf einen Kompromiss im Haushaltsstreit geeinigt.',
  '„Wir haben uns geeinigt“, sagte der Kanzler am Donnerstag in Berlin vor der Presse.',
  'Die Opposition kritisierte den Entwurf als unsolide und kündigte Widerstand im Bundestag an.',
  'Mehr Geld soll in Schulen, Brücken und die Digitalisierung der Verwaltung fließen.',
  'Der Finanzminister verteidigte die Schuldenbremse gegen Kritik aus den eigenen Reihen.'
]
const ASSET = 'a'.repeat(64)

function benchBody(words: number, figures: number): PmNode {
  const content: PmNode[] = []
  let count = 0
  let sentence = 0
  const paragraphs: PmNode[] = []
  while (count < words) {
    const text = Array.from({ length: 5 }, () => SENTENCES[sentence++ % SENTENCES.length]).join(' ')
    count += text.split(/\s+/).length
    paragraphs.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: text.slice(0, 40) },
        { type: 'text', text: text.slice(40, 60), marks: [{ type: 'bold' }] },
        { type: 'text', text: text.slice(60) }
      ]
    })
  }
  const every = Math.floor(paragraphs.length / figures)
  paragraphs.forEach((p, i) => {
    content.push(p)
    if (i % every === every - 1 && content.filter((n) => n.type === 'figure').length < figures) {
      content.push({
        type: 'figure',
        attrs: { assetId: ASSET, credit: 'dpa' },
        content: [{ type: 'figureCaption', content: [{ type: 'text', text: 'Im Bundestag' }] }]
      })
    }
  })
  return { type: 'doc', content }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

interface Result {
  median: number
  p95: number
}

function measure(run: () => unknown): Result {
  for (let i = 0; i < 3; i++) run()
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) }
}

function report(name: string, result: Result, baseline: Result): void {
  console.log(
    `${name.padEnd(44)} median ${result.median.toFixed(2).padStart(8)} ms  p95 ${result.p95
      .toFixed(2)
      .padStart(8)} ms  ratio ${(result.median / baseline.median).toFixed(2)}×`
  )
}

const body = benchBody(20_000, 60)
const schema = bodySchema()
const pmDoc = schema.nodeFromJSON(body)
const stats = bodyStats(body, 'de')
console.log(
  `body: ${stats.words} words, ${stats.characters} characters, ${body.content!.length} blocks, ` +
    `${body.content!.filter((n) => n.type === 'figure').length} figures; ${ROUNDS} rounds`
)

// Live counts: each round edits one paragraph in the middle, as a keystroke does.
const counter = createBodyStatsCounter('de')
counter(pmDoc)
let round = 0
const edited = (): typeof pmDoc => {
  const index = Math.floor(pmDoc.childCount / 2)
  const paragraph = schema.nodes.paragraph!.create(null, schema.text(`${SENTENCES[0]} ${round++}`))
  return pmDoc.copy(pmDoc.content.replaceChild(index, paragraph))
}
const floorCount = measure(() => plainTextOf(edited().toJSON() as PmNode).split(/\s+/).length)
report('baseline: toJSON + split on whitespace', floorCount, floorCount)
report(
  'createBodyStatsCounter after an edit',
  measure(() => counter(edited())),
  floorCount
)
report(
  'bodyStats full recount',
  measure(() => bodyStats(edited().toJSON() as PmNode, 'de')),
  floorCount
)

const article = {
  language: 'de' as const,
  timeZone: 'Europe/Berlin',
  kicker: 'Haushalt',
  headline: 'Koalition einigt sich',
  teaser: 'Nach zwölf Stunden.',
  bylines: ['Anna Beispiel'],
  dateline: { place: 'Berlin', source: 'dpa' },
  publishedAt: '2024-05-02T14:30:00+02:00',
  lead: null,
  galleries: [],
  body
}
const stringify = measure(() => JSON.stringify(body))
report('baseline: JSON.stringify(body)', stringify, stringify)
report(
  'renderArticleHtml (preview)',
  measure(() => renderArticleHtml(article, { imageSrc: (id, r) => `images/${id}/${r}.jpg` })),
  stringify
)

const html = renderBodyHtml(body, { format: 'editor' })
const parse = measure(() => parseDocument(html))
report(`baseline: parseDocument (${(html.length / 1024).toFixed(0)} KiB HTML)`, parse, parse)
report(
  'sanitizeHtmlToDoc (paste of the whole body)',
  measure(() => sanitizeHtmlToDoc(html)),
  parse
)

const text = pmDoc.textContent
const indexOf = measure(() => {
  let n = 0
  for (let i = text.indexOf('Bundestag'); i !== -1; i = text.indexOf('Bundestag', i + 1)) n++
  return n
})
report('baseline: indexOf over the text', indexOf, indexOf)
report(
  'findInDoc, whole word, case-insensitive',
  measure(() => findInDoc(pmDoc, 'bundestag', { wholeWord: true })),
  indexOf
)
