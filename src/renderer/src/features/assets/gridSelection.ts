/** The photo desk's multi-selection: ids in the order the user picked them, plus the anchor. */
export interface GridSelection {
  /** Selected asset ids, in picking order (the order a gallery built from them gets). */
  ids: string[]
  /** Where a Shift range starts: the last item clicked or toggled. */
  anchor: string | null
}

export const EMPTY_SELECTION: GridSelection = { ids: [], anchor: null }

/** How a click was made: Ctrl/⌘ toggles, Shift extends from the anchor. */
export interface ClickModifiers {
  toggle: boolean
  range: boolean
}

/** Adds or removes one id (Space, Ctrl+click); a newly picked id goes last. */
export function toggleSelection(selection: GridSelection, id: string): GridSelection {
  const ids = selection.ids.includes(id)
    ? selection.ids.filter((x) => x !== id)
    : [...selection.ids, id]
  return { ids, anchor: id }
}

/**
 * The selection after a click on `id`, given the grid's current order. A plain click selects
 * only it; Ctrl toggles it; Shift selects the run from the anchor to it (in grid order), and
 * Ctrl+Shift adds that run to what was already picked.
 */
export function clickSelection(
  selection: GridSelection,
  order: readonly string[],
  id: string,
  modifiers: ClickModifiers
): GridSelection {
  const anchorAt = selection.anchor === null ? -1 : order.indexOf(selection.anchor)
  if (modifiers.range && anchorAt >= 0) {
    const at = order.indexOf(id)
    const run = order.slice(Math.min(anchorAt, at), Math.max(anchorAt, at) + 1)
    if (!modifiers.toggle) return { ids: run, anchor: selection.anchor }
    return {
      ids: [...selection.ids, ...run.filter((x) => !selection.ids.includes(x))],
      anchor: selection.anchor
    }
  }
  if (modifiers.toggle) return toggleSelection(selection, id)
  return { ids: [id], anchor: id }
}

/** Drops ids that are no longer in the grid (deleted, or filtered out). */
export function keepVisible(selection: GridSelection, order: readonly string[]): GridSelection {
  const visible = new Set(order)
  const ids = selection.ids.filter((id) => visible.has(id))
  if (ids.length === selection.ids.length) return selection
  return {
    ids,
    anchor: selection.anchor && visible.has(selection.anchor) ? selection.anchor : null
  }
}
