import type { Editor } from '@tiptap/core'
import { Fragment, type Node as PmNodeType } from '@tiptap/pm/model'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import { figureNode } from '../../../../shared/editor/bodyNodes'
import { figurePosInSelection } from '../../../../shared/editor/nodes/figure'
import { newImageUse } from './galleryEdits'

/**
 * Where figures dropped at `pos` go: between top-level blocks, never inside a paragraph. Before
 * the block when the drop is at its very start, else after it.
 */
export function figureInsertPosition(doc: PmNodeType, pos: number): number {
  const clamped = Math.max(0, Math.min(pos, doc.content.size))
  const $pos = doc.resolve(clamped)
  if ($pos.depth === 0) return clamped
  const atStart = $pos.depth === 1 && $pos.parentOffset === 0
  return atStart ? $pos.before(1) : $pos.after(1)
}

/**
 * Where figures inserted from the toolbar go: after the figure or pull quote the cursor is in,
 * before an empty paragraph (so the reporter writes on below the picture), else after the block
 * the cursor is in (never splitting a paragraph).
 */
export function selectionInsertPosition(state: EditorState): number {
  const figure = figurePosInSelection(state)
  if (figure !== null) return figure + (state.doc.nodeAt(figure)?.nodeSize ?? 0)
  const { $from } = state.selection
  if ($from.depth === 0) return $from.pos
  const block = $from.node(1)
  return block.isTextblock && block.content.size === 0 ? $from.before(1) : $from.after(1)
}

/**
 * Inserts one figure per asset at a block boundary `pos`, in order. At the very end of the body
 * an empty paragraph follows, so there is somewhere to write on. With `select` (the default) the
 * cursor goes into the first new caption so the reporter can write it straight away; without,
 * the selection stays where it is (an import that finished while the reporter typed on must not
 * pull the cursor away). Returns whether it worked.
 */
export function insertFigures(
  editor: Editor,
  assetIds: readonly string[],
  pos: number,
  { select = true }: { select?: boolean } = {}
): boolean {
  if (assetIds.length === 0 || editor.isDestroyed) return false
  const { state } = editor
  const at = figureInsertPosition(state.doc, pos)
  const { schema } = state
  const nodes = assetIds.map((id) => schema.nodeFromJSON(figureNode(newImageUse(id))))
  if (at === state.doc.content.size) nodes.push(schema.nodes.paragraph!.create())
  const tr = state.tr.insert(at, Fragment.fromArray(nodes))
  if (select) {
    // The first figure starts at `at`; its caption's text starts two positions in.
    tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView()
  }
  editor.view.dispatch(tr)
  if (select) editor.view.focus()
  return true
}
