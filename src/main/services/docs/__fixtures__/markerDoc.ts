/**
 * Real Yjs documents for the update-log tests: every update pushes one unique marker into the
 * `markers` array, so after any crash the rebuilt document says exactly which updates survived.
 */
import * as Y from 'yjs'
import type { LogContents, NewUpdates } from '../updateLog'

/** A document rebuilt from what a log holds: the snapshot, then the updates in the given order. */
export function docFrom(
  contents: LogContents,
  order?: (updates: Uint8Array[]) => Uint8Array[]
): Y.Doc {
  const doc = new Y.Doc()
  if (contents.snapshot) Y.applyUpdate(doc, contents.snapshot)
  for (const update of order ? order(contents.updates) : contents.updates)
    Y.applyUpdate(doc, update)
  return doc
}

/** Applies what `readNew` found to a document. */
export function applyNews(doc: Y.Doc, news: NewUpdates): void {
  for (const update of news.updates) Y.applyUpdate(doc, update)
}

/** The markers in a document, in document order. */
export function markersOf(doc: Y.Doc): string[] {
  return doc.getArray<string>('markers').toArray()
}

/** Pushes `marker` and returns the update that carries exactly that change. */
export function pushMarker(doc: Y.Doc, marker: string): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getArray<string>('markers').push([marker])
  return Y.encodeStateAsUpdate(doc, before)
}

/** The next free number of a writer named `name` (markers are `<name>-<n>`). */
export function nextMarkerNumber(doc: Y.Doc, name: string): number {
  let next = 0
  for (const marker of markersOf(doc)) {
    const [who, n] = marker.split('-')
    if (who === name) next = Math.max(next, Number(n) + 1)
  }
  return next
}
