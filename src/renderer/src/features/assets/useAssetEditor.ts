import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ASSET_EDITABLE_FIELDS,
  roundFocal,
  type AssetEditableField,
  type AssetPatch,
  type AssetSummary,
  type FocalPoint
} from '../../../../shared/asset'
import { BridgeError, errorCode, userMessage } from '../../lib/bridgeError'
import { call, newsroom } from '../../lib/newsroom'
import { draftOf, draftPatch, rebaseDraft, settleDraft, type AssetDraft } from './assetDraft'

/** How long arrow-key moves of the focal point wait before they are saved as one edit. */
const FOCAL_SAVE_DELAY_MS = 600

/** Whether two focal points are the same (null: none). */
export function sameFocal(
  a: FocalPoint | null | undefined,
  b: FocalPoint | null | undefined
): boolean {
  return a === b || (!!a && !!b && a.x === b.x && a.y === b.y)
}

/** The focal point as whole percent from the left and from the top, for `focal.value`. */
export function focalPercent(focal: FocalPoint): { x: number; y: number } {
  return { x: Math.round(focal.x * 100), y: Math.round(focal.y * 100) }
}

// What would be saved: the typed fields that differ, and a focal move that changes the point.
function pendingPatch(
  current: AssetSummary,
  typed: AssetDraft,
  focal: FocalPoint | null | undefined
): AssetPatch | null {
  const patch = draftPatch(typed, current.metadata)
  if (focal === undefined || sameFocal(focal, current.focal)) return patch
  return { ...patch, focal }
}

function cancelFocalTimer(timer: { current: ReturnType<typeof setTimeout> | null }): void {
  if (timer.current !== null) clearTimeout(timer.current)
  timer.current = null
}

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string }

export interface AssetEditorOptions {
  assetId: string
  /** Changes when something outside the panel may have changed the asset (usage, edits). */
  refreshKey: number
  onClose(): void
  onChanged(asset: AssetSummary): void
  onDeleted(asset: AssetSummary): void
}

export interface AssetEditor {
  /** The asset as the store last returned it; null while loading. */
  asset: AssetSummary | null
  /** What is typed in the fields, saved or not. */
  draft: AssetDraft | null
  /** The focal point as shown: a move not yet saved, else the saved one (null: none). */
  focal: FocalPoint | null
  /** Whether a focal point move waits to be saved. */
  isFocalPending: boolean
  loadError: string | null
  saveState: SaveState
  /** Why an edit was refused as stale, repeating what was typed. */
  conflict: string | null
  actionError: string | null
  isConfirmingDelete: boolean
  /** The confirmation dialog, opened and closed with `isConfirmingDelete`. */
  deleteDialog: React.RefObject<HTMLDialogElement | null>
  setField(field: AssetEditableField, value: string): void
  /**
   * Moves (or with null removes) the focal point. `immediate` saves at once (a click); otherwise
   * the save waits until the moves stop for a moment (arrow keys held down), so one gesture is
   * one undo step.
   */
  setFocal(focal: FocalPoint | null, opts?: { immediate?: boolean }): void
  save(): Promise<void>
  undo(): Promise<void>
  close(): void
  setConfirmingDelete(isConfirming: boolean): void
  confirmDelete(): Promise<void>
}

/**
 * One asset's edits in the photo desk's side panel: load (and reload when told, keeping what is
 * typed), save against the revision it was loaded at, undo, close once saved, delete. Server
 * operations run one after another, each on the state the previous one left.
 */
