import { randomBytes } from 'node:crypto'
import type { Gallery, ImageUse } from '../../../shared/article'
import type { SaveAck } from '../../../shared/ipc'
import { CopydeskError } from '../../../shared/result'
import type { ArticleSource } from './assetUsage'

/** Where attached images go: the lead slot, or a gallery (the first one, or one by name). */
export type AttachTarget = { kind: 'lead' } | { kind: 'gallery'; name?: string }

/** A short random gallery id, unique enough within one article. */
export function newGalleryId(): string {
  return `g-${randomBytes(6).toString('hex')}`
}

function use(assetId: string): ImageUse {
  return { assetId, caption: null, credit: null, photographer: null, alt: null }
}

// A save can lose a race with the app's autosave; the attach is then simply redone on top.
const ATTEMPTS = 3

/**
 * Attaches assets to an article: `lead` replaces the lead image (exactly one asset); `gallery`
 * appends in the given order to the first gallery, or to the gallery called `name`, creating it
 * when there is none. Saves through the library with the revision it read.
 */
export async function attachAssets(
  articles: ArticleSource,
  articleId: string,
  assetIds: string[],
  target: AttachTarget
): Promise<SaveAck> {
  if (target.kind === 'lead' && assetIds.length !== 1) {
    throw new CopydeskError(
      'invalid-input',
      `The lead image is one image; ${assetIds.length} were given`
    )
  }
  for (let attempt = 1; ; attempt++) {
    const article = await articles.get(articleId)
    try {
      if (target.kind === 'lead') {
        return await articles.save(articleId, article.revision, { lead: use(assetIds[0]) })
      }
      const galleries: Gallery[] = structuredClone(article.galleries)
      const name = target.name?.trim()
      let gallery = name ? galleries.find((g) => g.name?.trim() === name) : galleries[0]
      if (!gallery) {
        gallery = { id: newGalleryId(), name: name || null, items: [] }
        galleries.push(gallery)
      }
      for (const id of assetIds) gallery.items.push(use(id))
      return await articles.save(articleId, article.revision, { galleries })
    } catch (error) {
      if (error instanceof CopydeskError && error.code === 'conflict' && attempt < ATTEMPTS) {
        continue
      }
      throw error
    }
  }
}
