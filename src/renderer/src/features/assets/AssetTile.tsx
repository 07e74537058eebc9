import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AssetSummary } from '../../../../shared/asset'
import { newsroom } from '../../lib/newsroom'
import { formatPixels } from './formatAssetFacts'

interface AssetTileProps {
  asset: AssetSummary
  isSelected: boolean
  /** Position in the picking order (1-based) when selected with others, for gallery order. */
  pickNumber: number | null
  isOpen: boolean
  isFocusTarget: boolean
  onPointerPick(id: string, event: React.MouseEvent): void
  onKey(id: string, event: React.KeyboardEvent): void
  onFocusTile(id: string): void
  onDragTile(id: string, event: React.DragEvent): void
}

/** The asset's articles, counted once each (an article may use a photo twice). */
export function articleCount(asset: Pick<AssetSummary, 'usage'>): number {
  return new Set(asset.usage.map((u) => u.articleId)).size
}

/** One photo in the grid: thumbnail, caption, credit line, size and what is missing. */
export const AssetTile = memo(function AssetTile({
  asset,
  isSelected,
  pickNumber,
  isOpen,
  isFocusTarget,
  onPointerPick,
  onKey,
  onFocusTile,
  onDragTile
}: AssetTileProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const m = asset.metadata
  const used = articleCount(asset)
  const creditLine = [
    m.credit,
    m.photographer && m.photographer !== m.credit ? m.photographer : null
  ]
    .filter(Boolean)
    .join(' / ')
  const landscape = asset.width >= asset.height
  return (
    <li
      role="option"
      id={`asset-${asset.id}`}
      aria-selected={isSelected}
      aria-current={isOpen ? 'true' : undefined}
      aria-label={m.caption ?? asset.originalName}
      tabIndex={isFocusTarget ? 0 : -1}
      draggable
      className={`asset-tile${isSelected ? ' is-selected' : ''}${isOpen ? ' is-open' : ''}`}
      data-asset-id={asset.id}
      onClick={(e) => onPointerPick(asset.id, e)}
      onKeyDown={(e) => onKey(asset.id, e)}
      onFocus={() => onFocusTile(asset.id)}
      onDragStart={(e) => onDragTile(asset.id, e)}
    >
      <div className="asset-thumb">
        <img
          src={newsroom.assetUrl(asset.id, 'thumb')}
          alt=""
          loading="lazy"
          decoding="async"
          draggable={false}
          className={landscape ? 'is-landscape' : 'is-portrait'}
        />
        {pickNumber !== null && (
          <span className="asset-pick" aria-hidden="true">
            {pickNumber}
          </span>
        )}
        {used > 0 && (
          <span className="asset-used" title={t('assets.usedIn', { count: used })}>
            {t('assets.usedIn', { count: used })}
          </span>
        )}
      </div>
      <div className="asset-text">
        {m.caption ? (
          <p className="asset-caption">{m.caption}</p>
        ) : (
          <p className="asset-caption is-missing">
            <span className="flag flag-bad">{t('assets.noCaption')}</span>{' '}
            <span className="asset-filename">{asset.originalName}</span>
          </p>
        )}
        <p className="asset-credit">
          {creditLine ? (
            <>
              <span className="asset-credit-label">{t('assets.creditPrefix')}</span> {creditLine}
            </>
          ) : (
            <span className="flag flag-bad">{t('assets.noCredit')}</span>
          )}
        </p>
        <p className="asset-meta">
          <span>{formatPixels(asset.width, asset.height, i18n.language)}</span>
          <span className="asset-format">{asset.format.toUpperCase()}</span>
          {!m.alt && <span className="flag flag-warn">{t('assets.noAlt')}</span>}
        </p>
      </div>
    </li>
  )
})
