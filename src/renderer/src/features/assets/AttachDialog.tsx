import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleSummary } from '../../../../shared/article'
import type { AssetSummary } from '../../../../shared/asset'
import { userMessage } from '../../lib/bridgeError'
import { call, newsroom } from '../../lib/newsroom'

/** What was attached, for the confirmation the desk shows afterwards. */
export interface AttachDone {
  articleId: string
  headline: string | null
  target: 'lead' | 'gallery'
  galleryName: string | null
  count: number
}

interface AttachDialogProps {
  target: 'lead' | 'gallery'
  /** The picked photos, in picking order. */
  assets: AssetSummary[]
  onClose(): void
  onDone(done: AttachDone): void
}

/**
 * Puts picked photos into an article: as a gallery (named, in an order the user can still
 * change here) or as the lead image. Calls `assets:attach`, which saves the article.
 */
export function AttachDialog({
  target,
  assets,
  onClose,
  onDone
}: AttachDialogProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const ids = useId()
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null)
  const [articleId, setArticleId] = useState('')
  const [galleryNames, setGalleryNames] = useState<string[]>([])
  const [galleryName, setGalleryName] = useState('')
  const [order, setOrder] = useState(assets)
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  useEffect(() => {
    call(newsroom.listArticles())
      .then(setArticles)
      .catch((e: unknown) => setError(userMessage(e, t, i18n.language)))
  }, [t, i18n.language])

  // The article's existing galleries, offered as names to extend.
  useEffect(() => {
    if (!articleId) return
    let isCurrent = true
    call(newsroom.getArticle({ id: articleId }))
      .then(
        (a) =>
          isCurrent &&
          setGalleryNames(a.galleries.map((g) => g.name).filter((n): n is string => !!n))
      )
      .catch(() => isCurrent && setGalleryNames([]))
    return () => {
      isCurrent = false
    }
  }, [articleId])

  const move = (index: number, delta: number): void => {
    setOrder((current) => {
      const next = current.slice()
      const [item] = next.splice(index, 1)
      next.splice(index + delta, 0, item)
      return next
    })
  }

  const nameOf = (a: AssetSummary): string => a.metadata.caption ?? a.originalName

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    if (!articleId || order.length === 0) return
    setBusy(true)
    setError(null)
    try {
      const name = galleryName.trim()
      await call(
        newsroom.attachAssets({
          articleId,
          assetIds: order.map((a) => a.id),
          target,
          ...(target === 'gallery' && name ? { galleryName: name } : {})
        })
      )
      const article = articles?.find((a) => a.id === articleId)
      onDone({
        articleId,
        headline: article?.headline ?? null,
        target,
        galleryName: target === 'gallery' ? name || null : null,
        count: order.length
      })
    } catch (e) {
      setError(t('assets.attachFailed', { message: userMessage(e, t, i18n.language) }))
      setBusy(false)
    }
  }

  const title = target === 'lead' ? t('assets.leadTitle') : t('assets.galleryTitle')
  return (
    <dialog
      ref={dialogRef}
      className="dialog attach-dialog"
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
    >
      <form onSubmit={(e) => void submit(e)}>
        <h2 id={`${ids}-title`}>{title}</h2>
        {articles && articles.length === 0 ? (
          <p className="muted">{t('assets.noArticles')}</p>
        ) : (
          <label className="field">
            <span className="field-label">{t('assets.article')}</span>
            <select
              value={articleId}
              onChange={(e) => setArticleId(e.target.value)}
              required
              disabled={!articles}
            >
              <option value="">{t('assets.chooseArticle')}</option>
              {articles?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.headline || t('assets.untitled')}
                </option>
              ))}
            </select>
          </label>
        )}
        {target === 'gallery' && (
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-gallery`}>
              {t('assets.galleryName')}
            </label>
            <input
              id={`${ids}-gallery`}
              className="input"
              value={galleryName}
              onChange={(e) => setGalleryName(e.target.value)}
              list={`${ids}-galleries`}
              maxLength={200}
              aria-describedby={`${ids}-gallery-hint`}
            />
            <datalist id={`${ids}-galleries`}>
              {galleryNames.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
            <span id={`${ids}-gallery-hint`} className="muted small-text">
              {t('assets.galleryNameHint')}
            </span>
          </div>
        )}
        {target === 'gallery' && (
          <>
            <p className="field-label">{t('assets.order')}</p>
            <ol className="attach-order" aria-label={t('assets.order')}>
              {order.map((a, i) => (
                <li key={a.id}>
                  <span className="attach-pos" aria-hidden="true">
                    {i + 1}
                  </span>
                  <img src={newsroom.assetUrl(a.id, 'thumb')} alt="" />
                  <span className="attach-name">{nameOf(a)}</span>
                  <button
                    type="button"
                    className="small"
                    onClick={() => move(i, -1)}
                    disabled={i === 0}
                    aria-label={t('assets.moveEarlier', { name: nameOf(a) })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="small"
                    onClick={() => move(i, 1)}
                    disabled={i === order.length - 1}
                    aria-label={t('assets.moveLater', { name: nameOf(a) })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="small"
                    onClick={() => setOrder((o) => o.filter((x) => x.id !== a.id))}
                    disabled={order.length === 1}
                    aria-label={t('assets.removeFromGallery', { name: nameOf(a) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ol>
          </>
        )}
        {target === 'lead' && order[0] && (
          <div className="attach-lead">
            <img src={newsroom.assetUrl(order[0].id, 'thumb')} alt="" />
            <span>{nameOf(order[0])}</span>
          </div>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions gap">
          <button type="button" onClick={() => dialogRef.current?.close()}>
            {t('assets.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!articleId || isBusy}>
            {target === 'lead'
              ? t('assets.setLeadButton')
              : t('assets.addToGallery', { count: order.length })}
          </button>
        </div>
      </form>
    </dialog>
  )
}
