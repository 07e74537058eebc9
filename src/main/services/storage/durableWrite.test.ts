import { readFile, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_RENAME_RETRY,
  DurableWriteError,
  appendFileDurable,
  fsyncDir,
  writeFileDurable
} from './durableWrite'
import {
  errnoError,
  makeTempDir,
  recordingFs,
  removeTempDir,
  tempLeftovers,
  type FsEvent
} from './__fixtures__/recordingFs'

let dir: string
let target: string

beforeEach(async () => {
  dir = await makeTempDir()
  target = path.join(dir, 'story.json')
})

afterEach(async () => {
  await removeTempDir(dir)
})

/** Records the waits instead of sleeping, so retry tests run instantly. */
function fakeSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = []
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms)
    }
  }
}

/** Fails the first `times` renames with `code`, then lets them through. */
function failRenames(code: string, times = Infinity): (e: FsEvent) => void {
  let failed = 0
  return (e) => {
    if (e.op === 'rename' && failed < times) {
      failed++
      throw errnoError(code, 'rename')
    }
  }
}

async function rejection(promise: Promise<unknown>): Promise<DurableWriteError> {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(DurableWriteError)
    return err as DurableWriteError
  }
  throw new Error('expected the promise to reject')
}

describe('writeFileDurable', () => {
  it('round-trips strings and bytes, replacing the old content, and leaves no temp file', async () => {
    await writeFileDurable(target, '{"headline":"First — café"}')
    expect(await readFile(target, 'utf-8')).toBe('{"headline":"First — café"}')

    const bytes = new Uint8Array([0, 1, 2, 254, 255])
    await writeFileDurable(target, bytes)
    expect(new Uint8Array(await readFile(target))).toEqual(bytes)

    await writeFileDurable(target, '')
    expect(await readFile(target, 'utf-8')).toBe('')
    expect(await tempLeftovers(dir)).toEqual([])
  })

  it('writes an exclusive, uniquely named temp file beside the target', async () => {
    const rec = recordingFs()
    await writeFileDurable(target, 'a', { fs: rec.fs })
    await writeFileDurable(target, 'b', { fs: rec.fs })
    const temps = rec.ops('open').filter((e) => e.detail === 'wx')
    expect(temps).toHaveLength(2)
    for (const t of temps) {
      expect(path.dirname(t.file)).toBe(dir)
      expect(path.basename(t.file)).toMatch(
        new RegExp(`^\\.story\\.json\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`)
      )
    }
    expect(temps[0]?.file).not.toBe(temps[1]?.file)
  })

  it('writes, fsyncs, closes, renames, then fsyncs the folder (linux)', async () => {
    const rec = recordingFs()
    await writeFileDurable(target, 'x', { fs: rec.fs, platform: 'linux' })
    const temp = rec.events[0]?.file ?? ''
    expect(rec.events).toEqual([
      { op: 'open', file: temp, detail: 'wx' },
      { op: 'writeFile', file: temp },
      { op: 'sync', file: temp },
      { op: 'close', file: temp },
      { op: 'rename', file: temp, detail: target },
      { op: 'open', file: dir, detail: 'r' },
      { op: 'sync', file: dir },
      { op: 'close', file: dir }
    ])
  })

  it('skips the folder fsync on win32', async () => {
    const rec = recordingFs()
    await writeFileDurable(target, 'x', { fs: rec.fs, platform: 'win32' })
    expect(rec.events.map((e) => e.op)).toEqual(['open', 'writeFile', 'sync', 'close', 'rename'])
    expect(rec.events.some((e) => e.file === dir)).toBe(false)
    expect(await readFile(target, 'utf-8')).toBe('x')
  })

  it('gives a clear error when the folder does not exist', async () => {
    const missing = path.join(dir, 'no-such-folder', 'story.json')
    const err = await rejection(writeFileDurable(missing, 'x'))
    expect(err.message).toContain(missing)
    expect(err.message).toContain('does not exist')
    expect(err.code).toBe('ENOENT')
    expect(err.file).toBe(missing)
  })

  it('keeps one complete version under 50 concurrent writers, without EEXIST or leftovers', async () => {
    // Large, distinct payloads so a torn or interleaved write could not pass for a valid version.
    const versions = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({ version: i, body: String(i).padStart(4, '0').repeat(16_384) })
    )
    const results = await Promise.allSettled(versions.map((v) => writeFileDurable(target, v)))
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    expect(versions).toContain(await readFile(target, 'utf-8'))
    expect(await tempLeftovers(dir)).toEqual([])
  })

  it.each([
    ['writeFile', 'ENOSPC'],
    ['sync', 'EIO']
  ] as const)(
    'removes the temp file and keeps the old content when %s fails with %s',
    async (op, code) => {
      await writeFile(target, 'old')
      const rec = recordingFs((e) => {
        if (e.op === op) throw errnoError(code, op)
      })
      const err = await rejection(writeFileDurable(target, 'new', { fs: rec.fs }))
      expect(err.code).toBe(code)
      expect(err.message).toContain(target)
      expect(err.cause).toMatchObject({ code })
      expect(rec.ops('close')).toHaveLength(1)
      expect(rec.ops('rename')).toEqual([])
      expect(rec.ops('unlink').map((e) => e.file)).toEqual([rec.events[0]?.file])
      expect(await readFile(target, 'utf-8')).toBe('old')
      expect(await tempLeftovers(dir)).toEqual([])
    }
  )

  it('does not retry a failed rename on linux (EPERM there is a real permission error)', async () => {
    await writeFile(target, 'old')
    const { sleep, waits } = fakeSleep()
    const rec = recordingFs(failRenames('EPERM'))
    const err = await rejection(
      writeFileDurable(target, 'new', { fs: rec.fs, platform: 'linux', sleep })
    )
    expect(err.code).toBe('EPERM')
    expect(rec.ops('rename')).toHaveLength(1)
    expect(waits).toEqual([])
    expect(await readFile(target, 'utf-8')).toBe('old')
    expect(await tempLeftovers(dir)).toEqual([])
  })

  it('fails when the folder fsync fails with a real I/O error', async () => {
    const rec = recordingFs((e) => {
      if (e.op === 'sync' && e.file === dir) throw errnoError('EIO', 'fsync')
    })
    const err = await rejection(writeFileDurable(target, 'new', { fs: rec.fs, platform: 'linux' }))
    expect(err.code).toBe('EIO')
    expect(err.message).toContain(target)
    // The rename had happened: the temp name is gone and must not be unlinked.
    expect(rec.ops('unlink')).toEqual([])
    expect(await tempLeftovers(dir)).toEqual([])
  })

  it('tolerates file systems that cannot fsync a folder (EINVAL)', async () => {
    const rec = recordingFs((e) => {
      if (e.op === 'sync' && e.file === dir) throw errnoError('EINVAL', 'fsync')
    })
    await writeFileDurable(target, 'new', { fs: rec.fs, platform: 'linux' })
    expect(await readFile(target, 'utf-8')).toBe('new')
    expect(rec.ops('close').map((e) => e.file)).toContain(dir)
  })
})

