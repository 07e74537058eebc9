import {
  articleFieldsSchema,
  type Article,
  type ArticlePatch,
  type ArticleSummary
} from '../../../shared/article'
import type { Publication } from '../../../shared/publication'
import { bodyWordCount } from './wordCount'

/** Summary of an article for the library list. */
export function summarize(article: Article, wordCount?: number): ArticleSummary {
  return {
    id: article.id,
    headline: article.headline,
    kicker: article.kicker,
    status: article.status,
    bylines: [...article.bylines],
    updatedAt: article.updatedAt,
    wordCount: wordCount ?? bodyWordCount(article.body, article.language),
    revision: article.revision,
    ...(article.publication ? { published: publishedOf(article.publication) } : {})
  }
}

function publishedOf(record: Publication): { version: number; withdrawn: boolean } {
  return {
    version: record.versions[record.versions.length - 1]!.version,
    withdrawn: record.killed !== null
  }
}

/** ISO-8601 with the local offset (not `Z`), as the article format asks. */
export function nowIso(date = new Date()): string {
  const offsetMin = -date.getTimezoneOffset()
  const sign = offsetMin >= 0 ? '+' : '-'
  const abs = Math.abs(offsetMin)
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
  const local = new Date(date.getTime() + offsetMin * 60_000)
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `.${pad(local.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}

const USER_FIELDS = Object.keys(articleFieldsSchema.shape) as (keyof ArticlePatch)[]

/** The user-editable fields of an article, as a patch. */
export function userFieldsOf(article: Article): ArticlePatch {
  const out: Record<string, unknown> = {}
  for (const key of USER_FIELDS) out[key] = structuredClone(article[key])
  return out as ArticlePatch
}

/** A patch without the fields it leaves unset (so they do not overwrite anything). */
export function definedOnly(patch: ArticlePatch): ArticlePatch {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
}
