import { Editor } from '@tiptap/core'
import { afterEach } from 'vitest'
import type { PmNode } from '../../article'
import { sharedExtensions, type SharedExtensionsOptions } from '../extensions'

/** Deterministic node ids for tests: n00001, n00002, … */
export function counterIds(): () => string {
  let n = 0
  return () => `n${String(++n).padStart(5, '0')}`
}

// Every editor a test makes is destroyed after it: a live view's DOM observer runs on a timer
// and would fire after the test file's DOM environment is torn down.
const liveEditors = new Set<Editor>()
afterEach(() => {
  for (const editor of liveEditors) if (!editor.isDestroyed) editor.destroy()
  liveEditors.clear()
})

/** A real TipTap editor over the shared extensions (needs the happy-dom environment). */
export function createTestEditor(
  content: PmNode | string,
  options: SharedExtensionsOptions = {}
): Editor {
  const editor = new Editor({
    extensions: sharedExtensions({ nodeIds: { generateId: counterIds() }, ...options }),
    content
  })
  liveEditors.add(editor)
  return editor
}

/**
 * Types text the way ProseMirror receives it from the keyboard: each character goes to the
 * `handleTextInput` props first (where input rules live) and is inserted only if none took it.
 */
export function typeText(editor: Editor, text: string): void {
  const { view } = editor
  for (const ch of text) {
    const { from, to } = view.state.selection
    const handled = view.someProp('handleTextInput', (f) =>
      f(view, from, to, ch, () => view.state.tr.insertText(ch, from, to))
    )
    if (!handled) view.dispatch(view.state.tr.insertText(ch, from, to))
  }
}

/**
 * Presses a key (`Enter`, `Shift-Enter`, `Mod-a`) through the editor's `handleKeyDown` props,
 * where keymaps live; true when one of them handled it. (`editor.commands.keyboardShortcut`
 * would keep only document steps and drop selection changes.)
 */
export function press(editor: Editor, shortcut: string): boolean {
  const parts = shortcut.split('-')
  const key = parts.pop()!
  const has = (name: string): boolean => parts.includes(name)
  const event = new KeyboardEvent('keydown', {
    key,
    ctrlKey: has('Mod') || has('Ctrl'),
    shiftKey: has('Shift'),
    altKey: has('Alt'),
    bubbles: true,
    cancelable: true
  })
  const { view } = editor
  return view.someProp('handleKeyDown', (f) => f(view, event)) ?? false
}
