import { presentText } from './imageSlots'
import type { ImageRule, ImageSubject, PreflightContext, RuleHit } from './types'

/**
 * The checks of each image use, in the order their findings appear for one image. The first two
 * speak for an image whose record is missing or unreadable; the others need the record.
 */
export const IMAGE_RULES: readonly ImageRule[] = [
  {
    scope: 'image',
    code: 'asset-unreadable',
    severity: 'error',
    check: ({ slot, asset }: ImageSubject, ctx: PreflightContext): RuleHit[] => {
      if (asset) return []
      const problem = ctx.unreadable?.(slot.use.assetId)
      return problem === undefined
        ? []
        : [{ where: slot.where, params: { image: slot.label, problem } }]
    }
  },
  {
    scope: 'image',
    code: 'asset-missing',
    severity: 'error',
    check: ({ slot, asset }, ctx) =>
      asset || ctx.unreadable?.(slot.use.assetId) !== undefined
        ? []
        : [{ where: slot.where, params: { image: slot.label, assetId: slot.use.assetId } }]
  },
  {
    scope: 'image',
    code: 'caption-missing',
    severity: 'error',
    check: ({ slot, asset, caption }) =>
      asset && !caption
        ? [{ where: { ...slot.where, part: 'caption' }, params: { image: slot.label } }]
        : []
  },
  {
    scope: 'image',
    code: 'credit-missing',
    severity: 'error',
    check: ({ slot, asset, credit }) =>
      asset && !credit
        ? [{ where: { ...slot.where, part: 'credit' }, params: { image: slot.label } }]
        : []
  },
  {
    scope: 'image',
    code: 'alt-missing',
    severity: 'warning',
    check: ({ slot, asset, alt }) =>
      asset && !alt
        ? [{ where: { ...slot.where, part: 'alt' }, params: { image: slot.label } }]
        : []
  },
  {
    scope: 'image',
    code: 'image-too-small',
    severity: 'warning',
    check: ({ slot, asset }, ctx) =>
      asset && asset.width < ctx.settings.minImageWidth
        ? [
            {
              where: slot.where,
              params: { image: slot.label, width: asset.width, min: ctx.settings.minImageWidth }
            }
          ]
        : []
  },
  {
    scope: 'image',
    code: 'usage-terms',
    severity: 'warning',
    check: ({ slot, asset }) =>
      asset && presentText(asset.usageTerms)
        ? [{ where: slot.where, params: { image: slot.label, terms: asset.usageTerms ?? '' } }]
        : []
  },
  {
    scope: 'image',
    code: 'duplicate-caption',
    severity: 'warning',
    check: ({ slot, asset, caption, captions }: ImageSubject): RuleHit[] => {
      if (!asset || !caption) return []
      const key = caption.trim().replace(/\s+/g, ' ').toLocaleLowerCase()
      const first = captions.get(key)
      if (!first) {
        captions.set(key, slot)
        return []
      }
      return [{ where: slot.where, params: { image: slot.label, other: first.label } }]
    }
  }
]
