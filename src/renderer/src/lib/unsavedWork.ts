import type { FlushRequest } from '../../../shared/events'
import { newsroom } from './newsroom'

/** Something holding unsaved work: saves it now, and says whether anything is still unsaved. */
export interface UnsavedWork {
  /** Saves what is unsaved; resolves when it is on disk or the save failed. */
  flush(): Promise<void>
  /** Why something is still unsaved after `flush` (a user-readable message), else null. */
  unsavedReason(): string | null
  /** The article this work belongs to, when it is an open article. */
  articleId?: string
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

/**
 * Asks the library to remove every open article that is an untouched draft, as leaving it would:
 * the library decides and keeps anything that has or ever had content. A refusal changes nothing.
 */
async function discardOpenEmptyDrafts(): Promise<void> {
  const ids = new Set([...holders].map((work) => work.articleId).filter((id) => id !== undefined))
  await Promise.all([...ids].map((id) => newsroom.discardIfEmpty({ id }).catch(() => undefined)))
}

async function answer(request: FlushRequest): Promise<void> {
  const result = await flushUnsavedWork()
  // Closing or quitting leaves the open article as leaving it for the library does; a reload
  // opens it again, so it stays. Only once everything is saved, so the library sees what was typed.
  if (result.saved && request.reason !== 'reload') await discardOpenEmptyDrafts()
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
