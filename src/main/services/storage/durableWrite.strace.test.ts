/**
 * Proves at the system-call level that a save is durable: the kernel must see the temp file's
 * write, then its fsync, then the rename over the target, then an fsync of the folder. Unit tests
 * with injected fs functions cannot show this, because Node could reorder or skip the real calls.
 *
 * Needs Linux with strace and ptrace allowed. Elsewhere the test skips with a printed reason;
 * set COPYDESK_REQUIRE_STRACE=1 (CI) to turn that skip into a failure.
 */
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import * as path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir, removeTempDir, tempLeftovers } from './__fixtures__/recordingFs'

const here = path.dirname(fileURLToPath(import.meta.url))
const fixture = path.join(here, '__fixtures__', 'saveOnce.ts')
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

// '?' lets strace accept names missing on some architectures (aarch64 has no rename or open).
// Every way Node may write, flush, open or rename is listed, so a change of syscall in a future
// Node or libuv shows up as a clear assertion failure rather than an empty trace.
const TRACED = [
  'openat',
  '?open',
  '?creat',
  'write',
  'pwrite64',
  'writev',
  'pwritev',
  '?pwritev2',
  'fsync',
  'fdatasync',
  '?rename',
  'renameat',
  '?renameat2',
  'close'
].join(',')

function straceUnavailable(): string | null {
  if (process.platform !== 'linux')
    return `strace tracing needs Linux (this is ${process.platform})`
  const probe = spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', 'true'], { encoding: 'utf-8' })
  if (probe.error) return `strace is not installed (${probe.error.message})`
  if (probe.status !== 0) {
    return `strace cannot trace here, ptrace is probably not permitted: ${probe.stderr.trim()}`
  }
  return null
}

const unavailable = straceUnavailable()
const required = process.env.COPYDESK_REQUIRE_STRACE === '1'
if (unavailable !== null && !required) {
  console.warn(`[skipped] durableWrite.strace.test.ts: ${unavailable}`)
}

/** One completed system call from an strace -f log. */
interface Syscall {
  /** Position in completion order. */
  index: number
  pid: number
  name: string
  args: string
  result: number
}

const LINE = /^(\d+)\s+(.*)$/
const UNFINISHED = ' <unfinished ...>'
const RESUMED = /^<\.\.\. (\w+) resumed>(.*)$/
const CALL = /^(\w+)\((.*)\)\s+=\s+(-?\d+)/

/**
 * Parses `strace -f` output into calls in completion order. With -f, a call that blocks while
 * another thread runs is split into `<unfinished ...>` and `<... name resumed>` lines of one pid;
 * they are joined here and the call is placed where it returned, which is the order that matters
 * because each step of a save awaits the previous one.
 */
function parseStrace(log: string): Syscall[] {
  const pending = new Map<number, string>()
  const calls: Syscall[] = []
  for (const raw of log.split('\n')) {
    const line = LINE.exec(raw)
    if (!line) continue
    const pid = Number(line[1])
    let body = line[2] ?? ''
    if (body.endsWith(UNFINISHED)) {
      pending.set(pid, body.slice(0, -UNFINISHED.length))
      continue
    }
    const resumed = RESUMED.exec(body)
    if (resumed) {
      body = (pending.get(pid) ?? `${resumed[1]}(`) + (resumed[2] ?? '')
      pending.delete(pid)
    }
    const call = CALL.exec(body)
    if (!call) continue
    calls.push({
      index: calls.length,
      pid,
      name: call[1] ?? '',
      args: call[2] ?? '',
      result: Number(call[3])
    })
  }
  return calls
}

/** The quoted path arguments of a call, unescaped. */
function pathsOf(call: Syscall): string[] {
  return [...call.args.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) =>
    (m[1] ?? '').replace(/\\(.)/g, '$1')
  )
}

/** The leading file-descriptor argument of write/fsync/close-like calls. */
function fdOf(call: Syscall): number {
  return Number(/^(\d+)/.exec(call.args)?.[1] ?? NaN)
}

const isOpen = (c: Syscall): boolean => ['openat', 'open', 'creat'].includes(c.name)
const isWrite = (c: Syscall): boolean => /^p?writev?(64|2)?$/.test(c.name)
const isFlush = (c: Syscall): boolean => c.name === 'fsync' || c.name === 'fdatasync'
const isRename = (c: Syscall): boolean => c.name.startsWith('rename')

/** First call after `from` matching `pred`, failing the test with `what` when there is none. */
function next(
  calls: Syscall[],
  from: number,
  what: string,
  pred: (c: Syscall) => boolean
): Syscall {
  const found = calls.find((c) => c.index > from && pred(c))
  if (!found) throw new Error(`strace log has no ${what} after call #${from}`)
  return found
}

