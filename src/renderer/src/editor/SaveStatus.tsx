import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { appErrorMessage } from '../lib/bridgeError'
import type { SaveStateSource } from './useAutosave'

/** "Saving…", "Saved 14:03" or the error, announced politely to screen readers. */
export function SaveStatus({ source }: { source: SaveStateSource }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const state = useSyncExternalStore(source.subscribe, source.get)
  let text = ''
  if (state.kind === 'saving') text = t('editor.saving')
  else if (state.kind === 'dirty') text = t('editor.unsaved')
  else if (state.kind === 'saved') {
    const time = new Intl.DateTimeFormat(i18n.language === 'de' ? 'de-DE' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit'
    }).format(state.at)
    text = t('editor.saved', { time })
  } else if (state.kind === 'error') {
    text =
      state.code === 'conflict'
        ? t('editor.conflict')
        : t('editor.saveFailed', { message: appErrorMessage(state, t, i18n.language) })
  }
  return (
    <p
      className={`save-status save-${state.kind}`}
      role={state.kind === 'error' ? 'alert' : 'status'}
      aria-live="polite"
    >
      {text}
    </p>
  )
}
