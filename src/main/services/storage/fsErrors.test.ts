import { spawnSync } from 'node:child_process'
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { errnoCode, ioReason, isProcessAlive, isReadOnlyError, messageOf } from './fsErrors'

describe('file-system errors', () => {
  it('reads the errno code and message of a real failure', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fserrors-'))
    try {
      const missing = await open(join(dir, 'nope.json'), 'r').catch((e: unknown) => e)
      expect(errnoCode(missing)).toBe('ENOENT')
      expect(messageOf(missing)).toContain('nope.json')
      expect(ioReason(missing)).toContain('nope.json')
      await writeFile(join(dir, 'file'), 'x')
      const notDir = await open(join(dir, 'file', 'inside'), 'r').catch((e: unknown) => e)
      expect(errnoCode(notDir)).toBe('ENOTDIR')
      expect(isReadOnlyError(notDir)).toBe(false)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    expect(errnoCode(new Error('plain'))).toBeUndefined()
    expect(errnoCode({ code: 42 })).toBeUndefined()
    expect(errnoCode(null)).toBeUndefined()
    expect(messageOf('thrown text')).toBe('thrown text')
  })

  it('says a full disk, a read-only file system and missing permission in words', () => {
    const failure = (code: string): NodeJS.ErrnoException =>
      Object.assign(new Error(`${code}: write`), { code })
    expect(ioReason(failure('ENOSPC'))).toBe('the disk is full')
    expect(ioReason(failure('EROFS'))).toBe('the file system is read-only')
    expect(ioReason(failure('EACCES'))).toBe('permission denied')
    expect(ioReason(failure('EIO'))).toBe('EIO: write')
    expect(isReadOnlyError(failure('EROFS'))).toBe(true)
    expect(isReadOnlyError(failure('EPERM'))).toBe(true)
    expect(isReadOnlyError(failure('ENOSPC'))).toBe(false)
  })

  it('knows a running process from one that has exited', () => {
    expect(isProcessAlive(process.pid)).toBe(true)
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8'
    })
    expect(isProcessAlive(Number(child.stdout))).toBe(false)
    // No system hands out such pids: nothing can hold a lock or a leftover under them.
    expect(isProcessAlive(2 ** 31)).toBe(false)
    expect(isProcessAlive(1.5)).toBe(false)
  })
})
