import { z } from 'zod'
import { ARTICLE_STATUSES, articleIdSchema, articlePatchSchema, type Article } from '../article'
import { Channels } from '../channels'
import type { ArticleListEntry } from '../library'
import type { Result } from '../result'
import type { InputIn } from './input'

/** What a save (or anything else that writes an article) answers. */
export interface SaveAck {
  id: string
  revision: number
  updatedAt: string
}

export const articlesInputSchemas = {
  [Channels.articlesList]: z
    .object({ status: z.enum(ARTICLE_STATUSES).optional(), query: z.string().max(500).optional() })
    .strict()
    .optional(),
  [Channels.articlesCreate]: articlePatchSchema.strict().optional(),
  [Channels.articlesGet]: z.object({ id: articleIdSchema }).strict(),
  [Channels.articlesSave]: z
    .object({
      id: articleIdSchema,
      baseRevision: z.number().int().nonnegative(),
      patch: articlePatchSchema.strict()
    })
    .strict()
} as const

export interface ArticlesOutputMap {
  [Channels.articlesList]: ArticleListEntry[]
  [Channels.articlesCreate]: Article
  [Channels.articlesGet]: Article
  [Channels.articlesSave]: SaveAck
}

type In<C extends keyof typeof articlesInputSchemas> = InputIn<typeof articlesInputSchemas, C>

export interface ArticlesApi {
  listArticles(input?: In<typeof Channels.articlesList>): Promise<Result<ArticleListEntry[]>>
  createArticle(input?: In<typeof Channels.articlesCreate>): Promise<Result<Article>>
  getArticle(input: In<typeof Channels.articlesGet>): Promise<Result<Article>>
  saveArticle(input: In<typeof Channels.articlesSave>): Promise<Result<SaveAck>>
}
