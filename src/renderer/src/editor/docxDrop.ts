import { Extension, type Editor } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { docxOf } from '../features/docx/docxFiles'

export interface DocxDropOptions {
  /**
   * A Word document dropped on the body (instead of the image import, which would refuse it).
   * @default () => {}
   */
  onDocx: (file: File, editor: Editor) => void
}

/**
 * Hands a dropped .docx to the desk (the image drops would give it to the photo desk, which
 * refuses it); every other drop goes on to the image drops and ProseMirror.
 */
export const DocxDrop = Extension.create<DocxDropOptions>({
  name: 'docxDrop',

  addOptions() {
    return { onDocx: () => {} }
  },

  addProseMirrorPlugins() {
    const { options, editor } = this
    return [
      new Plugin({
        key: new PluginKey('docxDrop'),
        props: {
          // A DOM handler runs before every plugin's handleDrop, whatever the plugin order.
          handleDOMEvents: {
            drop: (_view, event) => {
              const file = docxOf(event.dataTransfer)
              if (!file) return false
              event.preventDefault()
              options.onDocx(file, editor)
              return true
            }
          }
        }
      })
    ]
  }
})
