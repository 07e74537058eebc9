import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
// sharp must be loaded in the main thread before any worker loads it: its native module would
// otherwise be unloaded with the first worker that exits and crash the process.
import sharp from 'sharp'
import { DECODE_WORKER_SOURCE } from './decodeWorkerSource'

/** One file for the worker: the original's bytes and the limits that apply. */
export interface DecodeJob {
  /** Transferred to the worker and back: do not use this array after `run` is called. */
  bytes: Uint8Array
  /** Refuse above this many pixels (width × height from the header, before decoding). */
  maxPixels: number
  /** Longest edge of the preview and thumbnail renditions. */
  previewSize: number
  thumbSize: number
  /** Parse IPTC and XMP too. */
  readMetadata: boolean
  /** Ceilings for inflating compressed metadata (default {@link DEFAULT_METADATA_LIMITS}). */
  metadataLimits?: MetadataLimits
  /**
   * Also hand back the decoded pixels at the scale the web crops need: a 16:9 cut at most
   * `wide` pixels wide, a square at most `square`, and never below the preview (`preview`, its
   * longest edge).
   */
  cropEdges?: { wide: number; square: number; preview: number }
}

/** Decoded pixels (EXIF orientation applied, 8 bits per channel, raw), for cutting crops. */
export interface RawPixels {
  data: Uint8Array
  width: number
  height: number
  channels: 1 | 2 | 3 | 4
}

/** Largest inflated size, in bytes, of each kind of compressed metadata in a PNG. */
export interface MetadataLimits {
  /** The colour profile (iCCP): above it the file is refused. */
  icc: number
  /** One compressed text chunk (zTXt, iTXt, compressed XMP): above it the chunk is left out. */
  text: number
  /** All compressed metadata of one file together: beyond it, the text chunks left are left out. */
  total: number
}

/**
 * Real colour profiles stay far below 16 MB (large print profiles are a few MB) and real XMP or
 * text far below 8 MB; a stream of zeros compressed 1000:1 passes these after a few KB.
 */
export const DEFAULT_METADATA_LIMITS: MetadataLimits = {
  icc: 16 * 1024 * 1024,
  text: 8 * 1024 * 1024,
  total: 32 * 1024 * 1024
}

/** A compressed PNG chunk whose content would have inflated past its ceiling: not read. */
export interface DroppedChunk {
  chunk: 'zTXt' | 'iTXt'
  /** The chunk's keyword (`XML:com.adobe.xmp` for XMP). */
  keyword: string
  /** The ceiling it passed, in bytes. */
  limit: number
  /** Whether that was the file's ceiling (all compressed metadata together), not the chunk's. */
  whole: boolean
}

/** The header as sharp reads it, without decoding pixels. */
export interface DecodedHeader {
  format: string
  width: number
  height: number
  orientation: number | null
  pages: number
  compression: string | null
}

/** A rendition encoded by the worker. */
export interface EncodedRendition {
  data: Uint8Array
  width: number
  height: number
  ext: 'jpg' | 'webp'
}

export interface DecodeSuccess {
  ok: true
  /** SHA-256 of the original, lowercase hex. */
  hash: string
  header: DecodedHeader
  preview: EncodedRendition
  thumb: EncodedRendition
  /** The pixels the crops are cut from, when the job asked for `cropEdges`. */
  cropBase: RawPixels | null
  /** exifr's output (`mergeOutput: false`), or null when the file has no IPTC/XMP. */
  metadata: Record<string, unknown> | null
  metadataErrors: string[]
  /** Compressed chunks left out of decoding and metadata (they stay in the original). */
  dropped: DroppedChunk[]
  /** The original bytes, handed back. */
  bytes: Uint8Array
}

export interface DecodeFailure {
  ok: false
  /**
   * Where it failed: reading the header, the pixel limit, decoding/encoding, or a compressed
   * chunk that would inflate past its ceiling (`bomb`: `chunk`, `keyword`, `limit` say which).
   */
  stage: 'header' | 'pixels' | 'decode' | 'worker' | 'bomb'
  message: string
  width?: number
  height?: number
  chunk?: string
  keyword?: string
  limit?: number
}

export type DecodeOutcome = DecodeSuccess | DecodeFailure

export interface DecodePoolOptions {
  /** Number of worker threads (default 2). */
  size?: number
  /** Workers idle this long are stopped (default 30 s); the next job starts them again. */
  idleMs?: number
}

