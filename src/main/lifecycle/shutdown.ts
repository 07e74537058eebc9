import type { FlushRequest } from '../../shared/events'
import type { FlushBroker, FlushOutcome } from './flushBroker'

/** How long a renderer may take to save before a window closes or the app quits anyway. */
export const FLUSH_TIMEOUT_MS = 5_000

/** A renderer that can be asked to save: an Electron window, or a harness page. */
export interface FlushTarget {
  /** For the log: which window or page. */
  name: string
  /** Delivers a flush request event to the renderer; throws when it is gone. */
  send(request: FlushRequest): void
}

/** What happened to one renderer's unsaved work during a shutdown. */
export interface FlushReport {
  target: string
  outcome: FlushOutcome
}

/** Asks one renderer to save and waits for its answer (bounded); logs anything but `saved`. */
export async function flushTarget(
  broker: FlushBroker,
  target: FlushTarget,
  opts: { reason: FlushRequest['reason']; timeoutMs?: number; log(message: string): void }
): Promise<FlushReport> {
  const timeoutMs = opts.timeoutMs ?? FLUSH_TIMEOUT_MS
  const outcome = await broker.request((request) => target.send(request), {
    reason: opts.reason,
    timeoutMs
  })
  if (outcome.kind === 'timeout') {
    opts.log(`${target.name}: no answer to the save request within ${timeoutMs} ms; going on`)
  } else if (outcome.kind === 'failed') {
    opts.log(`${target.name}: the last changes could not be saved: ${outcome.message}`)
  } else if (outcome.kind === 'unreachable') {
    opts.log(`${target.name}: could not ask the editor to save: ${outcome.message}`)
  }
  return { target: target.name, outcome }
}

/**
 * The quit sequence, in the order that keeps every keystroke: every renderer saves (in parallel,
 * each bounded by the timeout), then the services close, which waits for saves and index writes
 * still in flight and releases the library lock. Never throws: a failure is logged and the
 * sequence goes on, so quitting always ends.
 */
export async function shutDown(opts: {
  broker: FlushBroker
  targets: readonly FlushTarget[]
  services: { close(): Promise<void> }
  timeoutMs?: number
  log(message: string): void
}): Promise<FlushReport[]> {
  const reports = await Promise.all(
    opts.targets.map((target) =>
      flushTarget(opts.broker, target, {
        reason: 'quit',
        log: opts.log,
        ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {})
      })
    )
  )
  try {
    await opts.services.close()
  } catch (error) {
    opts.log(`closing the library failed: ${String(error)}`)
  }
  return reports
}

/**
 * Turns Electron's `before-quit` (and SIGTERM, logout) into one shutdown run: the first quit
 * request is held back (`preventDefault`) while `run` saves and closes; once it is done, `quit`
 * is called again and this time let through. Requests during the run are held and merged.
 */
export class QuitSequence {
  private state: 'open' | 'closing' | 'done' = 'open'

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly quit: () => void,
    private readonly log: (message: string) => void
  ) {}

  /** True once the run has started; windows then close without asking again. */
  get isQuitting(): boolean {
    return this.state !== 'open'
  }

  /** Call from `before-quit` with the event's `preventDefault`. */
  beforeQuit(preventDefault: () => void): void {
    if (this.state === 'done') return
    preventDefault()
    if (this.state === 'closing') return
    this.state = 'closing'
    void this.run()
      .catch((error: unknown) => this.log(`shutdown failed: ${String(error)}`))
      .finally(() => {
        this.state = 'done'
        this.quit()
      })
  }
}
