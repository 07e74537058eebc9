/**
 * The library list's index: one summary per article, kept as a snapshot plus an append-only
 * journal so that a save costs one short appended line, not a rewrite of the whole index.
 *
 * Files in `index/`: `summaries.json` (`{ format, nextGen, entries }`) and `journal-<gen>.ndjson`.
 * The snapshot covers everything before journal `nextGen`; opening replays journals
 * `nextGen, nextGen+1, …` over it. The article files stay the truth: the library checks each
 * entry's file stamp at open and re-reads what differs, so a lost or damaged index costs time,
 * never data.
 *
 * Several processes (the app and CLI commands) may write the index at once. Every append and
 * every compaction runs under a short lock on the index (`summaries.lock`, an {@link AppendLock}):
 * the writer first reads what other processes appended since it last looked (it remembers the
 * journal's generation, inode and offset), then appends. A compaction seals the journal with a
 * `seal` line naming the next generation, writes the snapshot, then deletes the sealed journals;
 * a writer that finds its journal sealed follows to the next one, a writer that finds it gone
 * reloads the snapshot. A crash at any step leaves a snapshot and journals that together hold
 * every acknowledged record. Records of one article from different processes resolve to the
 * newest by the summary's revision, then its change time, whichever order they land in.
 */
import { constants } from 'node:fs'
import { open, readdir, stat, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary } from '../../../shared/article'
import { CopydeskError } from '../../../shared/result'
import { AppendLock } from '../docs/appendLock'
import { fsyncDir, writeFileDurable } from '../storage/durableWrite'
import { errnoCode } from '../storage/fsErrors'

/** What the index keeps per article: its summary and the stamp of the file it came from. */
export interface IndexEntry {
  summary: ArticleSummary
  /** `ino-size-mtimeMs` of the article file when the summary was taken. */
  stamp: string
}

/** How the index files were found at open. */
export type IndexLoadStatus = 'ok' | 'missing' | 'damaged'

const FORMAT = 1
const SNAPSHOT = 'summaries.json'
const JOURNAL = /^journal-(\d+)\.ndjson$/
/** The lock file serialising appends and compactions across processes. */
export const SUMMARY_LOCK = 'summaries.lock'

interface Snapshot {
  format: number
  nextGen: number
  entries: [string, IndexEntry][]
}

/** Orders two states of one article: its revision, then its change time. */
interface Version {
  revision: number
  updatedMs: number
}

type JournalRecord =
  | { op: 'put'; id: string; entry: IndexEntry }
  | { op: 'del'; id: string; revision?: number; updatedAt?: string }
  | { op: 'seal'; next: number }

function isEntry(value: unknown): value is IndexEntry {
  const v = value as IndexEntry | null
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.stamp === 'string' &&
    typeof v.summary === 'object' &&
    v.summary !== null &&
    typeof v.summary.id === 'string' &&
    typeof v.summary.revision === 'number' &&
    typeof v.summary.updatedAt === 'string'
  )
}

function journalName(gen: number): string {
  return `journal-${gen}.ndjson`
}

function versionOf(revision: number, updatedAt: string): Version {
  const updatedMs = Date.parse(updatedAt)
  return { revision, updatedMs: Number.isNaN(updatedMs) ? 0 : updatedMs }
}

/** -1, 0, 1 as `a` is older than, as old as, newer than `b`. */
function compareVersions(a: Version, b: Version): number {
  if (a.revision !== b.revision) return a.revision < b.revision ? -1 : 1
  if (a.updatedMs !== b.updatedMs) return a.updatedMs < b.updatedMs ? -1 : 1
  return 0
}

function stampOfFile(st: { ino: number; size: number; mtimeMs: number }): string {
  return `${st.ino}-${st.size}-${st.mtimeMs}`
}

