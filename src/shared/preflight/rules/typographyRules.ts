import type { PmNode } from '../../article'
import { applyTextEdits, typographyEdits } from '../../editor/typographyText'
import { translate } from '../../i18n/translate'
import type { UiLanguage } from '../../settings'
import type { FindingWhere } from '../finding'
import { presentText } from './imageSlots'
import type { ArticleRule, ImageRule, RuleHit } from './types'

/**
 * One `typography` hit for a place whose text breaks house style, or null: the problems named
 * in the message, the whole corrected text as the suggestion (`fixTypography`'s result).
 */
function typographyHit(
  text: string,
  articleLanguage: string,
  uiLanguage: UiLanguage,
  place: string,
  where: FindingWhere
): RuleHit | null {
  const edits = typographyEdits(text, articleLanguage)
  if (edits.length === 0) return null
  const kinds = new Set(
    edits.map((e) => (e.insert === '…' ? 'Ellipsis' : e.insert === '–' ? 'Dash' : 'Quotes'))
  )
  const problems = (['Quotes', 'Dash', 'Ellipsis'] as const)
    .filter((kind) => kinds.has(kind))
    .map((kind) => translate(uiLanguage, `preflight.typography${kind}`))
    .join(', ')
  return { where, params: { place, problems }, suggestions: [applyTextEdits(text, edits)] }
}

const HEAD_FIELDS = ['kicker', 'headline', 'teaser'] as const

/** Straight quotes, spaced hyphens and three dots in the kicker, headline and teaser. */
export const FIELD_TYPOGRAPHY_RULE: ArticleRule = {
  scope: 'article',
  code: 'typography',
  severity: 'warning',
  check: (article, ctx) =>
    HEAD_FIELDS.flatMap((field) => {
      const text = presentText(article[field])
      const place = translate(ctx.language, `editor.${field}`)
      const hit = text && typographyHit(text, article.language, ctx.language, place, { field })
      return hit ? [hit] : []
    })
}

/** The same in each image use's caption as the article prints it (its own or the asset's). */
export const CAPTION_TYPOGRAPHY_RULE: ImageRule = {
  scope: 'image',
  code: 'typography',
  severity: 'warning',
  check: ({ slot, caption, articleLanguage }, ctx) => {
    if (!caption) return []
    const place = translate(ctx.language, 'preflight.typographyCaption', { image: slot.label })
    const where = { ...slot.where, part: 'caption' } as const
    const hit = typographyHit(caption, articleLanguage, ctx.language, place, where)
    return hit ? [hit] : []
  }
}

/** A textblock's text with every inline leaf (hard break) as one `\n`, as positions count it. */
function blockText(node: PmNode): string {
  return (node.content ?? []).map((child) => child.text ?? '\n').join('')
}

/**
 * The same in the body's paragraphs and subheadings (in lists and quotations too), one finding
 * per block. Figure captions are checked as image captions; pull quotes are left to the as-you-
 * type rules, as their text and attribution share one node id.
 */
export const BODY_TYPOGRAPHY_RULE: ArticleRule = {
  scope: 'article',
  code: 'typography',
  severity: 'warning',
  check: (article, ctx) => {
    const hits: RuleHit[] = []
    const counts = { paragraph: 0, heading: 0 }
    const walk = (node: PmNode, path: string): void => {
      if (node.type === 'paragraph' || node.type === 'heading') {
        const position = ++counts[node.type]
        const text = blockText(node)
        if (text.trim() === '') return
        const key = node.type === 'paragraph' ? 'typographyParagraph' : 'typographyHeading'
        const place = translate(ctx.language, `preflight.${key}`, { position })
        const nodeId = presentText(node.attrs?.nodeId) ?? path
        const hit = typographyHit(text, article.language, ctx.language, place, { nodeId })
        if (hit) hits.push(hit)
        return
      }
      if (node.type === 'figure' || node.type === 'pullQuote') return
      node.content?.forEach((child, i) => walk(child, `${path}/${i}`))
    }
    walk(article.body, 'body')
    return hits
  }
}
