import { useTranslation } from 'react-i18next'
import type { ImageImportState } from './useImageImport'
import { importFailureMessage } from '../../lib/importFailureMessage'

/** Import progress ("Importing 2 of 3 images: dom.jpg") and one line per file that failed. */
export function ImportStatus({
  state,
  onDismiss
}: {
  state: ImageImportState
  onDismiss(): void
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation()
  const isBusy = state.total > 0 && state.done < state.total
  if (!isBusy && state.errors.length === 0) return null
  return (
    <div className="import-status">
      {isBusy && (
        <div className="import-progress" aria-live="polite">
          <span>
            {t('desk.importing', {
              done: Math.min(state.done + 1, state.total),
              total: state.total,
              file: state.current ?? ''
            })}
          </span>
          <progress max={state.total} value={state.done} aria-label={t('desk.importProgress')} />
        </div>
      )}
      {state.errors.length > 0 && (
        <div className="import-errors" role="alert">
          <p className="import-errors-title">
            {t('desk.importFailed', { count: state.errors.length })}
          </p>
          <ul>
            {state.errors.map((e, i) => (
              <li key={i}>{importFailureMessage(e, t, i18n.language)}</li>
            ))}
          </ul>
          <button type="button" className="ghost small" onClick={onDismiss}>
            {t('desk.dismiss')}
          </button>
        </div>
      )}
    </div>
  )
}
