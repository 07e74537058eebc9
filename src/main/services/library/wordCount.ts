import { countWords, textBlocksOf } from '../../../shared/articleText'
import type { PmNode } from '../../../shared/article'

// Character classes of Unicode's word-break rules (UAX #29) for the characters that make up
// almost all Latin-script news copy. `Intl.Segmenter` costs ~55 ms for 5,000 words, too slow for
// every save; for blocks made only of these characters the rules reduce to a simple scan.
const LETTER = 1 // ALetter
const DIGIT = 2 // Numeric
const MID_NUM_LET = 3 // . ' ‘ ’ : join letter-letter and digit-digit (':' only letters)
const COLON = 4 // MidLetter: joins letter-letter only
const MID_NUM = 5 // , ; join digit-digit only
const BREAK = 6 // spaces and punctuation that never join
const UNKNOWN = 0 // anything else: leave the block to Intl.Segmenter

const BREAK_CHARS = new Set(
  [...' \t\n\r\u00a0!?"„“”«»‹›()[]{}-–—…/\\&%§€$£+*=#@|<>~^°'].map((c) => c.charCodeAt(0))
)

function classOf(code: number): number {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return LETTER
  if (code >= 48 && code <= 57) return DIGIT
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) return LETTER
  if (code === 0x2e || code === 0x27 || code === 0x2018 || code === 0x2019) return MID_NUM_LET
  if (code === 0x3a) return COLON
  if (code === 0x2c || code === 0x3b) return MID_NUM
  if (BREAK_CHARS.has(code)) return BREAK
  return UNKNOWN
}

/** Words in one block of text by the scan, or -1 when the block needs `Intl.Segmenter`. */
function scanCount(text: string): number {
  const n = text.length
  const classes = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const c = classOf(text.charCodeAt(i))
    if (c === UNKNOWN) return -1
    classes[i] = c
  }
  let count = 0
  let i = 0
  while (i < n) {
    const c = classes[i]
    if (c !== LETTER && c !== DIGIT) {
      i++
      continue
    }
    count++
    let j = i + 1
    for (;;) {
      while (j < n && (classes[j] === LETTER || classes[j] === DIGIT)) j++
      if (j + 1 >= n) break
      const mid = classes[j]
      const before = classes[j - 1]
      const after = classes[j + 1]
      const joinsLetters =
        before === LETTER && after === LETTER && (mid === MID_NUM_LET || mid === COLON)
      const joinsDigits =
        before === DIGIT && after === DIGIT && (mid === MID_NUM_LET || mid === MID_NUM)
      if (!joinsLetters && !joinsDigits) break
      j += 2
    }
    i = j
  }
  return count
}

/**
 * Word count of one text block, equal to the shared `countWords` (Intl.Segmenter): a fast scan
 * where the block holds only characters whose word-break behaviour is simple, else the segmenter.
 */
export function fastCountWords(text: string, locale = 'de'): number {
  const scanned = scanCount(text)
  return scanned >= 0 ? scanned : countWords(text, locale)
}

/** Words in an article body, as the library list shows them. */
export function bodyWordCount(body: PmNode, locale = 'de'): number {
  let total = 0
  for (const block of textBlocksOf(body)) total += fastCountWords(block, locale)
  return total
}
