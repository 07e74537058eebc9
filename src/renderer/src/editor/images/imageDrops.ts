import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { plainTextOf } from '../../../../shared/articleText'
import { sanitizeHtmlToDoc } from '../../../../shared/editor/sanitizeHtml'
import { assetIdsOf, filesOf } from '../../lib/assetDrag'
import { figureInsertPosition } from './figureInsert'

export interface ImageDropsOptions {
  /**
   * Image files dropped on or pasted into the body, with the position the figures should go to
   * (a block boundary at the time of the event; map it through later transactions).
   * @default () => {}
   */
  onFiles: (files: File[], position: number) => void
  /**
   * Assets dragged in from the asset panel (`ASSET_DRAG_TYPE`), with their position.
   * @default () => {}
   */
  onAssets: (assetIds: string[], position: number) => void
}

/**
 * Why a paste with files is sometimes not an image paste: Word and other office programs put a
 * picture of the copied text on the clipboard beside its HTML. Where the HTML has text, the
 * text is what the reporter meant.
 */
function hasText(html: string): boolean {
  return plainTextOf(sanitizeHtmlToDoc(html)).trim() !== ''
}

function dropPosition(view: EditorView, event: DragEvent): number {
  const hit = view.posAtCoords({ left: event.clientX, top: event.clientY })
  return figureInsertPosition(view.state.doc, hit?.pos ?? view.state.selection.from)
}

/**
 * Images into the body without base64: files dropped or pasted, and assets dragged from the
 * asset panel, are handed to the desk (which imports files through the asset store) instead of
 * ProseMirror's default handling. Everything else (text, HTML, moving a figure within the body)
 * goes on as usual.
 */
export const ImageDrops = Extension.create<ImageDropsOptions>({
  name: 'imageDrops',

  addOptions() {
    return { onFiles: () => {}, onAssets: () => {} }
  },

  addProseMirrorPlugins() {
    const options = this.options
    return [
      new Plugin({
        key: new PluginKey('imageDrops'),
        props: {
          handleDrop: (view, event, _slice, moved) => {
            if (moved) return false
            const assetIds = assetIdsOf(event.dataTransfer)
            if (assetIds.length) {
              options.onAssets(assetIds, dropPosition(view, event))
              return true
            }
            const files = filesOf(event.dataTransfer)
            if (files.length === 0) return false
            options.onFiles(files, dropPosition(view, event))
            return true
          },
          handlePaste: (view, event) => {
            const files = filesOf(event.clipboardData).filter((f) => f.type.startsWith('image/'))
            if (files.length === 0) return false
            const html = event.clipboardData?.getData('text/html') ?? ''
            if (html && hasText(html)) return false
            options.onFiles(files, figureInsertPosition(view.state.doc, view.state.selection.to))
            return true
          }
        }
      })
    ]
  }
})