describe('writeFileDurable on win32 (rename blocked by another process)', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])('retries %s with backoff, then succeeds', async (code) => {
    await writeFile(target, 'old')
    const { sleep, waits } = fakeSleep()
    const rec = recordingFs(failRenames(code, 3))
    await writeFileDurable(target, 'new', { fs: rec.fs, platform: 'win32', sleep })
    expect(rec.ops('rename')).toHaveLength(4)
    expect(waits).toEqual([10, 20, 40])
    expect(await readFile(target, 'utf-8')).toBe('new')
    expect(await tempLeftovers(dir)).toEqual([])
  })

  it('gives up after 10 attempts and about 2 s, with a clear error and no temp file', async () => {
    await writeFile(target, 'old')
    const { sleep, waits } = fakeSleep()
    const rec = recordingFs(failRenames('EBUSY'))
    const err = await rejection(
      writeFileDurable(target, 'new', { fs: rec.fs, platform: 'win32', sleep })
    )
    expect(rec.ops('rename')).toHaveLength(DEFAULT_RENAME_RETRY.attempts)
    expect(waits).toHaveLength(DEFAULT_RENAME_RETRY.attempts - 1)
    expect(Math.max(...waits)).toBeLessThanOrEqual(DEFAULT_RENAME_RETRY.maxDelayMs)
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(DEFAULT_RENAME_RETRY.totalDelayMs)
    expect(err.code).toBe('EBUSY')
    expect(err.file).toBe(target)
    expect(err.message).toContain(target)
    expect(err.message).toContain('after 10 attempts')
    expect(rec.ops('unlink')).toHaveLength(1)
    expect(await readFile(target, 'utf-8')).toBe('old')
    expect(await tempLeftovers(dir)).toEqual([])
  })

  it('stops early when the total wait budget is spent', async () => {
    const { sleep, waits } = fakeSleep()
    const rec = recordingFs(failRenames('EPERM'))
    await rejection(
      writeFileDurable(target, 'new', {
        fs: rec.fs,
        platform: 'win32',
        sleep,
        renameRetry: { attempts: 100, initialDelayMs: 100, maxDelayMs: 100, totalDelayMs: 250 }
      })
    )
    expect(waits).toEqual([100, 100, 50])
    expect(await tempLeftovers(dir)).toEqual([])
  })

  it('does not retry errors that waiting cannot fix (ENOSPC)', async () => {
    const { sleep, waits } = fakeSleep()
    const rec = recordingFs(failRenames('ENOSPC'))
    const err = await rejection(
      writeFileDurable(target, 'new', { fs: rec.fs, platform: 'win32', sleep })
    )
    expect(err.code).toBe('ENOSPC')
    expect(err.message).toContain(target)
    expect(rec.ops('rename')).toHaveLength(1)
    expect(waits).toEqual([])
    expect(await tempLeftovers(dir)).toEqual([])
  })
})

