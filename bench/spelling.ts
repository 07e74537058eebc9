/**
 * Spelling of a 20,000-word German text through the SpellChecker's worker thread, in chunks of
 * 1,000 words (what an editor or preflight sends), beside the same tokenisation without any
 * dictionary lookup (the baseline), in the same run. Prints the first load of the German
 * dictionary, words/s, median and p95 per chunk, the check/baseline ratio, and the main
 * thread's event-loop lag while the worker checks.
 *
 *   npx tsx bench/spelling.ts [--words N] [--rounds N]
 *
 * The text is the accuracy test's German copy (six articles, ~1,700 words) repeated, with one
 * typo in every 100 words; pass 1 of the checks runs with cold caches, later rounds warm.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import {
  NEWS_COPY_DE,
  SEEDED_TYPOS_DE
} from '../src/main/services/spelling/__fixtures__/newsCopyDe'
import { SpellChecker } from '../src/main/services/spelling/spellChecker'

const { values } = parseArgs({
  options: { words: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '3' } }
})
const TOTAL = Number(values.words)
const ROUNDS = Number(values.rounds)
const CHUNK = 1000

function germanText(total: number): string[] {
  const source = NEWS_COPY_DE.flatMap((a) => [a.headline, a.teaser, ...a.body])
    .join('\n')
    .split(/(?<=\s)/u)
  const typos = new Map(SEEDED_TYPOS_DE.map((t) => [t.correct, t.typo]))
  const words: string[] = []
  let typoSlot = 0
  for (let i = 0; words.length < total; i++) {
    let word = source[i % source.length]
    // One seeded typo per 100 words, so the check also pays for findings and suggestions.
    if (words.length >= typoSlot) {
      const bare = word.trim().replace(/[.,:;“„]/gu, '')
      const typo = typos.get(bare)
      if (typo) {
        word = word.replace(bare, typo)
        typoSlot = words.length + 100
      }
    }
    words.push(word)
  }
  return words
}

function chunks(words: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < words.length; i += CHUNK) out.push(words.slice(i, i + CHUNK).join(''))
  return out
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

function summary(ms: number[]): { median: number; p95: number; total: number } {
  const sorted = [...ms].sort((a, b) => a - b)
  return {
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    total: ms.reduce((a, b) => a + b, 0)
  }
}

async function timeEach(
  texts: string[],
  run: (text: string) => Promise<unknown>
): Promise<number[]> {
  const ms: number[] = []
  for (const text of texts) {
    const started = performance.now()
    await run(text)
    ms.push(performance.now() - started)
  }
  return ms
}

function line(label: string, ms: number[], words: number): string {
  const s = summary(ms)
  const wps = Math.round((words / s.total) * 1000)
  return (
    `${label.padEnd(34)} ${String(wps).padStart(8)} words/s   per 1,000 words: median ` +
    `${s.median.toFixed(1).padStart(6)} ms, p95 ${s.p95.toFixed(1).padStart(6)} ms`
  )
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-bench-spelling-'))
  const checker = new SpellChecker({ libraryDir: dir })
  try {
    const words = germanText(TOTAL)
    const texts = chunks(words)
    console.log(`Spelling bench: ${words.length} words of German copy in ${texts.length} chunks`)

    const loadStarted = performance.now()
    const load = await checker.preload('de')
    const loadWall = performance.now() - loadStarted
    console.log(
      `first load of de: ${loadWall.toFixed(0)} ms wall (worker start + WebAssembly ` +
        `${load.wasmMs.toFixed(0)} ms + dictionary ${load.dictionaryMs.toFixed(0)} ms)`
    )

    const lag = monitorEventLoopDelay({ resolution: 5 })
    const baseline: number[] = []
    const plain: number[] = []
    const suggesting: number[] = []
    let findings = 0
    let coldPlain: number[] = []
    let coldSuggest: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      baseline.push(...(await timeEach(texts, (t) => checker.countWords([t], 'de'))))
      lag.enable()
      const p = await timeEach(texts, (t) => checker.check(t, 'de', { suggestions: false }))
      const s = await timeEach(texts, async (t) => {
        findings += (await checker.check(t, 'de')).length
      })
      lag.disable()
      if (round === 0) {
        coldPlain = p
        coldSuggest = s
      }
      plain.push(...p)
      suggesting.push(...s)
    }
    const chunkWords = words.length / texts.length
    const total = words.length * ROUNDS
    console.log(line('baseline: tokenise, no lookups', baseline, total))
    console.log(line('check, no suggestions (all rounds)', plain, total))
    console.log(line('check + suggestions (all rounds)', suggesting, total))
    console.log(line('check, no suggestions (cold pass)', coldPlain, words.length))
    console.log(line('check + suggestions (cold pass)', coldSuggest, words.length))
    const ratio = summary(plain).median / summary(baseline).median
    const ratioSuggest = summary(suggesting).median / summary(baseline).median
    console.log(
      `ratio check/baseline (median per chunk): ${ratio.toFixed(2)} without suggestions, ` +
        `${ratioSuggest.toFixed(2)} with; ${findings / ROUNDS} findings per pass, ` +
        `${chunkWords} words per chunk`
    )

    const whole = performance.now()
    await checker.check(words.join(''), 'de', { suggestions: false })
    console.log(`whole text in one call: ${(performance.now() - whole).toFixed(0)} ms`)
    console.log(
      `main-thread event-loop lag while checking: p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, ` +
        `p95 ${(lag.percentile(95) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`
    )
  } finally {
    await checker.close()
    await rm(dir, { recursive: true, force: true })
  }
}

void main()
