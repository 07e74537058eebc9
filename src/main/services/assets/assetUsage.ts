import type { Article, ArticleSummary, PmNode } from '../../../shared/article'
import type { AssetUse } from '../../../shared/asset'
import { CopydeskError } from '../../../shared/result'

/** The part of the article library the photo desk needs: list, read, save. */
export interface ArticleSource {
  list(): Promise<ArticleSummary[]>
  get(id: string): Promise<Article>
  save(
    id: string,
    baseRevision: number,
    patch: Pick<Partial<Article>, 'lead' | 'galleries'>
  ): Promise<{ id: string; revision: number; updatedAt: string }>
}

type UseWithoutArticle = Omit<AssetUse, 'articleId' | 'headline'> & { assetId: string }

function figures(node: PmNode, out: UseWithoutArticle[]): void {
  // Any node that names an asset counts (figure today; an inline image tomorrow).
  const id = node.attrs?.assetId
  if (typeof id === 'string' && id !== '') out.push({ assetId: id, role: 'figure' })
  for (const child of node.content ?? []) figures(child, out)
}

/** Every image use of an article: lead, gallery items in order, then body figures in order. */
export function imageUsesOf(article: Article): UseWithoutArticle[] {
  const out: UseWithoutArticle[] = []
  if (article.lead) out.push({ assetId: article.lead.assetId, role: 'lead' })
  for (const g of article.galleries) {
    for (const item of g.items) {
      out.push({ assetId: item.assetId, role: 'gallery', galleryId: g.id, galleryName: g.name })
    }
  }
  figures(article.body, out)
  return out
}

/** Uses of every asset, and the articles that could not be read to find out. */
export interface UsageScan {
  byAsset: Map<string, AssetUse[]>
  /** Articles whose files could not be read (corrupt, unreadable): their uses are unknown. */
  unreadable: { articleId: string; message: string }[]
}

/**
 * Which articles use which assets. Reads each article once and then only again when its
 * revision changed, so asking repeatedly costs one list() plus the articles edited since.
 */
export class AssetUsageIndex {
  private readonly cache = new Map<
    string,
    { revision: number; headline: string | null; uses: UseWithoutArticle[] }
  >()

  constructor(private readonly articles: ArticleSource) {}

  /** Scans the library (cached per article revision). */
  async scan(): Promise<UsageScan> {
    const summaries = await this.articles.list()
    const seen = new Set<string>()
    const unreadable: UsageScan['unreadable'] = []
    for (const s of summaries) {
      seen.add(s.id)
      const cached = this.cache.get(s.id)
      if (cached && cached.revision === s.revision) continue
      try {
        const article = await this.articles.get(s.id)
        this.cache.set(s.id, {
          revision: article.revision,
          headline: article.headline,
          uses: imageUsesOf(article)
        })
      } catch (error) {
        if (error instanceof CopydeskError && error.code === 'not-found') continue
        this.cache.delete(s.id)
        unreadable.push({
          articleId: s.id,
          message: error instanceof Error ? error.message : String(error)
        })
      }
    }
    for (const id of [...this.cache.keys()]) if (!seen.has(id)) this.cache.delete(id)
    const byAsset = new Map<string, AssetUse[]>()
    for (const [articleId, entry] of this.cache) {
      for (const { assetId, ...use } of entry.uses) {
        const list = byAsset.get(assetId) ?? []
        list.push({ articleId, headline: entry.headline, ...use })
        byAsset.set(assetId, list)
      }
    }
    return { byAsset, unreadable }
  }
}
