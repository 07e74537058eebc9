import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../../shared/article'
import type { ArticleListEntry, LibraryProblem, TrashEntry } from '../../../../shared/library'
import { bytesToBase64 } from '../../lib/bytesToBase64'
import { BridgeError, errorCode, userMessage } from '../../lib/bridgeError'
import { leftDraftsSettled } from '../../lib/leftDrafts'
import { call, newsroom } from '../../lib/newsroom'
import { useDocxDrop } from '../docx/useDocxDrop'
import { useDocxImport } from '../docx/useDocxImport'
import { formatUpdated } from './formatUpdated'
import { HeldPackageDialog, type HeldChoice } from './HeldPackageDialog'
import { packageImportError } from './packageImportError'
import { SearchSnippetLine } from './SearchSnippetLine'
import { useLibraryActions } from './useLibraryActions'

interface LibraryViewProps {
  onOpen(id: string): void
}

/** The list of drafts, newest change first, with search, a status filter and the trash. */
export function LibraryView({ onOpen }: LibraryViewProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [articles, setArticles] = useState<ArticleListEntry[] | null>(null)
  const [trash, setTrash] = useState<TrashEntry[]>([])
  const [problems, setProblems] = useState<LibraryProblem[]>([])
  const [isTrashOpen, setTrashOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<{
    text: string
    undoId: string
    title: string | null
  } | null>(null)
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<ArticleStatus | ''>('')
  const [isCreating, setCreating] = useState(false)
  const [importing, setImporting] = useState<string | null>(null)
  const [held, setHeld] = useState<{ name: string; base64: string } | null>(null)
  const [reloadKey, setReloadKey] = useState(0)
  const packageInput = useRef<HTMLInputElement>(null)
  const docxInput = useRef<HTMLInputElement>(null)
  const docx = useDocxImport(onOpen)

  useEffect(() => {
    let isCurrent = true
    // A draft left empty a moment ago is being removed: list after that.
    const settled = leftDraftsSettled()
    settled
      .then(() =>
        call(newsroom.listArticles({ query: query || undefined, status: status || undefined }))
      )
      .then((list) => isCurrent && setArticles(list))
      .catch(
        (e: unknown) =>
          isCurrent &&
          setError(t('library.loadFailed', { message: userMessage(e, t, i18n.language) }))
      )
    void settled
      .then(() => newsroom.listTrash())
      .then((r) => isCurrent && r.ok && setTrash(r.value))
    return () => {
      isCurrent = false
    }
  }, [query, status, t, i18n.language, reloadKey])

  useEffect(() => {
    void newsroom.libraryProblems().then((r) => r.ok && setProblems(r.value))
  }, [])

  const handleNew = useCallback(async () => {
    setCreating(true)
    try {
      const article = await call(newsroom.createArticle({}))
      onOpen(article.id)
    } catch (e) {
      setError(t('errors.create', { reason: userMessage(e, t, i18n.language) }))
      setCreating(false)
    }
  }, [onOpen, t, i18n.language])

  const importBytes = useCallback(
    async (name: string, base64: string, as?: HeldChoice) => {
      setImporting(name)
      setError(null)
      try {
        const result = await call(newsroom.importPackage({ name, base64, as }))
        onOpen(result.articleId)
      } catch (e) {
        // A story the library holds: the user says whether it updates that story or is a new one.
        if (!as && errorCode(e) === 'conflict' && e instanceof BridgeError) {
          if (e.detail?.reason === 'held') return setHeld({ name, base64 })
        }
        setError(packageImportError(e, name, t))
      } finally {
        setImporting(null)
      }
    },
    [onOpen, t]
  )

  const handlePackage = useCallback(
    async (file: File) => {
      setError(null)
      try {
        const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
        await importBytes(file.name, base64)
      } catch (e) {
        setError(packageImportError(e, file.name, t))
      }
    },
    [importBytes, t]
  )

  const actions = useLibraryActions({
    reload: useCallback(() => setReloadKey((k) => k + 1), []),
    onError: setError,
    onTrashed: useCallback(
      (a: { id: string; headline: string | null }) =>
        setNotice({
          text: t('library.deleted', { title: a.headline || t('library.untitled') }),
          undoId: a.id,
          title: a.headline
        }),
      [t]
    )
  })

  const importDocx = (file: File): void =>
    void docx.importAsDraft(file.name, async () => new Uint8Array(await file.arrayBuffer()))
  const { isOver, dropProps } = useDocxDrop(importDocx, (files) => {
    const zip = files.find((f) => /\.zip$/i.test(f.name))
    if (zip) void handlePackage(zip)
  })

  const isFiltered = query !== '' || status !== ''
  const isEmptyLibrary = articles !== null && articles.length === 0 && !isFiltered

  return (
    <section
      className={isOver ? 'library is-drop-target' : 'library'}
      aria-labelledby="library-title"
      {...dropProps}
    >
      <div className="library-head">
        <div>
          <h1 id="library-title">{isTrashOpen ? t('library.trash') : t('library.title')}</h1>
          {!isTrashOpen && articles && articles.length > 0 && (
            <p className="muted">{t('library.count', { count: articles.length })}</p>
          )}
        </div>
        <div className="head-actions">
          {(trash.length > 0 || isTrashOpen) && (
            <button type="button" className="ghost" onClick={() => setTrashOpen(!isTrashOpen)}>
              {isTrashOpen
                ? t('library.backToDrafts')
                : t('library.trashCount', { count: trash.length })}
            </button>
          )}
          <button
            type="button"
            onClick={() => packageInput.current?.click()}
            disabled={importing !== null}
          >
            {t('exportPackage.importButton')}
          </button>
          <button
            type="button"
            onClick={() => docxInput.current?.click()}
            disabled={docx.importing !== null}
          >
            {t('docxImport.button')}
          </button>
          <input
            ref={docxInput}
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            hidden
            data-testid="docx-input"
            onChange={(e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) importDocx(file)
            }}
          />
          <input
            ref={packageInput}
            type="file"
            accept=".zip,application/zip"
            hidden
            data-testid="package-input"
            onChange={(e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) void handlePackage(file)
            }}
          />
          <button type="button" className="primary" onClick={handleNew} disabled={isCreating}>
            {t('library.newArticle')}
          </button>
        </div>
      </div>
      {problems.length > 0 && (
        <div role="alert" className="notice notice-warn">
          <strong>{t('library.problemsTitle')}</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {/* The core's account is English and names the reason: kept for English. */}
                {i18n.language.startsWith('de')
                  ? t(`errors.problem.${p.kind}`, {
                      file: p.file,
                      movedTo: p.movedTo ?? '',
                      restoredFrom: p.restoredFrom ?? ''
                    })
                  : p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {held && (
        <HeldPackageDialog
          name={held.name}
          onCancel={() => setHeld(null)}
          onChoose={(as) => {
            setHeld(null)
            void importBytes(held.name, held.base64, as)
          }}
        />
      )}
      {importing && (
        <p className="muted" role="status">
          {t('exportPackage.importing', { name: importing })}
        </p>
      )}
      {docx.importing && (
        <p className="muted" role="status">
          {t('docxImport.importing', { name: docx.importing })}
        </p>
      )}
      {docx.error && (
        <p role="alert" className="error">
          {docx.error}
        </p>
      )}
      {isOver && (
        <p className="drop-hint" aria-hidden="true">
          {t('docxImport.dropHint')}
        </p>
      )}
      {notice && (
        <div className="notice" role="status">
          <span>{notice.text}</span>
          <button
            type="button"
            className="link-button"
            disabled={actions.isBusy('restore', notice.undoId)}
            onClick={() => {
              void actions
                .restore({ id: notice.undoId, headline: notice.title })
                .then(() => setNotice(null))
            }}
          >
            {t('library.undo')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {isTrashOpen ? (
        <TrashList
          entries={trash}
          onRestore={(entry) => void actions.restore(entry)}
          isRestoring={(id) => actions.isBusy('restore', id)}
          onEmpty={() => void actions.emptyTrash(trash.length)}
          isEmptying={actions.isBusy('emptyTrash')}
          language={i18n.language}
        />
      ) : (
        <>
          {!isEmptyLibrary && (
            <div className="library-tools">
              <input
                type="search"
                className="search"
                placeholder={t('library.search')}
                aria-label={t('library.search')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <label className="inline-label">
                {t('library.statusFilter')}
                <select
                  value={status}
                  onChange={(e) => setStatus(e.target.value as ArticleStatus | '')}
                >
                  <option value="">{t('library.allStatuses')}</option>
                  {ARTICLE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )}
          {isEmptyLibrary ? (
            <div className="empty-state">
              <div className="empty-illustration" aria-hidden="true" />
              <h2>
                {t('library.empty')} —{' '}
                <button type="button" className="link-button" onClick={handleNew}>
                  {t('library.newArticle')}
                </button>
              </h2>
              <p className="muted">{t('library.emptyHint')}</p>
            </div>
          ) : articles && articles.length === 0 ? (
            <p className="muted empty-search">{t('library.noMatch')}</p>
          ) : (
            <ul className="article-list" aria-label={t('library.title')}>
              {articles?.map((a) => {
                const title = a.headline || t('library.untitled')
                return (
                  <li key={a.id} className="article-item">
                    <button type="button" className="article-row" onClick={() => onOpen(a.id)}>
                      <span className="row-main">
                        {a.kicker && <span className="kicker">{a.kicker}</span>}
                        <span className="headline">{title}</span>
                        <span className="row-meta">
                          {a.bylines.length > 0 && <span>{a.bylines.join(', ')}</span>}
                          <span>{t('library.words', { count: a.wordCount })}</span>
                          <span>
                            {t('library.updated', {
                              when: formatUpdated(a.updatedAt, i18n.language)
                            })}
                          </span>
                          {a.published && (
                            <span
                              className={
                                a.published.withdrawn ? 'pub-state pub-withdrawn' : 'pub-state'
                              }
                            >
                              {a.published.withdrawn
                                ? t('library.withdrawn')
                                : t('library.published', { version: a.published.version })}
                            </span>
                          )}
                        </span>
                        {a.snippet && <SearchSnippetLine snippet={a.snippet} />}
                      </span>
                      <span className={`status-badge status-${a.status}`}>
                        {t(`status.${a.status}`)}
                      </span>
                    </button>
                    <div
                      className="row-actions"
                      role="group"
                      aria-label={t('library.actionsFor', { title })}
                    >
                      <button
                        type="button"
                        className="ghost small"
                        disabled={actions.isBusy('duplicate', a.id)}
                        onClick={() => void actions.duplicate(a)}
                      >
                        {t('library.duplicate')}
                      </button>
                      <button
                        type="button"
                        className="ghost small"
                        disabled={actions.isBusy('trash', a.id)}
                        onClick={() => void actions.trash(a)}
                      >
                        {t('library.delete')}
                      </button>
                    </div>
                  </li>
                )
              })}
            </ul>
          )}
        </>
      )}
    </section>
  )
}

function TrashList({
  entries,
  onRestore,
  isRestoring,
  onEmpty,
  isEmptying,
  language
}: {
  entries: TrashEntry[]
  onRestore(entry: TrashEntry): void
  isRestoring(id: string): boolean
  onEmpty(): void
  isEmptying: boolean
  language: string
}): React.JSX.Element {
  const { t } = useTranslation()
  if (entries.length === 0) return <p className="muted empty-search">{t('library.trashEmpty')}</p>
  return (
    <>
      <ul className="article-list" aria-label={t('library.trash')}>
        {entries.map((e) => (
          <li key={e.id} className="article-item trashed">
            <div className="article-row">
              <span className="row-main">
                {e.kicker && <span className="kicker">{e.kicker}</span>}
                <span className="headline">{e.headline || t('library.untitled')}</span>
                <span className="row-meta">
                  {e.bylines.length > 0 && <span>{e.bylines.join(', ')}</span>}
                  <span>
                    {t('library.deletedAt', { when: formatUpdated(e.deletedAt, language) })}
                  </span>
                </span>
              </span>
            </div>
            <div className="row-actions">
              <button
                type="button"
                className="small"
                disabled={isRestoring(e.id)}
                onClick={() => onRestore(e)}
              >
                {t('library.restore')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={onEmpty} disabled={isEmptying}>
          {t('library.emptyTrash')}
        </button>
      </div>
    </>
  )
}
