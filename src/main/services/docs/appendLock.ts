/**
 * The short per-article lock that serialises appends and compactions of one update log across
 * processes (the app, any number of CLI commands). It is held for one append or one compaction,
 * never for a session, so writers wait milliseconds for each other instead of being refused.
 *
 * The lock file holds `{ pid, host, procStart }` and appears whole or not at all: the content is
 * written to a temp file first and hard-linked into place, which fails with EEXIST when the lock
 * is held (on file systems without hard links: O_EXCL). A lock whose holder is gone (same host,
 * no such process, or the pid reused by a later process) is moved aside and taken.
 */
import { randomBytes } from 'node:crypto'
import { link, open, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { CopydeskError } from '../../../shared/result'
import { LibraryLock, processStartTicks, type LockInfo } from '../library/libraryLock'
import { errnoCode, ioReason, isProcessAlive } from '../storage/fsErrors'

/** Name of the lock file in an article's docs folder. */
export const APPEND_LOCK = 'append.lock'

/** Hooks and limits; the defaults are right for production. */
export interface AppendLockOptions {
  /** How long to wait for a live holder before giving up (default 10 s). */
  timeoutMs?: number
  /** Whether a pid runs (tests pass their own). */
  isAlive?: (pid: number) => boolean
  /** A lock file that is empty or garbled and younger than this may still be written: wait. */
  tornGraceMs?: number
  /** The lock file's name, where a folder holds several locks (default `append.lock`). */
  name?: string
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'])
// Any lock of this kind (`append.lock`, the index's `summaries.lock`, `search.lock` …).
const LEFTOVER = /^[a-z][a-z-]*\.lock\.(?:(\d+)-[0-9a-f]{8}\.tmp|stale-(\d+)-[0-9a-f]{8})$/

/**
 * The pid of the process that left `name` beside the lock (a temp file or a lock moved aside
 * while taking it), or null when the name is no such leftover.
 */
export function lockLeftoverPid(name: string): number | null {
  const m = LEFTOVER.exec(name)
  return m ? Number(m[1] ?? m[2]) : null
}

function lockError(file: string, error: unknown): CopydeskError {
  return new CopydeskError('io', `Cannot take the append lock ${file}: ${ioReason(error)}`)
}

function parseHolder(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>
    if (typeof v.pid === 'number' && typeof v.host === 'string') {
      return {
        pid: v.pid,
        host: v.host,
        startedAt: typeof v.startedAt === 'string' ? v.startedAt : '',
        mode: v.mode ?? 'cli-write',
        procStart: typeof v.procStart === 'string' ? v.procStart : null
      }
    }
  } catch {
    // fall through: garbled
  }
  return null
}

/** A held append lock; {@link AppendLock.release} it in a `finally`. */
export class AppendLock {
  #released = false

  private constructor(
    /** The lock file. */
    readonly file: string,
    private readonly raw: string,
    /** The holder this lock replaced because it had died, or null. */
    readonly reclaimed: LockInfo | 'unreadable' | null
  ) {}

  /**
   * Takes the append lock in `dir` (which must exist), waiting for a live holder up to
   * `timeoutMs`; then throws `CopydeskError('locked')` naming the holder.
   */
  static async acquire(dir: string, opts: AppendLockOptions = {}): Promise<AppendLock> {
    const file = join(dir, opts.name ?? APPEND_LOCK)
    const host = hostname()
    const isAlive = opts.isAlive ?? isProcessAlive
    const raw = JSON.stringify({
      pid: process.pid,
      host,
      startedAt: new Date().toISOString(),
      procStart: processStartTicks(process.pid)
    })
    const deadline = Date.now() + (opts.timeoutMs ?? 10_000)
    let reclaimed: LockInfo | 'unreadable' | null = null
    let pause = 1
    let holder: LockInfo | null
    for (;;) {
      const created = await AppendLock.create(file, raw)
      if (created === 'created') return new AppendLock(file, raw, reclaimed)
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') continue
        throw lockError(file, error)
      }
      holder = parseHolder(text)
      let stale: boolean
      if (holder === null) {
        // Linked into place whole, a lock is never seen empty; only the O_EXCL fallback or a
        // power cut leaves one so, and the fallback's holder gets a moment to finish writing.
        const age = Date.now() - (await stat(file).catch(() => ({ mtimeMs: 0 }))).mtimeMs
        stale = created === 'exists' || age >= (opts.tornGraceMs ?? 2000)
      } else {
        stale = !LibraryLock.holderAlive(holder, host, isAlive)
      }
      if (stale) {
        if (await AppendLock.moveAside(file, text)) reclaimed = holder ?? 'unreadable'
        continue
      }
      if (Date.now() >= deadline) break
      // Holders keep it for one fsync: start with a millisecond, back off to 20.
      await delay(pause)
      pause = Math.min(pause * 2, 20)
    }
    const who = holder
      ? `process ${holder.pid} on ${holder.host}`
      : 'a process that has not finished writing it'
    throw new CopydeskError(
      'locked',
      `The update log in ${dir} stayed locked by ${who} for ${opts.timeoutMs ?? 10_000} ms`,
      { file, holder }
    )
  }

  private static async create(
    file: string,
    raw: string
  ): Promise<'created' | 'exists' | 'exists-unlinked'> {
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
    try {
      await writeFile(temp, raw, { flag: 'wx' })
    } catch (error) {
      await unlink(temp).catch(() => undefined)
      throw lockError(file, error)
    }
    try {
      await link(temp, file)
      return 'created'
    } catch (error) {
      const code = errnoCode(error)
      if (code === 'EEXIST') return 'exists'
      if (!NO_HARD_LINKS.has(code ?? '')) throw lockError(file, error)
    } finally {
      await unlink(temp).catch(() => undefined)
    }
    let handle
    try {
      handle = await open(file, 'wx')
    } catch (error) {
      if (errnoCode(error) === 'EEXIST') return 'exists-unlinked'
      throw lockError(file, error)
    }
    try {
      await handle.writeFile(raw)
    } catch (error) {
      await handle.close().catch(() => undefined)
      await unlink(file).catch(() => undefined)
      throw lockError(file, error)
    }
    await handle.close()
    return 'created'
  }

  /**
   * Moves a stale lock aside. If another process replaced it between our read and the move, the
   * moved file is theirs: it is put back (unless yet another lock appeared) and we try again.
   */
  private static async moveAside(file: string, staleText: string): Promise<boolean> {
    const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`
    try {
      await rename(file, aside)
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return false
      throw lockError(file, error)
    }
    const moved = await readFile(aside, 'utf8').catch(() => staleText)
    if (moved !== staleText) await link(aside, file).catch(() => undefined)
    await unlink(aside).catch(() => undefined)
    return moved === staleText
  }

  /**
   * Removes what processes killed while taking or reclaiming the lock left beside it. Only files
   * of processes that are gone: a live one's vanish within moments.
   */
  static async sweep(
    dir: string,
    isAlive: (pid: number) => boolean = isProcessAlive
  ): Promise<void> {
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names) {
      const pid = lockLeftoverPid(name)
      if (pid !== null && pid !== process.pid && !isAlive(pid)) {
        await unlink(join(dir, name)).catch(() => undefined)
      }
    }
  }

  /** Releases the lock if the file is still ours; safe to call twice. */
  async release(): Promise<void> {
    if (this.#released) return
    this.#released = true
    const text = await readFile(this.file, 'utf8').catch(() => null)
    if (text === this.raw) await unlink(this.file).catch(() => undefined)
  }
}
