import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleDiff, ArticleVersion } from '../../../../shared/library'
import type { Publication } from '../../../../shared/publication'
import { userMessage } from '../../lib/bridgeError'
import { call, newsroom } from '../../lib/newsroom'
import { formatUpdated } from '../library/formatUpdated'
import { PublishedVersions } from './PublishedVersions'
import { VersionComparison } from './VersionComparison'

interface HistoryDialogProps {
  articleId: string
  /** Saves what is unsaved first, and returns the revision a restore must be based on. */
  prepare(): Promise<number>
  /** After a restore: the editor reloads the article (the restore is a new revision). */
  onRestored(): void
  onClose(): void
}

/**
 * The last saved versions with time and word count; any of them compared with the current text
 * as a reader sees it; restore after a confirmation that says the current text stays in the
 * history.
 */
export function HistoryDialog({
  articleId,
  prepare,
  onRestored,
  onClose
}: HistoryDialogProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [versions, setVersions] = useState<ArticleVersion[] | null>(null)
  const [publication, setPublication] = useState<Publication | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [diff, setDiff] = useState<ArticleDiff | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isConfirming, setConfirming] = useState(false)
  const [isRestoring, setRestoring] = useState(false)
  const restoring = useRef(false)
  const confirmRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    let isCurrent = true
    void prepare()
      .then(() =>
        Promise.all([
          call(newsroom.articleHistory({ id: articleId })),
          call(newsroom.getArticle({ id: articleId }))
        ])
      )
      .then(([v, article]) => {
        if (!isCurrent) return
        setVersions(v)
        setPublication(article.publication ?? null)
      })
      .catch(
        (e: unknown) =>
          isCurrent && setError(t('history.failed', { message: userMessage(e, t, i18n.language) }))
      )
    return () => {
      isCurrent = false
    }
  }, [articleId, prepare, t, i18n.language])

  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus()
  }, [isConfirming])

  const version = versions?.find((v) => v.versionId === selected) ?? null
  const when = (v: ArticleVersion): string => formatUpdated(v.savedAt, i18n.language)

  const handleSelect = (versionId: string): void => {
    setSelected(versionId)
    setConfirming(false)
    setDiff(null)
    setError(null)
    call(newsroom.diffArticleVersion({ id: articleId, versionId }))
      .then(setDiff)
      .catch((e: unknown) =>
        setError(t('errors.compare', { reason: userMessage(e, t, i18n.language) }))
      )
  }

  const handleRestore = async (versionId: string): Promise<void> => {
    // A second click while the first restore runs does nothing.
    if (restoring.current) return
    restoring.current = true
    setRestoring(true)
    try {
      const baseRevision = await prepare()
      await call(newsroom.restoreArticleVersion({ id: articleId, versionId, baseRevision }))
      onRestored()
    } catch (e) {
      setError(t('errors.restoreVersion', { reason: userMessage(e, t, i18n.language) }))
    } finally {
      restoring.current = false
      setRestoring(false)
      setConfirming(false)
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog history-dialog"
      aria-labelledby="history-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id="history-title">{t('history.title')}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {versions && versions.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <div className="history-body">
        <div className="history-lists">
          <ul className="version-list" aria-label={t('history.title')}>
            {versions?.map((v) => (
              <li key={v.versionId}>
                <button
                  type="button"
                  className={selected === v.versionId ? 'version selected' : 'version'}
                  aria-pressed={selected === v.versionId}
                  onClick={() => handleSelect(v.versionId)}
                >
                  {t('history.version', {
                    revision: v.revision,
                    when: when(v),
                    words: t('library.words', { count: v.wordCount })
                  })}
                  {v.current && <span className="status-badge">{t('history.current')}</span>}
                </button>
              </li>
            ))}
          </ul>
          <PublishedVersions publication={publication} />
        </div>
        <div className="diff-pane" aria-live="polite">
          {diff && version && (
            <>
              <h3 className="comparison-title">
                {t('history.compareTitle', { revision: version.revision, when: when(version) })}
              </h3>
              {!version.current &&
                (isConfirming ? (
                  <div
                    className="restore-confirm"
                    role="alertdialog"
                    aria-labelledby="restore-confirm-text"
                  >
                    <p id="restore-confirm-text">
                      {t('history.restoreConfirm', {
                        revision: version.revision,
                        when: when(version)
                      })}
                    </p>
                    <div className="restore-actions">
                      <button
                        ref={confirmRef}
                        type="button"
                        className="primary"
                        disabled={isRestoring}
                        onClick={() => void handleRestore(version.versionId)}
                      >
                        {isRestoring ? t('history.restoring') : t('history.restoreConfirmButton')}
                      </button>
                      <button
                        type="button"
                        disabled={isRestoring}
                        onClick={() => setConfirming(false)}
                      >
                        {t('history.cancel')}
                      </button>
                    </div>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="primary restore-button"
                    onClick={() => setConfirming(true)}
                  >
                    {t('history.restore')}
                  </button>
                ))}
              <VersionComparison diff={diff} />
            </>
          )}
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('history.close')}
        </button>
      </div>
    </dialog>
  )
}
