/**
 * 1,000 SIGKILLs at random moments while a child process saves one article in a loop (index
 * compactions and search-index writes included, see saveLoop.ts). After every kill the library
 * is reopened: the dead child's lock must be reclaimed, every file must parse, and the article
 * must hold the last acknowledged save or a later one, in its file, the list and the search.
 * Prints the totals, and median and p95 of reopening after a kill against reopening after a
 * clean close (baseline, same library, same run).
 *
 *   npx tsx bench/library-crash.ts [--kills N] [--max-kill-ms MS]
 *
 * Goal (issue 3): 1,000 kills, 0 corrupt files, 0 lost acknowledged saves.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ArticleLibrary } from '../src/main/services/library/articleLibrary'
import { crashRound, type CrashRound } from '../src/main/services/library/__fixtures__/crashRounds'
import { BENCH_ROOT, ms, stats } from './libraryCorpus'

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '1000' },
    'max-kill-ms': { type: 'string', default: '150' }
  }
})
const KILLS = Number(values.kills)
const MAX_KILL_MS = Number(values['max-kill-ms'])

async function main(): Promise<void> {
  const dir = join(BENCH_ROOT, 'library-crash')
  await rm(dir, { recursive: true, force: true })
  const rounds: CrashRound[] = []
  const clean: number[] = []
  const started = performance.now()
  for (let i = 0; i < KILLS; i++) {
    rounds.push(await crashRound(dir, MAX_KILL_MS))
    // Baseline: the same library opened again after a clean close.
    const t0 = performance.now()
    const library = await ArticleLibrary.open(dir)
    await library.list()
    clean.push(performance.now() - t0)
    await library.close()
    if ((i + 1) % 100 === 0) {
      const bad = rounds.filter((r) => r.corrupt.length || r.failures.length).length
      console.log(`  ${i + 1} kills, ${bad} bad rounds, revision ${rounds[i]?.found}`)
    }
  }
  const corrupt = rounds.flatMap((r) => r.corrupt)
  const failures = rounds.flatMap((r) => r.failures)
  const lost = rounds.filter((r) => r.found < r.acked).length
  const duringSaves = rounds.filter((r) => r.acked > r.start).length
  const after = stats(rounds.map((r) => r.reopenMs))
  const base = stats(clean)
  console.log(
    `\n${KILLS} kills in ${((performance.now() - started) / 1000).toFixed(0)} s (kill 0–${MAX_KILL_MS} ms after the child was ready)`
  )
  console.log(`  kills that landed after saves had started: ${duringSaves}`)
  const saves = rounds.reduce((n, r) => n + Math.max(0, r.acked - r.start), 0)
  console.log(`  acknowledged saves: ${saves} over all rounds`)
  console.log(`  corrupt files: ${corrupt.length}`)
  console.log(`  lost acknowledged saves: ${lost}`)
  console.log(`  other failures: ${failures.length}`)
  for (const line of [...corrupt, ...failures].slice(0, 20)) console.log(`    ${line}`)
  console.log(`  reopen after a kill: median ${ms(after.median)}  p95 ${ms(after.p95)}`)
  console.log(`  reopen after a clean close: median ${ms(base.median)}  p95 ${ms(base.p95)}`)
  console.log(
    `  ratio: median ${(after.median / base.median).toFixed(2)}  p95 ${(after.p95 / base.p95).toFixed(2)}`
  )
  await rm(dir, { recursive: true, force: true })
  process.exitCode = corrupt.length || failures.length || lost ? 1 : 0
}

void main()
