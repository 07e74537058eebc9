import { useSyncExternalStore } from 'react'
import type { DocxNote } from '../../../../shared/contract/docx'

/** What a Word import left out, shown over the article it made until the user dismisses it. */
export interface DocxImportNotes {
  name: string
  notes: DocxNote[]
  /** Why the document was not taken in (a sentence in the interface language). */
  problem?: string
}

// Kept outside React: the import runs in the library (or the app shell for the menu) and the
// notes are shown by the editor view it navigates to.
const byArticle = new Map<string, DocxImportNotes>()
const listeners = new Set<() => void>()

function changed(): void {
  for (const listener of listeners) listener()
}

/** Remembers the notes of an import for its article (nothing when there is nothing to say). */
export function rememberDocxNotes(articleId: string, name: string, notes: DocxNote[]): void {
  if (notes.length === 0) return
  byArticle.set(articleId, { name, notes })
  changed()
}

/** Remembers why a document dropped on this article was not taken in. */
export function rememberDocxProblem(articleId: string, name: string, problem: string): void {
  byArticle.set(articleId, { name, notes: [], problem })
  changed()
}

export function dismissDocxNotes(articleId: string): void {
  if (byArticle.delete(articleId)) changed()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The notes of the import that made (or filled) this article, if any are still to be read. */
export function useDocxNotes(articleId: string): DocxImportNotes | null {
  return useSyncExternalStore(subscribe, () => byArticle.get(articleId) ?? null)
}
