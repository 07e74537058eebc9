/**
 * SIGKILL at random moments while a child process saves in a loop (see
 * __fixtures__/crashRounds.ts): after every kill the library opens (the dead child's lock is
 * reclaimed), every file parses, and the article holds the last acknowledged save or a later
 * one. 50 kills here, in two libraries side by side to keep the test short; bench/library-crash.ts
 * runs 1,000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crashRound, type CrashRound } from './__fixtures__/crashRounds'
import { makeTempDir, removeTempDir } from './__fixtures__/libraryFixture'

const KILLS = 50
const LANES = 2
// Kills land at a random moment up to this long after the child is ready. Each save writes the
// article and its history version durably (two fsyncs), 10–40 ms here; a longer window keeps
// most kills inside the save loop rather than before its first save.
const MAX_KILL_MS = 500

const dirs: string[] = []
beforeAll(async () => {
  for (let i = 0; i < LANES; i++) dirs.push(await makeTempDir('copydesk-crash-'))
})
afterAll(async () => {
  for (const dir of dirs) await removeTempDir(dir)
})

describe('saves under SIGKILL', () => {
  it(
    `loses no acknowledged save and corrupts no file in ${KILLS} kills`,
    { timeout: 240_000 },
    async () => {
      const lanes = await Promise.all(
        dirs.map(async (dir) => {
          const rounds: CrashRound[] = []
          for (let i = 0; i < KILLS / LANES; i++) rounds.push(await crashRound(dir, MAX_KILL_MS))
          return rounds
        })
      )
      const rounds = lanes.flat()
      expect(rounds).toHaveLength(KILLS)
      expect(rounds.filter((r) => r.corrupt.length || r.failures.length)).toEqual([])
      // The kills must have landed while saves were running, not all before the first one.
      expect(rounds.filter((r) => r.acked > r.start).length).toBeGreaterThan(KILLS / 2)
      for (const lane of lanes) {
        expect(Math.max(...lane.map((r) => r.found))).toBeGreaterThan(KILLS / LANES)
      }
    }
  )
})
