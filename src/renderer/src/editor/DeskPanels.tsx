import type { Editor } from '@tiptap/core'
import { useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { FindingWhere } from '../../../shared/preflight/finding'
import { ConflictBanner } from '../features/history/ConflictBanner'
import { PreflightPanel } from '../features/preflight/PreflightPanel'
import { usePreflight } from '../features/preflight/usePreflight'
import { uiLanguageFor } from '../../../shared/i18n'
import type { AutosaveController } from './autosaveController'
import { jumpTo } from './deskJump'
import type { SaveStateSource } from './useAutosave'
import '../features/preflight/preflight.css'
import '../features/history/history.css'

/**
 * The checks beside the editor. They re-run when a save lands (the revision changes), so only
 * this panel re-renders on saves, never the desk around the editor.
 */
export function DeskChecks({
  articleId,
  status,
  controller,
  editor,
  onShowWrite
}: {
  articleId: string
  status: SaveStateSource
  controller: AutosaveController
  editor: Editor
  onShowWrite(): void
}): React.JSX.Element {
  const { i18n } = useTranslation()
  const revision = useSyncExternalStore(status.subscribe, () => controller.baseRevision)
  const [wordsAdded, setWordsAdded] = useState(0)
  const state = usePreflight(articleId, revision + wordsAdded * 1e9, uiLanguageFor(i18n.language))
  const handleJump = (where: FindingWhere): void => {
    onShowWrite()
    // The write tab may have just been shown: jump once it is laid out.
    requestAnimationFrame(() => jumpTo(where, editor))
  }
  return (
    <PreflightPanel
      state={state}
      onJump={handleJump}
      onWordAdded={() => setWordsAdded((n) => n + 1)}
    />
  )
}

/** The conflict banner, shown while the last save was refused as stale. */
export function DeskConflict({
  status,
  onReloadTheirs,
  onKeepMine
}: {
  status: SaveStateSource
  onReloadTheirs(): void
  onKeepMine(): Promise<void>
}): React.JSX.Element | null {
  const state = useSyncExternalStore(status.subscribe, status.get)
  if (state.kind !== 'error' || state.code !== 'conflict') return null
  return <ConflictBanner onReloadTheirs={onReloadTheirs} onKeepMine={onKeepMine} />
}
