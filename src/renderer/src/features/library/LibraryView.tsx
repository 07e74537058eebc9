import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ARTICLE_STATUSES,
  type ArticleStatus,
  type ArticleSummary
} from '../../../../shared/article'
import { bytesToBase64 } from '../../lib/bytesToBase64'
import { call, newsroom } from '../../lib/newsroom'
import { formatUpdated } from './formatUpdated'

interface LibraryViewProps {
  onOpen(id: string): void
}

/** The list of drafts, newest change first, with search and a status filter. */
export function LibraryView({ onOpen }: LibraryViewProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<ArticleStatus | ''>('')
  const [isCreating, setCreating] = useState(false)
  const [importing, setImporting] = useState<string | null>(null)
  const packageInput = useRef<HTMLInputElement>(null)

  useEffect(() => {
    let isCurrent = true
    call(newsroom.listArticles({ query: query || undefined, status: status || undefined }))
      .then((list) => isCurrent && setArticles(list))
      .catch((e: Error) => isCurrent && setError(t('library.loadFailed', { message: e.message })))
    return () => {
      isCurrent = false
    }
  }, [query, status, t])

  const handleNew = useCallback(async () => {
    setCreating(true)
    try {
      const article = await call(newsroom.createArticle({}))
      onOpen(article.id)
    } catch (e) {
      setError((e as Error).message)
      setCreating(false)
    }
  }, [onOpen])

  const handlePackage = useCallback(
    async (file: File) => {
      setImporting(file.name)
      setError(null)
      try {
        const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
        const result = await call(newsroom.importPackage({ name: file.name, base64 }))
        onOpen(result.articleId)
      } catch (e) {
        setError(
          t('exportPackage.importFailed', { name: file.name, message: (e as Error).message })
        )
      } finally {
        setImporting(null)
      }
    },
    [onOpen, t]
  )

  const isFiltered = query !== '' || status !== ''
  const isEmptyLibrary = articles !== null && articles.length === 0 && !isFiltered

  return (
    <section className="library" aria-labelledby="library-title">
      <div className="library-head">
        <div>
          <h1 id="library-title">{t('library.title')}</h1>
          {articles && articles.length > 0 && (
            <p className="muted">{t('library.count', { count: articles.length })}</p>
          )}
        </div>
        <div className="head-actions">
          <button
            type="button"
            onClick={() => packageInput.current?.click()}
            disabled={importing !== null}
          >
            {t('exportPackage.importButton')}
          </button>
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
      {importing && (
        <p className="muted" role="status">
          {t('exportPackage.importing', { name: importing })}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
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
          {articles?.map((a) => (
            <li key={a.id}>
              <button type="button" className="article-row" onClick={() => onOpen(a.id)}>
                <span className="row-main">
                  {a.kicker && <span className="kicker">{a.kicker}</span>}
                  <span className="headline">{a.headline || t('library.untitled')}</span>
                  <span className="row-meta">
                    {a.bylines.length > 0 && <span>{a.bylines.join(', ')}</span>}
                    <span>{t('library.words', { count: a.wordCount })}</span>
                    <span>
                      {t('library.updated', { when: formatUpdated(a.updatedAt, i18n.language) })}
                    </span>
                  </span>
                </span>
                <span className={`status-badge status-${a.status}`}>{t(`status.${a.status}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
