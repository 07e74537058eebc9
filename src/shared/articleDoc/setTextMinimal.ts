import type * as Y from 'yjs'
import { commonEnds } from './bodyFragment'

/**
 * Makes `text` read `value` by replacing only the middle that differs (the common prefix and
 * suffix keep their Y items), so an edit someone else made at the same time elsewhere in the text
 * survives the merge. Never splits a surrogate pair. No change, no Y operation.
 */
export function setTextMinimal(text: Y.Text, value: string): void {
  const current = text.toString()
  if (current === value) return
  const { prefix, suffix } = commonEnds(current, value)
  const removed = current.length - prefix - suffix
  const inserted = value.slice(prefix, value.length - suffix)
  const apply = (): void => {
    if (removed > 0) text.delete(prefix, removed)
    if (inserted) text.insert(prefix, inserted)
  }
  if (text.doc) text.doc.transact(apply)
  else apply()
}
