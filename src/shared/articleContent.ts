import type { ArticleFields, PmNode } from './article'

function hasText(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim() !== ''
}

// Any text, or any node that is more than an empty text block (a figure, even without a
// caption, is something the user put there).
const EMPTY_BLOCKS = new Set(['doc', 'paragraph', 'heading', 'hardBreak'])

function bodyHasContent(node: PmNode | null | undefined): boolean {
  if (!node) return false
  if (node.type === 'text') return hasText(node.text)
  if (!EMPTY_BLOCKS.has(node.type)) return true
  return (node.content ?? []).some(bodyHasContent)
}

/**
 * Whether a user put anything into an article: text in any field or the body, a name, a tag, a
 * date, an image (body, lead, gallery) or a gallery. Status, language and time zone alone are
 * settings, not content. The test for "an untitled draft nobody wrote in", which may go.
 */
export function hasContent(article: Partial<ArticleFields>): boolean {
  const texts = [
    article.kicker,
    article.headline,
    article.teaser,
    article.slugline,
    article.edNote,
    article.notes,
    article.dateline?.place,
    article.dateline?.source,
    ...(article.bylines ?? []),
    ...(article.tags ?? [])
  ]
  if (texts.some(hasText)) return true
  if (article.publishedAt || article.embargoedUntil) return true
  if (article.lead || (article.galleries ?? []).length > 0) return true
  return bodyHasContent(article.body)
}
