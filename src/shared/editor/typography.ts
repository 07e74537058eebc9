import { Extension, InputRule } from '@tiptap/core'
import type { ArticleLanguage } from '../article'

/** The quotation marks of one language: double and single, opening and closing. */
export interface QuoteMarks {
  doubleOpen: string
  doubleClose: string
  singleOpen: string
  singleClose: string
  /** The apostrophe (`geht’s`, `don’t`): U+2019 everywhere. */
  apostrophe: string
}

/**
 * Quotation marks per article language: German „…“ and ‚…‘; Swiss German «…» and ‹…› (no
 * spaces inside, as Swiss typesetting has it); English “…” and ‘…’.
 */
export function quoteMarksFor(language: ArticleLanguage): QuoteMarks {
  if (language === 'de-CH') {
    return { doubleOpen: '«', doubleClose: '»', singleOpen: '‹', singleClose: '›', apostrophe: '’' }
  }
  if (language.startsWith('de')) {
    return { doubleOpen: '„', doubleClose: '“', singleOpen: '‚', singleClose: '‘', apostrophe: '’' }
  }
  return { doubleOpen: '“', doubleClose: '”', singleOpen: '‘', singleClose: '’', apostrophe: '’' }
}

// After these (or at the start of a block, or after the language's own opening marks) a straight
// quote opens; after anything else it closes.
const OPENS_AFTER = /[\s([{–—/-]$/u
const WORD_CHAR = /[\p{L}\p{N}]$/u

/**
 * Which character a typed straight quote becomes, given the text before it in the same block.
 * Double quotes open at the start and after spaces or opening punctuation and close elsewhere.
 * A single quote right after a letter or digit closes a single quotation opened earlier in the
 * block, and is otherwise an apostrophe (`geht’s`); elsewhere it follows the double-quote rule.
 */
export function typographicQuote(
  quote: '"' | "'",
  textBefore: string,
  language: ArticleLanguage
): string {
  const marks = quoteMarksFor(language)
  const last = textBefore.slice(-1)
  const opens =
    textBefore === '' ||
    OPENS_AFTER.test(textBefore) ||
    last === marks.doubleOpen ||
    last === marks.singleOpen
  if (quote === '"') return opens ? marks.doubleOpen : marks.doubleClose
  if (opens) return marks.singleOpen
  if (!WORD_CHAR.test(textBefore)) return marks.singleClose
  // English closes with the apostrophe character itself, so there the choice makes no difference.
  const isOpen =
    textBefore.lastIndexOf(marks.singleOpen) > textBefore.lastIndexOf(marks.singleClose)
  return isOpen ? marks.singleClose : marks.apostrophe
}

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
