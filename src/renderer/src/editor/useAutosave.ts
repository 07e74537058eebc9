import { useEffect, useLayoutEffect, useState } from 'react'
import type { ArticlePatch } from '../../../shared/article'
import { newsroom } from '../lib/newsroom'
import { registerUnsavedWork } from '../lib/unsavedWork'
import { AutosaveController, type SaveState } from './autosaveController'

export type { SaveState } from './autosaveController'

/** How long typing must pause before a save starts (the promise is "within 1 s"). */
export const AUTOSAVE_DELAY_MS = 800

/**
 * The save state as a tiny store, so only the status line re-renders when it changes (the desk
 * around the editor must not re-render on keystrokes or saves).
 */
export interface SaveStateSource {
  get(): SaveState
  subscribe(listener: () => void): () => void
}

function createSaveStateSource(): SaveStateSource & { set(state: SaveState): void } {
  let state: SaveState = { kind: 'idle' }
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    set: (next) => {
      // Every keystroke reports "dirty"; only a change of kind is news.
      if (next.kind === 'dirty' && state.kind === 'dirty') return
      state = next
      for (const listener of [...listeners]) listener()
    }
  }
}

function createController(
  articleId: string,
  baseRevision: number,
  collect: () => ArticlePatch,
  onState: (state: SaveState) => void
): AutosaveController {
  return new AutosaveController({
    baseRevision,
    delayMs: AUTOSAVE_DELAY_MS,
    save: (patch, base) => newsroom.saveArticle({ id: articleId, baseRevision: base, patch }),
    collect,
    onState
  })
}

/** Autosave for one article; also saves when the page is hidden or closed. */
export function useAutosave(
  articleId: string,
  initialRevision: number,
  collect: () => ArticlePatch
): { status: SaveStateSource; controller: AutosaveController } {
  const [status] = useState(createSaveStateSource)
  const [controller] = useState(() =>
    createController(articleId, initialRevision, collect, status.set)
  )
  useLayoutEffect(() => {
    controller.setCollector(collect)
  })

  useEffect(() => {
    const handleHide = (): void => {
      if (controller.hasUnsavedChanges) void controller.flush()
    }
    const handleVisibility = (): void => {
      if (document.visibilityState === 'hidden') handleHide()
    }
    // Main asks before a window closes or the app quits, and waits for the answer.
    const unregister = registerUnsavedWork({
      flush: () => controller.flush(),
      unsavedReason: () => controller.unsavedReason,
      articleId
    })
    window.addEventListener('pagehide', handleHide)
    window.addEventListener('beforeunload', handleHide)
    document.addEventListener('visibilitychange', handleVisibility)
    return () => {
      window.removeEventListener('pagehide', handleHide)
      window.removeEventListener('beforeunload', handleHide)
      document.removeEventListener('visibilitychange', handleVisibility)
      unregister()
      handleHide()
      controller.dispose()
    }
  }, [controller, articleId])

  return { status, controller }
}
