import { mergeAttributes, Node } from '@tiptap/core'
import type { Node as PmNodeType } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { assetIdSchema } from '../../article'
import { ancestorNamed, cursorAfterNode, oneLine, selectNodeAt, selectTextblock } from './blockExit'
import { plainTextPastePlugin } from './plainTextPaste'

/** Node type names of the figure and its caption, as stored in the body JSON. */
export const FIGURE = 'figure'
export const FIGURE_CAPTION = 'figureCaption'

/** The per-use overrides a figure keeps as attributes (null = use the asset's own value). */
export interface FigureAttributes {
  assetId: string
  credit: string | null
  photographer: string | null
  alt: string | null
}

/** What `insertFigure` needs: the asset and any per-use overrides, caption included. */
export interface FigureInput {
  assetId: string
  caption?: string | null
  credit?: string | null
  photographer?: string | null
  alt?: string | null
}

/** A change to a figure: any overrides, and the caption text (null or '' empties it). */
export type FigureChanges = Partial<Omit<FigureAttributes, 'assetId'>> & {
  caption?: string | null
}

export interface FigureOptions {
  /**
   * Extra HTML attributes for the `<figure>` element the editor renders (copy, `getHTML()`).
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /**
       * Inserts a figure for an asset at the selection (or at `position`), replacing a selected
       * block, with the caption as its editable text and the other overrides as attributes.
       * Fails (returns false) for an invalid asset id.
       * @example editor.commands.insertFigure({ assetId, caption: 'Im Bundestag' })
       */
      insertFigure: (figure: FigureInput, position?: number) => ReturnType
      /**
       * Changes the overrides (and caption) of the figure at `position`, or of the figure the
       * selection is in or on. Keys left out stay as they are; null or '' clears an override.
       * @example editor.commands.updateFigure({ credit: 'dpa' }, getPos())
       */
      updateFigure: (changes: FigureChanges, position?: number) => ReturnType
    }
  }
}

function isAssetId(value: unknown): value is string {
  return assetIdSchema.safeParse(value).success
}

