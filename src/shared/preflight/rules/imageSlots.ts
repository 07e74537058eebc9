import type { Article, ImageUse, PmNode } from '../../article'
import { translate } from '../../i18n/translate'
import type { UiLanguage } from '../../settings'
import type { FindingWhere } from '../finding'

/** One image use of an article with the place a finding about it points to. */
export interface ImageSlot {
  use: ImageUse
  where: FindingWhere
  /** How preflight names it ("Lead image", "Gallery Bilder, image 2", "Body image 1"). */
  label: string
}

/** A non-empty string as it is, else null. */
export function presentText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** Body figures in document order, with the node id the editor can jump to. */
function bodyFigures(doc: PmNode): { use: ImageUse; nodeId: string }[] {
  const out: { use: ImageUse; nodeId: string }[] = []
  const walk = (node: PmNode, path: string): void => {
    if (node.type === 'figure' && typeof node.attrs?.assetId === 'string') {
      const a = node.attrs
      const captionText = (node.content ?? [])
        .flatMap((c) => (c.content ?? []).map((t) => t.text ?? ''))
        .join('')
      out.push({
        nodeId: presentText(a.nodeId) ?? presentText(a.id) ?? path,
        use: {
          assetId: a.assetId as string,
          caption: presentText(a.caption) ?? presentText(captionText),
          credit: presentText(a.credit),
          photographer: presentText(a.photographer),
          alt: presentText(a.alt)
        }
      })
    }
    node.content?.forEach((child, i) => walk(child, `${path}/${i}`))
  }
  walk(doc, 'body')
  return out
}

/**
 * Every image use in reading order (lead, gallery items, body figures): what the image rules,
 * the location check and the asset look-up all walk.
 */
export function imageSlots(article: Article, language: UiLanguage): ImageSlot[] {
  const slots: ImageSlot[] = []
  if (article.lead) {
    slots.push({
      use: article.lead,
      where: { field: 'lead' },
      label: translate(language, 'preflight.leadImage')
    })
  }
  article.galleries.forEach((gallery, g) =>
    gallery.items.forEach((use, index) =>
      slots.push({
        use,
        where: { galleryId: gallery.id, index },
        label: translate(language, 'preflight.galleryImage', {
          gallery: gallery.name ?? String(g + 1),
          position: index + 1
        })
      })
    )
  )
  bodyFigures(article.body).forEach(({ use, nodeId }, i) =>
    slots.push({
      use,
      where: { nodeId },
      label: translate(language, 'preflight.figure', { position: i + 1 })
    })
  )
  return slots
}
