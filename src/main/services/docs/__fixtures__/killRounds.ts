/**
 * One kill-and-check round, shared by crash.test.ts and bench/update-log.ts: a writer appends
 * and compacts until SIGKILLed at a random moment, then the log is opened as a new process
 * would open it and compared with everything acknowledged so far on that article.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { reopenAndCheck, runWriter } from './writerProcess'

/** What one round found. */
export interface KillRound {
  ackedInRound: number
  lost: string[]
  corrupt: string | null
  quarantined: string[]
  /** The folder right after the kill held two generations' files or a compaction temp file. */
  midCompaction: boolean
  generation: number
  killAfterMs: number
}

/**
 * Kills a writer on `article` at a random moment in [0, maxKillMs) after it is ready and checks
 * the log against `acked` (every marker acknowledged on this article in earlier rounds, to which
 * this round's are added).
 */
export async function killRound(
  library: string,
  article: string,
  acked: Set<string>,
  maxKillMs: number,
  compactEvery: number
): Promise<KillRound> {
  const killAfterMs = Math.floor(Math.random() * maxKillMs)
  const run = await runWriter(library, article, 'w', { killAfterMs, compactEvery })
  for (const marker of run.acked) acked.add(marker)
  const names = await readdir(join(library, 'docs', article)).catch(() => [] as string[])
  const generations = new Set(
    names.map((n) => /^(?:log|snapshot)-(\d+)\.bin$/.exec(n)?.[1]).filter((g) => g !== undefined)
  )
  // A compaction's own temp files, not the lock's (a kill while locking leaves those too).
  const midCompaction =
    generations.size > 1 || names.some((n) => /^\.(?:log|snapshot)-\d+\.bin\..*\.tmp$/.test(n))
  const generation = Math.max(0, ...[...generations].map(Number))
  const checked = await reopenAndCheck(library, article, acked)
  return {
    ackedInRound: run.acked.length,
    lost: checked.lost,
    corrupt: checked.corrupt,
    quarantined: checked.quarantined,
    midCompaction,
    generation,
    killAfterMs
  }
}