describe('parseStrace', () => {
  it('joins unfinished and resumed calls per pid and orders calls by completion', () => {
    const log = [
      '101  openat(AT_FDCWD, "/d/.a.tmp", O_WRONLY|O_CREAT|O_EXCL, 0666 <unfinished ...>',
      '102  openat(AT_FDCWD, "/other", O_RDONLY <unfinished ...>',
      '102  <... openat resumed>)             = 30',
      '101  <... openat resumed>)             = 31',
      '101  write(31, "{\\"a\\":1}", 7)         = 7',
      '101  fsync(31 <unfinished ...>',
      '101  <... fsync resumed>)              = 0',
      '100  rename("/d/.a.tmp", "/d/a") = 0',
      '100  +++ exited with 0 +++'
    ].join('\n')
    const calls = parseStrace(log)
    expect(calls.map((c) => [c.pid, c.name, c.result])).toEqual([
      [102, 'openat', 30],
      [101, 'openat', 31],
      [101, 'write', 7],
      [101, 'fsync', 0],
      [100, 'rename', 0]
    ])
    expect(pathsOf(calls[1] as Syscall)).toEqual(['/d/.a.tmp'])
    expect(fdOf(calls[3] as Syscall)).toBe(31)
    expect(pathsOf(calls[4] as Syscall)).toEqual(['/d/.a.tmp', '/d/a'])
  })
})

describe.skipIf(unavailable !== null && !required)('writeFileDurable under strace', () => {
  let dir: string
  let traceDir: string

  beforeEach(async () => {
    dir = await makeTempDir()
    traceDir = await makeTempDir()
  })

  afterEach(async () => {
    await removeTempDir(dir)
    await removeTempDir(traceDir)
  })

  it('writes, fsyncs the temp file, renames it over the target, then fsyncs the folder', async () => {
    if (unavailable !== null) throw new Error(unavailable)
    const target = path.join(dir, 'story.json')
    const content = JSON.stringify({ headline: 'Traced save', body: 'x'.repeat(1000) })
    const traceFile = path.join(traceDir, 'trace.log')

    const run = spawnSync(
      'strace',
      [
        '-f',
        '-qq',
        '-e',
        `trace=${TRACED}`,
        '-o',
        traceFile,
        process.execPath,
        '--import',
        tsxLoader,
        fixture,
        target,
        content
      ],
      {
        encoding: 'utf-8',
        timeout: 60_000,
        // libuv may route file I/O through io_uring, which strace cannot see; Node 20 disables it
        // by default, but say so explicitly so a different Node or env cannot hide the calls.
        env: { ...process.env, UV_USE_IO_URING: '0' }
      }
    )
    expect(run.error).toBeUndefined()
    expect(run.status, run.stderr).toBe(0)
    expect(await readFile(target, 'utf-8')).toBe(content)
    expect(await tempLeftovers(dir)).toEqual([])

    const calls = parseStrace(await readFile(traceFile, 'utf-8'))
    const tempName = new RegExp(`^\\.story\\.json\\.\\d+\\.[0-9a-f]{12}\\.tmp$`)
    const isTempPath = (p: string | undefined): boolean =>
      p !== undefined && path.dirname(p) === dir && tempName.test(path.basename(p))

    // Exactly one temp file was created, exclusively, and its descriptor is followed from there.
    const opens = calls.filter((c) => isOpen(c) && isTempPath(pathsOf(c)[0]))
    expect(opens).toHaveLength(1)
    const open = opens[0] as Syscall
    expect(open.args).toContain('O_EXCL')
    expect(open.result).toBeGreaterThanOrEqual(0)
    const fd = open.result
    const tempPath = pathsOf(open)[0] as string

    // The temp fd's life ends at its close; only calls before it can concern the temp file.
    const closeTemp = next(calls, open.index, `close(${fd})`, (c) => {
      return c.name === 'close' && fdOf(c) === fd
    })
    const writes = calls.filter(
      (c) => c.index > open.index && c.index < closeTemp.index && isWrite(c) && fdOf(c) === fd
    )
    expect(writes.reduce((n, c) => n + c.result, 0)).toBe(Buffer.byteLength(content))
    const lastWrite = writes[writes.length - 1] as Syscall

    const flush = next(calls, lastWrite.index, `fsync/fdatasync(${fd})`, (c) => {
      return isFlush(c) && fdOf(c) === fd
    })
    expect(flush.result).toBe(0)
    expect(flush.index).toBeLessThan(closeTemp.index)

    const rename = next(calls, flush.index, 'rename of the temp file', (c) => {
      return isRename(c) && pathsOf(c)[0] === tempPath
    })
    expect(pathsOf(rename)).toEqual([tempPath, target])
    expect(rename.result).toBe(0)

    const openDir = next(calls, rename.index, `open of ${dir}`, (c) => {
      return isOpen(c) && pathsOf(c)[0] === dir
    })
    expect(openDir.args).toMatch(/O_RDONLY/)
    expect(openDir.result).toBeGreaterThanOrEqual(0)
    const dirFd = openDir.result

    const dirFlush = next(calls, openDir.index, `fsync(${dirFd}) of the folder`, (c) => {
      return (isFlush(c) || c.name === 'close') && fdOf(c) === dirFd
    })
    expect(dirFlush.name).toBe('fsync')
    expect(dirFlush.result).toBe(0)

    // Strictly increasing: write -> fsync(file) -> rename -> open(dir) -> fsync(dir).
    const order = [lastWrite, flush, rename, openDir, dirFlush].map((c) => c.index)
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })
})
