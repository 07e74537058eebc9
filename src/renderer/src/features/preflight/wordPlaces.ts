/** A word's place in a text: `[from, to)` in UTF-16 code units. */
export interface WordRange {
  from: number
  to: number
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch)
}

/**
 * Where `word` stands in `text` as a whole word (not inside a longer one: "Kim" is not found in
 * "Kims" or "Kimball"), spelled exactly as given, in order.
 */
export function wordRanges(text: string, word: string): WordRange[] {
  const out: WordRange[] = []
  if (!word) return out
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
    const end = at + word.length
    // Whole code points on both sides (a letter outside the BMP is two code units).
    const prev = [...text.slice(Math.max(0, at - 2), at)].at(-1)
    const next = [...text.slice(end, end + 2)][0]
    if (!isWordChar(prev) && !isWordChar(next)) out.push({ from: at, to: end })
  }
  return out
}

/** One stop of a "jump through the places" walk: a place and which occurrence in it. */
export interface WordStop<W> {
  where: W
  nth: number
}

/**
 * The stops a repeated click walks through, in reading order: every occurrence of the word in
 * each place (`countIn` says how many a place holds now; a place whose text is not on screen or
 * no longer holds the word still counts once, so the jump at least gets there).
 */
export function wordStops<W>(places: readonly W[], countIn: (where: W) => number): WordStop<W>[] {
  const stops: WordStop<W>[] = []
  for (const where of places) {
    const count = Math.max(1, countIn(where))
    for (let nth = 0; nth < count; nth++) stops.push({ where, nth })
  }
  return stops
}
