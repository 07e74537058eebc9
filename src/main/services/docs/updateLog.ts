/**
 * The durable, append-only log of one article's Yjs updates, shared by every process that writes
 * the article (the app, CLI commands). Works on update bytes only; what they mean is the shared
 * document model's business.
 *
 * On disk, in `<library>/docs/<articleId>/`:
 *
 * ```
 * snapshot-<g>.bin   generation g's snapshot: one framed record (absent for generation 0)
 * log-<g>.bin        the updates appended after that snapshot, framed records (see recordFrame.ts)
 * append.lock        held for one append or one compaction (see appendLock.ts)
 * ```
 *
 * The current generation is the highest `g` whose snapshot exists (0 when none does). A compaction
 * writes `log-<g+1>.bin` (the records it has not seen, carried over) and then `snapshot-<g+1>.bin`,
 * each durably; the snapshot's rename is the commit. Only then are generation g's files removed.
 * A crash before the commit leaves an orphan `log-<g+1>.bin` that the next lock holder removes; a
 * crash after it leaves generation g's files, removed the same way. Appends and compactions hold
 * the article's append lock, so an update appended by another process during a compaction is
 * either in the compactor's view or carried into the new log, never lost.
 */
import { mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { CopydeskError } from '../../../shared/result'
import { fsyncDir, writeFileDurable } from '../storage/durableWrite'
import { errnoCode, ioReason, isProcessAlive } from '../storage/fsErrors'
import { AppendLock, lockLeftoverPid, type AppendLockOptions } from './appendLock'
import { frameRecord, scanRecords, type ScanResult } from './recordFrame'

/** The steps of a compaction, in order, as the test hook sees them. */
export type CompactStep = 'locked' | 'log-written' | 'snapshot-written' | 'old-removed'

/** Options of {@link UpdateLog.open}. */
export interface UpdateLogOptions {
  /** Waiting for the append lock. */
  lock?: AppendLockOptions
  /** The clock that names quarantined files. */
  now?: () => Date
  /** Called after each compaction step; tests stop a process there. */
  onCompactStep?: (step: CompactStep) => void | Promise<void>
}

/** Everything the log holds: the snapshot, then the updates in the order they were appended. */
export interface LogContents {
  generation: number
  /** The snapshot (a Yjs update of the whole document), or null in generation 0. */
  snapshot: Uint8Array | null
  updates: Uint8Array[]
}

/**
 * What {@link UpdateLog.readNew} found. `reset`: another process compacted the log, so `updates`
 * starts with the new snapshot (applying it to a document that has it all already changes
 * nothing: Yjs updates are idempotent).
 */
export interface NewUpdates {
  generation: number
  reset: boolean
  updates: Uint8Array[]
}

/** What {@link UpdateLog.compact} did. */
export interface CompactResult {
  /** False when another process compacted first; read the news and try again later. */
  compacted: boolean
  generation: number
  /** Records appended by others that this instance had not read, moved to the new log. */
  carried: number
  snapshotBytes: number
}

/** The article ids a docs folder can be named after (the library's are UUIDs). */
const ARTICLE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/
const SNAPSHOT = /^snapshot-(\d+)\.bin$/
const LOG = /^log-(\d+)\.bin$/
// writeFileDurable's temp files: `.<target>.<pid>.<hex>.tmp`.
const TEMP = /^\.(?:snapshot|log)-\d+\.bin\.(\d+)\.[0-9a-f]+\.tmp$/

class GenerationMoved extends Error {}

function snapshotName(gen: number): string {
  return `snapshot-${gen}.bin`
}

function logName(gen: number): string {
  return `log-${gen}.bin`
}

async function readOrEmpty(file: string): Promise<Buffer> {
  try {
    return await readFile(file)
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return Buffer.alloc(0)
    throw error
  }
}

async function readFrom(file: string, offset: number): Promise<Buffer | null> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null
    throw error
  }
  try {
    const size = (await handle.stat()).size
    if (size <= offset) return Buffer.alloc(0)
    const out = Buffer.alloc(size - offset)
    let done = 0
    while (done < out.length) {
      const { bytesRead } = await handle.read(out, done, out.length - done, offset + done)
      if (bytesRead === 0) break
      done += bytesRead
    }
    return out.subarray(0, done)
  } finally {
    await handle.close()
  }
}

