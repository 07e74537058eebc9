import { Plugin, PluginKey } from '@tiptap/pm/state'
import { oneLine } from './blockExit'

/**
 * A plugin that turns every paste into one line of plain text while the cursor is inside one of
 * the named textblocks (captions, pull-quote parts): formatting, links and paragraphs from the
 * clipboard have no place there, and pasting blocks into them would split the figure.
 */
export function plainTextPastePlugin(key: string, nodeNames: readonly string[]): Plugin {
  const names = new Set(nodeNames)
  return new Plugin({
    key: new PluginKey(key),
    props: {
      handlePaste(view, event, slice) {
        const { $from } = view.state.selection
        if (!names.has($from.parent.type.name)) return false
        const fromClipboard = event.clipboardData?.getData('text/plain') ?? ''
        const text = oneLine(
          fromClipboard || slice.content.textBetween(0, slice.content.size, ' ', ' ')
        )
        view.dispatch(view.state.tr.insertText(text).scrollIntoView())
        return true
      }
    }
  })
}