interface Pending {
  job: DecodeJob
  resolve(outcome: DecodeOutcome): void
}

interface Slot {
  worker: Worker
  current: (Pending & { id: number }) | null
}

const moduleRequire = createRequire(import.meta.url)

function ownBuffer(bytes: Uint8Array): Uint8Array {
  // Only a view over a whole ArrayBuffer can be transferred (Buffer's small-file pool is shared).
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : new Uint8Array(bytes)
}

/**
 * A bounded pool of worker threads that hash, decode and encode images, so a batch import
 * never blocks the main thread's event loop and never decodes more than `size` images at once.
 */
export class DecodePool {
  private readonly size: number
  private readonly idleMs: number
  private readonly slots: Slot[] = []
  private readonly queue: Pending[] = []
  private nextId = 1
  private idleTimer: NodeJS.Timeout | null = null
  private closed = false
  private readonly workerData: { sharpPath: string; exifrPath: string }

  constructor(opts: DecodePoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? 2)
    this.idleMs = opts.idleMs ?? 30_000
    void sharp.versions
    this.workerData = {
      sharpPath: moduleRequire.resolve('sharp'),
      exifrPath: moduleRequire.resolve('exifr')
    }
  }

  /** Number of worker threads currently running (for tests and diagnostics). */
  get running(): number {
    return this.slots.length
  }

  /** Decodes one file on a worker; never rejects (failures are outcomes). */
  run(job: DecodeJob): Promise<DecodeOutcome> {
    if (this.closed) {
      return Promise.resolve({ ok: false, stage: 'worker', message: 'the decoder was shut down' })
    }
    return new Promise((resolve) => {
      this.queue.push({
        job: {
          ...job,
          bytes: ownBuffer(job.bytes),
          metadataLimits: job.metadataLimits ?? DEFAULT_METADATA_LIMITS
        },
        resolve
      })
      this.pump()
    })
  }

  private pump(): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer)
      this.idleTimer = null
    }
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.current === null)
      if (!slot && this.slots.length < this.size) slot = this.spawn()
      if (!slot) break
      const pending = this.queue.shift() as Pending
      const id = this.nextId++
      slot.current = { ...pending, id }
      slot.worker.ref()
      const { bytes, ...rest } = pending.job
      slot.worker.postMessage({ id, bytes, ...rest }, [bytes.buffer as ArrayBuffer])
    }
    if (this.queue.length === 0 && this.slots.every((s) => s.current === null)) {
      this.idleTimer = setTimeout(() => void this.stopWorkers(), this.idleMs)
      this.idleTimer.unref()
    }
  }

  private spawn(): Slot {
    const worker = new Worker(DECODE_WORKER_SOURCE, { eval: true, workerData: this.workerData })
    const slot: Slot = { worker, current: null }
    worker.on('message', (message: { id: number } & DecodeOutcome) => {
      const current = slot.current
      if (!current || current.id !== message.id) return
      slot.current = null
      worker.unref()
      const { id, ...outcome } = message
      void id
      current.resolve(outcome)
      this.pump()
    })
    const fail = (reason: string): void => {
      const index = this.slots.indexOf(slot)
      if (index >= 0) this.slots.splice(index, 1)
      const current = slot.current
      slot.current = null
      current?.resolve({ ok: false, stage: 'worker', message: reason })
      if (!this.closed) this.pump()
    }
    worker.on('error', (error) => {
      fail(`the decoder stopped: ${error.message}`)
      void worker.terminate()
    })
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(`the decoder exited (code ${code})`)
    })
    worker.unref()
    this.slots.push(slot)
    return slot
  }

  private async stopWorkers(): Promise<void> {
    const idle = this.slots.filter((s) => s.current === null)
    for (const slot of idle) this.slots.splice(this.slots.indexOf(slot), 1)
    await Promise.all(idle.map((s) => s.worker.terminate()))
  }

  /** Stops every worker; jobs still queued or running resolve as failures. */
  async close(): Promise<void> {
    this.closed = true
    if (this.idleTimer) clearTimeout(this.idleTimer)
    for (const pending of this.queue.splice(0)) {
      pending.resolve({ ok: false, stage: 'worker', message: 'the decoder was shut down' })
    }
    const slots = this.slots.splice(0)
    for (const slot of slots) {
      slot.current?.resolve({ ok: false, stage: 'worker', message: 'the decoder was shut down' })
      slot.current = null
    }
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }
}
