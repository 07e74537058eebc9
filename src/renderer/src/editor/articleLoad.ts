import type { Article } from '../../../shared/article'
import type { Result } from '../../../shared/result'

/** Fetches one article through the bridge (`newsroom.getArticle`). */
export type FetchArticle = (input: { id: string }) => Promise<Result<Article>>

/**
 * The article an address opens, fetched once as early as the page starts: before React mounts
 * and while the app's settings load, instead of after the desk's first render. The desk takes
 * that fetch once; every later load (a reload, another article) asks the bridge again, so an
 * article is never shown from an answer older than the desk asking for it.
 */
export function createArticleLoader(fetchArticle: FetchArticle): {
  /** Starts fetching `id` now (the article the address names); a later call replaces it. */
  prefetch(id: string): void
  /** The early fetch if it is for `id` and not yet taken, else a new one. */
  load(id: string): Promise<Result<Article>>
} {
  let early: { id: string; pending: Promise<Result<Article>> } | null = null
  return {
    prefetch: (id) => {
      early = { id, pending: fetchArticle({ id }) }
    },
    load: (id) => {
      const taken = early
      early = null
      if (taken && taken.id === id) return taken.pending
      return fetchArticle({ id })
    }
  }
}