/** One article's update log. Open with {@link UpdateLog.open}; one instance per document. */
export class UpdateLog {
  /** The generation this instance has read. */
  #gen = 0
  /** Offset in `log-<#gen>` up to which every record is in the caller's document. */
  #readOffset = 0
  /** This instance's own records beyond `#readOffset` (the caller has them already). */
  #own = new Set<number>()
  #hasRead = false
  /** Serialises this instance's appends and compactions, so they queue instead of spinning. */
  #tail: Promise<unknown> = Promise.resolve()

  private constructor(
    /** The article's folder, `<library>/docs/<articleId>`. */
    readonly dir: string,
    readonly articleId: string,
    private readonly quarantineDir: string,
    private readonly opts: UpdateLogOptions
  ) {}

  /** Opens (creating its folder if needed) the log of `articleId` in the library `libraryDir`. */
  static async open(
    libraryDir: string,
    articleId: string,
    opts: UpdateLogOptions = {}
  ): Promise<UpdateLog> {
    if (!ARTICLE_ID.test(articleId)) {
      throw new CopydeskError('invalid-input', `"${articleId}" is not an article id`)
    }
    const docs = join(libraryDir, 'docs')
    const dir = join(docs, articleId)
    try {
      const made = await mkdir(dir, { recursive: true })
      if (made !== undefined) {
        // New folders: their names must survive a crash as the files in them do.
        await fsyncDir(docs)
        await fsyncDir(libraryDir)
      }
    } catch (error) {
      throw new CopydeskError('io', `Cannot open the update log in ${dir}: ${ioReason(error)}`)
    }
    return new UpdateLog(dir, articleId, join(libraryDir, 'quarantine'), opts)
  }

  /** The generation and the bytes of snapshot and log, as on disk now (for figures). */
  async size(): Promise<{ generation: number; snapshotBytes: number; logBytes: number }> {
    const { gen } = await this.listing()
    const sizeOf = (name: string): Promise<number> =>
      stat(join(this.dir, name)).then(
        (s) => s.size,
        () => 0
      )
    return {
      generation: gen,
      snapshotBytes: gen > 0 ? await sizeOf(snapshotName(gen)) : 0,
      logBytes: await sizeOf(logName(gen))
    }
  }

