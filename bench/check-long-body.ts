/**
 * The copy desk check (preflight with spelling) of an article whose body holds N unknown words
 * (default 130,000, where spreading the findings used to overflow the stack), through the real
 * core: a temporary library, the spelling worker thread, grouping per word. Prints the time of
 * the check, the number of findings and occurrences, and the process's peak RSS (the worker
 * thread's memory included), for every distinct word (`--distinct N`, default all) repeating.
 *
 *   npx tsx bench/check-long-body.ts [--words N] [--distinct N]
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { PmNode } from '../src/shared/article'
import { openServices } from '../src/main/services'

const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '130000' },
    distinct: { type: 'string' }
  }
})
const WORDS = Number(values.words)
const DISTINCT = Number(values.distinct ?? values.words)
const PER_PARAGRAPH = 1000

// Letters only: a word with a digit is skipped by the spelling check.
function nonsense(i: number): string {
  let word = 'Qzx'
  for (let n = i; ; n = Math.floor(n / 26)) {
    word += String.fromCharCode(97 + (n % 26))
    if (n < 26) break
  }
  return `${word}vbk`
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'copydesk-bench-check-'))
  const s = await openServices({
    libraryDir: join(root, 'library'),
    version: 'bench',
    systemLocale: 'de'
  })
  try {
    const content: PmNode[] = []
    for (let p = 0; p * PER_PARAGRAPH < WORDS; p++) {
      const words: string[] = []
      for (let i = p * PER_PARAGRAPH; i < Math.min(WORDS, (p + 1) * PER_PARAGRAPH); i++) {
        words.push(nonsense(i % DISTINCT))
      }
      content.push({ type: 'paragraph', content: [{ type: 'text', text: words.join(' ') }] })
    }
    const article = await s.articles.create({
      language: 'de',
      headline: 'Lange Liste',
      bylines: ['Anna Beispiel'],
      body: { type: 'doc', content }
    })
    let peakRss = process.memoryUsage().rss
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
    }, 50)
    const started = performance.now()
    const findings = await s.preflight.run(article.id, { language: 'en' })
    const ms = performance.now() - started
    clearInterval(sampler)
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
    const spelling = findings.filter((f) => f.code === 'spelling')
    let occurrences = 0
    for (const f of spelling) occurrences += f.count ?? 1
    console.log(
      `check of ${WORDS.toLocaleString('en')} unknown words (${DISTINCT.toLocaleString('en')} distinct): ` +
        `${(ms / 1000).toFixed(1)} s, ${spelling.length.toLocaleString('en')} spelling findings ` +
        `covering ${occurrences.toLocaleString('en')} occurrences, peak RSS ${Math.round(peakRss / 1024 ** 2)} MB`
    )
  } finally {
    await s.close()
    await rm(root, { recursive: true, force: true })
  }
}

void main()
