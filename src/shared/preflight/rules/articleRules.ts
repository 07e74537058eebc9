import type { Article } from '../../article'
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

/** The article's own fields: headline, byline, dateline, lengths, embargo. */
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
    code: 'dateline-missing',
    severity: 'warning',
    check: (article) =>
      presentText(article.dateline.place) ? [] : [{ where: { field: 'dateline' } }]
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
