import { useCallback, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AssetSummary } from '../../../../shared/asset'
import { AssetGrid } from './AssetGrid'
import { AssetSidePanel } from './AssetSidePanel'
import { AttachDialog, type AttachDone } from './AttachDialog'
import { EMPTY_SELECTION, keepVisible, type GridSelection } from './gridSelection'
import { ImportPanel } from './ImportPanel'
import { useAssetImport, type DeskNotice } from './useAssetImport'
import { ASSET_SORTS, type AssetSort } from './sortAssets'
import { useAssetList, type MissingFilter } from './useAssetList'
import './assets.css'

const MISSING_FILTERS: { key: MissingFilter; label: string }[] = [
  { key: 'credit', label: 'assets.filterCredit' },
  { key: 'caption', label: 'assets.filterCaption' },
  { key: 'alt', label: 'assets.filterAlt' }
]

const ACCEPT = 'image/*,.jpg,.jpeg,.png,.webp,.tif,.tiff,.avif,.gif,.heic,.heif'

interface AssetDeskViewProps {
  onOpenArticle(id: string): void
}

/**
 * The photo desk: the library's images in a grid with filters and search, import by dialog,
 * drop (files and folders) and paste, a side panel to edit captions and credits, and building
 * galleries or setting lead images from a selection. Tiles drag into the article editor.
 */
