/**
 * One writer per library: `library.lock` holds `{ pid, host, startedAt, mode }` of the process
 * that owns the library. It is created with O_EXCL, so two processes cannot both take it. A lock
 * left by a process that is gone (same host, no such pid, or the pid now belongs to a process
 * started later) is reclaimed; a lock from another host is respected, since its process cannot be
 * checked from here.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { link, open, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { CopydeskError } from '../../../shared/result'
import { fsyncDir } from '../storage/durableWrite'
import { errnoCode, ioReason, isProcessAlive, isReadOnlyError } from '../storage/fsErrors'

/**
 * How a library is opened. `app`: the desktop app, owns the library until it closes.
 * `cli-write`: a command that changes the library, owns it for the command. `cli-read`: a
 * command that only reads; takes no lock and writes nothing.
 */
export type LibraryAccess = 'app' | 'cli-write' | 'cli-read'

/** What the lock file says about its holder. */
export interface LockInfo {
  pid: number
  host: string
  startedAt: string
  mode: LibraryAccess
  /** Linux: the holder's start time in clock ticks since boot, to tell a reused pid apart. */
  procStart: string | null
}

/** Hooks for tests: whether a pid lives, this host's name, how long a torn lock may be young. */
export interface LockOptions {
  isAlive?: (pid: number) => boolean
  host?: string
  /** A lock file that is empty or garbled and younger than this is being written: wait. */
  tornGraceMs?: number
}

export const LOCK_FILE = 'library.lock'

const LEFTOVER = /^library\.lock\.(?:\d+-[0-9a-f]{8}\.tmp|stale-\d+-[0-9a-f]{8})$/

// link() errors that mean "this file system has no hard links", not "something is wrong".
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'])

/** An I/O failure while taking the lock, as a message saying what and where. */
function lockIoError(file: string, error: unknown): CopydeskError {
  const readOnly = isReadOnlyError(error)
  return new CopydeskError(
    'io',
    `Cannot take the lock ${file}: ${ioReason(error)}${readOnly ? '; commands that only read still work' : ''}`
  )
}

/** Start time of a process in clock ticks since boot (Linux), or null where unknown. */
export function processStartTicks(pid: number): string | null {
  if (process.platform !== 'linux') return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count from its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19] ?? null
  } catch {
    return null
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as LockInfo
    if (
      typeof v.pid === 'number' &&
      typeof v.host === 'string' &&
      typeof v.startedAt === 'string'
    ) {
      return { ...v, procStart: typeof v.procStart === 'string' ? v.procStart : null }
    }
  } catch {
    // fall through
  }
  return null
}

/** Words for who holds a lock, for error messages. */
export function describeHolder(info: LockInfo): string {
  const who = info.mode === 'app' ? 'the Copydesk app' : 'a copydesk command'
  return `${who} (pid ${info.pid} on ${info.host}, since ${info.startedAt})`
}

/** A held library lock. */
export class LibraryLock {
  private released = false

  private constructor(
    readonly file: string,
    readonly info: LockInfo,
    private readonly raw: string,
    /**
     * The lock this one replaced: its holder had died (a crash, a kill, a power cut), or the
     * file was empty or garbled (`unreadable`). Null after a clean shutdown. Files written
     * without fsync in the dead holder's session may have come back empty.
     */
    readonly reclaimed: LockInfo | 'unreadable' | null = null
  ) {}

