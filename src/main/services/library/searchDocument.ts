import type { Article, ImageUse } from '../../../shared/article'
import { plainTextOf } from '../../../shared/articleText'
import { figuresOf } from '../../../shared/editor/bodyNodes'
import type { SearchDocument } from './searchIndex'

/**
 * The photo desk's caption of an asset, for an image use without a caption of its own (the
 * library re-indexes the articles that use an asset when its caption changes).
 */
export type AssetCaptionLookup = (assetId: string) => string | null | undefined

function imageUsesOf(article: Article): ImageUse[] {
  return [
    ...(article.lead ? [article.lead] : []),
    ...article.galleries.flatMap((g) => g.items),
    ...figuresOf(article.body)
  ]
}

/** Whether any image of the article shows the photo desk's caption (it has none of its own). */
export function showsAssetCaptions(article: Article): boolean {
  return imageUsesOf(article).some((use) => !use.caption)
}

/** Caption texts of an article's images: lead, gallery items and body figures, in that order. */
export function captionsOf(article: Article, assetCaption?: AssetCaptionLookup): string[] {
  const out: string[] = []
  for (const use of imageUsesOf(article)) {
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