/** Options of {@link SummaryIndex.load}. */
export interface SummaryIndexOptions {
  /** False for read-only openers: nothing is ever written or deleted. */
  writable: boolean
  /** Journal lines after which a compaction is due. */
  journalLimit?: number
  /** How long to wait for another process's index lock (default 10 s). */
  lockTimeoutMs?: number
}

/** Where this process stands in the files: what it has read and where it appends next. */
interface Position {
  gen: number
  /** Inode of `journal-<gen>` when seen, null while it has not been (it may not exist yet). */
  ino: number | null
  /** Bytes of the journal applied: always the end of a complete line. */
  offset: number
  /** Stamp of the snapshot last read or written, null when there was none. */
  snapshot: string | null
}

interface QueuedAppend {
  record: JournalRecord
  resolve: () => void
  reject: (error: unknown) => void
}

/** The summaries of a library, in memory, persisted as snapshot + journal. */
export class SummaryIndex {
  readonly entries = new Map<string, IndexEntry>()
  private pos: Position = { gen: 0, ino: null, offset: 0, snapshot: null }
  private lines = 0
  // Removals seen, so that another process's older record arriving later does not bring an
  // article back.
  private readonly removed = new Map<string, Version>()
  // This process's changes not yet durable in a journal or snapshot: they are laid over the files
  // again whenever the index is reloaded from them.
  private readonly overlay = new Map<string, JournalRecord>()
  private queue: QueuedAppend[] = []
  // Every file operation of this process runs in this chain, one at a time.
  private chain: Promise<void> = Promise.resolve()
  private compacting: Promise<void> | null = null
  private remoteChanges = 0

  private constructor(
    private readonly dir: string,
    private readonly writable: boolean,
    private readonly journalLimit: number,
    private readonly lockTimeoutMs: number
  ) {}

  /**
   * Reads the snapshot and replays the journals. A missing index gives an empty one; a damaged
   * snapshot is reported as `damaged` (and its journals are still replayed). Damaged journal lines
   * are skipped: the check against the article files repairs whatever they held.
   */
  static async load(
    dir: string,
    opts: SummaryIndexOptions
  ): Promise<{ index: SummaryIndex; status: IndexLoadStatus; detail?: string }> {
    const index = new SummaryIndex(
      dir,
      opts.writable,
      opts.journalLimit ?? 1000,
      opts.lockTimeoutMs ?? 10_000
    )
    const { status, detail } = await index.reload()
    // What writers killed while taking the index locks left beside them (their temp files).
    if (opts.writable) await AppendLock.sweep(dir)
    return { index, status, detail }
  }

