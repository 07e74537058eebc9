import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  MAX_IPC_IMPORT_BYTES,
  type AssetSummary,
  type AssetListFilter
} from '../../../../shared/asset'
import { call, newsroom } from '../../lib/newsroom'
import { carriesFiles } from '../../lib/assetDrag'
import { AssetGrid } from './AssetGrid'
import { AssetSidePanel } from './AssetSidePanel'
import { AttachDialog, type AttachDone } from './AttachDialog'
import { collectDroppedFiles, takeDropEntries, type PickedFile } from './collectDroppedFiles'
import { EMPTY_SELECTION, keepVisible, type GridSelection } from './gridSelection'
import { ImportPanel } from './ImportPanel'
import { runImport, type ImportRow } from './runImport'
import './assets.css'

type MissingFilter = NonNullable<AssetListFilter['missing']>[number]

const MISSING_FILTERS: { key: MissingFilter; label: string }[] = [
  { key: 'credit', label: 'assets.filterCredit' },
  { key: 'caption', label: 'assets.filterCaption' },
  { key: 'alt', label: 'assets.filterAlt' }
]

const ACCEPT = 'image/*,.jpg,.jpeg,.png,.webp,.tif,.tiff,.avif,.gif,.heic,.heif'

interface Notice {
  text: string
  articleId?: string
}

interface AssetDeskViewProps {
  onOpenArticle(id: string): void
}

function replaceIn(list: AssetSummary[] | null, next: AssetSummary): AssetSummary[] | null {
  return list && list.map((a) => (a.id === next.id ? next : a))
}

// Clipboard images arrive as "image.png"; a dated name tells them apart in the library.
function pastedFileName(file: File, index: number): string {
  if (file.name && file.name !== 'image.png') return file.name
  const ext = file.type.split('/')[1]?.replace('jpeg', 'jpg') || 'png'
  const stamp = new Date().toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '')
  return `pasted-${stamp}${index ? `-${index + 1}` : ''}.${ext}`
}

/**
 * The photo desk: the library's images in a grid with filters and search, import by dialog,
 * drop (files and folders) and paste, a side panel to edit captions and credits, and building
 * galleries or setting lead images from a selection. Tiles drag into the article editor.
 */
