import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'

/**
 * Leaves scrolling a typed character into view to the browser. A character typed at a caret is
 * inserted by the browser itself, which brings its caret into view as it does in any editable
 * text; ProseMirror then reads the change and scrolls to its selection again, asking for the
 * caret's coordinates, which forces a layout of the whole desk page (figures, side column) on
 * every key. Everything else (Enter, paste, undo, a character replacing a selection, commands)
 * keeps ProseMirror's scrolling.
 */
export const TypingScroll = Extension.create({
  name: 'typingScroll',

  addProseMirrorPlugins() {
    // Set while ProseMirror handles a character the browser has already inserted at a caret;
    // the scroll request of that same transaction is the next one to come.
    let isBrowserTyped = false
    return [
      new Plugin({
        key: new PluginKey('typingScroll'),
        props: {
          // Called from the DOM change the browser made, and from a keypress the browser leaves
          // to ProseMirror: over a node or cross-block selection (from < to) or at a gap
          // cursor (not a text selection).
          handleTextInput: (view, from, to) => {
            if (from === to && !view.composing && view.state.selection instanceof TextSelection) {
              isBrowserTyped = true
              // Whatever handles the text instead, the flag ends with this task's work.
              queueMicrotask(() => (isBrowserTyped = false))
            }
            return false
          },
          handleScrollToSelection: () => {
            const skip = isBrowserTyped
            isBrowserTyped = false
            return skip
          }
        }
      })
    ]
  }
})