  /**
   * Reads snapshot and journals into this index. Without the lock a compaction may delete a
   * journal between the listing and the read: then the snapshot is newer, and reading again
   * gives a consistent picture.
   */
  private async reload(): Promise<{ status: IndexLoadStatus; detail?: string }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.readFiles()
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT' || attempt >= 5) throw error
      }
    }
  }

  private async readFiles(): Promise<{ status: IndexLoadStatus; detail?: string }> {
    let names: string[] = []
    try {
      names = await readdir(this.dir)
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error
    }
    this.entries.clear()
    this.removed.clear()
    let status: IndexLoadStatus = 'ok'
    let detail: string | undefined
    let nextGen = 0
    let snapshotStamp: string | null = null
    if (names.includes(SNAPSHOT)) {
      const file = join(this.dir, SNAPSHOT)
      let text: string
      const handle = await open(file, 'r')
      try {
        snapshotStamp = stampOfFile(await handle.stat())
        text = await handle.readFile('utf8')
      } finally {
        await handle.close()
      }
      try {
        const snapshot = JSON.parse(text) as Snapshot
        if (snapshot.format !== FORMAT || !Array.isArray(snapshot.entries)) {
          throw new Error(`unknown snapshot format ${String(snapshot.format)}`)
        }
        nextGen = Number.isInteger(snapshot.nextGen) ? snapshot.nextGen : 0
        for (const [id, entry] of snapshot.entries) {
          if (typeof id === 'string' && isEntry(entry)) this.entries.set(id, entry)
        }
      } catch (error) {
        status = 'damaged'
        detail = `${file}: ${error instanceof Error ? error.message : String(error)}`
        this.entries.clear()
        nextGen = 0
      }
    } else {
      status = names.some((n) => JOURNAL.test(n)) ? 'ok' : 'missing'
    }
    const journals = names
      .map((n) => Number(JOURNAL.exec(n)?.[1] ?? NaN))
      .filter((g) => Number.isInteger(g))
      .sort((a, b) => a - b)
    this.pos = { gen: nextGen, ino: null, offset: 0, snapshot: snapshotStamp }
    this.lines = 0
    for (const gen of journals) {
      if (gen < nextGen) {
        // Sealed and covered by the snapshot: left behind by a compaction cut short.
        if (this.writable) await unlink(join(this.dir, journalName(gen))).catch(() => undefined)
        continue
      }
      if (gen < this.pos.gen) continue
      this.pos = { ...this.pos, gen, ino: null, offset: 0 }
      this.lines = 0
      const handle = await open(join(this.dir, journalName(gen)), 'r')
      try {
        await this.readTail(handle, false)
      } finally {
        await handle.close()
      }
    }
    for (const record of this.overlay.values()) this.applyLocal(record)
    this.remoteChanges++
    return { status, detail }
  }

  /**
   * Applies the complete lines of the open journal past the known offset. Under the lock an
   * unfinished last line is a write that a killed process cut short: it is cut off (`repair`).
   * Returns whether the journal was sealed (the position then points at the next generation).
   */
  private async readTail(
    handle: FileHandle,
    repair: boolean,
    known?: { ino: number; size: number }
  ): Promise<boolean> {
    const st = known ?? (await handle.stat())
    if (this.pos.ino === null) this.pos.ino = st.ino
    const length = st.size - this.pos.offset
    if (length <= 0) return false
    const buffer = Buffer.alloc(length)
    let got = 0
    while (got < length) {
      const { bytesRead } = await handle.read(buffer, got, length - got, this.pos.offset + got)
      if (bytesRead === 0) break
      got += bytesRead
    }
    const end = buffer.lastIndexOf(0x0a, got - 1) + 1
    for (const line of buffer.toString('utf8', 0, end).split('\n')) {
      if (!line) continue
      let record: JournalRecord
      try {
        record = JSON.parse(line) as JournalRecord
      } catch {
        this.lines++
        continue
      }
      if (record.op === 'seal') {
        if (Number.isInteger(record.next) && record.next > this.pos.gen) {
          this.pos = { ...this.pos, gen: record.next, ino: null, offset: 0 }
          this.lines = 0
          return true
        }
        continue
      }
      this.lines++
      this.applyRemote(record)
    }
    this.pos.offset += end
    if (repair && end < got) await handle.truncate(this.pos.offset)
    return false
  }

  /** A record read from the files: applied only if it is not older than what is known. */
  private applyRemote(record: JournalRecord): void {
    if (record.op === 'put') {
      if (!isEntry(record.entry)) return
      const incoming = versionOf(record.entry.summary.revision, record.entry.summary.updatedAt)
      const known = this.entries.get(record.id)
      const knownVersion = known
        ? versionOf(known.summary.revision, known.summary.updatedAt)
        : this.removed.get(record.id)
      if (knownVersion && compareVersions(incoming, knownVersion) < 0) return
      this.entries.set(record.id, record.entry)
      this.removed.delete(record.id)
    } else if (record.op === 'del') {
      const known = this.entries.get(record.id)
      if (known && typeof record.revision === 'number' && typeof record.updatedAt === 'string') {
        const removal = versionOf(record.revision, record.updatedAt)
        const knownVersion = versionOf(known.summary.revision, known.summary.updatedAt)
        if (compareVersions(removal, knownVersion) < 0) return
        this.removed.set(record.id, removal)
      }
      this.entries.delete(record.id)
    }
    this.remoteChanges++
  }

  /** This process's own change: it has just read or written the article file, so it wins. */
  private applyLocal(record: JournalRecord): void {
    if (record.op === 'put') {
      this.entries.set(record.id, record.entry)
      this.removed.delete(record.id)
    } else if (record.op === 'del') {
      const known = this.entries.get(record.id)
      if (known) {
        this.removed.set(record.id, versionOf(known.summary.revision, known.summary.updatedAt))
      }
      this.entries.delete(record.id)
    }
  }

  /** Lines in the current journal (every process's). */
  get journalLines(): number {
    return this.lines
  }

  /** True when the journal is long enough that a compaction should run. */
  get compactionDue(): boolean {
    return this.writable && this.lines >= this.journalLimit && this.compacting === null
  }

  /**
   * Grows whenever records of other processes (or a reload from the files) changed the entries,
   * so that a cached view of them (the sorted list) knows to rebuild.
   */
  get changeCount(): number {
    return this.remoteChanges
  }

  /** Sets an entry; with `journal`, appends it durably (resolves once it is on disk). */
  async put(id: string, entry: IndexEntry, journal = true): Promise<void> {
    const record: JournalRecord = { op: 'put', id, entry }
    this.applyLocal(record)
    this.overlay.set(id, record)
    if (journal && this.writable) await this.append(record)
  }

  /** Removes an entry; with `journal`, appends the removal durably. */
  async remove(id: string, journal = true): Promise<void> {
    const known = this.entries.get(id)
    const record: JournalRecord = known
      ? {
          op: 'del',
          id,
          revision: known.summary.revision,
          updatedAt: known.summary.updatedAt
        }
      : { op: 'del', id }
    this.applyLocal(record)
    this.overlay.set(id, record)
    if (journal && this.writable) await this.append(record)
  }

  private append(record: JournalRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject })
      // The first waiting record schedules a run; the run takes every record queued by then
      // and writes them with one lock, one write and one sync.
      if (this.queue.length === 1) void this.exclusive(() => this.flushQueue())
    })
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work)
    this.chain = run.then(
      () => undefined,
      () => undefined
    )
    return run
  }

  private async flushQueue(): Promise<void> {
    const batch = this.queue
    this.queue = []
    if (batch.length === 0) return
    try {
      await this.underLock(async () => {
        const text = batch.map((q) => `${JSON.stringify(q.record)}\n`).join('')
        await this.appendText(text)
        this.lines += batch.length
      })
    } catch (error) {
      for (const q of batch) q.reject(error)
      return
    }
    for (const q of batch) {
      const id = q.record.op === 'seal' ? null : q.record.id
      if (id !== null && this.overlay.get(id) === q.record) this.overlay.delete(id)
      q.resolve()
    }
  }

  private async underLock<T>(work: () => Promise<T>): Promise<T> {
    let lock: AppendLock
    try {
      lock = await AppendLock.acquire(this.dir, {
        name: SUMMARY_LOCK,
        timeoutMs: this.lockTimeoutMs
      })
    } catch (error) {
      if (error instanceof CopydeskError && error.code === 'locked') {
        throw new CopydeskError(
          'locked',
          `The library index in ${this.dir} stayed locked by another process: ${error.message}`
        )
      }
      throw error
    }
    try {
      return await work()
    } finally {
      await lock.release()
    }
  }

  /**
   * Takes in what other processes wrote since this one last looked. `locked`: the caller holds
   * the index lock, so an unfinished last line is torn and is cut off. Returns the open journal
   * (positioned after everything applied), or null when the current generation has no journal.
   */
  private async catchUp(locked: boolean, flags: number): Promise<FileHandle | null> {
    for (let hops = 0; hops < 1000; hops++) {
      let handle: FileHandle
      try {
        handle = await open(join(this.dir, journalName(this.pos.gen)), flags)
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error
        if (this.pos.ino === null && (await this.snapshotStamp()) === this.pos.snapshot) {
          return null
        }
        // Compacted away by another process: the snapshot holds what it had.
        await this.reload()
        continue
      }
      try {
        const st = await handle.stat()
        if ((this.pos.ino !== null && st.ino !== this.pos.ino) || st.size < this.pos.offset) {
          await handle.close()
          await this.reload()
          continue
        }
        if (await this.readTail(handle, locked, st)) {
          await handle.close()
          continue
        }
      } catch (error) {
        await handle.close().catch(() => undefined)
        throw error
      }
      return handle
    }
    throw new Error(`library index: ${this.dir} keeps changing under it`)
  }

  private async snapshotStamp(): Promise<string | null> {
    try {
      return stampOfFile(await stat(join(this.dir, SNAPSHOT)))
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null
      throw error
    }
  }

  /** Under the lock: catch up, then append `text` durably to the current journal. */
  private async appendText(text: string): Promise<void> {
    let handle = await this.catchUp(true, constants.O_RDWR | constants.O_APPEND)
    let created = false
    if (handle === null) {
      handle = await open(
        join(this.dir, journalName(this.pos.gen)),
        constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_EXCL
      )
      this.pos.ino = (await handle.stat()).ino
      created = true
    }
    try {
      const bytes = Buffer.from(text, 'utf8')
      await handle.write(bytes)
      await handle.datasync()
      this.pos.offset += bytes.length
    } finally {
      await handle.close()
    }
    if (created) await fsyncDir(this.dir)
  }

  /**
   * Takes in the records other processes appended (and a compaction they ran) since this index
   * last looked: a stat of the journal when nothing changed. Resolves whether entries changed.
   */
  refresh(): Promise<boolean> {
    return this.exclusive(async () => {
      const before = this.remoteChanges
      const handle = await this.catchUp(false, constants.O_RDONLY)
      await handle?.close()
      return this.remoteChanges !== before
    })
  }

  /**
   * Writes a fresh snapshot and drops the journals it covers, under the index lock, after taking
   * in what other processes appended. Concurrent calls share one run.
   */
  compact(): Promise<void> {
    if (!this.writable) return Promise.resolve()
    this.compacting ??= this.exclusive(() => this.underLock(() => this.runCompaction())).finally(
      () => {
        this.compacting = null
      }
    )
    return this.compacting
  }

  private async runCompaction(): Promise<void> {
    const handle = await this.catchUp(true, constants.O_RDWR | constants.O_APPEND)
    const oldGen = this.pos.gen
    const nextGen = oldGen + 1
    if (handle) {
      // Sealed first: a writer that still reads this journal then moves on to the next one,
      // even if the snapshot below is never written.
      try {
        await handle.write(`${JSON.stringify({ op: 'seal', next: nextGen })}\n`)
        await handle.datasync()
      } finally {
        await handle.close()
      }
    }
    const snapshot: Snapshot = { format: FORMAT, nextGen, entries: [...this.entries] }
    const covered = [...this.overlay]
    await writeFileDurable(join(this.dir, SNAPSHOT), JSON.stringify(snapshot))
    this.pos = { gen: nextGen, ino: null, offset: 0, snapshot: await this.snapshotStamp() }
    this.lines = 0
    for (const [id, record] of covered) {
      if (this.overlay.get(id) === record) this.overlay.delete(id)
    }
    const names = await readdir(this.dir)
    for (const name of names) {
      const gen = Number(JOURNAL.exec(name)?.[1] ?? NaN)
      if (Number.isInteger(gen) && gen < nextGen) await unlink(join(this.dir, name))
    }
    await fsyncDir(this.dir)
  }

  /** Waits for journal appends and a running compaction. */
  async settle(): Promise<void> {
    for (;;) {
      const chain = this.chain
      await chain
      if (this.compacting) await this.compacting.catch(() => undefined)
      if (chain === this.chain && this.queue.length === 0) return
    }
  }
}
