import type { FlushRequest } from '../../../shared/events'
import { newsroom } from './newsroom'

/** Something holding unsaved work: saves it now, and says whether anything is still unsaved. */
export interface UnsavedWork {
  /** Saves what is unsaved; resolves when it is on disk or the save failed. */
  flush(): Promise<void>
  /** Why something is still unsaved after `flush` (a user-readable message), else null. */
  unsavedReason(): string | null
}

const holders = new Set<UnsavedWork>()

/** Registers a holder of unsaved work (an open editor); returns its unregister. */
export function registerUnsavedWork(work: UnsavedWork): () => void {
  holders.add(work)
  return () => {
    holders.delete(work)
  }
}

/**
 * Saves every holder's unsaved work. A flush that arrives while a save runs waits for it and
 * then saves what came after, so nothing typed in between is dropped.
 */
export async function flushUnsavedWork(): Promise<{ saved: boolean; message?: string }> {
  const all = [...holders]
  await Promise.all(all.map((work) => work.flush().catch(() => undefined)))
  const reasons = all.map((work) => work.unsavedReason()).filter((r): r is string => r !== null)
  return reasons.length === 0 ? { saved: true } : { saved: false, message: reasons.join('\n') }
}

async function answer(request: FlushRequest): Promise<void> {
  const result = await flushUnsavedWork()
  await newsroom.reportFlushed({ requestId: request.requestId, ...result })
}

/**
 * Answers main's flush requests (before a window closes or the app quits) for as long as the page
 * lives. Main waits for the answer, bounded, before it lets the window go.
 */
export function answerFlushRequests(): () => void {
  return newsroom.onFlushRequested((request) => {
    void answer(request)
  })
}
