import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorCode, userMessage } from '../../lib/bridgeError'
import { call, newsroom } from '../../lib/newsroom'

/** An article as the actions name it to the user. */
export interface ActionTarget {
  id: string
  headline: string | null
}

export type LibraryAction = 'trash' | 'restore' | 'duplicate' | 'emptyTrash'

interface LibraryActionsOptions {
  /** Lists the library again (after every action, also a failed one). */
  reload(): void
  /** Shows a message in the interface language, or clears it. */
  onError(message: string | null): void
  /** After a move to the trash, for the notice with Undo. */
  onTrashed(target: ActionTarget): void
}

export interface LibraryActions {
  isBusy(action: LibraryAction, id?: string): boolean
  trash(target: ActionTarget): Promise<void>
  restore(target: ActionTarget): Promise<void>
  duplicate(target: ActionTarget): Promise<void>
  emptyTrash(count: number): Promise<void>
}

/**
 * The library's actions, each safe to click twice: a click while the same action runs is ignored
 * (the button is disabled too), and an action the library reports as already done (the article
 * is in the trash already, or back already) counts as done, not as a failure. Failures are said in
 * the interface language.
 */
export function useLibraryActions({
  reload,
  onError,
  onTrashed
}: LibraryActionsOptions): LibraryActions {
  const { t, i18n } = useTranslation()
  const running = useRef(new Set<string>())
  const [, setRunningCount] = useState(0)

  const run = useCallback(
    async (
      key: string,
      action: () => Promise<unknown>,
      failure: (reason: string) => string,
      isAlreadyDone: (code: string | null) => boolean = () => false
    ): Promise<boolean> => {
      if (running.current.has(key)) return false
      running.current.add(key)
      setRunningCount(running.current.size)
      try {
        await action()
        onError(null)
        return true
      } catch (error) {
        if (isAlreadyDone(errorCode(error))) {
          onError(null)
          return false
        }
        onError(failure(userMessage(error, t, i18n.language)))
        return false
      } finally {
        running.current.delete(key)
        setRunningCount(running.current.size)
        reload()
      }
    },
    [i18n.language, onError, reload, t]
  )

  const titleOf = (target: ActionTarget): string => target.headline || t('library.untitled')

  return {
    isBusy: (action, id) => running.current.has(id ? `${action}:${id}` : action),
    trash: async (target) => {
      const done = await run(
        `trash:${target.id}`,
        () => call(newsroom.deleteArticle({ id: target.id })),
        (reason) => t('errors.trash', { title: titleOf(target), reason }),
        (code) => code === 'not-found'
      )
      if (done) onTrashed(target)
    },
    restore: async (target) => {
      await run(
        `restore:${target.id}`,
        () => call(newsroom.restoreFromTrash({ id: target.id })),
        (reason) => t('errors.restore', { title: titleOf(target), reason }),
        // Not in the trash any more, or in the library already: it is back.
        (code) => code === 'not-found' || code === 'conflict'
      )
    },
    duplicate: async (target) => {
      await run(
        `duplicate:${target.id}`,
        () => call(newsroom.duplicateArticle({ id: target.id })),
        (reason) => t('errors.duplicate', { title: titleOf(target), reason })
      )
    },
    emptyTrash: async (count) => {
      if (running.current.has('emptyTrash')) return
      if (!window.confirm(t('library.emptyTrashConfirm', { count }))) return
      await run(
        'emptyTrash',
        () => call(newsroom.emptyTrash()),
        (reason) => t('errors.emptyTrash', { reason })
      )
    }
  }
}
