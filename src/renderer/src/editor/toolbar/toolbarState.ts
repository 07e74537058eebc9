import type { Editor } from '@tiptap/core'
import { redoDepth, undoDepth } from '@tiptap/pm/history'
import type { EditorState } from '@tiptap/pm/state'
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
 * `editor.isActive(name)` for a caret (an empty selection), from the caret's own position: the
 * marks it would type with and the blocks around it. TipTap's answer for a node walks the
 * document from its start to the caret (every block before it, for each name asked), which late
 * in a long body cost more than the rest of the keystroke's toolbar update.
 */
export function activeAtCaret(state: EditorState): (name: string) => boolean {
  const { $from } = state.selection
  const marks = state.storedMarks ?? $from.marks()
  const around = new Set<string>()
  for (let depth = $from.depth; depth > 0; depth--) around.add($from.node(depth).type.name)
  return (name) => around.has(name) || marks.some((mark) => mark.type.name === name)
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
  const isActive = editor.state.selection.empty
    ? activeAtCaret(editor.state)
    : (name: string): boolean => editor.isActive(name)
  return {
    block,
    isBold: isActive('bold'),
    isItalic: isActive('italic'),
    isLink: isActive('link'),
    isBulletList: isActive('bulletList'),
    isOrderedList: isActive('orderedList'),
    isBlockquote: isActive('blockquote'),
    isPullQuote: isActive('pullQuote'),
    canFormat: !isPlainPart,
    canSetBlock: !isPlainPart,
    canUndo: undoDepth(editor.state) > 0,
    canRedo: redoDepth(editor.state) > 0
  }
}
