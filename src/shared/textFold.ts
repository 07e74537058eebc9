/**
 * Case and diacritics folding for the full-text search: `München`, `Muenchen`, `munchen` and
 * `muenchen` all meet, and so do `Straße` and `strasse`.
 *
 * Index terms fold umlauts to the base letter and ß to ss (`München` → `munchen`); a word spelled
 * with `ae/oe/ue` is indexed as written and with the digraph read as an umlaut (`Muenchen` →
 * `muenchen`, `munchen`). A query word looks for its plain fold, its umlauts spelled with e and
 * its digraphs read as umlauts, so every spelling finds every other.
 */

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i'
}
const SPECIAL_RE = /[ßẞæœøłđðþı]/g
const NON_ASCII = /[^ -~\t\n\r]/
const MARKS = /\p{M}+/gu

/** Lower-cased, diacritics removed, ß → ss. */
export function foldTerm(term: string): string {
  const lower = term.toLowerCase()
  if (!NON_ASCII.test(lower)) return lower
  return lower
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .normalize('NFD')
    .replace(MARKS, '')
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu

/** The words of a text as typed (letters, digits and their marks; everything else separates). */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? []
}

const DIGRAPH = /([aou])e/g
// Folding is most of the cost of indexing a save; a newsroom's working vocabulary repeats.
const TERM_CACHE_LIMIT = 200_000
const termCache = new Map<string, string[]>()

/**
 * Folded index terms of a text (a word with `ae/oe/ue` also as its umlaut reading); words shorter
 * than two characters are left out.
 */
export function termsOf(text: string): string[] {
  const out: string[] = []
  for (const word of wordsOf(text)) {
    let terms = termCache.get(word)
    if (terms === undefined) {
      const term = foldTerm(word)
      const collapsed = term.replace(DIGRAPH, '$1')
      terms = term.length < 2 ? [] : collapsed !== term ? [term, collapsed] : [term]
      if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear()
      termCache.set(word, terms)
    }
    for (const term of terms) out.push(term)
  }
  return out
}

const UMLAUT_AS_E: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' }

/**
 * The folded spellings a query word should match: its plain fold (`münchen` → `munchen`), its
 * umlauts written with e (`muenchen`) and `ae/oe/ue` read as umlauts (`muenchen` → `munchen`).
 */
export function queryVariants(word: string): string[] {
  const plain = foldTerm(word)
  const lower = word.toLowerCase().normalize('NFC')
  const withE = foldTerm(lower.replace(/[äöü]/g, (c) => UMLAUT_AS_E[c] ?? c))
  const collapsed = plain.replace(DIGRAPH, '$1')
  return [...new Set([plain, withE, collapsed])].filter((t) => t.length > 0)
}

/**
 * A text folded for substring search (the photo desk's filter): its plain fold, and where a word
 * holds `ae/oe/ue`, also the text with the digraphs read as umlauts, so that every spelling of a
 * query word meets every spelling in the text as in the full-text search.
 */
export function foldText(text: string): string {
  const plain = foldTerm(text)
  const collapsed = plain.replace(DIGRAPH, '$1')
  return collapsed === plain ? plain : `${plain}\n${collapsed}`
}

/**
 * Whether every whitespace-separated word of a query occurs, in one of its spellings, in a text
 * folded by `foldText`. Words keep their punctuation (`c.jpg` looks for `c.jpg`).
 */
export function matchesFolded(folded: string, query: string): boolean {
  const words = query
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
  return words.every((word) => queryVariants(word).some((variant) => folded.includes(variant)))
}
