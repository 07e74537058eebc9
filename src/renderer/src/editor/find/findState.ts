import type { Editor } from '@tiptap/core'
import type { EditorStateSnapshot } from '@tiptap/react'
import type { FindOptions } from '../../../../shared/editor/findMatches'
import { getFindReplaceState } from '../../../../shared/editor/findReplace'

/** What the find panel shows of the body's search: scalars only, so comparing them is cheap. */
export interface FindPanelState {
  term: string
  replacement: string
  options: Required<FindOptions>
  count: number
  /** Index of the match the selection is on, or -1. */
  current: number
}

/** The find panel's selector for `useEditorState`. */
export function selectFindState({ editor }: EditorStateSnapshot<Editor>): FindPanelState {
  const search = getFindReplaceState(editor.state)
  return {
    term: search.term,
    replacement: search.replacement,
    options: search.options,
    count: search.matches.length,
    current: search.current
  }
}
