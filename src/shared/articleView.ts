import type { Article, ImageUse, PmNode } from './article'
import { figuresOf as bodyFigures } from './editor/bodyNodes'

/** An image as the CLI prints it: effective caption, credit, photographer and alt text. */
export interface ImageView {
  assetId: string
  caption: string | null
  credit: string | null
  photographer: string | null
  alt: string | null
}

/** `show --json`: the stable field names other tools rely on. */
export interface ArticleView {
  id: string
  revision: number
  status: Article['status']
  language: Article['language']
  timeZone: string
  kicker: string | null
  headline: string | null
  teaser: string | null
  bylines: string[]
  dateline: { place: string | null; source: string | null }
  slugline: string | null
  tags: string[]
  edNote: string | null
  createdAt: string
  updatedAt: string
  publishedAt: string | null
  embargoedUntil: string | null
  body: PmNode
  lead: ImageView | null
  galleries: { id: string; name: string | null; items: ImageView[] }[]
  figures: ImageView[]
}

/** The asset's own values that fill in where a use has no override. */
export type AssetDefaults = (assetId: string) => Partial<Omit<ImageView, 'assetId'>> | undefined

function imageView(use: ImageUse, defaults: AssetDefaults): ImageView {
  const d = defaults(use.assetId) ?? {}
  return {
    assetId: use.assetId,
    caption: use.caption ?? d.caption ?? null,
    credit: use.credit ?? d.credit ?? null,
    photographer: use.photographer ?? d.photographer ?? null,
    alt: use.alt ?? d.alt ?? null
  }
}

// Body figures keep their caption as the text of a `figureCaption` child (see editor/nodes/figure).
function figuresOf(node: PmNode): ImageUse[] {
  return bodyFigures(node).map(({ nodeId: _nodeId, ...use }) => use)
}

/** The article as `copydesk show --json` prints it. Internal notes are never part of it. */
export function presentArticle(
  article: Article,
  defaults: AssetDefaults = () => undefined
): ArticleView {
  return {
    id: article.id,
    revision: article.revision,
    status: article.status,
    language: article.language,
    timeZone: article.timeZone,
    kicker: article.kicker,
    headline: article.headline,
    teaser: article.teaser,
    bylines: article.bylines,
    dateline: article.dateline,
    slugline: article.slugline,
    tags: article.tags,
    edNote: article.edNote,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    publishedAt: article.publishedAt,
    embargoedUntil: article.embargoedUntil,
    body: article.body,
    lead: article.lead ? imageView(article.lead, defaults) : null,
    galleries: article.galleries.map((g) => ({
      id: g.id,
      name: g.name,
      items: g.items.map((i) => imageView(i, defaults))
    })),
    figures: figuresOf(article.body).map((f) => imageView(f, defaults))
  }
}
