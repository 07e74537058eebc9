/**
 * Crash-safe file writes for Copydesk's stores and journals.
 *
 * A plain `writeFile` can leave a truncated or empty file after a power cut, and a bare
 * write-then-rename (what lowdb's writer, steno, does) can too: without fsync the rename may reach
 * the disk before the data, and without an fsync of the folder the rename itself may be lost.
 */
import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import * as path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { errnoCode, messageOf } from './fsErrors'

/** The subset of a `FileHandle` these helpers use; kept small so tests can fake failures. */
export interface DurableFileHandle {
  /** Writes all of `data` (loops over short writes). */
  writeFile(data: string | Uint8Array): Promise<void>
  /** fsync(2): flushes data and metadata. */
  sync(): Promise<void>
  /** fdatasync(2): flushes data and the metadata needed to read it back. */
  datasync(): Promise<void>
  close(): Promise<void>
}

/** File-system operations used by the durable writers; every one can be replaced in `opts.fs`. */
export interface FsOps {
  open(file: string, flags: string): Promise<DurableFileHandle>
  rename(oldPath: string, newPath: string): Promise<void>
  unlink(file: string): Promise<void>
}

/** How a rename blocked by another process is retried on Windows. */
export interface RenameRetryPolicy {
  /** Total rename attempts, the first one included. */
  attempts: number
  /** Wait before the second attempt; doubles after each failure. */
  initialDelayMs: number
  /** Upper bound of a single wait. */
  maxDelayMs: number
  /** Upper bound of all waits together, so a save never hangs the app for long. */
  totalDelayMs: number
}

/** Options of the durable writers. The defaults are right for production; tests inject. */
export interface DurableWriteOptions {
  /** Replacements for the real `node:fs/promises` operations. */
  fs?: Partial<FsOps>
  /** Platform whose rules apply (defaults to `process.platform`). */
  platform?: NodeJS.Platform
  /** Waits between rename attempts (defaults to a real timer). */
  sleep?: (ms: number) => Promise<void>
  /** Overrides of {@link DEFAULT_RENAME_RETRY}. */
  renameRetry?: Partial<RenameRetryPolicy>
}

/** Default Windows rename retry: 10 attempts, 10 ms doubling up to 500 ms, 2 s of waiting at most. */
export const DEFAULT_RENAME_RETRY: Readonly<RenameRetryPolicy> = Object.freeze({
  attempts: 10,
  initialDelayMs: 10,
  maxDelayMs: 500,
  totalDelayMs: 2000
})

/** A failed durable write; `file` is the target, `code` the underlying errno code if any. */
export class DurableWriteError extends Error {
  /** The file that was being saved. */
  readonly file: string
  /** The errno code of the underlying failure (`ENOSPC`, `EPERM`...), when there is one. */
  readonly code: string | undefined

  constructor(file: string, message: string, cause: unknown) {
    super(message, { cause })
    this.name = 'DurableWriteError'
    this.file = file
    this.code = errnoCode(cause)
  }
}

const realFs: FsOps = {
  open: (file, flags) => fsp.open(file, flags),
  rename: (oldPath, newPath) => fsp.rename(oldPath, newPath),
  unlink: (file) => fsp.unlink(file)
}

// Antivirus scanners, search indexers and sync clients briefly open files on Windows without
// FILE_SHARE_DELETE, which makes a replacing rename fail with one of these until they let go.
const WINDOWS_TRANSIENT_RENAME_CODES = new Set(['EPERM', 'EBUSY', 'EACCES'])

// Some file systems (certain network and FUSE mounts) cannot fsync a directory at all; the rename
// is then as durable as that file system allows, and failing the save would lose the user's work.
const DIR_FSYNC_UNSUPPORTED_CODES = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR'])

// A fresh random name almost never collides; a few retries cover the astronomically unlikely case
// without ever sharing a temp file with another writer (the 'wx' open guarantees that).
const TEMP_NAME_ATTEMPTS = 3

function resolveFs(opts: DurableWriteOptions | undefined): FsOps {
  // Field by field, so an override given as `undefined` falls back instead of erasing the op.
  return {
    open: opts?.fs?.open ?? realFs.open,
    rename: opts?.fs?.rename ?? realFs.rename,
    unlink: opts?.fs?.unlink ?? realFs.unlink
  }
}

async function writeAndClose(
  handle: DurableFileHandle,
  data: string | Uint8Array,
  flush: 'sync' | 'datasync'
): Promise<void> {
  try {
    await handle.writeFile(data)
    await (flush === 'sync' ? handle.sync() : handle.datasync())
  } catch (err) {
    // The write or flush error is the one worth reporting; a close error after it is noise.
    await handle.close().catch(() => undefined)
    throw err
  }
  // A close error after a successful flush still fails the save: some network file systems only
  // report write errors at close.
  await handle.close()
}

