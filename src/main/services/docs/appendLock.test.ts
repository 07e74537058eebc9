/**
 * The per-article append lock across real processes: a lock left by a dead process is taken over,
 * a live holder is waited for and then named, and two appenders in one process queue.
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir, removeTempDir, rejection } from '../library/__fixtures__/libraryFixture'
import { processStartTicks } from '../library/libraryLock'
import { docFrom, markersOf, pushMarker } from './__fixtures__/markerDoc'
import { APPEND_LOCK, AppendLock } from './appendLock'
import { UpdateLog } from './updateLog'

const ARTICLE = 'c2a1b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'

let library = ''
let folder = ''
beforeEach(async () => {
  library = await makeTempDir('copydesk-appendlock-')
  folder = join(library, 'docs', ARTICLE)
})
afterEach(async () => {
  await removeTempDir(library)
})

/** The pid of a process that has run and exited (so no process has it now, for a while). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(String(child.stdout))
}

function lockOf(pid: number): string {
  return JSON.stringify({
    pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    procStart: processStartTicks(pid)
  })
}

describe('AppendLock', () => {
  it('takes over a lock left by a process that died, and the append goes through', async () => {
    const log = await UpdateLog.open(library, ARTICLE)
    const doc = docFrom(await log.read())
    const dead = deadPid()
    await writeFile(join(folder, APPEND_LOCK), lockOf(dead))
    // A leftover temp file of the dead process beside it, as a kill while locking leaves one.
    await writeFile(join(folder, `${APPEND_LOCK}.${dead}-0123abcd.tmp`), lockOf(dead))
    const t0 = Date.now()
    await log.append(pushMarker(doc, 'a-0'))
    expect(Date.now() - t0).toBeLessThan(2000)
    expect(markersOf(docFrom(await (await UpdateLog.open(library, ARTICLE)).read()))).toEqual([
      'a-0'
    ])
    const lock = await AppendLock.acquire(folder)
    await AppendLock.sweep(folder)
    await lock.release()
    expect(await readdir(folder)).toEqual(['log-0.bin'])
  })

  it('takes over an empty lock file (a power cut before its content reached the disk)', async () => {
    await UpdateLog.open(library, ARTICLE)
    await writeFile(join(folder, APPEND_LOCK), '')
    const lock = await AppendLock.acquire(folder, { timeoutMs: 500 })
    expect(lock.reclaimed).toBe('unreadable')
    await lock.release()
  })

  it('waits for a live holder in another process, then names it', { timeout: 60_000 }, async () => {
    await UpdateLog.open(library, ARTICLE)
    // A real process holds the lock for a while, then releases it.
    const hold = (ms: number): Promise<{ pid: number; done: Promise<void> }> =>
      new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', join(__dirname, '__fixtures__', 'holdLock.ts'), folder, String(ms)],
          { stdio: ['ignore', 'pipe', 'inherit'] }
        )
        const done = new Promise<void>((r) => child.on('exit', () => r()))
        child.stdout.once('data', () => resolve({ pid: child.pid as number, done }))
        child.on('error', reject)
        child.on('exit', (code) => reject(new Error(`holdLock exited (${code}) before holding`)))
      })
    const short = await hold(400)
    const t0 = Date.now()
    const lock = await AppendLock.acquire(folder, { timeoutMs: 20_000 })
    expect(Date.now() - t0).toBeGreaterThan(100)
    await lock.release()
    await short.done
    const long = await hold(20_000)
    try {
      const error = await rejection(AppendLock.acquire(folder, { timeoutMs: 300 }))
      expect(error.code).toBe('locked')
      expect(error.message).toContain(`process ${long.pid} on ${hostname()}`)
      expect(JSON.parse(await readFile(join(folder, APPEND_LOCK), 'utf8')).pid).toBe(long.pid)
    } finally {
      process.kill(long.pid, 'SIGKILL')
      await long.done
    }
    // Killed while holding it: the next appender takes it over.
    const next = await AppendLock.acquire(folder, { timeoutMs: 2000 })
    expect(next.reclaimed).toMatchObject({ pid: long.pid })
    await next.release()
  })

  it('queues the appends of one instance instead of failing them', async () => {
    const log = await UpdateLog.open(library, ARTICLE)
    const doc = docFrom(await log.read())
    const updates = Array.from({ length: 20 }, (_, i) => pushMarker(doc, `a-${i}`))
    await Promise.all(updates.map((u) => log.append(u)))
    const back = docFrom(await (await UpdateLog.open(library, ARTICLE)).read())
    expect(markersOf(back)).toHaveLength(20)
  })
})