  /**
   * Reads the snapshot and every update after it, in order. A torn tail (an append cut short, so
   * never acknowledged) is cut off. A damaged record before the end throws
   * `CopydeskError('corrupt')` naming the file and offset, after the damaged file was moved to the
   * library's quarantine and the records before the damage were kept as the log.
   */
  async read(): Promise<LogContents> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.readOnce()
      } catch (error) {
        // A compaction by another process moved the generation on under us: read the new one.
        if (!(error instanceof GenerationMoved) || attempt >= 20) throw error
      }
    }
  }

  private async readOnce(): Promise<LogContents> {
    const { gen } = await this.listing()
    let snapshot: Uint8Array | null = null
    if (gen > 0) {
      try {
        snapshot = this.decodeSnapshot(
          join(this.dir, snapshotName(gen)),
          await readFile(join(this.dir, snapshotName(gen)))
        )
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') throw new GenerationMoved()
        throw error
      }
    }
    let scan = scanRecords(await readOrEmpty(join(this.dir, logName(gen))))
    if (scan.tail.kind !== 'clean') scan = await this.repair(gen)
    // The log of a generation is removed only after the next one is committed: if that happened
    // while we read, what we read may be short.
    if ((await this.listing()).gen !== gen) throw new GenerationMoved()
    this.#gen = gen
    this.#readOffset = scan.end
    this.#own.clear()
    this.#hasRead = true
    return { generation: gen, snapshot, updates: scan.records.map((r) => r.payload) }
  }

  /**
   * The updates appended by other processes since this instance last read (or appended, or
   * compacted). Never returns this instance's own appends. Call {@link read} first.
   */
  async readNew(): Promise<NewUpdates> {
    if (!this.#hasRead) return this.asReset(await this.read())
    const gen = this.#gen
    const moved = await stat(join(this.dir, snapshotName(gen + 1))).then(
      () => true,
      () => false
    )
    if (moved) return this.asReset(await this.read())
    const file = join(this.dir, logName(gen))
    const bytes = await readFrom(file, this.#readOffset)
    if (bytes === null) {
      const { gen: now } = await this.listing()
      return now === gen
        ? { generation: gen, reset: false, updates: [] }
        : this.asReset(await this.read())
    }
    let scan = scanRecords(bytes, this.#readOffset)
    // A torn tail may be an append still being written: leave it for the next look. Damage is
    // looked at again under the lock, where nobody writes.
    if (scan.tail.kind === 'damaged') {
      const full = await this.repair(gen)
      scan = { ...full, records: full.records.filter((r) => r.offset >= this.#readOffset) }
    }
    const updates: Uint8Array[] = []
    for (const record of scan.records) {
      if (this.#own.delete(record.offset)) continue
      updates.push(record.payload)
    }
    this.#readOffset = Math.max(this.#readOffset, scan.end)
    return { generation: gen, reset: false, updates }
  }

  private asReset(contents: LogContents): NewUpdates {
    return {
      generation: contents.generation,
      reset: true,
      updates: contents.snapshot ? [contents.snapshot, ...contents.updates] : contents.updates
    }
  }

  /**
   * Appends one update durably: written with one write and fdatasynced under the append lock, so
   * when the promise resolves the update survives a crash or a power cut (it is acknowledged).
   */
  append(update: Uint8Array): Promise<void> {
    return this.appendBatch([update])
  }

  /**
   * Appends several updates with one write and one fdatasync (a burst of keystrokes that arrived
   * together); they are acknowledged together. Each stays a record of its own.
   */
  appendBatch(updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve()
    const run = this.#tail.then(() => this.appendLocked(updates))
    this.#tail = run.catch(() => undefined)
    return run
  }

  private async appendLocked(updates: Uint8Array[]): Promise<void> {
    const frames = updates.map((u) => frameRecord(u))
    const frame = frames.length === 1 ? (frames[0] as Buffer) : Buffer.concat(frames)
    const lock = await AppendLock.acquire(this.dir, this.opts.lock)
    try {
      const { gen } = await this.listing({ tidy: true })
      const file = join(this.dir, logName(gen))
      let created = false
      let handle: FileHandle
      try {
        handle = await open(file, 'ax')
        created = true
      } catch (error) {
        if (errnoCode(error) !== 'EEXIST') throw error
        handle = await open(file, 'a+')
      }
      let at = 0
      let closed = false
      try {
        const size = (await handle.stat()).size
        at = size
        if (size > 0) {
          // Only the part nobody has checked yet is read: usually nothing at all.
          const from = gen === this.#gen ? Math.min(this.#readOffset, size) : 0
          const tail = Buffer.alloc(size - from)
          await handle.read(tail, 0, tail.length, from)
          const scan = scanRecords(tail, from)
          if (scan.tail.kind === 'damaged') {
            // Closed first: Windows cannot move a file that is open.
            closed = true
            await handle.close()
            await this.quarantineLog(gen, scan)
          }
          if (scan.tail.kind === 'torn') {
            // Never acknowledged (its writer died before the fsync): cut off, so our record
            // does not land behind garbage.
            await handle.truncate(scan.end)
            at = scan.end
          }
        }
        let done = 0
        while (done < frame.length) {
          const { bytesWritten } = await handle.write(frame, done, frame.length - done, null)
          done += bytesWritten
        }
        await handle.datasync()
      } finally {
        if (!closed) await handle.close()
      }
      if (created) await fsyncDir(this.dir)
      if (gen === this.#gen && this.#hasRead) {
        if (at === this.#readOffset) this.#readOffset = at + frame.length
        else {
          for (const f of frames) {
            this.#own.add(at)
            at += f.length
          }
        }
      }
    } catch (error) {
      if (error instanceof CopydeskError) throw error
      throw new CopydeskError(
        'io',
        `Could not append to the update log in ${this.dir}: ${ioReason(error)}`
      )
    } finally {
      await lock.release()
    }
  }

  /**
   * Replaces the log by `snapshot`: the caller's whole document (`Y.encodeStateAsUpdate`), which
   * must hold everything this instance has read and appended. Records other processes appended
   * that this instance has not read yet are carried into the new log (and returned by the next
   * {@link readNew}). Crash-safe at every step (see the file comment). When another process
   * compacted since this instance last read, nothing is done (`compacted: false`).
   */
  compact(snapshot: Uint8Array): Promise<CompactResult> {
    if (!this.#hasRead) {
      return Promise.reject(new Error('UpdateLog.compact: read() the log before compacting'))
    }
    const run = this.#tail.then(() => this.compactLocked(snapshot))
    this.#tail = run.catch(() => undefined)
    return run
  }

  private async compactLocked(snapshot: Uint8Array): Promise<CompactResult> {
    const step = this.opts.onCompactStep ?? ((): void => undefined)
    const lock = await AppendLock.acquire(this.dir, this.opts.lock)
    try {
      await step('locked')
      const { gen } = await this.listing({ tidy: true })
      if (gen !== this.#gen)
        return { compacted: false, generation: gen, carried: 0, snapshotBytes: 0 }
      const scan = scanRecords(await readOrEmpty(join(this.dir, logName(gen))))
      if (scan.tail.kind === 'damaged') await this.quarantineLog(gen, scan)
      const carried = scan.records.filter(
        (r) => r.offset >= this.#readOffset && !this.#own.has(r.offset)
      )
      const next = gen + 1
      await writeFileDurable(
        join(this.dir, logName(next)),
        Buffer.concat(carried.map((r) => frameRecord(r.payload)))
      )
      await step('log-written')
      const framed = frameRecord(snapshot)
      await writeFileDurable(join(this.dir, snapshotName(next)), framed)
      // Committed: from here on generation `next` is the log.
      this.#gen = next
      this.#readOffset = 0
      this.#own.clear()
      await step('snapshot-written')
      await unlink(join(this.dir, logName(gen))).catch(() => undefined)
      if (gen > 0) await unlink(join(this.dir, snapshotName(gen))).catch(() => undefined)
      await fsyncDir(this.dir)
      await step('old-removed')
      return {
        compacted: true,
        generation: next,
        carried: carried.length,
        snapshotBytes: framed.length
      }
    } catch (error) {
      if (error instanceof CopydeskError) throw error
      throw new CopydeskError(
        'io',
        `Could not compact the update log in ${this.dir}: ${ioReason(error)}`
      )
    } finally {
      await lock.release()
    }
  }

  /**
   * Polls for other processes' appends every `intervalMs` (default 250 ms) and hands them to
   * `onUpdates`; returns the function that stops it. The timer does not keep a process alive.
   */
  watch(
    onUpdates: (news: NewUpdates) => void,
    opts: { intervalMs?: number; onError?: (error: unknown) => void } = {}
  ): () => void {
    let stopped = false
    let timer: NodeJS.Timeout | undefined
    const tick = async (): Promise<void> => {
      try {
        const news = await this.readNew()
        if (!stopped && news.updates.length > 0) onUpdates(news)
      } catch (error) {
        opts.onError?.(error)
      }
      if (!stopped) {
        timer = setTimeout(() => void tick(), opts.intervalMs ?? 250)
        timer.unref()
      }
    }
    timer = setTimeout(() => void tick(), 0)
    timer.unref()
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
    }
  }

  /**
   * The current generation. With `tidy` (only under the append lock, when no compaction can be
   * half-way), what crashed compactions and writers left behind is removed.
   */
  private async listing(opts: { tidy?: boolean } = {}): Promise<{ gen: number }> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch (error) {
      throw new CopydeskError('io', `Cannot read the update log in ${this.dir}: ${ioReason(error)}`)
    }
    let gen = 0
    for (const name of names) {
      const m = SNAPSHOT.exec(name)
      if (m) gen = Math.max(gen, Number(m[1]))
    }
    if (opts.tidy) {
      for (const name of names) {
        const m = SNAPSHOT.exec(name) ?? LOG.exec(name)
        const temp = TEMP.exec(name)
        const pid = temp ? Number(temp[1]) : lockLeftoverPid(name)
        const leftover =
          (m !== null && Number(m[1]) !== gen) ||
          (pid !== null && pid !== process.pid && !isProcessAlive(pid))
        if (leftover) await unlink(join(this.dir, name)).catch(() => undefined)
      }
    }
    return { gen }
  }

  private decodeSnapshot(file: string, bytes: Buffer): Uint8Array {
    const scan = scanRecords(bytes)
    const [record] = scan.records
    if (scan.tail.kind !== 'clean' || scan.records.length !== 1 || !record) {
      const offset = scan.tail.kind === 'clean' ? scan.end : scan.tail.offset
      throw new CopydeskError(
        'corrupt',
        `The snapshot ${file} is damaged at offset ${offset} (${bytes.length} bytes); ` +
          'it was left as it is',
        { file, offset }
      )
    }
    return record.payload
  }

  /** Looks at a log that did not end cleanly again, under the lock; cuts or quarantines. */
  private async repair(gen: number): Promise<ScanResult> {
    const lock = await AppendLock.acquire(this.dir, this.opts.lock)
    try {
      if ((await this.listing({ tidy: true })).gen !== gen) throw new GenerationMoved()
      const file = join(this.dir, logName(gen))
      const scan = scanRecords(await readOrEmpty(file))
      if (scan.tail.kind === 'torn') {
        const handle = await open(file, 'r+')
        try {
          await handle.truncate(scan.end)
          await handle.datasync()
        } finally {
          await handle.close()
        }
        return { ...scan, tail: { kind: 'clean' } }
      }
      if (scan.tail.kind === 'damaged') await this.quarantineLog(gen, scan)
      return scan
    } finally {
      await lock.release()
    }
  }

  /**
   * Moves a damaged log to the quarantine, keeps the records before the damage as the log and
   * throws the error that says what happened. Call under the append lock.
   */
  private async quarantineLog(gen: number, scan: ScanResult): Promise<never> {
    if (scan.tail.kind !== 'damaged') throw new Error('quarantineLog: the log is not damaged')
    const file = join(this.dir, logName(gen))
    const stamp = (this.opts.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
    const movedTo = join(this.quarantineDir, `docs-${this.articleId}-${logName(gen)}.${stamp}`)
    await mkdir(this.quarantineDir, { recursive: true })
    await rename(file, movedTo)
    await fsyncDir(this.quarantineDir)
    await writeFileDurable(file, Buffer.concat(scan.records.map((r) => frameRecord(r.payload))))
    if (gen === this.#gen) {
      this.#readOffset = Math.min(this.#readOffset, scan.end)
      for (const offset of this.#own) if (offset >= scan.end) this.#own.delete(offset)
    }
    throw new CopydeskError(
      'corrupt',
      `The update log ${file} is damaged at offset ${scan.tail.offset}: ${scan.tail.reason}. ` +
        `It was moved to ${movedTo}; the ${scan.records.length} updates before the damage were kept`,
      { file, offset: scan.tail.offset, movedTo, kept: scan.records.length }
    )
  }
}
