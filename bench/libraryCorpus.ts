/**
 * Test libraries for the library benches: German-looking articles of 1,000–5,000 words (words
 * from the de_DE Hunspell list, Zipf-distributed like real text), with lead and figure captions.
 * Generating 10,000 articles takes minutes and ~400 MB, so a corpus is written once under
 * /tmp/copydesk-bench/ and reused while its marker file matches.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  ARTICLE_SCHEMA_VERSION,
  defaultArticleFields,
  type Article,
  type PmNode
} from '../src/shared/article'
import { ArticleLibrary } from '../src/main/services/library/articleLibrary'

export const BENCH_ROOT = process.env.COPYDESK_BENCH_DIR ?? '/tmp/copydesk-bench'
const CORPUS_VERSION = 2

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let vocabulary: string[] | null = null

/** Words of the German Hunspell list, shuffled once (deterministically). */
function words(): string[] {
  if (vocabulary) return vocabulary
  const dic = join(dirname(createRequire(__filename).resolve('dictionary-de')), 'index.dic')
  const list = readFileSync(dic, 'utf8')
    .split('\n')
    .map((line) => line.split('/')[0]?.trim() ?? '')
    .filter((w) => /^\p{L}{2,}$/u.test(w))
  const random = prng(1)
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[list[i], list[j]] = [list[j] as string, list[i] as string]
  }
  vocabulary = list
  return list
}

/** A Zipf-distributed word (rank r with probability ∝ 1/r). */
function wordSampler(random: () => number): () => string {
  const list = words()
  const logN = Math.log(list.length)
  return () => list[Math.min(list.length - 1, Math.floor(Math.exp(random() * logN)) - 1)] as string
}

const NAMES = [
  'Anna Beispiel',
  'Max Muster',
  'Jürgen Weiß',
  'Özlem Yılmaz',
  'Lena Groß',
  'Tobias Krämer'
]
const PLACES = ['München', 'Berlin', 'Köln', 'Düsseldorf', 'Zürich', 'Straßburg', 'Görlitz']

/** One generated article of `wordCount` body words (figures included). */
export function generateArticle(n: number, wordCount: number, random: () => number): Article {
  const word = wordSampler(random)
  const phrase = (len: number): string => Array.from({ length: len }, word).join(' ')
  const sentence = (): string => {
    const s = phrase(6 + Math.floor(random() * 14))
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`
  }
  const place = PLACES[n % PLACES.length] as string
  const assetId = createHash('sha256').update(`asset ${n}`).digest('hex')
  const content: PmNode[] = []
  let written = 0
  while (written < wordCount) {
    const sentences: string[] = []
    let inParagraph = 0
    const target = Math.min(40 + Math.floor(random() * 80), wordCount - written)
    while (inParagraph < target) {
      const s = sentence()
      sentences.push(s)
      inParagraph += s.split(' ').length
    }
    written += inParagraph
    content.push({ type: 'paragraph', content: [{ type: 'text', text: sentences.join(' ') }] })
    if (content.length % 12 === 5) {
      content.push({
        type: 'figure',
        attrs: { assetId, credit: 'dpa', photographer: null, alt: null },
        content: [
          { type: 'figureCaption', content: [{ type: 'text', text: `${phrase(6)} in ${place}` }] }
        ]
      })
    }
  }
  const date = new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString().replace('Z', '+00:00')
  return {
    ...defaultArticleFields(),
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: `${createHash('sha256').update(`article ${n}`).digest('hex').slice(0, 8)}-${String(n).padStart(4, '0').slice(-4)}-4000-8000-${String(n).padStart(12, '0')}`,
    revision: 1,
    createdAt: date,
    updatedAt: date,
    kicker: phrase(2),
    headline: `${sentence().slice(0, 60)}`,
    teaser: sentence(),
    bylines: [NAMES[n % NAMES.length] as string],
    dateline: { place, source: 'dpa' },
    body: { type: 'doc', content },
    lead: {
      assetId,
      caption: n % 100 === 7 ? `Blick auf den Marienplatz in ${place}` : `${phrase(8)} in ${place}`,
      credit: 'dpa',
      photographer: null,
      alt: null
    }
  }
}

/**
 * A library of `count` articles of 1,000–5,000 words in `BENCH_ROOT/<name>`, plus one
 * 5,000-word article (the one the save bench edits), indexed once. Reused when present.
 * Returns the folder and the id of the 5,000-word article.
 */
export async function benchLibrary(
  name: string,
  count: number
): Promise<{ dir: string; target: string }> {
  const dir = join(BENCH_ROOT, name)
  const marker = join(dir, 'bench-corpus.json')
  const target = generateArticle(0, 5000, prng(99)).id
  const expected = JSON.stringify({ version: CORPUS_VERSION, count, target })
  if (existsSync(marker) && readFileSync(marker, 'utf8') === expected) return { dir, target }
  await rm(dir, { recursive: true, force: true })
  await mkdir(join(dir, 'articles'), { recursive: true })
  const started = performance.now()
  const random = prng(count)
  for (let n = 0; n < count; n++) {
    const article =
      n === 0
        ? generateArticle(0, 5000, prng(99))
        : generateArticle(n, 1000 + Math.floor(random() * 4001), random)
    await writeFile(
      join(dir, 'articles', `${article.id}.json`),
      JSON.stringify({ schemaVersion: ARTICLE_SCHEMA_VERSION, article }, null, 2)
    )
    if (n % 1000 === 999) console.log(`  ${name}: ${n + 1} articles written`)
  }
  const written = performance.now()
  // The first open reads every file and builds both indexes; flush writes them.
  const library = await ArticleLibrary.open(dir)
  await library.whenSearchReady()
  await library.flush()
  await library.close()
  console.log(
    `  ${name}: generated in ${((written - started) / 1000).toFixed(1)} s, first open ` +
      `(index built from ${count} files) ${((performance.now() - written) / 1000).toFixed(1)} s`
  )
  await writeFile(marker, expected)
  return { dir, target }
}

/** Median and 95th percentile of a sample, in the sample's unit. */
export function stats(sample: number[]): { median: number; p95: number } {
  const sorted = [...sample].sort((a, b) => a - b)
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number
  return { median: at(0.5), p95: at(0.95) }
}

export const ms = (n: number): string => `${n.toFixed(2)} ms`
