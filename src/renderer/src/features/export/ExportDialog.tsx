import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportJobStatus, ExportResult } from '../../../../shared/contract/exports'
import type { Finding } from '../../../../shared/preflight/finding'
import type { UiLanguage } from '../../../../shared/settings'
import { appErrorMessage } from '../../lib/bridgeError'
import { newsroom } from '../../lib/newsroom'

interface ExportDialogProps {
  articleId: string
  language: UiLanguage
  /** Saves what is still unsaved before the package is made. */
  flush(): Promise<void>
  /** The article's revision after the export (its status became `exported`). */
  onExported(result: ExportResult): void
  onClose(): void
}

type View =
  | { kind: 'running'; status: ExportJobStatus | null }
  | { kind: 'blocked'; findings: Finding[] }
  | { kind: 'exists'; file: string }
  | { kind: 'done'; result: ExportResult }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }

function formatBytes(bytes: number, language: UiLanguage): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`
}

/** Export…: checks, progress with cancel, and the confirmations the issue asks for. */
export function ExportDialog({
  articleId,
  language,
  flush,
  onExported,
  onClose
}: ExportDialogProps): React.JSX.Element {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [view, setView] = useState<View>({ kind: 'running', status: null })
  const jobRef = useRef<string | null>(null)

  const start = useCallback(
    async (opts: { force?: boolean; overwrite?: boolean }) => {
      setView({ kind: 'running', status: null })
      await flush()
      const started = await newsroom.startExport({ id: articleId, language, ...opts })
      if (!started.ok) {
        return setView({ kind: 'failed', message: appErrorMessage(started.error, t, language) })
      }
      let status = started.value
      jobRef.current = status.jobId
      while (status.state === 'running') {
        setView({ kind: 'running', status })
        await new Promise((r) => setTimeout(r, 200))
        const polled = await newsroom.exportProgress({ jobId: status.jobId })
        if (!polled.ok) {
          return setView({ kind: 'failed', message: appErrorMessage(polled.error, t, language) })
        }
        status = polled.value
      }
      jobRef.current = null
      if (status.state === 'done' && status.result) {
        onExported(status.result)
        return setView({ kind: 'done', result: status.result })
      }
      if (status.state === 'cancelled') return setView({ kind: 'cancelled' })
      const error = status.error
      if (error?.code === 'forbidden' && Array.isArray(error.detail?.findings)) {
        return setView({ kind: 'blocked', findings: error.detail.findings as Finding[] })
      }
      if (error?.code === 'conflict') return setView({ kind: 'exists', file: status.file })
      if (error?.detail?.cancelled) return setView({ kind: 'cancelled' })
      setView({
        kind: 'failed',
        message: error ? appErrorMessage(error, t, language) : t('errors.code.unknown')
      })
    },
    [articleId, language, flush, onExported, t]
  )

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    // Started once when the dialog opens; later starts come from the user's confirmations.
    const timer = setTimeout(() => void start({}), 0)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const handleCancel = (): void => {
    const jobId = jobRef.current
    if (jobId) void newsroom.cancelExport({ jobId })
    else onClose()
  }

  const progress = view.kind === 'running' ? view.status?.progress : null
  return (
    <dialog
      ref={dialogRef}
      className="dialog export-dialog"
      aria-labelledby="export-title"
      onCancel={(e) => {
        e.preventDefault()
        handleCancel()
      }}
    >
      <h2 id="export-title">{t('exportPackage.title')}</h2>
      {view.kind === 'running' && (
        <div role="status" aria-live="polite">
          {progress && progress.total > 0 ? (
            <>
              <progress max={progress.total} value={progress.done} />
              <p className="muted">
                {t('exportPackage.progress', {
                  done: progress.done,
                  total: progress.total,
                  file: progress.file ?? ''
                })}
              </p>
            </>
          ) : (
            <p className="muted">{t('exportPackage.checking')}</p>
          )}
        </div>
      )}
      {view.kind === 'blocked' && (
        <div role="alert">
          <p>{t('exportPackage.blocked')}</p>
          <ul className="check-list compact">
            {view.findings
              .filter((f) => f.severity === 'error')
              .map((f, i) => (
                <li key={i} className="check check-error">
                  <span className="check-message">{f.message}</span>
                </li>
              ))}
          </ul>
        </div>
      )}
      {view.kind === 'exists' && (
        <p role="alert">{t('exportPackage.exists', { file: view.file })}</p>
      )}
      {view.kind === 'done' && (
        <div role="status">
          <p>
            {t('exportPackage.done', {
              count: view.result.files.length + 1,
              size: formatBytes(view.result.bytes, language)
            })}
          </p>
          <code className="path">{view.result.file}</code>
        </div>
      )}
      {view.kind === 'cancelled' && <p role="status">{t('exportPackage.cancelled')}</p>}
      {view.kind === 'failed' && (
        <p className="error" role="alert">
          {t('exportPackage.failed', { message: view.message })}
        </p>
      )}
      <div className="dialog-actions">
        {view.kind === 'running' ? (
          <button type="button" onClick={handleCancel}>
            {t('exportPackage.cancel')}
          </button>
        ) : (
          <>
            {view.kind === 'blocked' && (
              <button type="button" className="danger" onClick={() => void start({ force: true })}>
                {t('exportPackage.exportAnyway')}
              </button>
            )}
            {view.kind === 'exists' && (
              <button
                type="button"
                className="danger"
                onClick={() => void start({ overwrite: true })}
              >
                {t('exportPackage.replace')}
              </button>
            )}
            <button type="button" className="primary" onClick={onClose} autoFocus>
              {t('exportPackage.close')}
            </button>
          </>
        )}
      </div>
    </dialog>
  )
}
