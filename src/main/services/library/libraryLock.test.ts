import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, unlink, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CopydeskError } from '../../../shared/result'
import { LOCK_FILE, LibraryLock, type LockInfo } from './libraryLock'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-lock-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A pid that certainly belongs to no running process: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8'
  })
  return Number(child.stdout)
}

async function writeLock(info: Partial<LockInfo>): Promise<void> {
  const full: LockInfo = {
    pid: 1,
    host: hostname(),
    startedAt: '2024-05-02T12:00:00.000Z',
    mode: 'app',
    procStart: null,
    ...info
  }
  await writeFile(join(dir, LOCK_FILE), JSON.stringify(full))
}

async function lockError(promise: Promise<unknown>): Promise<CopydeskError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof CopydeskError) return error
    throw error
  }
  throw new Error('expected the lock to be refused')
}

describe('LibraryLock', () => {
  it('writes pid, host and start time, and refuses a second holder naming the first', async () => {
    const lock = await LibraryLock.acquire(dir, 'app')
    const info = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as LockInfo
    expect(info).toMatchObject({ pid: process.pid, host: hostname(), mode: 'app' })
    const error = await lockError(LibraryLock.acquire(dir, 'cli-write'))
    expect(error.code).toBe('locked')
    expect(error.message).toContain(`pid ${process.pid} on ${hostname()}`)
    expect(error.message).toContain('the Copydesk app')
    expect(lock.reclaimed).toBeNull()
    await lock.release()
    await lock.release()
    expect(await readdir(dir)).toEqual([])
    const again = await LibraryLock.acquire(dir, 'cli-write')
    await again.release()
  })

  it('reclaims a lock whose process is gone', async () => {
    const dead = deadPid()
    await writeLock({ pid: dead })
    const lock = await LibraryLock.acquire(dir, 'app')
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    // The library uses this to tell an unclean shutdown from a clean one.
    expect(lock.reclaimed).toMatchObject({ pid: dead })
    await lock.release()
    expect(await readdir(dir)).toEqual([])
  })

  it('respects a lock held by a live process on this host', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'])
    try {
      await writeLock({ pid: child.pid, mode: 'cli-write' })
      const error = await lockError(LibraryLock.acquire(dir, 'app'))
      expect(error.message).toContain(`pid ${child.pid}`)
      expect(error.message).toContain('a copydesk command')
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('treats a lock from another host as held, even if its pid is unknown here', async () => {
    await writeLock({ pid: deadPid(), host: 'newsroom-laptop-7' })
    const error = await lockError(LibraryLock.acquire(dir, 'app'))
    expect(error.message).toContain('newsroom-laptop-7')
  })

  it.skipIf(process.platform !== 'linux')(
    'reclaims a lock whose pid was reused by a younger process',
    async () => {
      // The parent process is alive, but a recorded start time that differs means another process.
      await writeLock({ pid: process.ppid, procStart: '1' })
      const lock = await LibraryLock.acquire(dir, 'app')
      await lock.release()
    }
  )

  it('waits for a lock being written and reclaims one torn long ago', async () => {
    await writeFile(join(dir, LOCK_FILE), '')
    const old = new Date(Date.now() - 60_000)
    await utimes(join(dir, LOCK_FILE), old, old)
    const lock = await LibraryLock.acquire(dir, 'app')
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    await lock.release()
  })

  it('takes over at once a lock file left empty or garbled by a full disk or a power cut', async () => {
    for (const text of ['', '{"pid": 12', '\u0000\u0000\u0000']) {
      // Fresh: written a moment ago, as by a process that hit a full disk and gave up.
      await writeFile(join(dir, LOCK_FILE), text)
      const started = performance.now()
      const lock = await LibraryLock.acquire(dir, 'cli-write')
      expect(performance.now() - started).toBeLessThan(500)
      expect(lock.reclaimed).toBe('unreadable')
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
      await lock.release()
      expect(await readdir(dir)).toEqual([])
    }
  })

  it('clears what a process killed while taking the lock left beside it, once it is old', async () => {
    const leftovers = ['library.lock.4242-0a1b2c3d.tmp', 'library.lock.stale-4242-0a1b2c3d']
    for (const name of [...leftovers, 'library.lock.77-00000000.tmp']) {
      await writeFile(join(dir, name), '{"pid":4242}')
    }
    const old = new Date(Date.now() - 60_000)
    for (const name of leftovers) await utimes(join(dir, name), old, old)
    const lock = await LibraryLock.acquire(dir, 'app')
    // The young one may belong to a process taking the lock right now: left alone.
    expect((await readdir(dir)).sort()).toEqual([LOCK_FILE, 'library.lock.77-00000000.tmp'])
    await lock.release()
  })

  const isRoot = process.getuid?.() === 0
  if (!isRoot) console.warn('libraryLock.test: not root, so the full-disk case (tmpfs) is skipped')
  it.skipIf(!isRoot)(
    'on a full disk says so, leaves no empty lock behind, and works once there is room',
    async () => {
      const small = join(dir, 'small')
      await mkdir(small)
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small])
      try {
        const filler = join(small, 'filler')
        await writeFile(filler, Buffer.alloc(64 * 1024)).catch(() => undefined)
        // Fill the last blocks too: tmpfs counts in pages.
        for (let i = 0; i < 64; i++) {
          try {
            await writeFile(join(small, `f${i}`), 'x')
          } catch {
            break
          }
        }
        const error = await lockError(LibraryLock.acquire(small, 'cli-write'))
        expect(error.code).toBe('io')
        expect(error.message).toBe(
          `Cannot take the lock ${join(small, LOCK_FILE)}: the disk is full`
        )
        expect((await readdir(small)).filter((n) => n.includes('lock'))).toEqual([])
        await unlink(filler)
        const lock = await LibraryLock.acquire(small, 'cli-write')
        expect(lock.reclaimed).toBeNull()
        await lock.release()
      } finally {
        execFileSync('umount', [small])
      }
    }
  )

  it('does not remove a lock that is no longer its own', async () => {
    const lock = await LibraryLock.acquire(dir, 'app')
    await writeLock({ pid: 4242, host: 'elsewhere' })
    await lock.release()
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).host).toBe('elsewhere')
  })
})
