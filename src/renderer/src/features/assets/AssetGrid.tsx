import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AssetSummary } from '../../../../shared/asset'
import { setAssetDragData } from '../../lib/assetDrag'
import { AssetTile } from './AssetTile'
import { clickSelection, toggleSelection, type GridSelection } from './gridSelection'

const PAGE = 240

interface AssetGridProps {
  assets: AssetSummary[]
  selection: GridSelection
  openId: string | null
  label: string
  onSelectionChange(selection: GridSelection): void
  onOpen(id: string): void
}

/**
 * The photo grid: a multi-select listbox. Click opens a photo in the side panel, Ctrl/⌘+click
 * and Space pick photos (in order), Shift+click picks a run; arrow keys move, Enter opens. Each
 * tile drags its asset id (or, when it is picked with others, all picked ids in order).
 */
export function AssetGrid({
  assets,
  selection,
  openId,
  label,
  onSelectionChange,
  onOpen
}: AssetGridProps): React.JSX.Element {
  const { t } = useTranslation()
  const listRef = useRef<HTMLUListElement>(null)
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const [limit, setLimit] = useState(PAGE)
  const shown = assets.length > limit ? assets.slice(0, limit) : assets
  const order = useMemo(() => shown.map((a) => a.id), [shown])
  const focusTarget = [focusedId, openId].find((id) => id && order.includes(id)) ?? order[0]

  // Kept in refs so the memoised tiles get stable handlers.
  const state = useRef({ selection, order, onSelectionChange, onOpen })
  useLayoutEffect(() => {
    state.current = { selection, order, onSelectionChange, onOpen }
  })

  const columns = (): number => {
    const tiles = Array.from(listRef.current?.children ?? []) as HTMLElement[]
    if (tiles.length === 0) return 1
    const top = tiles[0].offsetTop
    const n = tiles.findIndex((el) => el.offsetTop !== top)
    return n === -1 ? tiles.length : n
  }

  const moveFocus = (id: string | undefined): void => {
    if (!id) return
    setFocusedId(id)
    const el = document.getElementById(`asset-${id}`)
    el?.focus()
    el?.scrollIntoView({ block: 'nearest' })
  }

  const handlePointerPick = useCallback((id: string, event: React.MouseEvent): void => {
    const s = state.current
    const toggle = event.ctrlKey || event.metaKey
    const range = event.shiftKey
    s.onSelectionChange(clickSelection(s.selection, s.order, id, { toggle, range }))
    if (!toggle && !range) s.onOpen(id)
  }, [])

  const handleKey = useCallback((id: string, event: React.KeyboardEvent): void => {
    const s = state.current
    const at = s.order.indexOf(id)
    const step = (delta: number): void => {
      event.preventDefault()
      moveFocus(s.order[Math.min(s.order.length - 1, Math.max(0, at + delta))])
    }
    switch (event.key) {
      case 'ArrowRight':
        return step(1)
      case 'ArrowLeft':
        return step(-1)
      case 'ArrowDown':
        return step(columns())
      case 'ArrowUp':
        return step(-columns())
      case 'Home':
        return step(-at)
      case 'End':
        return step(s.order.length)
      case ' ':
        event.preventDefault()
        s.onSelectionChange(toggleSelection(s.selection, id))
        return
      case 'Enter':
        event.preventDefault()
        s.onOpen(id)
        return
      case 'Escape':
        if (s.selection.ids.length > 0) {
          event.preventDefault()
          s.onSelectionChange({ ids: [], anchor: null })
        }
        return
      case 'a':
        if (event.ctrlKey || event.metaKey) {
          event.preventDefault()
          s.onSelectionChange({ ids: [...s.order], anchor: s.order[0] ?? null })
        }
        return
    }
  }, [])

  const handleDrag = useCallback((id: string, event: React.DragEvent): void => {
    const picked = state.current.selection.ids
    setAssetDragData(event.dataTransfer, picked.length > 1 && picked.includes(id) ? picked : [id])
  }, [])

  return (
    <div className="asset-grid-wrap">
      <ul
        ref={listRef}
        className="asset-grid"
        role="listbox"
        aria-label={label}
        aria-multiselectable="true"
      >
        {shown.map((asset) => {
          const pick = selection.ids.indexOf(asset.id)
          return (
            <AssetTile
              key={asset.id}
              asset={asset}
              isSelected={pick >= 0}
              pickNumber={pick >= 0 && selection.ids.length > 1 ? pick + 1 : null}
              isOpen={asset.id === openId}
              isFocusTarget={asset.id === focusTarget}
              onPointerPick={handlePointerPick}
              onKey={handleKey}
              onFocusTile={setFocusedId}
              onDragTile={handleDrag}
            />
          )
        })}
      </ul>
      {assets.length > limit && (
        <button type="button" className="asset-more" onClick={() => setLimit((n) => n + PAGE)}>
          {t('assets.showMore', { count: Math.min(PAGE, assets.length - limit) })}
        </button>
      )}
    </div>
  )
}