export function AssetDeskView({ onOpenArticle }: AssetDeskViewProps): React.JSX.Element {
  const { t } = useTranslation()
  const [assets, setAssets] = useState<AssetSummary[] | null>(null)
  const [all, setAll] = useState<AssetSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [missing, setMissing] = useState<MissingFilter[]>([])
  const [unused, setUnused] = useState(false)
  const [query, setQuery] = useState('')
  const [debouncedQuery, setDebouncedQuery] = useState('')
  const [version, setVersion] = useState(0)
  const [selection, setSelection] = useState<GridSelection>(EMPTY_SELECTION)
  const [openId, setOpenId] = useState<string | null>(null)
  const [panelKey, setPanelKey] = useState(0)
  const [importRows, setImportRows] = useState<ImportRow[] | null>(null)
  const [skipped, setSkipped] = useState<string[]>([])
  const [isImporting, setImporting] = useState(false)
  const [isCancelling, setCancelling] = useState(false)
  const [isDropTarget, setDropTarget] = useState(false)
  const [attachTarget, setAttachTarget] = useState<'lead' | 'gallery' | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const cancelRequested = useRef(false)
  const importing = useRef(false)
  const dragDepth = useRef(0)

  useEffect(() => {
    const timer = setTimeout(() => setDebouncedQuery(query.trim()), 200)
    return () => clearTimeout(timer)
  }, [query])

  const isFiltered = missing.length > 0 || unused || debouncedQuery !== ''

  useEffect(() => {
    let isCurrent = true
    const filter: AssetListFilter = {}
    if (missing.length) filter.missing = missing
    if (unused) filter.unused = true
    if (debouncedQuery) filter.query = debouncedQuery
    call(newsroom.listAssets(filter))
      .then((list) => {
        if (!isCurrent) return
        setAssets(list)
        setError(null)
      })
      .catch((e: Error) => isCurrent && setError(e.message))
    return () => {
      isCurrent = false
    }
  }, [missing, unused, debouncedQuery, version])

  // The whole library, for the counts beside the filters.
  useEffect(() => {
    let isCurrent = true
    call(newsroom.listAssets())
      .then((list) => isCurrent && setAll(list))
      .catch(() => undefined)
    return () => {
      isCurrent = false
    }
  }, [version])

  const order = useMemo(() => (assets ?? []).map((a) => a.id), [assets])
  const picked = useMemo(() => keepVisible(selection, order), [selection, order])
  const pickedAssets = useMemo(() => {
    const byId = new Map((assets ?? []).map((a) => [a.id, a]))
    return picked.ids.map((id) => byId.get(id)).filter((a): a is AssetSummary => !!a)
  }, [picked, assets])

  const startImport = useCallback(
    async (files: PickedFile[], skippedNames: string[]): Promise<void> => {
      if (importing.current) {
        setNotice({ text: t('assets.importBusy') })
        return
      }
      setSkipped(skippedNames)
      if (files.length === 0) {
        setImportRows([])
        return
      }
      importing.current = true
      cancelRequested.current = false
      setImporting(true)
      setNotice(null)
      let shown = 0
      let lastRefresh = 0
      try {
        await runImport(files, {
          maxBytes: MAX_IPC_IMPORT_BYTES,
          isCancelled: () => cancelRequested.current,
          onChange: (rows) => {
            setImportRows(rows)
            // New photos appear while the rest are still coming in (at most about once a second).
            const done = rows.filter((r) => r.status === 'imported').length
            if (done > shown && Date.now() - lastRefresh > 800) {
              shown = done
              lastRefresh = Date.now()
              setVersion((v) => v + 1)
            }
          },
          send: async (file) => (await call(newsroom.importAssets({ files: [file] })))[0]
        })
      } finally {
        importing.current = false
        setImporting(false)
        setCancelling(false)
        setVersion((v) => v + 1)
      }
    },
    [t]
  )

  const startImportRef = useRef(startImport)
  useEffect(() => {
    startImportRef.current = startImport
  })

  // Paste anywhere on the photo desk: image files on the clipboard are imported.
  useEffect(() => {
    const handlePaste = (event: ClipboardEvent): void => {
      const files = Array.from(event.clipboardData?.files ?? []).filter((f) =>
        f.type.startsWith('image/')
      )
      if (files.length === 0) return
      event.preventDefault()
      void startImportRef.current(
        files.map((file, i) => ({ file, name: pastedFileName(file, i) })),
        []
      )
    }
    document.addEventListener('paste', handlePaste)
    return () => document.removeEventListener('paste', handlePaste)
  }, [])

  // Files dropped anywhere in the window while the photo desk is open are imported (a near miss
  // must not make the browser open the file instead).
  useEffect(() => {
    const handleDragEnter = (event: DragEvent): void => {
      if (!carriesFiles(event.dataTransfer)) return
      event.preventDefault()
      dragDepth.current += 1
      setDropTarget(true)
    }
    const handleDragOver = (event: DragEvent): void => {
      if (!carriesFiles(event.dataTransfer) || !event.dataTransfer) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'copy'
    }
    const handleDragLeave = (event: DragEvent): void => {
      if (!carriesFiles(event.dataTransfer)) return
      dragDepth.current = Math.max(0, dragDepth.current - 1)
      if (dragDepth.current === 0) setDropTarget(false)
    }
    const handleDrop = (event: DragEvent): void => {
      if (!carriesFiles(event.dataTransfer) || !event.dataTransfer) return
      event.preventDefault()
      dragDepth.current = 0
      setDropTarget(false)
      const { entries, loose } = takeDropEntries(event.dataTransfer)
      collectDroppedFiles(entries, loose).then(
        ({ files, skipped: left }) => startImportRef.current(files, left),
        (e: Error) => setNotice({ text: t('assets.dropFailed', { message: e.message }) })
      )
    }
    document.addEventListener('dragenter', handleDragEnter)
    document.addEventListener('dragover', handleDragOver)
    document.addEventListener('dragleave', handleDragLeave)
    document.addEventListener('drop', handleDrop)
    return () => {
      document.removeEventListener('dragenter', handleDragEnter)
      document.removeEventListener('dragover', handleDragOver)
      document.removeEventListener('dragleave', handleDragLeave)
      document.removeEventListener('drop', handleDrop)
    }
  }, [t])

  const handleChosenFiles = (event: React.ChangeEvent<HTMLInputElement>): void => {
    const files = Array.from(event.target.files ?? [])
    event.target.value = ''
    void startImport(
      files.map((file) => ({ file, name: file.name })),
      []
    )
  }

  const toggleMissing = (key: MissingFilter): void =>
    setMissing((m) => (m.includes(key) ? m.filter((x) => x !== key) : [...m, key]))

  const handleChanged = useCallback((next: AssetSummary): void => {
    setAssets((list) => replaceIn(list, next))
    setAll((list) => replaceIn(list, next))
  }, [])

  const handleDeleted = useCallback(
    (gone: AssetSummary): void => {
      setOpenId(null)
      setAssets((list) => list && list.filter((a) => a.id !== gone.id))
      setAll((list) => list && list.filter((a) => a.id !== gone.id))
      setNotice({ text: t('assets.deleted', { name: gone.originalName }) })
    },
    [t]
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
    setVersion((v) => v + 1)
    setPanelKey((k) => k + 1)
  }

  const counts = useMemo(() => {
    const list = all ?? []
    return {
      total: list.length,
      credit: list.filter((a) => !a.metadata.credit).length,
      caption: list.filter((a) => !a.metadata.caption).length,
      alt: list.filter((a) => !a.metadata.alt).length,
      unused: list.filter((a) => a.usage.length === 0).length
    }
  }, [all])

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
            onChange={handleChosenFiles}
          />
        </div>
      </div>

      {importRows && (importRows.length > 0 || skipped.length > 0) && (
        <ImportPanel
          rows={importRows}
          skipped={skipped}
          isRunning={isImporting}
          isCancelling={isCancelling}
          onCancel={() => {
            cancelRequested.current = true
            setCancelling(true)
          }}
          onDismiss={() => {
            setImportRows(null)
            setSkipped([])
          }}
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

      {error && (
        <p role="alert" className="error">
          {t('assets.loadFailed', { message: error })}
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
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <div className="filter-chips" role="group" aria-label={t('assets.filters')}>
              {MISSING_FILTERS.map((f) => (
                <button
                  key={f.key}
                  type="button"
                  className="chip-toggle"
                  aria-pressed={missing.includes(f.key)}
                  onClick={() => toggleMissing(f.key)}
                >
                  {t(f.label)}
                  {all && <span className="chip-count">{counts[f.key]}</span>}
                </button>
              ))}
              <button
                type="button"
                className="chip-toggle"
                aria-pressed={unused}
                onClick={() => setUnused((u) => !u)}
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
                  <p>{isFiltered ? t('assets.noMatch') : t('assets.empty')}</p>
                  {isFiltered && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        setMissing([])
                        setUnused(false)
                        setQuery('')
                      }}
                    >
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
                onChanged={handleChanged}
                onDeleted={handleDeleted}
                onOpenArticle={onOpenArticle}
              />
            )}
          </div>
        </>
      )}

      {isDropTarget && (
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