export function AssetDeskView({ onOpenArticle }: AssetDeskViewProps): React.JSX.Element {
  const { t } = useTranslation()
  const list = useAssetList()
  const { assets, all, counts, missing, unused } = list
  const [notice, setNotice] = useState<DeskNotice | null>(null)
  const importer = useAssetImport({ onImported: list.refresh, onNotice: setNotice })
  const [selection, setSelection] = useState<GridSelection>(EMPTY_SELECTION)
  const [openId, setOpenId] = useState<string | null>(null)
  const [panelKey, setPanelKey] = useState(0)
  const [attachTarget, setAttachTarget] = useState<'lead' | 'gallery' | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const isImporting = importer.isImporting

  const order = useMemo(() => (assets ?? []).map((a) => a.id), [assets])
  const picked = useMemo(() => keepVisible(selection, order), [selection, order])
  const pickedAssets = useMemo(() => {
    const byId = new Map((assets ?? []).map((a) => [a.id, a]))
    return picked.ids.map((id) => byId.get(id)).filter((a): a is AssetSummary => !!a)
  }, [picked, assets])

  const { replace, remove, refresh } = list
  const handleDeleted = useCallback(
    (gone: AssetSummary): void => {
      setOpenId(null)
      remove(gone.id)
      setNotice({ text: t('assets.deleted', { name: gone.originalName }) })
    },
    [t, remove]
  )

  const handleAttached = (done: AttachDone): void => {
    setAttachTarget(null)
    setSelection(EMPTY_SELECTION)
    const headline = done.headline || t('assets.untitled')
    setNotice({
      text:
        done.target === 'lead'
          ? t('assets.leadDone', { headline })
          : done.galleryName
            ? t('assets.galleryDoneNamed', { count: done.count, name: done.galleryName, headline })
            : t('assets.galleryDone', { count: done.count, headline }),
      articleId: done.articleId
    })
    refresh()
    setPanelKey((k) => k + 1)
  }

  const isEmptyLibrary = all !== null && all.length === 0 && !isImporting

  return (
    <section
      className={`photo-desk${openId ? ' has-panel' : ''}`}
      aria-labelledby="photo-desk-title"
    >
      <div className="desk-head">
        <div>
          <h1 id="photo-desk-title">{t('assets.title')}</h1>
          {all && all.length > 0 && (
            <p className="muted desk-counts">
              <span>{t('assets.count', { count: counts.total })}</span>
              {counts.credit > 0 && (
                <span className="count-bad">
                  {t('assets.countNoCredit', { count: counts.credit })}
                </span>
              )}
              {counts.caption > 0 && (
                <span>{t('assets.countNoCaption', { count: counts.caption })}</span>
              )}
            </p>
          )}
        </div>
        <div className="desk-actions">
          <span className="muted small-text desk-drop-hint">{t('assets.dropHint')}</span>
          <button
            type="button"
            className="primary"
            onClick={() => fileInput.current?.click()}
            disabled={isImporting}
          >
            {t('assets.importButton')}
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept={ACCEPT}
            hidden
            aria-label={t('assets.chooseFiles')}
            onChange={importer.handleChosenFiles}
          />
        </div>
      </div>

      {importer.rows && (importer.rows.length > 0 || importer.skipped.length > 0) && (
        <ImportPanel
          rows={importer.rows}
          skipped={importer.skipped}
          isRunning={isImporting}
          isCancelling={importer.isCancelling}
          onCancel={importer.cancel}
          onDismiss={importer.dismiss}
        />
      )}

      {notice && (
        <div className="desk-notice">
          <span role="status">{notice.text}</span>
          {notice.articleId && (
            <button
              type="button"
              className="link-button"
              onClick={() => onOpenArticle(notice.articleId as string)}
            >
              {t('assets.openArticle')}
            </button>
          )}
          <button
            type="button"
            className="ghost icon-button"
            aria-label={t('assets.dismiss')}
            onClick={() => setNotice(null)}
          >
            ×
          </button>
        </div>
      )}

      {list.error && (
        <p role="alert" className="error">
          {t('assets.loadFailed', { message: list.error })}
        </p>
      )}

      {isEmptyLibrary ? (
        <div className="empty-state desk-empty">
          <div className="desk-empty-art" aria-hidden="true" />
          <h2>
            {t('assets.empty')} —{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => fileInput.current?.click()}
            >
              {t('assets.importButton')}
            </button>
          </h2>
          <p className="muted">{t('assets.emptyHint')}</p>
        </div>
      ) : (
        <>
          <div className="desk-tools">
            <input
              type="search"
              className="search"
              placeholder={t('assets.search')}
              aria-label={t('assets.search')}
              value={list.query}
              onChange={(e) => list.setQuery(e.target.value)}
            />
            <label className="inline-label">
              {t('assets.sort')}
              <select value={list.sort} onChange={(e) => list.setSort(e.target.value as AssetSort)}>
                {ASSET_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`assets.sortBy.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <div className="filter-chips" role="group" aria-label={t('assets.filters')}>
              {MISSING_FILTERS.map((f) => (
                <button
                  key={f.key}
                  type="button"
                  className="chip-toggle"
                  aria-pressed={missing.includes(f.key)}
                  onClick={() => list.toggleMissing(f.key)}
                >
                  {t(f.label)}
                  {all && <span className="chip-count">{counts[f.key]}</span>}
                </button>
              ))}
              <button
                type="button"
                className="chip-toggle"
                aria-pressed={unused}
                onClick={list.toggleUnused}
              >
                {t('assets.filterUnused')}
                {all && <span className="chip-count">{counts.unused}</span>}
              </button>
            </div>
          </div>

          {assets && assets.length > 0 && (
            <div
              className={`selection-bar${picked.ids.length ? ' has-picks' : ''}`}
              role="region"
              aria-label={t('assets.selectionBar')}
            >
              {picked.ids.length > 0 ? (
                <>
                  <strong>{t('assets.selected', { count: picked.ids.length })}</strong>
                  <span className="muted small-text">{t('assets.dragHint')}</span>
                </>
              ) : (
                <span className="muted">{t('assets.pickHint')}</span>
              )}
              <span className="selection-spacer" />
              <button
                type="button"
                className="primary"
                onClick={() => setAttachTarget('gallery')}
                disabled={picked.ids.length === 0}
              >
                {t('assets.buildGallery')}
              </button>
              <button
                type="button"
                onClick={() => setAttachTarget('lead')}
                disabled={picked.ids.length !== 1}
                title={picked.ids.length > 1 ? t('assets.leadNeedsOne') : undefined}
              >
                {t('assets.setLead')}
              </button>
              <button
                type="button"
                className="ghost"
                onClick={() => setSelection(EMPTY_SELECTION)}
                disabled={picked.ids.length === 0}
              >
                {t('assets.clearSelection')}
              </button>
            </div>
          )}

          <div className="desk-body">
            <div className="desk-grid-col">
              {assets && assets.length === 0 ? (
                <div className="desk-no-match">
                  <p>{list.isFiltered ? t('assets.noMatch') : t('assets.empty')}</p>
                  {list.isFiltered && (
                    <button type="button" className="link-button" onClick={list.clearFilters}>
                      {t('assets.clearFilters')}
                    </button>
                  )}
                </div>
              ) : assets ? (
                <>
                  <AssetGrid
                    assets={assets}
                    selection={picked}
                    openId={openId}
                    label={t('assets.gridLabel')}
                    onSelectionChange={setSelection}
                    onOpen={setOpenId}
                  />
                  <p className="muted small-text keyboard-hint">{t('assets.keyboardHint')}</p>
                </>
              ) : (
                <div className="desk-loading" aria-busy="true" />
              )}
            </div>
            {openId && (
              <AssetSidePanel
                key={openId}
                assetId={openId}
                refreshKey={panelKey}
                onClose={() => setOpenId(null)}
                onChanged={replace}
                onDeleted={handleDeleted}
                onOpenArticle={onOpenArticle}
              />
            )}
          </div>
        </>
      )}

      {importer.isDropTarget && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">
            <div className="drop-icon" />
            <p>{t('assets.dropHere')}</p>
          </div>
        </div>
      )}

      {attachTarget && pickedAssets.length > 0 && (
        <AttachDialog
          target={attachTarget}
          assets={pickedAssets}
          onClose={() => setAttachTarget(null)}
          onDone={handleAttached}
        />
      )}
    </section>
  )
}
