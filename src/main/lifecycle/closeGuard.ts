import type { FlushBroker } from './flushBroker'
import { flushTarget, type FlushReport, type FlushTarget } from './shutdown'

/** What the guard needs of a window (Electron's BrowserWindow, or a test's stand-in). */
export interface GuardedWindow extends FlushTarget {
  /** Closes the window for real (the guard lets this second `close` through). */
  close(): void
}

/**
 * Holds a window's first `close` until its renderer has saved: the close is prevented, a flush
 * is requested and, once it is answered (or timed out), the window is closed again and let
 * through. When the renderer answers that it could not save, `confirmDiscard` asks the user;
 * a "no" keeps the window open with its text.
 */
export class WindowCloseGuard {
  private state: 'open' | 'flushing' | 'released' = 'open'

  constructor(
    private readonly win: GuardedWindow,
    private readonly deps: {
      broker: FlushBroker
      /** True while the app quits: the quit sequence has already saved every window. */
      isQuitting(): boolean
      /** Asked only when the save failed: true closes anyway (the message is the reason). */
      confirmDiscard(message: string): Promise<boolean>
      log(message: string): void
      timeoutMs?: number
      /** Called after each flush this guard ran (tests and the log read it). */
      onFlushed?(report: FlushReport): void
    }
  ) {}

  /** Call from the window's `close` event with the event's `preventDefault`. */
  handleClose(preventDefault: () => void): void {
    if (this.state === 'released' || this.deps.isQuitting()) return
    preventDefault()
    if (this.state === 'flushing') return
    this.state = 'flushing'
    void this.flushThenClose()
  }

  private async flushThenClose(): Promise<void> {
    const report = await flushTarget(this.deps.broker, this.win, {
      reason: 'close',
      log: this.deps.log,
      ...(this.deps.timeoutMs !== undefined ? { timeoutMs: this.deps.timeoutMs } : {})
    })
    this.deps.onFlushed?.(report)
    if (report.outcome.kind === 'failed') {
      const discard = await this.deps.confirmDiscard(report.outcome.message).catch(() => false)
      if (!discard) {
        this.state = 'open'
        return
      }
    }
    this.state = 'released'
    this.win.close()
  }
}
