import { useLayoutEffect, useRef } from 'react'
import { newsroom } from './newsroom'
import { flushUnsavedWork } from './unsavedWork'
import type { Route } from './useHashRoute'

let pending: Promise<void> = Promise.resolve()

/**
 * After the user left article `id`: saves what is still unsaved, then asks the library to remove
 * the draft if nobody wrote in it (the library decides, and keeps anything with content). The
 * flush starts now, while the editor that was left still holds its unsaved work.
 */
export function discardIfLeftEmpty(id: string): void {
  const flushed = flushUnsavedWork()
  pending = pending
    .then(() => flushed)
    .then(async (result) => {
      if (result.saved) await newsroom.discardIfEmpty({ id })
    })
    .catch(() => undefined)
}

/** Resolves once every removal asked for so far has run, so a list shows the library after it. */
export function leftDraftsSettled(): Promise<void> {
  return pending
}

/**
 * Watches the route: leaving an article for another screen or article removes it when it is an
 * untouched draft. A layout effect, so it runs before the left editor lets go of its unsaved work.
 */
export function useDiscardLeftDrafts(route: Route): void {
  const previous = useRef(route)
  useLayoutEffect(() => {
    const left = previous.current
    previous.current = route
    if (left.name !== 'article') return
    if (route.name === 'article' && route.id === left.id) return
    discardIfLeftEmpty(left.id)
  }, [route])
}
