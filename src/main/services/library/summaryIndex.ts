/**
 * The library list's index: one summary per article, kept as a snapshot plus an append-only
 * journal so that a save costs one short appended line, not a rewrite of the whole index.
 *
 * Files in `index/`: `summaries.json` (`{ format, nextGen, entries }`) and `journal-<gen>.ndjson`.
 * The snapshot covers everything before journal `nextGen`; opening replays journals
 * `nextGen, nextGen+1, …` over it. Compaction switches appends to a new journal first, then writes
 * the snapshot durably, then deletes the old journals: a crash at any point leaves a snapshot and
 * journals that together hold every entry. The article files stay the truth: the library checks
 * each entry's file stamp at open and re-reads what differs, so a lost or damaged index costs
 * time, never data.
 */
import { readFile, readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary } from '../../../shared/article'
import { appendFileDurable, fsyncDir, writeFileDurable } from '../storage/durableWrite'

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

interface Snapshot {
  format: number
  nextGen: number
  entries: [string, IndexEntry][]
}

type JournalRecord = { op: 'put'; id: string; entry: IndexEntry } | { op: 'del'; id: string }

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

/** Options of {@link SummaryIndex.load}. */
export interface SummaryIndexOptions {
  /** False for read-only openers: nothing is ever written or deleted. */
  writable: boolean
  /** Journal lines after which a compaction is due. */
  journalLimit?: number
}

/** The summaries of a library, in memory, persisted as snapshot + journal. */
export class SummaryIndex {
  readonly entries = new Map<string, IndexEntry>()
  private gen = 0
  private lines = 0
  private readonly inflight = new Set<Promise<void>>()
  private compacting: Promise<void> | null = null

  private constructor(
    private readonly dir: string,
    private readonly writable: boolean,
    private readonly journalLimit: number
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
    const index = new SummaryIndex(dir, opts.writable, opts.journalLimit ?? 1000)
    let names: string[] = []
    try {
      names = await readdir(dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    let status: IndexLoadStatus = 'ok'
    let detail: string | undefined
    let nextGen = 0
    if (names.includes(SNAPSHOT)) {
      try {
        const snapshot = JSON.parse(await readFile(join(dir, SNAPSHOT), 'utf8')) as Snapshot
        if (snapshot.format !== FORMAT || !Array.isArray(snapshot.entries)) {
          throw new Error(`unknown snapshot format ${String(snapshot.format)}`)
        }
        nextGen = Number.isInteger(snapshot.nextGen) ? snapshot.nextGen : 0
        for (const [id, entry] of snapshot.entries) {
          if (typeof id === 'string' && isEntry(entry)) index.entries.set(id, entry)
        }
      } catch (error) {
        status = 'damaged'
        detail = `${join(dir, SNAPSHOT)}: ${error instanceof Error ? error.message : String(error)}`
        index.entries.clear()
        nextGen = 0
      }
    } else {
      status = names.some((n) => JOURNAL.test(n)) ? 'ok' : 'missing'
    }
    const journals = names
      .map((n) => Number(JOURNAL.exec(n)?.[1] ?? NaN))
      .filter((g) => Number.isInteger(g))
      .sort((a, b) => a - b)
    index.gen = nextGen
    for (const gen of journals) {
      if (gen < nextGen) {
        // Left behind by a compaction that was interrupted after its snapshot was written.
        if (opts.writable) await unlink(join(dir, journalName(gen))).catch(() => undefined)
        continue
      }
      index.gen = gen
      index.lines = await index.replay(join(dir, journalName(gen)))
    }
    return { index, status, detail }
  }

  private async replay(file: string): Promise<number> {
    const text = await readFile(file, 'utf8')
    let count = 0
    for (const line of text.split('\n')) {
      if (!line) continue
      count++
      let record: JournalRecord
      try {
        record = JSON.parse(line) as JournalRecord
      } catch {
        continue
      }
      if (record.op === 'put' && isEntry(record.entry)) this.entries.set(record.id, record.entry)
      else if (record.op === 'del') this.entries.delete(record.id)
    }
    return count
  }

  /** Lines in the current journal. */
  get journalLines(): number {
    return this.lines
  }

  /** True when the journal is long enough that a compaction should run. */
  get compactionDue(): boolean {
    return this.writable && this.lines >= this.journalLimit && this.compacting === null
  }

  /** Sets an entry; with `journal`, appends it durably (resolves once it is on disk). */
  async put(id: string, entry: IndexEntry, journal = true): Promise<void> {
    this.entries.set(id, entry)
    if (journal) await this.append({ op: 'put', id, entry })
  }

  /** Removes an entry; with `journal`, appends the removal durably. */
  async remove(id: string, journal = true): Promise<void> {
    this.entries.delete(id)
    if (journal) await this.append({ op: 'del', id })
  }

  private async append(record: JournalRecord): Promise<void> {
    if (!this.writable) return
    this.lines++
    const done = appendFileDurable(join(this.dir, journalName(this.gen)), JSON.stringify(record))
    this.inflight.add(done)
    try {
      await done
    } finally {
      this.inflight.delete(done)
    }
  }

  /**
   * Writes a fresh snapshot and drops the journals it covers. Appends made meanwhile go to the
   * next journal; concurrent calls share one run.
   */
  compact(): Promise<void> {
    if (!this.writable) return Promise.resolve()
    this.compacting ??= this.runCompaction().finally(() => {
      this.compacting = null
    })
    return this.compacting
  }

  private async runCompaction(): Promise<void> {
    const oldGen = this.gen
    this.gen = oldGen + 1
    this.lines = 0
    // Appends already started still target the old journal; the snapshot must include them.
    await Promise.allSettled([...this.inflight])
    const snapshot: Snapshot = { format: FORMAT, nextGen: this.gen, entries: [...this.entries] }
    await writeFileDurable(join(this.dir, SNAPSHOT), JSON.stringify(snapshot))
    const names = await readdir(this.dir)
    for (const name of names) {
      const gen = Number(JOURNAL.exec(name)?.[1] ?? NaN)
      if (Number.isInteger(gen) && gen < this.gen) await unlink(join(this.dir, name))
    }
    await fsyncDir(this.dir)
  }

  /** Waits for journal appends and a running compaction. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inflight])
    if (this.compacting) await this.compacting
  }
}