describe('fsyncDir', () => {
  it('opens the folder read-only and fsyncs it', async () => {
    const rec = recordingFs()
    await fsyncDir(dir, { fs: rec.fs, platform: 'linux' })
    expect(rec.events).toEqual([
      { op: 'open', file: dir, detail: 'r' },
      { op: 'sync', file: dir },
      { op: 'close', file: dir }
    ])
  })

  it('works on the real file system and is a no-op on win32', async () => {
    await fsyncDir(dir)
    const rec = recordingFs()
    await fsyncDir(dir, { fs: rec.fs, platform: 'win32' })
    expect(rec.events).toEqual([])
  })
})

describe('appendFileDurable', () => {
  it('appends one line per call, fdatasyncs, and fsyncs the folder only when it created the file', async () => {
    const journal = path.join(dir, 'journal.jsonl')
    const rec = recordingFs()
    await appendFileDurable(journal, '{"n":1}', { fs: rec.fs, platform: 'linux' })
    expect(rec.events.map((e) => [e.op, e.file === dir ? 'dir' : 'journal', e.detail])).toEqual([
      ['open', 'journal', 'ax'],
      ['writeFile', 'journal', undefined],
      ['datasync', 'journal', undefined],
      ['close', 'journal', undefined],
      ['open', 'dir', 'r'],
      ['sync', 'dir', undefined],
      ['close', 'dir', undefined]
    ])

    rec.events.length = 0
    await appendFileDurable(journal, '{"n":2}\n', { fs: rec.fs, platform: 'linux' })
    expect(rec.events.map((e) => [e.op, e.detail])).toEqual([
      ['open', 'ax'],
      ['open', 'a'],
      ['writeFile', undefined],
      ['datasync', undefined],
      ['close', undefined]
    ])
    expect(await readFile(journal, 'utf-8')).toBe('{"n":1}\n{"n":2}\n')
  })

  it('keeps every line whole under 50 concurrent appends', async () => {
    const journal = path.join(dir, 'journal.jsonl')
    const lines = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({ n: i, pad: 'x'.repeat(500) })
    )
    await Promise.all(lines.map((l) => appendFileDurable(journal, l)))
    const written = (await readFile(journal, 'utf-8')).split('\n')
    expect(written.pop()).toBe('')
    expect([...written].sort()).toEqual([...lines].sort())
  })

  it('names the file and the missing folder on failure', async () => {
    const journal = path.join(dir, 'gone', 'journal.jsonl')
    const err = await rejection(appendFileDurable(journal, 'x'))
    expect(err.message).toContain(journal)
    expect(err.message).toContain('does not exist')
    expect(err.code).toBe('ENOENT')
  })

  it('reports a failed fdatasync with the file name', async () => {
    const journal = path.join(dir, 'journal.jsonl')
    const rec = recordingFs((e) => {
      if (e.op === 'datasync') throw errnoError('EIO', 'fdatasync')
    })
    const err = await rejection(appendFileDurable(journal, 'x', { fs: rec.fs }))
    expect(err.code).toBe('EIO')
    expect(err.message).toContain(journal)
    expect(rec.ops('close')).toHaveLength(1)
  })
})
