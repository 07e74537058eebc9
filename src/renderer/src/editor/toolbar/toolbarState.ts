import type { Editor } from '@tiptap/core'
import { redoDepth, undoDepth } from '@tiptap/pm/history'
import type { EditorStateSnapshot } from '@tiptap/react'

/** The block type the toolbar shows as pressed. */
export type BlockKind = 'paragraph' | 'heading2' | 'heading3' | null

/** Everything the toolbar shows, read from the editor state (for `useEditorState`). */
export interface ToolbarState {
  block: BlockKind
  isBold: boolean
  isItalic: boolean
  isLink: boolean
  isBulletList: boolean
  isOrderedList: boolean
  isBlockquote: boolean
  isPullQuote: boolean
  /** Marks and links are allowed here (not in captions or pull quotes, which are plain text). */
  canFormat: boolean
  /** The block type can change here (not inside a figure or pull quote). */
  canSetBlock: boolean
  canUndo: boolean
  canRedo: boolean
}

/**
 * The toolbar's state. Runs on every transaction, so it asks only cheap questions: marks at the
 * selection and the parent block, and the history's depths for undo/redo (`editor.can()` would
 * build every command of the editor on each keystroke just to ask two of them).
 */
export function selectToolbarState({ editor }: EditorStateSnapshot<Editor>): ToolbarState {
  const { $from } = editor.state.selection
  const parentType = $from.parent.type.name
  const isPlainPart = $from.parent.type.spec.marks === ''
  let block: BlockKind = null
  if (parentType === 'paragraph') block = 'paragraph'
  else if (parentType === 'heading') {
    const level = $from.parent.attrs.level as number
    block = level === 2 ? 'heading2' : level === 3 ? 'heading3' : null
  }
  return {
    block,
    isBold: editor.isActive('bold'),
    isItalic: editor.isActive('italic'),
    isLink: editor.isActive('link'),
    isBulletList: editor.isActive('bulletList'),
    isOrderedList: editor.isActive('orderedList'),
    isBlockquote: editor.isActive('blockquote'),
    isPullQuote: editor.isActive('pullQuote'),
    canFormat: !isPlainPart,
    canSetBlock: !isPlainPart,
    canUndo: undoDepth(editor.state) > 0,
    canRedo: redoDepth(editor.state) > 0
  }
}
