import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleDiff, ArticleVersion } from '../../../../shared/library'
import { errorMessage } from '../../lib/bridgeError'
import { call, newsroom } from '../../lib/newsroom'
import { formatUpdated } from '../library/formatUpdated'

interface HistoryDialogProps {
  articleId: string
  /** Saves what is unsaved first, and returns the revision a restore must be based on. */
  prepare(): Promise<number>
  /** After a restore: the editor reloads the article (the restore is a new revision). */
  onRestored(): void
  onClose(): void
}

/** The last saved versions with time and word count; compare any with the current text; restore. */
export function HistoryDialog({
  articleId,
  prepare,
  onRestored,
  onClose
}: HistoryDialogProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [versions, setVersions] = useState<ArticleVersion[] | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [diff, setDiff] = useState<ArticleDiff | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    let isCurrent = true
    void prepare()
      .then(() => call(newsroom.articleHistory({ id: articleId })))
      .then((v) => isCurrent && setVersions(v))
      .catch((e: Error) => isCurrent && setError(t('history.failed', { message: e.message })))
    return () => {
      isCurrent = false
    }
  }, [articleId, prepare, t])

  const handleSelect = (versionId: string): void => {
    setSelected(versionId)
    setDiff(null)
    call(newsroom.diffArticleVersion({ id: articleId, versionId }))
      .then(setDiff)
      .catch((e: Error) => setError(e.message))
  }

  const handleRestore = async (versionId: string): Promise<void> => {
    try {
      const baseRevision = await prepare()
      await call(newsroom.restoreArticleVersion({ id: articleId, versionId, baseRevision }))
      onRestored()
    } catch (e) {
      setError(errorMessage(e))
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
                  when: formatUpdated(v.savedAt, i18n.language),
                  words: t('library.words', { count: v.wordCount })
                })}
                {v.current && <span className="status-badge">{t('history.current')}</span>}
              </button>
            </li>
          ))}
        </ul>
        <div className="diff-pane" aria-live="polite">
          {diff && (
            <>
              {diff.fields.length === 0 && diff.wordsAdded === 0 && diff.wordsRemoved === 0 ? (
                <p className="muted">{t('history.noChanges')}</p>
              ) : (
                <p className="muted">
                  {t('history.wordsChanged', {
                    added: diff.wordsAdded,
                    removed: diff.wordsRemoved
                  })}
                </p>
              )}
              {diff.fields.length > 0 && (
                <>
                  <h3>{t('history.fieldsChanged')}</h3>
                  <ul className="field-changes">
                    {diff.fields.map((f) => (
                      <li key={f.field}>
                        <strong>{f.field}</strong>: <del>{JSON.stringify(f.before)}</del>{' '}
                        <ins>{JSON.stringify(f.after)}</ins>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <div className="diff-body">
                {diff.body
                  .filter((p) => p.op !== 'equal')
                  .map((p, i) => (
                    <p key={i} className={`diff-${p.op}`}>
                      {p.words ? (
                        p.words.map((w, j) =>
                          w.op === 'insert' ? (
                            <ins key={j}>{w.text}</ins>
                          ) : w.op === 'delete' ? (
                            <del key={j}>{w.text}</del>
                          ) : (
                            <span key={j}>{w.text}</span>
                          )
                        )
                      ) : p.op === 'insert' ? (
                        <ins>{p.after}</ins>
                      ) : (
                        <del>{p.before}</del>
                      )}
                    </p>
                  ))}
              </div>
              {!versions?.find((v) => v.versionId === selected)?.current && selected && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => void handleRestore(selected)}
                >
                  {t('history.restore')}
                </button>
              )}
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
