import type { PmNode } from './article'

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'listItem',
  'bulletList',
  'orderedList',
  'figure',
  'figureCaption',
  'pullQuote',
  'pullQuoteText',
  'pullQuoteAttribution',
  'caption',
  'figcaption'
])

/**
 * The text blocks of a ProseMirror JSON document, in order, each trimmed, empty ones left out;
 * hard breaks are `\n` inside a block. Figure captions and pull-quote parts are blocks of their
 * own.
 */
export function textBlocksOf(node: PmNode | null | undefined): string[] {
  if (!node) return []
  const blocks: string[] = []
  let current = ''
  const walk = (n: PmNode): void => {
    if (n.type === 'text') {
      current += n.text ?? ''
      return
    }
    if (n.type === 'hardBreak') {
      current += '\n'
      return
    }
    const isBlock = BLOCK_TYPES.has(n.type)
    if (isBlock && current.trim()) {
      blocks.push(current.trim())
      current = ''
    }
    for (const child of n.content ?? []) walk(child)
    if (isBlock && current.trim()) {
      blocks.push(current.trim())
      current = ''
    }
    if (isBlock) current = ''
  }
  walk(node)
  if (current.trim()) blocks.push(current.trim())
  return blocks
}

/** Plain text of a ProseMirror JSON document, blocks separated by blank lines. */
export function plainTextOf(node: PmNode | null | undefined): string {
  return textBlocksOf(node).join('\n\n')
}

const segmenters = new Map<string, Intl.Segmenter>()

/** Words as `Intl.Segmenter` sees them for the given language (numbers count as words). */
export function countWords(text: string, locale = 'de'): number {
  let segmenter = segmenters.get(locale)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' })
    segmenters.set(locale, segmenter)
  }
  let count = 0
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++
  return count
}
