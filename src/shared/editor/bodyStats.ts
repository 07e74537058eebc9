import type { Node as PmNodeType } from '@tiptap/pm/model'
import type { ArticleLanguage, PmNode } from '../article'
import { countWords, textBlocksOf } from '../articleText'

/** Counts of an article body, as the editor's status line shows them. */
export interface BodyStats {
  /** Words as `Intl.Segmenter` finds them in the article's language (numbers count). */
  words: number
  /** Characters including spaces (a hard break counts as one); blocks are not joined by any. */
  characters: number
  /** Characters without any whitespace. */
  charactersWithoutSpaces: number
  /** Minutes to read the words at `READING_WORDS_PER_MINUTE`, rounded up (0 for no words). */
  readingMinutes: number
}

/**
 * Reading speed for the reading-time estimate, in words per minute. German words are longer on
 * average than English ones (compounds), so fewer of them are read per minute; the figures are
 * the usual ones for silent reading of news copy on screen (about 200 German, 230 English).
 */
export const READING_WORDS_PER_MINUTE = { de: 200, en: 230 } as const

/** Words per minute for an article language. */
export function readingSpeed(language: ArticleLanguage): number {
  return language.startsWith('de') ? READING_WORDS_PER_MINUTE.de : READING_WORDS_PER_MINUTE.en
}

interface Counts {
  words: number
  characters: number
  charactersWithoutSpaces: number
}

function codePoints(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    n++
  }
  return n
}

// Characters are Unicode code points after NFC normalisation, so a decomposed `ü` (as macOS
// sometimes pastes it) counts once; only emoji sequences count more than they look.
function countText(blocks: string[], language: ArticleLanguage): Counts {
  let words = 0
  let characters = 0
  let charactersWithoutSpaces = 0
  for (const block of blocks) {
    const text = block.normalize('NFC')
    words += countWords(text, language)
    characters += codePoints(text)
    charactersWithoutSpaces += codePoints(text.replace(/\s+/gu, ''))
  }
  return { words, characters, charactersWithoutSpaces }
}

function withReadingTime(counts: Counts, language: ArticleLanguage): BodyStats {
  return { ...counts, readingMinutes: Math.ceil(counts.words / readingSpeed(language)) }
}

/**
 * Word and character counts and reading time of a body (ProseMirror JSON). Everything a reader
 * sees in the body counts: paragraphs, headings, lists, quotes, figure captions typed into the
 * body and pull quotes. The same words `countWords(plainTextOf(body))` counts for the library
 * list, so both show one number.
 */
export function bodyStats(doc: PmNode, language: ArticleLanguage): BodyStats {
  return withReadingTime(countText(textBlocksOf(doc), language), language)
}

/**
 * A counter for the live editor: `count(editor.state.doc)` gives the same figures as
 * `bodyStats(doc.toJSON())`, but remembers the counts of each top-level block by node identity.
 * ProseMirror shares unchanged nodes between document versions, so after a keystroke only the
 * block that changed is counted again. One counter per editor and language.
 */
export function createBodyStatsCounter(language: ArticleLanguage): (doc: PmNodeType) => BodyStats {
  const cache = new WeakMap<PmNodeType, Counts>()
  return (doc) => {
    const total: Counts = { words: 0, characters: 0, charactersWithoutSpaces: 0 }
    doc.forEach((block) => {
      let counts = cache.get(block)
      if (!counts) {
        counts = countText(textBlocksOf(block.toJSON() as PmNode), language)
        cache.set(block, counts)
      }
      total.words += counts.words
      total.characters += counts.characters
      total.charactersWithoutSpaces += counts.charactersWithoutSpaces
    })
    return withReadingTime(total, language)
  }
}
