import { foldTerm, queryVariants, wordsOf } from './textFold'

/** A piece of a text around what a search matched, with the matched words' positions. */
export interface SearchSnippet {
  /** Which part of the article the text is from (`captions`, `body`, `teaser`, …). */
  field: string
  /** The excerpt; starts or ends with `…` where the text goes on. */
  text: string
  /** `[start, end)` character offsets into `text` of every matched word, in order. */
  marks: [number, number][]
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu
const DIGRAPH = /([aou])e/g

/** The folded spellings of a word in the text, as the index holds them. */
function spellingsOf(word: string): string[] {
  const plain = foldTerm(word)
  const collapsed = plain.replace(DIGRAPH, '$1')
  return collapsed === plain ? [plain] : [plain, collapsed]
}

/**
 * Where the words of `query` occur in `text` (each as a prefix of a word, folded like the
 * full-text index: `muenchen` marks `München`), and how many different query words occur.
 */
export function findQueryWords(
  text: string,
  query: string
): { marks: [number, number][]; wordsFound: number } {
  const variants = [...new Set(wordsOf(query))].map(queryVariants)
  const found = new Set<number>()
  const marks: [number, number][] = []
  for (const match of text.matchAll(WORD)) {
    const spellings = spellingsOf(match[0])
    const hit = variants.findIndex((vs) => vs.some((v) => spellings.some((s) => s.startsWith(v))))
    if (hit < 0) continue
    found.add(hit)
    marks.push([match.index, match.index + match[0].length])
  }
  return { marks, wordsFound: found.size }
}

/**
 * An excerpt of about `width` characters of `text` around the first place the query matched,
 * cut at word boundaries, line breaks shown as spaces; null when no query word occurs.
 */
export function snippetOf(
  field: string,
  text: string,
  query: string,
  width = 160
): SearchSnippet | null {
  const flat = text.replace(/\s+/g, ' ')
  const { marks } = findQueryWords(flat, query)
  if (marks.length === 0) return null
  const [firstStart] = marks[0] as [number, number]
  let start = Math.max(0, firstStart - Math.floor(width / 3))
  let end = Math.min(flat.length, start + width)
  start = Math.max(0, Math.min(start, end - width))
  // Cut at spaces, so no word is shown in part.
  if (start > 0) {
    const space = flat.indexOf(' ', start)
    start = space >= 0 && space < firstStart ? space + 1 : start
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end)
    end = space > firstStart ? space : end
  }
  const lead = start > 0 ? '…' : ''
  const tail = end < flat.length ? '…' : ''
  const shift = lead.length - start
  return {
    field,
    text: `${lead}${flat.slice(start, end).trim()}${tail}`,
    marks: marks
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]): [number, number] => [s + shift, e + shift])
  }
}

// Where a match tells the reader most: a headline match is already in the headline they see.
const FIELD_PREFERENCE = ['captions', 'teaser', 'body', 'kicker', 'bylines', 'headline']

/**
 * The snippet of an article's search result: from the line (a caption, a paragraph) that holds
 * the most query words, captions, teaser and body before the fields the result list shows anyway.
 */
export function bestSnippet(
  texts: Readonly<Record<string, string>>,
  query: string
): SearchSnippet | null {
  let best: { field: string; line: string; count: number } | null = null
  for (const field of FIELD_PREFERENCE) {
    for (const line of (texts[field] ?? '').split('\n')) {
      if (!line.trim()) continue
      const { wordsFound } = findQueryWords(line, query)
      if (wordsFound > 0 && (!best || wordsFound > best.count)) {
        best = { field, line, count: wordsFound }
      }
    }
  }
  return best && snippetOf(best.field, best.line, query)
}
