import type { Article, ImageUse } from '../../../shared/article'
import { plainTextOf } from '../../../shared/articleText'
import { figuresOf } from '../../../shared/editor/bodyNodes'
import type { SearchDocument } from './searchIndex'

/**
 * The asset's own caption for an image use without an override. Today the library indexes the
 * overrides only; when asset captions should be searchable too, pass a lookup here (and re-index
 * the articles that use an asset when its caption changes).
 */
export type AssetCaptionLookup = (assetId: string) => string | null | undefined

/** Caption texts of an article's images: lead, gallery items and body figures, in that order. */
export function captionsOf(article: Article, assetCaption?: AssetCaptionLookup): string[] {
  const uses: ImageUse[] = [
    ...(article.lead ? [article.lead] : []),
    ...article.galleries.flatMap((g) => g.items),
    ...figuresOf(article.body)
  ]
  const out: string[] = []
  for (const use of uses) {
    const caption = use.caption ?? assetCaption?.(use.assetId) ?? null
    if (caption) out.push(caption)
  }
  return out
}

/** The text the full-text search sees for one article. */
export function searchDocumentOf(
  article: Article,
  assetCaption?: AssetCaptionLookup
): SearchDocument {
  return {
    headline: article.headline ?? '',
    kicker: article.kicker ?? '',
    teaser: article.teaser ?? '',
    bylines: article.bylines.join('\n'),
    captions: captionsOf(article, assetCaption).join('\n'),
    body: plainTextOf(article.body)
  }
}