function textAttr(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** Data attribute <-> attribute, empty and missing both meaning "use the asset's value". */
function overrideAttribute(name: string): {
  default: null
  parseHTML: (el: HTMLElement) => string | null
  renderHTML: (attrs: Record<string, unknown>) => Record<string, string>
} {
  const dataName = `data-${name}`
  return {
    default: null,
    parseHTML: (el) => textAttr(el.getAttribute(dataName)),
    renderHTML: (attrs) => {
      const value = textAttr(attrs[name])
      return value === null ? {} : { [dataName]: value }
    }
  }
}

/** Where the figure the selection is in (caption) or on (node selection) starts, or null. */
export function figurePosInSelection(state: EditorState): number | null {
  const { selection } = state
  const selected = (selection as { node?: PmNodeType }).node
  if (selected && selected.type.name === FIGURE) return selection.from
  return ancestorNamed(selection.$from, FIGURE)?.pos ?? null
}

function setCaption(tr: Transaction, figurePos: number, caption: string | null): void {
  const figure = tr.doc.nodeAt(figurePos)
  const captionNode = figure?.firstChild
  if (!figure || !captionNode) return
  const start = figurePos + 2
  const end = start + captionNode.content.size
  const text = oneLine(caption ?? '').trim()
  if (text) tr.replaceWith(start, end, tr.doc.type.schema.text(text))
  else tr.delete(start, end)
}

/**
 * The figure's caption: inline text (no marks, no line breaks) the reporter edits in place, under
 * the image. Empty means "use the asset's caption" (shown greyed by the node view).
 */
export const FigureCaption = Node.create({
  name: FIGURE_CAPTION,
  content: 'text*',
  marks: '',
  isolating: true,
  selectable: false,

  parseHTML() {
    return [{ tag: 'figcaption', context: `${FIGURE}/`, priority: 100 }]
  },

  renderHTML() {
    return ['figcaption', 0]
  },

  addKeyboardShortcuts() {
    const inCaption = (state: EditorState): boolean =>
      state.selection.$from.parent.type.name === FIGURE_CAPTION &&
      state.selection.$to.parent === state.selection.$from.parent
    const leave = (): boolean =>
      this.editor.commands.command(({ state, tr, dispatch }) => {
        if (!inCaption(state)) return false
        const figure = ancestorNamed(state.selection.$from, FIGURE)
        if (!figure) return false
        if (dispatch) cursorAfterNode(tr, figure.pos)
        return true
      })
    return {
      // Captions are one line: Enter (with or without modifiers) goes on to the body text.
      Enter: leave,
      'Shift-Enter': leave,
      'Mod-Enter': leave,
      Backspace: () =>
        this.editor.commands.command(({ state, tr, dispatch }) => {
          const { selection } = state
          if (!selection.empty || !inCaption(state)) return false
          if (selection.$from.parentOffset > 0) return false
          const figure = ancestorNamed(selection.$from, FIGURE)
          if (!figure) return false
          // At the start of a caption there is nothing to join with: an empty caption hands the
          // figure to the next Backspace (select, then delete), a full one stays as it is.
          if (selection.$from.parent.content.size === 0 && dispatch) selectNodeAt(tr, figure.pos)
          return true
        }),
      Delete: () =>
        this.editor.commands.command(({ state }) => {
          const { selection } = state
          return (
            selection.empty &&
            inCaption(state) &&
            selection.$from.parentOffset === selection.$from.parent.content.size
          )
        }),
      'Mod-a': () =>
        this.editor.commands.command(({ state, tr, dispatch }) => {
          if (!inCaption(state)) return false
          if (dispatch) selectTextblock(tr, state.selection.$from)
          return true
        })
    }
  },

  addProseMirrorPlugins() {
    return [plainTextPastePlugin('figureCaptionPaste', [FIGURE_CAPTION])]
  }
})

/**
 * An image in the body: a reference to an asset in the library's asset store (never a path or
 * base64), its caption as editable content, and per-use overrides of credit, photographer and
 * alt text as attributes (null = the asset's own value).
 *
 * Why the caption is content and the rest attributes: the caption is prose a reporter writes in
 * place, so as a ProseMirror textblock it gets the editor's cursor, undo history, typographic
 * quotes, spelling decorations and find-and-replace positions for free, and its keyboard rules
 * (Enter leaves, Backspace on empty selects the figure, Ctrl+A stays inside, paste is plain text)
 * are keymaps tested here rather than event handlers in a node view. Credit, photographer and alt
 * text are short metadata edited in form fields of the node view; as attributes they stay out of
 * the text flow and the word count.
 *
 * HTML (copy, `getHTML()`, `.html` body files with editor nodes):
 * `<figure data-type="figure" data-asset-id="…" data-credit="…" data-photographer="…"
 * data-alt="…"><figcaption>Caption</figcaption></figure>`; the image itself is the node view's
 * business, and the article renderer's.
 */
export const Figure = Node.create<FigureOptions>({
  name: FIGURE,
  group: 'block',
  content: FIGURE_CAPTION,
  isolating: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { HTMLAttributes: {} }
  },

  addAttributes() {
    return {
      assetId: {
        isRequired: true,
        validate: (value: unknown) => {
          if (!isAssetId(value))
            throw new RangeError(`figure: "${String(value)}" is not an asset id`)
        },
        parseHTML: (el: HTMLElement) => el.getAttribute('data-asset-id'),
        renderHTML: (attrs: Record<string, unknown>) => ({ 'data-asset-id': attrs.assetId })
      },
      credit: overrideAttribute('credit'),
      photographer: overrideAttribute('photographer'),
      alt: overrideAttribute('alt')
    }
  },

  parseHTML() {
    return [
      {
        tag: `figure[data-type="${FIGURE}"]`,
        getAttrs: (el) => (isAssetId(el.getAttribute('data-asset-id')) ? null : false)
      }
    ]
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'figure',
      mergeAttributes({ 'data-type': FIGURE }, this.options.HTMLAttributes, HTMLAttributes),
      0
    ]
  },

  addCommands() {
    return {
      insertFigure:
        (figure, position) =>
        ({ commands }) => {
          if (!isAssetId(figure.assetId)) return false
          const caption = oneLine(figure.caption ?? '').trim()
          const content = {
            type: FIGURE,
            attrs: {
              assetId: figure.assetId,
              credit: textAttr(figure.credit),
              photographer: textAttr(figure.photographer),
              alt: textAttr(figure.alt)
            },
            content: [
              {
                type: FIGURE_CAPTION,
                ...(caption ? { content: [{ type: 'text', text: caption }] } : {})
              }
            ]
          }
          return position === undefined
            ? commands.insertContent(content)
            : commands.insertContentAt(position, content)
        },
      updateFigure:
        (changes, position) =>
        ({ state, tr, dispatch }) => {
          const pos = position ?? figurePosInSelection(state)
          if (pos === null) return false
          const node = tr.doc.nodeAt(pos)
          if (!node || node.type.name !== FIGURE) return false
          if (!dispatch) return true
          for (const key of ['credit', 'photographer', 'alt'] as const) {
            if (key in changes) tr.setNodeAttribute(pos, key, textAttr(changes[key]))
          }
          if ('caption' in changes) setCaption(tr, pos, changes.caption ?? null)
          return true
        }
    }
  }
})
