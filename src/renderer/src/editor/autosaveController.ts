import type { ArticlePatch } from '../../../shared/article'
import type { SaveAck } from '../../../shared/ipc'
import type { Result } from '../../../shared/result'

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string; code: string }

export interface AutosaveOptions {
  baseRevision: number
  delayMs: number
  save(patch: ArticlePatch, baseRevision: number): Promise<Result<SaveAck>>
  collect(): ArticlePatch
  onState(state: SaveState): void
  now?: () => Date
}

/**
 * Saves at most `delayMs` after typing pauses. The save response only advances the base
 * revision; it never touches what is on screen, so keystrokes made while a save is in flight are
 * kept and saved next. After a conflict it stops retrying until `resume()`.
 */
export class AutosaveController {
  private revision: number
  private isDirty = false
  private isBlocked = false
  private lastError: string | null = null
  private inFlight: Promise<void> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly opts: AutosaveOptions
  private collect: () => ArticlePatch

  constructor(opts: AutosaveOptions) {
    this.opts = opts
    this.collect = opts.collect
    this.revision = opts.baseRevision
  }

  /** Reads what is on screen at save time; the view replaces it as it re-renders. */
  setCollector(collect: () => ArticlePatch): void {
    this.collect = collect
  }

  get baseRevision(): number {
    return this.revision
  }

  get hasUnsavedChanges(): boolean {
    return this.isDirty || this.inFlight !== null
  }

  /** Why changes are still unsaved (the last save's error), or null when everything is saved. */
  get unsavedReason(): string | null {
    if (!this.hasUnsavedChanges) return null
    return this.lastError ?? 'A save is still running'
  }

  markDirty(): void {
    this.isDirty = true
    if (!this.isBlocked) this.opts.onState({ kind: 'dirty' })
    this.schedule()
  }

  /** Saves now if anything is unsaved; resolves when the file is written (or the save failed). */
  async flush(): Promise<void> {
    this.clearTimer()
    while (this.inFlight) await this.inFlight
    if (!this.isDirty || this.isBlocked) return
    this.isDirty = false
    this.opts.onState({ kind: 'saving' })
    const run = this.saveOnce()
    this.inFlight = run
    try {
      await run
    } finally {
      this.inFlight = null
    }
    if (this.isDirty) this.schedule()
  }

  /** After the user settled a conflict: continue from `revision`. */
  resume(revision: number): void {
    this.revision = revision
    this.isBlocked = false
    if (this.isDirty) this.schedule()
  }

  dispose(): void {
    this.clearTimer()
  }

  private async saveOnce(): Promise<void> {
    let result: Result<SaveAck>
    try {
      result = await this.opts.save(this.collect(), this.revision)
    } catch (error) {
      result = { ok: false, error: { code: 'io', message: String(error) } }
    }
    if (result.ok) {
      this.lastError = null
      this.revision = result.value.revision
      this.opts.onState(
        this.isDirty
          ? { kind: 'dirty' }
          : { kind: 'saved', at: (this.opts.now ?? (() => new Date()))() }
      )
      return
    }
    this.isDirty = true
    this.lastError = result.error.message
    this.isBlocked = result.error.code === 'conflict'
    this.opts.onState({ kind: 'error', message: result.error.message, code: result.error.code })
  }

  private schedule(): void {
    this.clearTimer()
    if (this.isBlocked) return
    this.timer = setTimeout(() => void this.flush(), this.opts.delayMs)
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
