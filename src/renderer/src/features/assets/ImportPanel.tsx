import { useTranslation } from 'react-i18next'
import { formatFileSize } from './formatAssetFacts'
import type { ImportRow } from './runImport'
import { importFailureMessage } from '../../lib/importFailureMessage'
import { importWarningText } from '../../lib/importWarningText'

interface ImportPanelProps {
  rows: ImportRow[]
  /** Files inside dropped folders that were left out (not photos). */
  skipped: string[]
  isRunning: boolean
  isCancelling: boolean
  onCancel(): void
  onDismiss(): void
}

const MAX_SKIPPED_NAMES = 5

/** Progress of an import (n of N, current file, Cancel), then one line per file. */
export function ImportPanel({
  rows,
  skipped,
  isRunning,
  isCancelling,
  onCancel,
  onDismiss
}: ImportPanelProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const current = rows.findIndex((r) => r.status === 'importing')
  const finished = rows.filter((r) => r.status !== 'waiting' && r.status !== 'importing').length
  const count = (status: ImportRow['status'], extra?: (r: ImportRow) => boolean): number =>
    rows.filter((r) => r.status === status && (!extra || extra(r))).length
  const imported = count('imported', (r) => r.status === 'imported' && !r.duplicate)
  const duplicates = count('imported', (r) => r.status === 'imported' && r.duplicate)
  const failed = count('failed') + count('tooLarge') + count('unreadable')
  const cancelled = count('cancelled')

  const summary = [
    imported > 0 && t('assets.importedCount', { count: imported }),
    duplicates > 0 && t('assets.duplicateCount', { count: duplicates }),
    failed > 0 && t('assets.failedCount', { count: failed }),
    cancelled > 0 && t('assets.cancelledCount', { count: cancelled })
  ].filter(Boolean)

  return (
    <section
      className={`import-panel${failed > 0 && !isRunning ? ' has-errors' : ''}`}
      aria-label={t('assets.importTitle')}
    >
      <div className="import-head">
        <div className="import-status" role="status">
          {isRunning ? (
            <strong>
              {current >= 0
                ? t('assets.importing', {
                    n: current + 1,
                    total: rows.length,
                    name: rows[current].name
                  })
                : t('assets.importStarting', { total: rows.length })}
            </strong>
          ) : (
            <>
              <strong>{t(cancelled > 0 ? 'assets.importCancelled' : 'assets.importDone')}</strong>
              {summary.length > 0 && <span> — {summary.join(', ')}</span>}
            </>
          )}
        </div>
        {isRunning ? (
          <button type="button" onClick={onCancel} disabled={isCancelling}>
            {isCancelling ? t('assets.cancelling') : t('assets.cancel')}
          </button>
        ) : (
          <button type="button" className="ghost" onClick={onDismiss}>
            {t('assets.closeResults')}
          </button>
        )}
      </div>
      {isRunning && (
        <progress
          className="import-progress"
          max={rows.length}
          value={finished}
          aria-label={t('assets.importProgress')}
        />
      )}
      <ol className="import-results" aria-label={t('assets.importResults')}>
        {rows.map((row, i) => (
          <li key={`${i}-${row.name}`} className={`import-row row-${row.status}`}>
            <span className="import-icon" aria-hidden="true" />
            <span className="import-line">{lineFor(row)}</span>
          </li>
        ))}
      </ol>
      {skipped.length > 0 && (
        <p className="import-skipped">
          {t('assets.skipped', {
            count: skipped.length,
            names:
              skipped.slice(0, MAX_SKIPPED_NAMES).join(', ') +
              (skipped.length > MAX_SKIPPED_NAMES ? ', …' : '')
          })}
        </p>
      )}
    </section>
  )

  function lineFor(row: ImportRow): React.ReactNode {
    switch (row.status) {
      case 'waiting':
        return (
          <>
            <span className="import-name">{row.name}</span> — {t('assets.resultWaiting')}
          </>
        )
      case 'importing':
        return (
          <>
            <span className="import-name">{row.name}</span> — {t('assets.resultImporting')}
          </>
        )
      case 'imported':
        return (
          <>
            <span className="import-name">{row.name}</span> —{' '}
            {row.duplicate ? t('assets.resultDuplicate') : t('assets.resultImported')}
            {row.warnings.map((w) => (
              <span key={w} className="import-warning">
                {t('assets.resultWarning', { warning: importWarningText(w, t, i18n.language) })}
              </span>
            ))}
          </>
        )
      case 'failed':
        return (
          <span className="import-error">
            {importFailureMessage({ file: row.name, ...row }, t, i18n.language)}
          </span>
        )
      case 'tooLarge':
        return (
          <span className="import-error">
            {t('assets.resultTooLarge', {
              name: row.name,
              size: formatFileSize(row.bytes, i18n.language),
              limit: formatFileSize(row.limit, i18n.language)
            })}
          </span>
        )
      case 'unreadable':
        return (
          <span className="import-error">
            {importFailureMessage(
              { file: row.name, error: row.reason, reason: 'unreadable' },
              t,
              i18n.language
            )}
          </span>
        )
      case 'cancelled':
        return (
          <>
            <span className="import-name">{row.name}</span> — {t('assets.resultCancelled')}
          </>
        )
    }
  }
}
