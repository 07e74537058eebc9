import { mergeAttributes, Node } from '@tiptap/core'
import type { EditorState } from '@tiptap/pm/state'
import { TextSelection } from '@tiptap/pm/state'
import { ancestorNamed, cursorAfterNode, oneLine, selectNodeAt, selectTextblock } from './blockExit'
import { plainTextPastePlugin } from './plainTextPaste'

/** Node type names of the pull quote and its two parts, as stored in the body JSON. */
export const PULL_QUOTE = 'pullQuote'
export const PULL_QUOTE_TEXT = 'pullQuoteText'
export const PULL_QUOTE_ATTRIBUTION = 'pullQuoteAttribution'

/** What `insertPullQuote` takes. */
export interface PullQuoteInput {
  quote?: string
  attribution?: string
}

export interface PullQuoteOptions {
  /**
   * Extra HTML attributes for the `<figure>` element the editor renders.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: {
      /**
       * Inserts a pull quote at the selection (or at `position`) and puts the cursor in its quote
       * text. Without a `quote`, the selected text (if any, within one block) becomes the quote.
       * @example editor.commands.insertPullQuote({ quote: 'Wir haben uns geeinigt', attribution: 'Olaf Scholz' })
       */
      insertPullQuote: (input?: PullQuoteInput, position?: number) => ReturnType
    }
  }
}

const PARTS = [PULL_QUOTE_TEXT, PULL_QUOTE_ATTRIBUTION]

function partNode(type: string, text: string): Record<string, unknown> {
  const clean = oneLine(text).trim()
  return clean ? { type, content: [{ type: 'text', text: clean }] } : { type }
}

/** The quote itself: one line of plain text. */
export const PullQuoteText = Node.create({
  name: PULL_QUOTE_TEXT,
  content: 'text*',
  marks: '',
  isolating: true,
  selectable: false,
  parseHTML() {
    return [{ tag: 'blockquote', context: `${PULL_QUOTE}/`, priority: 100 }]
  },
  renderHTML() {
    return ['blockquote', 0]
  }
})

/** Who said it: one line of plain text (may stay empty). */
export const PullQuoteAttribution = Node.create({
  name: PULL_QUOTE_ATTRIBUTION,
  content: 'text*',
  marks: '',
  isolating: true,
  selectable: false,
  parseHTML() {
    return [{ tag: 'figcaption', context: `${PULL_QUOTE}/`, priority: 100 }]
  },
  renderHTML() {
    return ['figcaption', 0]
  }
})

/**
 * A pull quote: a sentence lifted out of the story and set large, with its attribution. Both
 * parts are one-line textblocks edited in place (same reasons as the figure caption): Enter in
 * the quote goes to the attribution, Enter in the attribution leaves the pull quote, Backspace at
 * the start of an empty quote selects the pull quote, paste is plain text.
 *
 * HTML: `<figure data-type="pullQuote"><blockquote>Quote</blockquote><figcaption>Attribution
 * </figcaption></figure>` (the HTML spec's pattern for a quotation with its source).
 */
export const PullQuote = Node.create<PullQuoteOptions>({
  name: PULL_QUOTE,
  group: 'block',
  content: `${PULL_QUOTE_TEXT} ${PULL_QUOTE_ATTRIBUTION}`,
  isolating: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { HTMLAttributes: {} }
  },

  parseHTML() {
    return [{ tag: `figure[data-type="${PULL_QUOTE}"]` }]
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'figure',
      mergeAttributes({ 'data-type': PULL_QUOTE }, this.options.HTMLAttributes, HTMLAttributes),
      0
    ]
  },

  addCommands() {
    return {
      insertPullQuote:
        (input = {}, position) =>
        ({ state, chain }) => {
          const { selection } = state
          const selected =
            input.quote === undefined && selection.$from.sameParent(selection.$to)
              ? state.doc.textBetween(selection.from, selection.to, ' ')
              : ''
          const content = {
            type: PULL_QUOTE,
            content: [
              partNode(PULL_QUOTE_TEXT, input.quote ?? selected),
              partNode(PULL_QUOTE_ATTRIBUTION, input.attribution ?? '')
            ]
          }
          return chain()
            .insertContentAt(position ?? { from: selection.from, to: selection.to }, content)
            .command(({ tr }) => {
              // insertContentAt leaves the cursor at the end of what it inserted, inside the
              // attribution; the quote comes first.
              const quote = ancestorNamed(tr.selection.$from, PULL_QUOTE)
              if (quote) {
                const textEnd = quote.pos + 2 + quote.node.child(0).content.size
                tr.setSelection(TextSelection.create(tr.doc, textEnd))
              }
              return true
            })
            .run()
        }
    }
  },

  addKeyboardShortcuts() {
    const part = (state: EditorState): string | null => {
      const { $from, $to } = state.selection
      return $from.parent === $to.parent && PARTS.includes($from.parent.type.name)
        ? $from.parent.type.name
        : null
    }
    const enter = (): boolean =>
      this.editor.commands.command(({ state, tr, dispatch }) => {
        const where = part(state)
        if (!where) return false
        const quote = ancestorNamed(state.selection.$from, PULL_QUOTE)
        if (!quote) return false
        if (!dispatch) return true
        if (where === PULL_QUOTE_TEXT) {
          const text = quote.node.child(0)
          const attribution = quote.node.child(1)
          const start = quote.pos + 1 + text.nodeSize + 1
          tr.setSelection(TextSelection.create(tr.doc, start + attribution.content.size))
        } else {
          cursorAfterNode(tr, quote.pos)
        }
        return true
      })
    return {
      Enter: enter,
      'Shift-Enter': enter,
      'Mod-Enter': enter,
      Backspace: () =>
        this.editor.commands.command(({ state, tr, dispatch }) => {
          const where = part(state)
          const { selection } = state
          if (!where || !selection.empty || selection.$from.parentOffset > 0) return false
          const quote = ancestorNamed(selection.$from, PULL_QUOTE)
          if (!quote) return false
          if (!dispatch) return true
          if (where === PULL_QUOTE_ATTRIBUTION) {
            // Back into the quote, at its end: the two parts read as one unit.
            const text = quote.node.child(0)
            tr.setSelection(TextSelection.create(tr.doc, quote.pos + 2 + text.content.size))
          } else if (selection.$from.parent.content.size === 0) {
            selectNodeAt(tr, quote.pos)
          }
          return true
        }),
      Delete: () =>
        this.editor.commands.command(({ state }) => {
          const { selection } = state
          return (
            selection.empty &&
            part(state) !== null &&
            selection.$from.parentOffset === selection.$from.parent.content.size
          )
        }),
      'Mod-a': () =>
        this.editor.commands.command(({ state, tr, dispatch }) => {
          if (!part(state)) return false
          if (dispatch) selectTextblock(tr, state.selection.$from)
          return true
        })
    }
  },

  addProseMirrorPlugins() {
    return [plainTextPastePlugin('pullQuotePaste', PARTS)]
  }
})
