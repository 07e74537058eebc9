import {
  ASSET_EDITABLE_FIELDS,
  type AssetEditableField,
  type AssetMetadata,
  type AssetPatch
} from '../../../../shared/asset'

/** The side panel's text boxes: one string per editable field ('' for none). */
export type AssetDraft = Record<AssetEditableField, string>

/** The boxes filled from an asset's current values. */
export function draftOf(metadata: AssetMetadata): AssetDraft {
  return Object.fromEntries(ASSET_EDITABLE_FIELDS.map((f) => [f, metadata[f] ?? ''])) as AssetDraft
}

/** The fields whose box differs from the saved value, as a patch ('' clears); null if none. */
export function draftPatch(draft: AssetDraft, saved: AssetMetadata): AssetPatch | null {
  const patch: AssetPatch = {}
  let changed = false
  for (const f of ASSET_EDITABLE_FIELDS) {
    if (draft[f] === (saved[f] ?? '')) continue
    patch[f] = draft[f].trim() === '' ? null : draft[f]
    changed = true
  }
  return changed ? patch : null
}

/**
 * The boxes after new saved values arrive (a save, an undo, a reload): a box the user has not
 * changed since `before` takes the new value; one they changed keeps their text.
 */
export function rebaseDraft(
  draft: AssetDraft,
  before: AssetMetadata,
  after: AssetMetadata
): AssetDraft {
  const next = { ...draft }
  for (const f of ASSET_EDITABLE_FIELDS) {
    if (draft[f] === (before[f] ?? '')) next[f] = after[f] ?? ''
  }
  return next
}

/**
 * After a save of `patch`: a box still holding exactly what was sent takes the stored value (the
 * store trims and normalises), so it does not look changed; a box edited meanwhile is kept.
 */
export function settleDraft(
  draft: AssetDraft,
  patch: AssetPatch,
  saved: AssetMetadata
): AssetDraft {
  const next = { ...draft }
  for (const f of ASSET_EDITABLE_FIELDS) {
    if (!(f in patch)) continue
    if (draft[f] === (patch[f] ?? '') || (patch[f] === null && draft[f].trim() === '')) {
      next[f] = saved[f] ?? ''
    }
  }
  return next
}