function tempNameFor(target: string): string {
  const name = `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  return path.join(path.dirname(target), name)
}

async function openTemp(
  fs: FsOps,
  target: string
): Promise<{ tempPath: string; handle: DurableFileHandle }> {
  for (let attempt = 1; ; attempt++) {
    const tempPath = tempNameFor(target)
    try {
      return { tempPath, handle: await fs.open(tempPath, 'wx') }
    } catch (err) {
      if (errnoCode(err) === 'EEXIST' && attempt < TEMP_NAME_ATTEMPTS) continue
      throw err
    }
  }
}

async function renameWithRetry(
  fs: FsOps,
  from: string,
  to: string,
  opts: DurableWriteOptions | undefined
): Promise<void> {
  const platform = opts?.platform ?? process.platform
  if (platform !== 'win32') {
    // On POSIX a rename is not blocked by open handles, so EPERM/EACCES are real and final.
    await fs.rename(from, to)
    return
  }
  const policy: RenameRetryPolicy = { ...DEFAULT_RENAME_RETRY, ...opts?.renameRetry }
  const sleep = opts?.sleep ?? ((ms: number): Promise<void> => delay(ms))
  let wait = policy.initialDelayMs
  let waited = 0
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.rename(from, to)
      return
    } catch (err) {
      const code = errnoCode(err)
      if (code === undefined || !WINDOWS_TRANSIENT_RENAME_CODES.has(code)) throw err
      const pause = Math.min(wait, policy.maxDelayMs, policy.totalDelayMs - waited)
      if (attempt >= policy.attempts || pause <= 0) {
        throw new DurableWriteError(
          to,
          `Could not replace ${to} after ${attempt} attempts (${code}): another program ` +
            `(antivirus, search indexer, sync client) may be holding it open`,
          err
        )
      }
      await sleep(pause)
      waited += pause
      wait *= 2
    }
  }
}

/**
 * Makes the directory entry changes in `dir` (creations, renames) durable by fsyncing the
 * directory. A no-op on Windows, which cannot open a directory as a file and whose NTFS journals
 * renames itself.
 */
export async function fsyncDir(dir: string, opts?: DurableWriteOptions): Promise<void> {
  if ((opts?.platform ?? process.platform) === 'win32') return
  const fs = resolveFs(opts)
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } catch (err) {
    const code = errnoCode(err)
    if (code === undefined || !DIR_FSYNC_UNSUPPORTED_CODES.has(code)) throw err
  } finally {
    await handle.close()
  }
}

/**
 * Replaces `target` with `data` so that after a crash or power cut the file holds either the old
 * or the new content in full, never a mix or nothing.
 *
 * Writes a uniquely named temp file beside the target (`.<basename>.<pid>.<hex>.tmp`, opened
 * exclusively), fsyncs it, renames it over the target and fsyncs the folder. Concurrent calls on
 * one target never share a temp file; the last rename wins. On Windows the folder fsync is
 * skipped and a rename blocked by another process is retried (see {@link DEFAULT_RENAME_RETRY}).
 *
 * The folder must exist. On failure the temp file is removed (best effort) and a
 * {@link DurableWriteError} naming the target is thrown.
 */
export async function writeFileDurable(
  target: string,
  data: string | Uint8Array,
  opts?: DurableWriteOptions
): Promise<void> {
  const file = path.resolve(target)
  const dir = path.dirname(file)
  const fs = resolveFs(opts)
  let tempPath: string | undefined
  let renamed = false
  try {
    const opened = await openTemp(fs, file)
    tempPath = opened.tempPath
    const handle = opened.handle
    await writeAndClose(handle, data, 'sync')
    await renameWithRetry(fs, tempPath, file, opts)
    renamed = true
    await fsyncDir(dir, opts)
  } catch (err) {
    // After the rename the temp name no longer exists; before it, the temp file is ours alone.
    if (tempPath !== undefined && !renamed) await fs.unlink(tempPath).catch(() => undefined)
    if (err instanceof DurableWriteError) throw err
    const code = errnoCode(err)
    const message =
      code === 'ENOENT' && tempPath === undefined
        ? `Could not save ${file}: folder ${dir} does not exist`
        : `Could not save ${file}: ${messageOf(err)}`
    throw new DurableWriteError(file, message, err)
  }
}

/**
 * Appends one record to an append-only journal and makes it durable before resolving.
 *
 * `line` is written with a single write and gets a trailing `\n` when it lacks one, so every call
 * adds exactly one line. The data is fdatasynced; when the call created the file, the folder is
 * fsynced too so the new file's name survives a crash. The folder must exist.
 */
export async function appendFileDurable(
  file: string,
  line: string,
  opts?: DurableWriteOptions
): Promise<void> {
  const target = path.resolve(file)
  const fs = resolveFs(opts)
  const record = line.endsWith('\n') ? line : `${line}\n`
  try {
    let created = true
    let handle: DurableFileHandle
    try {
      // 'ax' tells us race-free whether this call created the file (and so must fsync the folder).
      handle = await fs.open(target, 'ax')
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') throw err
      created = false
      handle = await fs.open(target, 'a')
    }
    await writeAndClose(handle, record, 'datasync')
    if (created) await fsyncDir(path.dirname(target), opts)
  } catch (err) {
    const code = errnoCode(err)
    const message =
      code === 'ENOENT'
        ? `Could not append to ${target}: folder ${path.dirname(target)} does not exist`
        : `Could not append to ${target}: ${messageOf(err)}`
    throw new DurableWriteError(target, message, err)
  }
}
