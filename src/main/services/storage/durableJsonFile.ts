/**
 * A lowdb adapter that saves through {@link writeFileDurable}, so `Low#write()` survives crashes.
 *
 * lowdb's own `JSONFile` writes through steno, which never fsyncs and uses one fixed temp name per
 * target; this adapter keeps lowdb's API (`new Low(new DurableJSONFile(path), defaults)`) and
 * swaps only the storage underneath.
 */
import { readFile } from 'node:fs/promises'
import * as path from 'node:path'
import type { Adapter } from 'lowdb'
import { writeFileDurable, type DurableWriteOptions } from './durableWrite'

/** Thrown by {@link DurableJSONFile.read} when the file exists but is not valid JSON. */
export class CorruptFileError extends Error {
  /** The unreadable file; it is left exactly as found so it can be recovered by hand. */
  readonly file: string
  /** The parse error. */
  override readonly cause: unknown

  constructor(file: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(`${file} is not valid JSON and was left untouched: ${reason}`, { cause })
    this.name = 'CorruptFileError'
    this.file = file
    this.cause = cause
  }
}

/** Options of {@link DurableJSONFile}. */
export interface DurableJSONFileOptions extends DurableWriteOptions {
  /** Indentation passed to `JSON.stringify` (lowdb's `JSONFile` uses 2, so does this). */
  indent?: number
}

/**
 * lowdb adapter storing `T` as JSON in one file with durable, serialised writes.
 *
 * - `read()` resolves `null` when the file is missing and throws {@link CorruptFileError} when it
 *   holds invalid JSON. Until a later `read()` succeeds, `write()` then refuses with the same
 *   error, so a `Low` left with its default data cannot overwrite a file that may be recoverable.
 * - `write()` snapshots the data when called and saves snapshots one at a time, in call order;
 *   a failed write rejects its own promise without blocking the ones queued after it.
 */
export class DurableJSONFile<T> implements Adapter<T> {
  readonly #file: string
  readonly #opts: DurableJSONFileOptions
  #tail: Promise<void> = Promise.resolve()
  #corruption: CorruptFileError | null = null

  /** @param file path of the JSON file; its folder must exist before the first write. */
  constructor(file: string, opts: DurableJSONFileOptions = {}) {
    this.#file = path.resolve(file)
    this.#opts = opts
  }

  /** Absolute path of the file this adapter stores to. */
  get file(): string {
    return this.#file
  }

  /** Reads and parses the file; `null` when it does not exist. */
  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.#file, 'utf-8')
    } catch (err) {
      if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT') {
        this.#corruption = null
        return null
      }
      throw err
    }
    try {
      const data = JSON.parse(text) as T
      this.#corruption = null
      return data
    } catch (err) {
      this.#corruption = new CorruptFileError(this.#file, err)
      throw this.#corruption
    }
  }

  /** Durably replaces the file with `data` as JSON, after any earlier write of this instance. */
  write(data: T): Promise<void> {
    if (this.#corruption !== null) return Promise.reject(this.#corruption)
    let text: string | undefined
    try {
      // Serialise now: lowdb mutates `db.data` in place, and the queued save must store the data
      // as it was when `write()` was called, not as it is when its turn comes.
      text = JSON.stringify(data, null, this.#opts.indent ?? 2)
    } catch (err) {
      return Promise.reject(err)
    }
    if (text === undefined) {
      return Promise.reject(new TypeError(`Cannot store ${String(data)} as JSON in ${this.#file}`))
    }
    const json = text
    const run = this.#tail.then(() => writeFileDurable(this.#file, json, this.#opts))
    // The chain only orders writes; each caller sees its own failure through `run`.
    this.#tail = run.catch(() => undefined)
    return run
  }
}
