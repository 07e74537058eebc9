/**
 * SIGKILL at random moments while child processes append and compact (__fixtures__/appendLoop.ts):
 * after every kill the log opens (0 corrupt logs) and every update the child acknowledged is in
 * the document rebuilt from snapshot and log. Then each compaction step is interrupted on
 * purpose. 50 random kills here, on two articles of one library at once (the append lock is per
 * article); `bench/update-log.ts --kills 1000` runs more.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, removeTempDir } from '../library/__fixtures__/libraryFixture'
import { killRound, type KillRound } from './__fixtures__/killRounds'
import { reopenAndCheck, runWriter } from './__fixtures__/writerProcess'

const KILLS = 50
const ARTICLES = ['3b0c1f52-8d7e-4a61-9f20-5c4d3e2b1a00', '3b0c1f52-8d7e-4a61-9f20-5c4d3e2b1a01']
// Each append is one fdatasync (a few ms here); compacting every 7 appends keeps a good share of
// the kills inside compactions.
const MAX_KILL_MS = 300
const COMPACT_EVERY = 7

let library = ''
beforeAll(async () => {
  library = await makeTempDir('copydesk-logcrash-')
})
afterAll(async () => {
  await removeTempDir(library)
})

describe('update log under SIGKILL', () => {
  it(
    `loses no acknowledged update and corrupts no log in ${KILLS} kills`,
    { timeout: 180_000 },
    async () => {
      const lanes = await Promise.all(
        ARTICLES.map(async (article) => {
          const acked = new Set<string>()
          const rounds: KillRound[] = []
          for (let i = 0; i < KILLS / ARTICLES.length; i++) {
            rounds.push(await killRound(library, article, acked, MAX_KILL_MS, COMPACT_EVERY))
          }
          return rounds
        })
      )
      const rounds = lanes.flat()
      console.info(
        `docs/crash.test: ${KILLS} kills, ${rounds.reduce((n, r) => n + r.ackedInRound, 0)} ` +
          `acknowledged updates, ${rounds.filter((r) => r.midCompaction).length} kills inside ` +
          `a compaction, ${rounds.flatMap((r) => r.lost).length} lost, ` +
          `${rounds.filter((r) => r.corrupt !== null).length} corrupt logs`
      )
      expect(rounds).toHaveLength(KILLS)
      expect(rounds.filter((r) => r.corrupt !== null).map((r) => r.corrupt)).toEqual([])
      expect(rounds.flatMap((r) => r.lost)).toEqual([])
      expect(rounds.flatMap((r) => r.quarantined)).toEqual([])
      // The kills must land while appends run, and some inside compactions (the folder then
      // holds a second generation's files or a temp file).
      expect(rounds.filter((r) => r.ackedInRound > 0).length).toBeGreaterThan(KILLS / 2)
      expect(rounds.filter((r) => r.midCompaction).length).toBeGreaterThan(0)
      expect(Math.min(...rounds.map((r) => r.generation))).toBeGreaterThanOrEqual(0)
      expect(Math.max(...rounds.map((r) => r.generation))).toBeGreaterThan(5)
    }
  )

  for (const step of ['locked', 'log-written', 'snapshot-written', 'old-removed']) {
    it(`finds a consistent log when a compaction dies after step "${step}"`, async () => {
      const article = `step-${step}`
      const first = await runWriter(library, article, 'a', {
        count: 10,
        compactEvery: 5,
        stopAt: step
      })
      expect(first.killed).toBe(true)
      expect(first.acked).toHaveLength(5)
      const folder = join(library, 'docs', article)
      const leftAfterKill = (await readdir(folder)).sort()
      // Read by a process that takes no lock: all five are there whatever the step.
      const afterKill = await reopenAndCheck(library, article, first.acked)
      expect(afterKill).toMatchObject({ lost: [], corrupt: null })
      // The next writer reclaims the dead writer's lock and tidies the dead generation away.
      const second = await runWriter(library, article, 'b', { count: 3, compactEvery: 100 })
      const final = await reopenAndCheck(library, article, [...first.acked, ...second.acked])
      expect(final).toMatchObject({ lost: [], corrupt: null, quarantined: [] })
      expect(final.markers).toHaveLength(8)
      const left = (await readdir(folder)).sort()
      const generation = step === 'locked' || step === 'log-written' ? 0 : 1
      expect(left).toEqual(generation === 0 ? ['log-0.bin'] : ['log-1.bin', 'snapshot-1.bin'])
      if (step === 'locked') expect(leftAfterKill).toContain('append.lock')
      if (step === 'log-written') expect(leftAfterKill).toContain('log-1.bin')
      if (step === 'snapshot-written') expect(leftAfterKill).toContain('log-0.bin')
    })
  }
})
