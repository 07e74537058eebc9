/**
 * Opening a library of 10,000 articles (1,000–5,000 words each) until its list is ready, then
 * until its full-text index is loaded, and full-text queries that hit body and caption text.
 * Baseline in the same run: the same steps on a library of 10 articles. Page cache warm (the
 * files were just generated or read). Prints median and p95 of each and the ratios.
 *
 *   npx tsx bench/library-open.ts [--runs N]
 *
 * Goal (issue 3): list ready ≤ 200 ms, query ≤ 50 ms.
 */
import { parseArgs } from 'node:util'
import { ArticleLibrary, type LibraryAccess } from '../src/main/services/library/articleLibrary'
import { benchLibrary, ms, stats } from './libraryCorpus'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } })
const RUNS = Number(values.runs)

// Caption words (lead captions: "Blick auf den Marienplatz in <place>"; figure captions end
// "in <place>"), a body word, and prefixes as typed into the search box.
const QUERIES = ['marienplatz', 'marienplatz munchen', 'muenchen', 'strassburg', 'gorl', 'haus']

interface OpenRun {
  listReady: number
  searchReady: number
}

async function openOnce(dir: string, access: LibraryAccess): Promise<OpenRun> {
  const t0 = performance.now()
  const library = await ArticleLibrary.open(dir, { access })
  const list = await library.list()
  const t1 = performance.now()
  await library.whenSearchReady()
  const t2 = performance.now()
  if (list.length === 0) throw new Error(`${dir} is empty`)
  await library.close()
  return { listReady: t1 - t0, searchReady: t2 - t0 }
}

async function queries(
  dir: string
): Promise<Map<string, { times: number[]; hits: number; fields: string }>> {
  const library = await ArticleLibrary.open(dir, { access: 'cli-read' })
  await library.whenSearchReady()
  const out = new Map<string, { times: number[]; hits: number; fields: string }>()
  for (const q of QUERIES) out.set(q, { times: [], hits: 0, fields: '' })
  for (let r = 0; r < RUNS * 2; r++) {
    for (const q of QUERIES) {
      const t0 = performance.now()
      const hits = await library.searchArticles(q)
      const t = performance.now() - t0
      const entry = out.get(q) as { times: number[]; hits: number; fields: string }
      entry.times.push(t)
      entry.hits = hits.length
      entry.fields = [...new Set(hits.flatMap((h) => h.fields))].join('+')
    }
  }
  await library.close()
  return out
}

async function main(): Promise<void> {
  console.log('Preparing libraries (generated once under /tmp/copydesk-bench)…')
  const small = await benchLibrary('library-10', 10)
  const big = await benchLibrary('library-10k', 10_000)
  const report = (label: string, a: number[], b: number[]): void => {
    const sa = stats(a)
    const sb = stats(b)
    console.log(
      `  ${label.padEnd(30)} 10: ${ms(sa.median)} (p95 ${ms(sa.p95)})   10,000: ${ms(sb.median)} (p95 ${ms(sb.p95)})   ratio ${(sb.median / sa.median).toFixed(1)}`
    )
  }
  for (const access of ['app', 'cli-read'] as const) {
    const runs: Record<'small' | 'big', OpenRun[]> = { small: [], big: [] }
    for (let r = 0; r < RUNS; r++) {
      runs.small.push(await openOnce(small.dir, access))
      runs.big.push(await openOnce(big.dir, access))
    }
    console.log(`\nopen (${access}), ${RUNS} runs each`)
    report(
      'list ready',
      runs.small.map((x) => x.listReady),
      runs.big.map((x) => x.listReady)
    )
    report(
      'search index ready',
      runs.small.map((x) => x.searchReady),
      runs.big.map((x) => x.searchReady)
    )
  }
  const q10 = await queries(small.dir)
  const q10k = await queries(big.dir)
  console.log(`\nfull-text queries, ${RUNS * 2} runs each`)
  for (const q of QUERIES) {
    const a = q10.get(q)!
    const b = q10k.get(q)!
    report(`"${q}"`, a.times, b.times)
    console.log(`  ${''.padEnd(30)} 10,000: ${b.hits} hits in ${b.fields}`)
  }
  const memory = process.memoryUsage()
  console.log(
    `\nprocess memory after the runs: rss ${(memory.rss / 1e6).toFixed(0)} MB, heap ${(memory.heapUsed / 1e6).toFixed(0)} MB`
  )
}

void main()
