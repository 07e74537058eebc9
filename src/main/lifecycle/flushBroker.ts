import { randomUUID } from 'node:crypto'
import type { FlushAck, FlushRequest } from '../../shared/events'

/** How a flush request ended. */
export type FlushOutcome =
  | { kind: 'saved' }
  | { kind: 'failed'; message: string }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'unreachable'; message: string }

interface Waiter {
  resolve(outcome: FlushOutcome): void
  timer: ReturnType<typeof setTimeout>
}

/**
 * Pairs each flush request sent to a renderer with its `app:flushed` answer. A request that gets
 * no answer within the timeout resolves as `timeout`, so a hung or crashed renderer never keeps a
 * window open or the app from quitting; its late answer is then ignored.
 */
export class FlushBroker {
  private readonly waiting = new Map<string, Waiter>()

  /**
   * Sends a request through `send` (a window's event channel) and resolves with the renderer's
   * answer, or `timeout` after `timeoutMs`, or `unreachable` when `send` throws.
   */
  request(
    send: (request: FlushRequest) => void,
    opts: { reason: FlushRequest['reason']; timeoutMs: number }
  ): Promise<FlushOutcome> {
    const requestId = randomUUID()
    return new Promise<FlushOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId)
        resolve({ kind: 'timeout', afterMs: opts.timeoutMs })
      }, opts.timeoutMs)
      this.waiting.set(requestId, { resolve, timer })
      try {
        send({ requestId, reason: opts.reason })
      } catch (error) {
        clearTimeout(timer)
        this.waiting.delete(requestId)
        resolve({ kind: 'unreachable', message: String(error) })
      }
    })
  }

  /** Settles the request the answer names; false when none is waiting (late or unknown). */
  acknowledge(ack: FlushAck): boolean {
    const waiter = this.waiting.get(ack.requestId)
    if (!waiter) return false
    this.waiting.delete(ack.requestId)
    clearTimeout(waiter.timer)
    waiter.resolve(
      ack.saved
        ? { kind: 'saved' }
        : { kind: 'failed', message: ack.message ?? 'The editor could not save its last changes' }
    )
    return true
  }

  /** How many requests still wait for an answer. */
  get pending(): number {
    return this.waiting.size
  }
}
