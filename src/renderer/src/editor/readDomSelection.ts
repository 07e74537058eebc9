import { TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * Brings the editor's selection up to date with the DOM's. The browser moves the caret for
 * Shift+arrow keys itself and ProseMirror hears of it on the next `selectionchange` task; a
 * shortcut pressed right after (Mod-k) would otherwise act on the selection before the last
 * extension, and a transaction dispatched in between (new underlines) would put the old
 * selection back into the DOM.
 */
export function readDomSelection(view: EditorView): void {
  // Focus in an input of a node view (a figure's credit) is not a selection in the text.
  if (view.dom.ownerDocument.activeElement !== view.dom) return
  const selection = view.dom.ownerDocument.getSelection()
  const { anchorNode, focusNode } = selection ?? {}
  if (!selection || !anchorNode || !focusNode) return
  if (!view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return
  if (!(view.state.selection instanceof TextSelection)) return
  try {
    const anchor = view.posAtDOM(anchorNode, selection.anchorOffset)
    const head = view.posAtDOM(focusNode, selection.focusOffset)
    const current = view.state.selection
    if (current.anchor === anchor && current.head === head) return
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)))
  } catch {
    // A DOM position ProseMirror does not map (inside a node view's controls): keep its own.
  }
}
