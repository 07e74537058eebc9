import type { Article, PmNode } from '../../article'
import { presentText } from './imageSlots'
import type { ArticleRule, PreflightContext, RuleHit } from './types'

function tooLong(field: 'headline' | 'teaser' | 'kicker'): ArticleRule {
  return {
    scope: 'article',
    code: `${field}-too-long`,
    severity: 'warning',
    check: (article: Article, ctx: PreflightContext): RuleHit[] => {
      const length = [...(article[field] ?? '')].length
      const limit = ctx.settings.limits[field]
      if (length <= limit) return []
      return [{ where: { field }, params: { length, limit, over: length - limit } }]
    }
  }
}

/**
 * Whether the body has any text a reader would get, not counting figure captions: a body of
 * empty paragraphs and images alone is nothing to publish.
 */
function hasBodyText(node: PmNode): boolean {
  if (node.type === 'figure') return false
  if (typeof node.text === 'string' && node.text.trim() !== '') return true
  return (node.content ?? []).some(hasBodyText)
}

/** The article's own fields: headline, byline, body, dateline, teaser, lengths, embargo. */
export const ARTICLE_RULES: readonly ArticleRule[] = [
  {
    scope: 'article',
    code: 'headline-missing',
    severity: 'error',
    check: (article) => (presentText(article.headline) ? [] : [{ where: { field: 'headline' } }])
  },
  {
    scope: 'article',
    code: 'byline-missing',
    severity: 'error',
    check: (article) =>
      article.bylines.some((b) => b.trim() !== '') ? [] : [{ where: { field: 'bylines' } }]
  },
  {
    scope: 'article',
    code: 'body-missing',
    severity: 'error',
    check: (article) => (hasBodyText(article.body) ? [] : [{ where: { field: 'body' } }])
  },
  {
    scope: 'article',
    code: 'dateline-missing',
    severity: 'warning',
    check: (article) =>
      presentText(article.dateline.place) ? [] : [{ where: { field: 'dateline' } }]
  },
  {
    scope: 'article',
    code: 'teaser-missing',
    severity: 'warning',
    check: (article) => (presentText(article.teaser) ? [] : [{ where: { field: 'teaser' } }])
  },
  tooLong('headline'),
  tooLong('teaser'),
  tooLong('kicker'),
  {
    scope: 'article',
    code: 'embargo-active',
    severity: 'warning',
    check: (article, ctx) =>
      article.embargoedUntil && Date.parse(article.embargoedUntil) > ctx.now.getTime()
        ? [{ where: { field: 'embargoedUntil' }, params: { until: article.embargoedUntil } }]
        : []
  }
]
