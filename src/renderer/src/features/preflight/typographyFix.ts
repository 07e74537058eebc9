import type { Editor } from '@tiptap/core'
import { typographyEdits } from '../../../../shared/editor/typographyText'
import { docPosAt, findNode, textWithPositions } from '../../editor/deskJump'

/**
 * The one-click fix of a `typography` finding in the body: the house-style corrections of the
 * block's text (quotes, dashes, ellipses) applied where they stand, as one undoable step. Each
 * replacement takes the marks of the text it replaces, so bold and links stay. A figure whose
 * caption is the asset's (nothing typed under the image) gets the corrected caption typed in.
 * False when the block is gone or nothing is left to correct.
 */
export function fixTypographyInBody(
  editor: Editor,
  nodeId: string,
  language: string,
  correctedCaption: string
): boolean {
  const { state } = editor
  const found = findNode(state.doc, nodeId)
  if (!found) return false
  const { node, pos } = found
  const tr = state.tr
  if (node.type.name === 'figure' && node.textContent === '') {
    if (!correctedCaption) return false
    tr.insertText(correctedCaption, pos + 2)
  } else {
    const { text, segments } = textWithPositions(node, pos)
    const edits = typographyEdits(text, language)
    if (edits.length === 0 || segments.length === 0) return false
    // From the end, so the positions of the edits before stay valid.
    for (const edit of [...edits].reverse()) {
      const from = docPosAt(segments, edit.from)
      const to = edit.to > edit.from ? docPosAt(segments, edit.to - 1) + 1 : from
      tr.insertText(edit.insert, from, to)
    }
  }
  editor.view.dispatch(tr.scrollIntoView())
  return true
}
