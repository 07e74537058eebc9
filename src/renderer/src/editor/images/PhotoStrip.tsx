import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AssetSummary } from '../../../../shared/asset'
import { newsroom } from '../../lib/newsroom'
import { setAssetDragData } from '../../lib/assetDrag'

/**
 * The library's photos beside the article, as drag sources for the body, the lead slot and the
 * galleries (the photo desk's own view is a separate screen, so this is where the drag starts).
 */
export function PhotoStrip(): React.JSX.Element {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [assets, setAssets] = useState<AssetSummary[]>([])

  useEffect(() => {
    let isCurrent = true
    const timer = setTimeout(() => {
      void newsroom.listAssets({ query: query || undefined }).then((r) => {
        if (isCurrent && r.ok) setAssets(r.value.slice(0, 60))
      })
    }, 200)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [query])

  return (
    <section className="photo-strip" aria-label={t('desk.photoStrip')}>
      <h3 className="slot-title">{t('desk.photoStrip')}</h3>
      <input
        type="search"
        className="input"
        placeholder={t('desk.photoStripSearch')}
        aria-label={t('desk.photoStripSearch')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {assets.length === 0 ? (
        <p className="muted small-text">{t('desk.photoStripEmpty')}</p>
      ) : (
        <>
          <ul className="photo-strip-list">
            {assets.map((a) => (
              <li key={a.id}>
                <img
                  src={newsroom.assetUrl(a.id, 'thumb')}
                  alt={a.metadata.alt ?? a.metadata.caption ?? a.originalName}
                  title={[a.metadata.caption, a.metadata.credit].filter(Boolean).join(' — ')}
                  draggable
                  onDragStart={(e) => setAssetDragData(e.dataTransfer, [a.id])}
                />
              </li>
            ))}
          </ul>
          <p className="muted small-text">{t('desk.photoStripHint')}</p>
        </>
      )}
    </section>
  )
}