  /**
   * Takes the lock of the library in `dir` (which must exist) or throws
   * `CopydeskError('locked')` naming the holder.
   */
  static async acquire(
    dir: string,
    mode: Exclude<LibraryAccess, 'cli-read'>,
    opts: LockOptions = {}
  ): Promise<LibraryLock> {
    const file = join(dir, LOCK_FILE)
    const host = opts.host ?? hostname()
    const isAlive = opts.isAlive ?? isProcessAlive
    const info: LockInfo = {
      pid: process.pid,
      host,
      startedAt: new Date().toISOString(),
      mode,
      procStart: processStartTicks(process.pid)
    }
    const raw = JSON.stringify(info)
    let reclaimed: LockInfo | 'unreadable' | null = null
    // Attempts are bounded by time, not count: waiting out a lock being written must not run
    // out of attempts before the grace period ends.
    const deadline = Date.now() + Math.max(5000, (opts.tornGraceMs ?? 2000) * 2)
    while (Date.now() < deadline) {
      const created = await LibraryLock.create(file, raw)
      if (created === 'created') {
        // The name (not the content) is made durable: after a power cut the lock is there, if
        // empty, and the next opener knows the shutdown was unclean.
        await fsyncDir(dir)
        await LibraryLock.sweep(dir)
        return new LibraryLock(file, info, raw, reclaimed)
      }
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') continue
        throw lockIoError(file, error)
      }
      const holder = parseLock(text)
      if (holder === null) {
        // Created by link() the file is never seen empty, so an empty or garbled lock was left
        // by a full disk or a power cut and is reclaimed at once. Only the fallback for file
        // systems without hard links has a moment where a live holder's file is still empty.
        if (created === 'exists-unlinked') {
          const age = Date.now() - (await stat(file).catch(() => ({ mtimeMs: 0 }))).mtimeMs
          if (age < (opts.tornGraceMs ?? 2000)) {
            await delay(20)
            continue
          }
        }
      } else if (LibraryLock.holderAlive(holder, host, isAlive)) {
        const hint =
          mode === 'cli-write'
            ? '; commands that only read (list, show, history, search, trash) still work'
            : ''
        throw new CopydeskError(
          'locked',
          `The library ${dir} is in use by ${describeHolder(holder)}${hint}`,
          { holder }
        )
      }
      if (await LibraryLock.reclaim(file, text)) reclaimed = holder ?? 'unreadable'
    }
    throw new CopydeskError('locked', `Could not take the lock ${file}: it keeps changing`)
  }

  /**
   * Creates the lock file holding `raw`, or says it exists. The content goes to a temp file
   * first and is linked into place, so the lock never exists empty or half-written, and a disk
   * that is full leaves no lock behind. Without hard links (FAT, some network shares): O_EXCL.
   */
  private static async create(
    file: string,
    raw: string
  ): Promise<'created' | 'exists' | 'exists-unlinked'> {
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
    try {
      await writeFile(temp, raw, { flag: 'wx' })
    } catch (error) {
      await unlink(temp).catch(() => undefined)
      throw lockIoError(file, error)
    }
    try {
      await link(temp, file)
      return 'created'
    } catch (error) {
      const code = errnoCode(error)
      if (code === 'EEXIST') return 'exists'
      if (!NO_HARD_LINKS.has(code ?? '')) throw lockIoError(file, error)
    } finally {
      await unlink(temp).catch(() => undefined)
    }
    let handle
    try {
      handle = await open(file, 'wx')
    } catch (error) {
      if (errnoCode(error) === 'EEXIST') return 'exists-unlinked'
      throw lockIoError(file, error)
    }
    try {
      await handle.writeFile(raw)
    } catch (error) {
      // Not left empty for the next opener to puzzle over.
      await handle.close().catch(() => undefined)
      await unlink(file).catch(() => undefined)
      throw lockIoError(file, error)
    }
    await handle.close()
    return 'created'
  }

  /**
   * Removes what a process killed while taking or reclaiming the lock left beside it (its temp
   * file, a stale lock moved aside). Only old ones: a live process's are gone within moments.
   */
  private static async sweep(dir: string): Promise<void> {
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names) {
      if (!LEFTOVER.test(name)) continue
      const path = join(dir, name)
      const age = Date.now() - (await stat(path).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs
      if (age > 10_000) await unlink(path).catch(() => undefined)
    }
  }

  /** Whether the process named in a lock may still be running. */
  static holderAlive(
    holder: LockInfo,
    host: string = hostname(),
    isAlive: (pid: number) => boolean = isProcessAlive
  ): boolean {
    if (holder.host !== host) return true
    if (holder.pid === process.pid) return true
    if (!isAlive(holder.pid)) return false
    // The pid lives, but a process started after the lock was taken reused it.
    if (holder.procStart !== null) {
      const now = processStartTicks(holder.pid)
      if (now !== null && now !== holder.procStart) return false
    }
    return true
  }

  /**
   * Moves a stale lock aside. If someone replaced it between our read and the move, the moved
   * file is theirs: it is put back (unless another lock appeared meanwhile) and we try again.
   */
  private static async reclaim(file: string, staleText: string): Promise<boolean> {
    const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`
    try {
      await rename(file, aside)
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return false
      throw lockIoError(file, error)
    }
    const moved = await readFile(aside, 'utf8').catch(() => staleText)
    if (moved !== staleText) await link(aside, file).catch(() => undefined)
    await unlink(aside).catch(() => undefined)
    return moved === staleText
  }

  /** The lock file's holder, or null when there is none (or it is unreadable). */
  static async holder(dir: string): Promise<LockInfo | null> {
    try {
      return parseLock(await readFile(join(dir, LOCK_FILE), 'utf8'))
    } catch {
      return null
    }
  }

  /** Releases the lock if the file is still ours; safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return
    this.released = true
    const text = await readFile(this.file, 'utf8').catch(() => null)
    if (text === this.raw) await unlink(this.file).catch(() => undefined)
  }
}
