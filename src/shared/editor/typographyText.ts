/**
 * House-style typography on plain strings, without an editor: the rules the body applies as you
 * type, for the one-line fields, captions, the copy desk's `typography` check and its "Fix".
 * Pure (no TipTap), so the CLI's preflight can use it.
 */

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
 * spaces inside, as Swiss typesetting has it); English “…” and ‘…’. Any other tag gets English.
 */
export function quoteMarksFor(language: string): QuoteMarks {
  const tag = language.toLowerCase()
  if (tag === 'de-ch' || tag === 'de-li') {
    return { doubleOpen: '«', doubleClose: '»', singleOpen: '‹', singleClose: '›', apostrophe: '’' }
  }
  if (tag === 'de' || tag.startsWith('de-')) {
    return { doubleOpen: '„', doubleClose: '“', singleOpen: '‚', singleClose: '‘', apostrophe: '’' }
  }
  return { doubleOpen: '“', doubleClose: '”', singleOpen: '‘', singleClose: '’', apostrophe: '’' }
}

// After these (or at the start of a block, or after the language's own opening marks) a straight
// quote opens; after anything else it closes.
const OPENS_AFTER = /[\s([{–—/-]$/u
const WORD_CHAR = /[\p{L}\p{N}]$/u
const STARTS_WITH_WORD_CHAR = /^[\p{L}\p{N}]/u
// `’90`, `’68er`: an apostrophe standing for the century, not an opening quote.
const STARTS_WITH_SHORT_YEAR = /^\d\d(?!\d)/u

/**
 * Which character a typed straight quote becomes, given the text before it in the same block.
 * Double quotes open at the start and after spaces or opening punctuation and close elsewhere.
 * A single quote right after a letter or digit closes a single quotation opened earlier in the
 * block, and is otherwise an apostrophe (`geht’s`); elsewhere it follows the double-quote rule.
 */
export function typographicQuote(quote: '"' | "'", textBefore: string, language: string): string {
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

/**
 * Like `typographicQuote`, but also knowing what follows: a single quote between two letters or
 * digits is always an apostrophe (`Kim’s`, `rock’n’roll`, even inside a single quotation), and
 * one before a two-digit year stands for the century (`’90s`).
 */
function quoteBetween(quote: '"' | "'", before: string, after: string, language: string): string {
  if (quote === "'") {
    const apostrophe = quoteMarksFor(language).apostrophe
    if (WORD_CHAR.test(before) && STARTS_WITH_WORD_CHAR.test(after)) return apostrophe
    if ((before === '' || /\s$/u.test(before)) && STARTS_WITH_SHORT_YEAR.test(after)) {
      return apostrophe
    }
  }
  return typographicQuote(quote, before, language)
}

/** One replacement in a string: the UTF-16 range `[from, to)` becomes `insert`. */
export interface TextEdit {
  from: number
  to: number
  insert: string
}

// Web and mail addresses keep their characters: a `'` or `...` or ` - ` there is not prose.
const URL_PATTERN = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\bmailto:)[^\s"<>„“”«»‚‘’‹›]*/giu
// Sentence punctuation (and a closing single quote) after an address belongs to the sentence.
const URL_TAIL = /[.,;:!?)\]']+$/u

function urlRanges(text: string): [number, number][] {
  const ranges: [number, number][] = []
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(URL_TAIL, '')
    if (url !== '') ranges.push([match.index, match.index + url.length])
  }
  return ranges
}

const SPACED_HYPHEN = /^--? /u
const AFTER_WORD_AND_SPACE = /\S $/u

/**
 * Every house-style correction of a text, in order, without overlaps: straight quotes become the
 * language's marks (apostrophes `’`), three dots (exactly three) an ellipsis `…`, and a hyphen or
 * double hyphen standing between spaces between words (`Berlin - Die`) an en dash. Left alone on
 * purpose: hyphens without spaces, number ranges included (`10-12`, but also `2024-05-02`,
 * phone numbers, scores: which of them is a range is a judgement a rule cannot make), a hyphen at
 * the start (a list-like line), and web addresses.
 */
export function typographyEdits(text: string, language: string): TextEdit[] {
  const edits: TextEdit[] = []
  const urls = urlRanges(text)
  let url = 0
  // The text as corrected so far: quotes open or close according to what precedes them.
  let done = ''
  let i = 0
  while (i < text.length) {
    while (url < urls.length && urls[url]![1] <= i) url++
    const range = urls[url]
    if (range && range[0] <= i) {
      done += text.slice(i, range[1])
      i = range[1]
      continue
    }
    const ch = text[i]!
    let edit: TextEdit | null = null
    if (ch === '"' || ch === "'") {
      edit = { from: i, to: i + 1, insert: quoteBetween(ch, done, text.slice(i + 1), language) }
    } else if (
      ch === '.' &&
      text.startsWith('...', i) &&
      text[i - 1] !== '.' &&
      text[i + 3] !== '.'
    ) {
      edit = { from: i, to: i + 3, insert: '…' }
    } else if (ch === '-' && AFTER_WORD_AND_SPACE.test(done)) {
      const dash = SPACED_HYPHEN.exec(text.slice(i, i + 4))
      if (dash) edit = { from: i, to: i + dash[0].length - 1, insert: '–' }
    }
    if (edit) {
      edits.push(edit)
      done += edit.insert
      i = edit.to
    } else {
      done += ch
      i++
    }
  }
  return edits
}

/** Applies edits from `typographyEdits` (sorted, not overlapping) to the text they came from. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = ''
  let at = 0
  for (const edit of edits) {
    out += text.slice(at, edit.from) + edit.insert
    at = edit.to
  }
  return out + text.slice(at)
}

/**
 * The text in house-style typography for the article language (`de`, `de-AT`: „…“ ‚…‘;
 * `de-CH`: «…» ‹…›; English: “…” ‘…’; apostrophes `’`). See `typographyEdits` for what is
 * changed and what is left alone. Idempotent: a corrected text comes back unchanged.
 */
export function fixTypography(text: string, lang: string): string {
  return applyTextEdits(text, typographyEdits(text, lang))
}

// The address being typed right before the caret, if any.
const URL_BEFORE_CARET = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\bmailto:)\S*$/iu

/**
 * As you type in a text field: what the character just typed before `caret` turns into, or null
 * when it stays. The rules of the body's typography: `"` and `'` become the language's marks,
 * the third `.` makes `…`, and the space after ` -` between words makes an en dash. Nothing
 * changes inside a web address.
 */
export function typographyAtCaret(value: string, caret: number, language: string): TextEdit | null {
  const before = value.slice(0, caret)
  if (before === '' || URL_BEFORE_CARET.test(before)) return null
  const last = before.slice(-1)
  if (last === '"' || last === "'") {
    const insert = quoteBetween(last, before.slice(0, -1), value.slice(caret), language)
    return { from: caret - 1, to: caret, insert }
  }
  if (/(?<!\.)\.\.\.$/u.test(before) && value[caret] !== '.') {
    return { from: caret - 3, to: caret, insert: '…' }
  }
  // The space typed last is part of the edit, so the caret ends up after it.
  const dash = /(?<=\S )--? $/u.exec(before)
  if (dash) return { from: dash.index, to: caret, insert: '– ' }
  return null
}
