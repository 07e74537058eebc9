import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportJobStatus, ExportResult } from '../../../../shared/contract/exports'
import type { Finding } from '../../../../shared/preflight/finding'
import { lastPublished, type Publication } from '../../../../shared/publication'
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

/** What the export is for: the story (optionally with a public correction) or its withdrawal. */
type Intent = { correction?: string } | { kill: { notice: string; reason?: string } }

type View =
  | { kind: 'loading' }
  | { kind: 'ready'; record: Publication }
  | { kind: 'withdraw'; record: Publication }
  | { kind: 'withdrawn'; record: Publication; killed: NonNullable<Publication['killed']> }
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
  const [view, setView] = useState<View>({ kind: 'loading' })
  const [correction, setCorrection] = useState('')
  const [notice, setNotice] = useState('')
  const [reason, setReason] = useState('')
  const jobRef = useRef<string | null>(null)
  // Kept for the confirmations (export anyway, replace), which start the same export again.
  const intentRef = useRef<Intent>({})

  const start = useCallback(
    async (opts: { force?: boolean; overwrite?: boolean; intent?: Intent }) => {
      if (opts.intent) intentRef.current = opts.intent
      setView({ kind: 'running', status: null })
      await flush()
      const started = await newsroom.startExport({
        id: articleId,
        language,
        force: opts.force,
        overwrite: opts.overwrite,
        ...intentRef.current
      })
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
    // A story never published exports at once; a published one first shows its version and
    // offers a correction note, withdrawal or (when withdrawn) reinstatement.
    let isCurrent = true
    const timer = setTimeout(() => {
      void newsroom.getArticle({ id: articleId }).then((r) => {
        if (!isCurrent) return
        const record = r.ok ? r.value.publication : undefined
        if (!record) return void start({ intent: {} })
        setView(
          record.killed
            ? { kind: 'withdrawn', record, killed: record.killed }
            : { kind: 'ready', record }
        )
      })
    }, 0)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const handleCancel = (): void => {
    const jobId = jobRef.current
    if (jobId) void newsroom.cancelExport({ jobId })
    else onClose()
  }

  const reinstate = async (record: Publication): Promise<void> => {
    const r = await newsroom.reinstateStory({ id: articleId })
    if (!r.ok) return setView({ kind: 'failed', message: appErrorMessage(r.error, t, language) })
    setView({ kind: 'ready', record: { ...record, killed: null } })
  }

  const last = view.kind === 'ready' || view.kind === 'withdraw' ? lastPublished(view.record) : null
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
      <h2 id="export-title">
        {view.kind === 'withdraw' ? t('publication.withdrawTitle') : t('exportPackage.title')}
      </h2>
      {view.kind === 'ready' && last && (
        <div className="publication-form">
          <p>
            {t('publication.next', {
              last: last.version,
              next: last.version + 1
            })}
          </p>
          <label>
            {t('publication.correction')}
            <textarea rows={3} value={correction} onChange={(e) => setCorrection(e.target.value)} />
          </label>
          <p className="muted">{t('publication.correctionHint')}</p>
        </div>
      )}
      {view.kind === 'withdraw' && (
        <div className="publication-form">
          <p>{t('publication.withdrawText', { version: (last?.version ?? 0) + 1 })}</p>
          <label>
            {t('publication.notice')}
            <textarea rows={3} value={notice} onChange={(e) => setNotice(e.target.value)} />
          </label>
          <label>
            {t('publication.reason')}
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
        </div>
      )}
      {view.kind === 'withdrawn' && (
        <div role="status">
          <p>
            {t('publication.withdrawnOn', {
              when: new Date(view.killed.at).toLocaleString(language)
            })}
          </p>
          <blockquote>{view.killed.notice}</blockquote>
          <p className="muted">{t('publication.reinstateHint')}</p>
        </div>
      )}
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
          <p>
            {t('publication.doneVersion', {
              version: view.result.version,
              kind: t(`publication.kind.${view.result.kind}`)
            })}
          </p>
        </div>
      )}
      {view.kind === 'cancelled' && <p role="status">{t('exportPackage.cancelled')}</p>}
      {view.kind === 'failed' && (
        <p className="error" role="alert">
          {t('exportPackage.failed', { message: view.message })}
        </p>
      )}
      <div className="dialog-actions">
        {view.kind === 'running' || view.kind === 'loading' ? (
          <button type="button" onClick={handleCancel}>
            {t('exportPackage.cancel')}
          </button>
        ) : (
          <>
            {view.kind === 'ready' && (
              <>
                <button
                  type="button"
                  className="danger"
                  onClick={() => setView({ kind: 'withdraw', record: view.record })}
                >
                  {t('publication.withdraw')}
                </button>
                <button
                  type="button"
                  className="primary"
                  onClick={() =>
                    void start({
                      intent: correction.trim() ? { correction: correction.trim() } : {}
                    })
                  }
                >
                  {correction.trim() ? t('publication.exportCorrection') : t('publication.export')}
                </button>
              </>
            )}
            {view.kind === 'withdraw' && (
              <button
                type="button"
                className="danger"
                disabled={notice.trim() === ''}
                onClick={() =>
                  void start({
                    intent: {
                      kill: {
                        notice: notice.trim(),
                        ...(reason.trim() ? { reason: reason.trim() } : {})
                      }
                    }
                  })
                }
              >
                {t('publication.withdrawExport')}
              </button>
            )}
            {view.kind === 'withdrawn' && (
              <button type="button" className="primary" onClick={() => void reinstate(view.record)}>
                {t('publication.reinstate')}
              </button>
            )}
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
            <button
              type="button"
              className={view.kind === 'ready' || view.kind === 'withdrawn' ? undefined : 'primary'}
              onClick={onClose}
              autoFocus={view.kind !== 'ready' && view.kind !== 'withdraw'}
            >
              {t('exportPackage.close')}
            </button>
          </>
        )}
      </div>
    </dialog>
  )
}