export function useAssetEditor({
  assetId,
  refreshKey,
  onClose,
  onChanged,
  onDeleted
}: AssetEditorOptions): AssetEditor {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const [asset, setAsset] = useState<AssetSummary | null>(null)
  const [draft, setDraft] = useState<AssetDraft | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' })
  const [conflict, setConflict] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [isConfirmingDelete, setConfirmingDelete] = useState(false)
  const deleteDialog = useRef<HTMLDialogElement>(null)
  // A focal point moved but not saved yet (undefined: none waiting; null: removed).
  const [focalDraft, setFocalDraft] = useState<FocalPoint | null | undefined>(undefined)
  const focalTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

  // The live values every queued operation reads when it runs (state lags one render behind).
  const live = useRef<{
    asset: AssetSummary | null
    draft: AssetDraft | null
    focal?: FocalPoint | null
  }>({
    asset: null,
    draft: null
  })
  const queue = useRef<Promise<void>>(Promise.resolve())
  // Counts edits refused as stale, so a close whose own save was refused keeps the panel open
  // with the message that repeats what was typed.
  const refusals = useRef(0)
  const callbacks = useRef({ onChanged, onDeleted, onClose })
  useEffect(() => {
    callbacks.current = { onChanged, onDeleted, onClose }
  })

  const commit = useCallback(
    (next: AssetSummary, nextDraft: AssetDraft, focal?: FocalPoint | null): void => {
      live.current = { asset: next, draft: nextDraft, focal }
      setAsset(next)
      setDraft(nextDraft)
      setFocalDraft(focal)
    },
    []
  )

  /** Runs server operations one after another, each on the state the previous one left. */
  const enqueue = useCallback(
    (op: () => Promise<void>): Promise<void> => {
      const next = queue.current.then(op).catch((error: unknown) => {
        setSaveState({ kind: 'failed', message: userMessage(error, t, language) })
      })
      queue.current = next
      return next
    },
    [t, language]
  )

  const reloadAfterConflict = useCallback(
    async (lost: AssetDraft | null): Promise<void> => {
      const fresh = await call(newsroom.getAsset({ id: assetId }))
      const before = live.current.asset
      const lostFocal = live.current.focal
      const lostLines =
        lost && before
          ? ASSET_EDITABLE_FIELDS.filter((f) => lost[f] !== (before.metadata[f] ?? '')).map(
              (f) => `${t(`assets.field.${f}`)}: ${lost[f] || '—'}`
            )
          : []
      if (lost && lostFocal !== undefined) {
        lostLines.push(
          `${t('focal.title')}: ${lostFocal ? t('focal.value', focalPercent(lostFocal)) : '—'}`
        )
      }
      commit(fresh, draftOf(fresh.metadata))
      callbacks.current.onChanged(fresh)
      if (lostLines.length > 0) refusals.current += 1
      setSaveState({ kind: 'idle' })
      setConflict(
        lostLines.length
          ? t('assets.conflictLost', { lost: lostLines.join(' · ') })
          : t('assets.conflict')
      )
    },
    [assetId, commit, t]
  )

  // Load, and reload when told something changed elsewhere, keeping what is being typed.
  useEffect(() => {
    let isCurrent = true
    call(newsroom.getAsset({ id: assetId }))
      .then((fresh) => {
        if (!isCurrent) return
        const { asset: before, draft: typed, focal } = live.current
        const isSame = before && typed && before.id === fresh.id
        const nextDraft = isSame
          ? rebaseDraft(typed, before.metadata, fresh.metadata)
          : draftOf(fresh.metadata)
        commit(fresh, nextDraft, isSame ? focal : undefined)
        setLoadError(null)
      })
      .catch((e: unknown) => isCurrent && setLoadError(userMessage(e, t, language)))
    return () => {
      isCurrent = false
    }
  }, [assetId, refreshKey, commit, t, language])

  const save = useCallback((): Promise<void> => {
    // This save takes a focal move that was waiting for its timer along.
    cancelFocalTimer(focalTimer)
    return enqueue(async () => {
      const { asset: current, draft: typed, focal } = live.current
      if (!current || !typed) return
      const patch = pendingPatch(current, typed, focal)
      if (!patch) {
        if (focal !== undefined) commit(current, typed)
        return
      }
      setSaveState({ kind: 'saving' })
      try {
        const next = await call(
          newsroom.updateAsset({ id: current.id, baseRevision: current.revision, patch })
        )
        // A move made while this save was on its way stays waiting; the one sent is done.
        const still = live.current.focal
        commit(
          next,
          settleDraft(live.current.draft ?? typed, patch, next.metadata),
          still !== undefined && !sameFocal(still, patch.focal) ? still : undefined
        )
        setConflict(null)
        setSaveState({ kind: 'saved' })
        callbacks.current.onChanged(next)
      } catch (error) {
        if (errorCode(error) === 'conflict') return reloadAfterConflict(live.current.draft)
        throw error
      }
    })
  }, [enqueue, commit, reloadAfterConflict])

  const undo = useCallback(
    (): Promise<void> =>
      enqueue(async () => {
        const { asset: current, draft: typed } = live.current
        if (!current || !typed) return
        // Unsaved typing (and an unsaved focal move) is taken back first, locally, as a text box
        // would.
        if (pendingPatch(current, typed, live.current.focal)) {
          cancelFocalTimer(focalTimer)
          commit(current, draftOf(current.metadata))
          return
        }
        if (current.undoDepth === 0) return
        setSaveState({ kind: 'saving' })
        try {
          const next = await call(
            newsroom.undoAssetEdit({ id: current.id, baseRevision: current.revision })
          )
          commit(next, draftOf(next.metadata))
          setConflict(null)
          setSaveState({ kind: 'saved' })
          callbacks.current.onChanged(next)
        } catch (error) {
          if (errorCode(error) === 'conflict') return reloadAfterConflict(null)
          throw error
        }
      }),
    [enqueue, commit, reloadAfterConflict]
  )

  // Closes once what was typed is saved; a failed save keeps the panel open with its message.
  const close = useCallback((): void => {
    const before = refusals.current
    void save().then(() => {
      const { asset: current, draft: typed, focal } = live.current
      if (refusals.current !== before) return
      if (!current || !typed || !pendingPatch(current, typed, focal)) callbacks.current.onClose()
    })
  }, [save])

  useEffect(() => {
    const dialog = deleteDialog.current
    if (!dialog) return
    if (isConfirmingDelete && !dialog.open) dialog.showModal()
    if (!isConfirmingDelete && dialog.open) dialog.close()
  }, [isConfirmingDelete])

  const confirmDelete = async (): Promise<void> => {
    const current = live.current.asset
    if (!current) return
    try {
      await call(newsroom.deleteAsset({ id: current.id }))
      setConfirmingDelete(false)
      callbacks.current.onDeleted(current)
    } catch (error) {
      setConfirmingDelete(false)
      const inUse =
        error instanceof BridgeError && Array.isArray(error.detail?.articleIds)
          ? error.detail.articleIds.length
          : 0
      setActionError(
        t('assets.deleteFailed', {
          message:
            inUse > 0 ? t('assets.deleteInUse', { count: inUse }) : userMessage(error, t, language)
        })
      )
      // The refusal usually means it has become used: show where.
      const fresh = await call(newsroom.getAsset({ id: current.id })).catch(() => null)
      if (fresh)
        commit(
          fresh,
          rebaseDraft(
            live.current.draft ?? draftOf(fresh.metadata),
            current.metadata,
            fresh.metadata
          )
        )
    }
  }

  // A move still waiting when the panel goes (another photo opened) is saved, not dropped.
  const latestSave = useRef(save)
  useEffect(() => {
    latestSave.current = save
  })
  useEffect(
    () => () => {
      if (focalTimer.current === null) return
      clearTimeout(focalTimer.current)
      focalTimer.current = null
      void latestSave.current()
    },
    []
  )

  const setFocal = (focal: FocalPoint | null, opts: { immediate?: boolean } = {}): void => {
    if (!live.current.asset) return
    const next = roundFocal(focal)
    live.current = { ...live.current, focal: next }
    setFocalDraft(next)
    if (saveState.kind === 'saved') setSaveState({ kind: 'idle' })
    cancelFocalTimer(focalTimer)
    if (opts.immediate) void save()
    else focalTimer.current = setTimeout(() => void save(), FOCAL_SAVE_DELAY_MS)
  }

  const setField = (field: AssetEditableField, value: string): void => {
    const typed = live.current.draft
    if (!typed) return
    const next = { ...typed, [field]: value }
    live.current = { ...live.current, draft: next }
    setDraft(next)
    if (saveState.kind === 'saved') setSaveState({ kind: 'idle' })
  }

  return {
    asset,
    draft,
    focal: focalDraft !== undefined ? focalDraft : (asset?.focal ?? null),
    isFocalPending:
      asset !== null && focalDraft !== undefined && !sameFocal(focalDraft, asset.focal),
    loadError,
    saveState,
    conflict,
    actionError,
    isConfirmingDelete,
    deleteDialog,
    setField,
    setFocal,
    save,
    undo,
    close,
    setConfirmingDelete,
    confirmDelete
  }
}
