/**
 * Test helpers: a real file system wrapped so tests can see every operation in order and make
 * chosen operations fail with an errno code, the way a full disk or a Windows virus scanner would.
 */
import * as fsp from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { DurableFileHandle, FsOps } from '../durableWrite'

/** One file-system operation as seen by the wrapper. */
export interface FsEvent {
  op: 'open' | 'writeFile' | 'sync' | 'datasync' | 'close' | 'rename' | 'unlink'
  /** The path concerned (for rename: the source). */
  file: string
  /** open: the flags; rename: the destination. */
  detail?: string
}

/** Hook that may throw to fail an operation; called before the real operation runs. */
export type FailHook = (event: FsEvent) => void

/** A recording, optionally failing, {@link FsOps}. */
export interface RecordingFs {
  fs: FsOps
  events: FsEvent[]
  /** Events of one kind, in order. */
  ops(op: FsEvent['op']): FsEvent[]
}

/** Creates an Error shaped like Node's errno errors. */
export function errnoError(code: string, syscall = 'injected'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} failed (injected by test)`), {
    code,
    syscall
  })
}

/** Wraps the real `node:fs/promises`; `fail` may throw to inject an error before an operation. */
export function recordingFs(fail: FailHook = () => undefined): RecordingFs {
  const events: FsEvent[] = []
  const run = (event: FsEvent): void => {
    events.push(event)
    fail(event)
  }
  const fs: FsOps = {
    async open(file, flags) {
      run({ op: 'open', file, detail: flags })
      const real = await fsp.open(file, flags)
      const handle: DurableFileHandle = {
        async writeFile(data) {
          run({ op: 'writeFile', file })
          await real.writeFile(data)
        },
        async sync() {
          run({ op: 'sync', file })
          await real.sync()
        },
        async datasync() {
          run({ op: 'datasync', file })
          await real.datasync()
        },
        async close() {
          // Always release the real descriptor so a failing test does not leak it.
          try {
            run({ op: 'close', file })
          } finally {
            await real.close()
          }
        }
      }
      return handle
    },
    async rename(oldPath, newPath) {
      run({ op: 'rename', file: oldPath, detail: newPath })
      await fsp.rename(oldPath, newPath)
    },
    async unlink(file) {
      run({ op: 'unlink', file })
      await fsp.unlink(file)
    }
  }
  return { fs, events, ops: (op) => events.filter((e) => e.op === op) }
}

/** Names in `dir` that look like leftover temp files. */
export async function tempLeftovers(dir: string): Promise<string[]> {
  return (await fsp.readdir(dir)).filter((name) => name.endsWith('.tmp'))
}

/** A fresh folder in the OS temp dir; remove it with {@link removeTempDir}. */
export function makeTempDir(): Promise<string> {
  return fsp.mkdtemp(path.join(tmpdir(), 'copydesk-storage-'))
}

/** Removes a folder made by {@link makeTempDir}. */
export function removeTempDir(dir: string): Promise<void> {
  return fsp.rm(dir, { recursive: true, force: true })
}
