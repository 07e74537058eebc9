import type { Extensions } from '@tiptap/core'
import { ReactNodeViewRenderer } from '@tiptap/react'
import type { ArticleLanguage } from '../../../shared/article'
import { sharedExtensions } from '../../../shared/editor/extensions'
import { Figure } from '../../../shared/editor/nodes/figure'
import { PullQuote } from '../../../shared/editor/nodes/pullQuote'
import { fillFromDocx } from '../features/docx/fillFromDocx'
import { BodyEventScope } from './bodyEventScope'
import { type DeskActions, DeskShortcuts } from './deskShortcuts'
import { DocxDrop } from './docxDrop'
import { ImageDrops } from './images/imageDrops'
import { newsroom } from '../lib/newsroom'
import { SpellingUnderlines } from './spelling/spellingUnderlines'
import { TypingScroll } from './typingScroll'
import { FigureView } from './views/figure/FigureView'
import { PullQuoteView } from './views/pullQuote/PullQuoteView'

/** The shared figure node with the desk's React view (image, caption in place, overrides). */
export const FigureWithView = Figure.extend({
  addNodeView() {
    return ReactNodeViewRenderer(FigureView, { className: 'figure-node' })
  }
})

/** The shared pull quote node with the desk's React view. */
export const PullQuoteWithView = PullQuote.extend({
  addNodeView() {
    return ReactNodeViewRenderer(PullQuoteView, { className: 'pull-quote-node' })
  }
})

export interface DeskExtensionsOptions {
  language: ArticleLanguage
  typography: boolean
  /** The article being edited (a Word document dropped on it says what it left out there). */
  articleId: string
  /** What shortcuts and drops call into (filled in by the desk after each render). */
  actions: { readonly current: DeskActions }
}

/**
 * The editor's extension list: the shared body schema (so the CLI and export read what the
 * editor writes) with the renderer's node views, the desk's shortcuts, image drops and pastes
 * routed through the asset store, and spelling underlines from the spelling service.
 */
export function deskExtensions({
  language,
  typography,
  articleId,
  actions
}: DeskExtensionsOptions): Extensions {
  return [
    ...sharedExtensions({
      language,
      typography,
      nodeViews: { figure: FigureWithView, pullQuote: PullQuoteWithView }
    }),
    DeskShortcuts.configure({ actions }),
    BodyEventScope,
    TypingScroll,
    // Before the image drops, which would hand a .docx to the photo desk.
    DocxDrop.configure({
      onDocx: (file, editor) =>
        void fillFromDocx(editor, file, {
          articleId,
          fillHeadline: (headline) => actions.current.fillHeadline(headline)
        })
    }),
    ImageDrops.configure({
      onFiles: (files, position) => actions.current.importFiles(files, position),
      onAssets: (assetIds, position) => actions.current.insertAssets(assetIds, position)
    }),
    SpellingUnderlines.configure({
      language,
      check: async (text, checkLanguage) => {
        const result = await newsroom.checkSpelling({
          text,
          language: checkLanguage,
          suggestions: false
        })
        return result.ok ? result.value : null
      }
    })
  ]
}
