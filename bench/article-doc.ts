/**
 * The article document model (src/shared/articleDoc) on the editor-cost issue's bench article:
 * 20,000 words, 60 figures, a lead and 2 galleries of 20 (the body from
 * bench/editor-typing/benchArticle.ts; asset ids stand in for the photos, which the model never
 * reads). In plain Node, each figure beside the article's JSON file as the library writes it.
 *
 *   npx tsx bench/article-doc.ts [--rounds N] [--keys N] [--seed N]
 *
 * Prints:
 * - sizes: the JSON file (2-space indent, as the library writes it, and compact), the document's
 *   state as a Yjs update (v1 and v2 encoding), right after conversion;
 * - times (median and p95 of `--rounds`): conversion (articleToDoc), reading back (docToArticle),
 *   loading the state into a new document, docProblem, a one-paragraph applyPatchToDoc (and its
 *   update size), updateProblem of a one-key update on a document it has not seen (it copies the
 *   document) and in the hub's steady state (check, apply, next key: the copy is reused);
 * - a day of typing: `--keys` keystrokes (default 600 × 50), each its own update as the editor
 *   sends them (one in ten a backspace, at a random place of a random paragraph), then the size of
 *   the compacted state (encodeStateAsUpdate) and the sum of the single updates, beside the JSON
 *   file of the typed article.
 */
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { ARTICLE_SCHEMA_VERSION, defaultArticleFields, type Article } from '../src/shared/article'
import {
  ARTICLE_DOC_BODY,
  applyPatchToDoc,
  articleToDoc,
  docProblem,
  docToArticle,
  updateProblem
} from '../src/shared/articleDoc'
import { articleBody, paragraphs, PHOTOS, WORDS } from './editor-typing/benchArticle'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    keys: { type: 'string', default: String(600 * 50) },
    seed: { type: 'string', default: '14' }
  }
})
const ROUNDS = Number(values.rounds)
const KEYS = Number(values.keys)
let seed = Number(values.seed)
const random = (): number => {
  // mulberry32: the same keystrokes every run.
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const assetIds = Array.from({ length: PHOTOS }, (_, i) =>
  i.toString(16).padStart(2, '0').repeat(32)
)
const use = (assetId: string): Article['galleries'][number]['items'][number] => ({
  assetId,
  caption: null,
  credit: null,
  photographer: null,
  alt: null
})
const article: Article = {
  ...defaultArticleFields(),
  kicker: 'Haushalt',
  headline: 'Koalition einigt sich auf Kompromiss',
  teaser: 'Nach zwölf Stunden steht der Haushalt.',
  bylines: ['Anna Beispiel', 'Ben Muster'],
  body: articleBody(paragraphs(WORDS), assetIds),
  lead: use(assetIds[0]!),
  galleries: [
    { id: 'bench-gallery-1', name: 'Parteitag', items: assetIds.map(use) },
    { id: 'bench-gallery-2', name: 'Bundestag', items: [...assetIds].reverse().map(use) }
  ],
  schemaVersion: ARTICLE_SCHEMA_VERSION,
  id: '2f1c7a52-9d3e-4b8a-a1c4-5e6f7a8b9c0d',
  revision: 1,
  createdAt: '2024-05-02T09:00:00.000+02:00',
  updatedAt: '2024-05-02T09:00:00.000+02:00'
}
const STAMP = { revision: 1, updatedAt: article.updatedAt }

const fileBytes = (a: Article): number =>
  Buffer.byteLength(JSON.stringify({ schemaVersion: ARTICLE_SCHEMA_VERSION, article: a }, null, 2))
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`

/** Times `run` (or the part of it between `clock.start()` and `clock.stop()`). */
function timed(label: string, run: (clock: { start(): void; stop(): void }) => void): void {
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    let from = performance.now()
    let to = -1
    run({
      start: () => (from = performance.now()),
      stop: () => (to = performance.now())
    })
    times.push((to < 0 ? performance.now() : to) - from)
  }
  times.sort((a, b) => a - b)
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
  console.log(
    `  ${label.padEnd(44)} median ${at(0.5).toFixed(2)} ms   p95 ${at(0.95).toFixed(2)} ms`
  )
}

const doc = articleToDoc(article)
const state = Y.encodeStateAsUpdate(doc)
console.log(`bench article: ${WORDS} words, ${article.body.content!.length} blocks`)
console.log('sizes')
console.log(`  JSON file (indent 2)        ${kb(fileBytes(article))}`)
console.log(`  JSON compact                ${kb(Buffer.byteLength(JSON.stringify(article)))}`)
console.log(
  `  document state (update v1)  ${kb(state.length)}  (${(state.length / fileBytes(article)).toFixed(2)}× the file)`
)
console.log(`  document state (update v2)  ${kb(Y.encodeStateAsUpdateV2(doc).length)}`)

console.log(`times (${ROUNDS} rounds)`)
timed('articleToDoc (conversion)', () => articleToDoc(article))
timed('docToArticle (read back, canonical body)', () => docToArticle(doc, STAMP))
timed('load state into a new document', () => Y.applyUpdate(new Y.Doc(), state))
timed('docProblem', () => docProblem(doc))
const current = docToArticle(doc, STAMP)
let patchBytes = 0
let n = 0
timed('applyPatchToDoc, one paragraph changed', () => {
  const content = [...current.body.content!]
  const target = content[10]!
  content[10] = {
    ...target,
    content: [...target.content!, { type: 'text', text: ` Nachtrag ${n++}.` }]
  }
  const before = Y.encodeStateVector(doc)
  applyPatchToDoc(doc, { body: { ...current.body, content } })
  patchBytes = Y.encodeStateAsUpdate(doc, before).length
})
console.log(`  update of that patch: ${patchBytes} bytes`)
const peer = new Y.Doc()
Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
const peerText = (peer.getXmlFragment(ARTICLE_DOC_BODY).get(20) as Y.XmlElement).get(0) as Y.XmlText
const keystroke = (): Uint8Array => {
  const since = Y.encodeStateVector(peer)
  peerText.insert(5, 'x')
  return Y.encodeStateAsUpdate(peer, since)
}
timed('updateProblem, one key, first check (copies)', (clock) => {
  const fresh = new Y.Doc()
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc))
  const update = keystroke()
  clock.start()
  if (updateProblem(fresh, update) !== null) throw new Error('valid update refused')
  clock.stop()
  Y.applyUpdate(doc, update)
})
timed('updateProblem, one key, then applied', () => {
  const update = keystroke()
  if (updateProblem(doc, update) !== null) throw new Error('valid update refused')
  Y.applyUpdate(doc, update)
})

console.log(`a day of typing: ${KEYS} keystrokes, each its own update`)
const day = articleToDoc(article)
const texts: Y.XmlText[] = []
for (const block of day.getXmlFragment(ARTICLE_DOC_BODY).toArray()) {
  if (block instanceof Y.XmlElement && block.nodeName === 'paragraph') {
    const first = block.get(0)
    if (first instanceof Y.XmlText) texts.push(first)
  }
}
let logBytes = 0
day.on('update', (update: Uint8Array) => {
  logBytes += update.length
})
const letters = 'abcdefghijklmnopqrstuvwxyzäöüß ,.'
const start = performance.now()
for (let k = 0; k < KEYS; k++) {
  // People type in runs: a new place every 40 keys or so.
  const text = texts[Math.floor(random() * texts.length)]!
  const at = Math.floor(random() * text.length)
  const run = 1 + Math.floor(random() * 80)
  for (let i = 0; i < run && k < KEYS; i++, k++) {
    if (random() < 0.1 && at + i > 0) text.delete(at + i - 1, 1)
    else text.insert(at + i, letters[Math.floor(random() * letters.length)]!)
  }
}
const typedMs = performance.now() - start
const compacted = Y.encodeStateAsUpdate(day)
const typed = docToArticle(day, STAMP)
console.log(`  typing applied in ${typedMs.toFixed(0)} ms`)
console.log(`  JSON file of the typed article   ${kb(fileBytes(typed))}`)
console.log(`  single updates, summed           ${kb(logBytes)}`)
console.log(
  `  compacted state (update v1)      ${kb(compacted.length)}  (${(compacted.length / fileBytes(typed)).toFixed(2)}× the file)`
)
console.log(`  compacted state (update v2)      ${kb(Y.encodeStateAsUpdateV2(day).length)}`)
