import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises'
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
    await lock.release()
    await lock.release()
    expect(await readdir(dir)).toEqual([])
    const again = await LibraryLock.acquire(dir, 'cli-write')
    await again.release()
  })

  it('reclaims a lock whose process is gone', async () => {
    await writeLock({ pid: deadPid() })
    const lock = await LibraryLock.acquire(dir, 'app')
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
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

  it('does not remove a lock that is no longer its own', async () => {
    const lock = await LibraryLock.acquire(dir, 'app')
    await writeLock({ pid: 4242, host: 'elsewhere' })
    await lock.release()
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).host).toBe('elsewhere')
  })
})
