import { Extension, InputRule } from '@tiptap/core'
import type { ArticleLanguage } from '../article'
import { typographicQuote } from './typographyText'

export {
  applyTextEdits,
  fixTypography,
  quoteMarksFor,
  typographicQuote,
  typographyAtCaret,
  typographyEdits,
  type QuoteMarks,
  type TextEdit
} from './typographyText'

export interface TypographyOptions {
  /**
   * The article language that picks the quotation marks.
   * @default 'de'
   */
  language: ArticleLanguage
  /**
   * Whether the rules apply as you type (a user setting; `setTypography` switches it live).
   * @default true
   */
  enabled: boolean
}

export interface TypographyStorage {
  language: ArticleLanguage
  enabled: boolean
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    typography: {
      /**
       * Switches the typographic rules on or off, or changes the language they follow, without
       * rebuilding the editor. Keys left out stay as they are.
       * @example editor.commands.setTypography({ language: 'de-CH' })
       */
      setTypography: (settings: Partial<TypographyStorage>) => ReturnType
    }
  }
  interface Storage {
    typography: TypographyStorage
  }
}

/**
 * House-style typography as you type: straight quotes become the article language's quotation
 * marks (see `typographicQuote`), ` - ` between words becomes an en dash ` – `, and `...` an
 * ellipsis `…`. Each replacement is one undo step of its own, and Backspace right after it
 * restores what was typed (TipTap's `undoInputRule`), so a reporter who wanted the straight
 * character keeps it.
 */
export const Typography = Extension.create<TypographyOptions, TypographyStorage>({
  name: 'typography',

  addOptions() {
    return { language: 'de', enabled: true }
  },

  addStorage() {
    return { language: this.options.language, enabled: this.options.enabled }
  },

  addCommands() {
    return {
      setTypography: (settings) => () => {
        if (settings.language !== undefined) this.storage.language = settings.language
        if (settings.enabled !== undefined) this.storage.enabled = settings.enabled
        return true
      }
    }
  },

  addInputRules() {
    const storage = this.storage
    const replaceWith = (
      find: RegExp,
      replacement: (match: RegExpMatchArray) => string
    ): InputRule =>
      new InputRule({
        find,
        handler: ({ state, range, match }) => {
          if (!storage.enabled) return null
          state.tr.insertText(replacement(match), range.from, range.to)
        }
      })
    return [
      replaceWith(/"$/, (match) =>
        typographicQuote('"', (match.input ?? '').slice(0, match.index), storage.language)
      ),
      replaceWith(/'$/, (match) =>
        typographicQuote("'", (match.input ?? '').slice(0, match.index), storage.language)
      ),
      replaceWith(/\.\.\.$/, () => '…'),
      // Only between words: "- " at the start of a block is the bullet-list shortcut.
      replaceWith(/(?<=\S )- $/u, () => '– ')
    ]
  }
})
