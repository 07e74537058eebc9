/**
 * Index reconciliation at open: which articles the library index lists that are gone from the
 * disk, and which article files changed since the index saw them (by their stamp: inode, size,
 * modification time). Temp files of writes a crash cut short are removed on the way; the
 * library reads the changed files and updates the index.
 */
import { statSync } from 'node:fs'
import { readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { errnoCode, isProcessAlive } from '../storage/fsErrors'
import type { SummaryIndex } from './summaryIndex'

const ID_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/

/** The stamp of an article file: it changes whenever the file is replaced or written. */
export function stampOf(st: { ino: number; size: number; mtimeMs: number }): string {
  return `${st.ino}-${st.size}-${st.mtimeMs}`
}

const TEMP_PID = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/

/**
 * Removes the temp files (`.name.<pid>.<hex>.tmp`) that writes a crash cut short left in a
 * folder. A temp file of a process that still runs is another writer's write under way: kept.
 */
export async function removeCutShortTemps(
  dir: string,
  isAlive: (pid: number) => boolean = isProcessAlive
): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!name.startsWith('.') || !name.endsWith('.tmp')) continue
    const pid = Number(TEMP_PID.exec(name)?.[1] ?? NaN)
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue
    await unlink(join(dir, name)).catch(() => undefined)
  }
}

/** What the index and the article folder disagree on. */
export interface IndexDifference {
  /** Articles the index lists whose file is gone. */
  gone: string[]
  /** Articles whose file is new or changed since the index saw it. */
  toRead: string[]
}

/** Compares the index with the article files (and, if writable, removes cut-short temps). */
export async function compareWithDisk(
  articlesDir: string,
  index: SummaryIndex,
  writable: boolean
): Promise<IndexDifference> {
  let names: string[] = []
  try {
    names = await readdir(articlesDir)
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error
  }
  const present = new Set<string>()
  const toRead: string[] = []
  for (const name of names) {
    const match = ID_FILE.exec(name)
    if (!match) {
      // A temp file of a write that a crash cut short; the article itself is intact.
      if (writable && name.startsWith('.') && name.endsWith('.tmp')) {
        await unlink(join(articlesDir, name)).catch(() => undefined)
      }
      continue
    }
    const id = match[1] as string
    let stamp: string
    try {
      // Synchronous on purpose: 10,000 stats take 30–60 ms this way and about three times
      // that through the thread pool.
      stamp = stampOf(statSync(join(articlesDir, name)))
    } catch {
      continue
    }
    present.add(id)
    if (index.entries.get(id)?.stamp !== stamp) toRead.push(id)
  }
  const gone = [...index.entries.keys()].filter((id) => !present.has(id))
  return { gone, toRead }
}
