import type { Article, ImageUse, PmNode } from '../article'
import { isAllowedLinkHref } from '../editor/linkHref'
import { translate } from '../i18n/translate'
import type { Settings, UiLanguage } from '../settings'
import type { Finding, FindingCode, FindingSeverity, FindingWhere } from './finding'

/** What preflight needs to know of an asset. */
export interface PreflightAsset {
  width: number
  caption: string | null
  credit: string | null
  photographer: string | null
  alt: string | null
  usageTerms: string | null
}

export interface PreflightContext {
  /** The asset with this id, or undefined when it is not in the library. */
  asset(assetId: string): PreflightAsset | undefined
  /** Why the library's record of an asset cannot be read, or undefined when it can. */
  unreadable?(assetId: string): string | undefined
  settings: Pick<Settings, 'limits' | 'minImageWidth'>
  /** The UI language of the messages. */
  language: UiLanguage
  now: Date
}

interface ImageSlot {
  use: ImageUse
  where: FindingWhere
  label: string
}

function text(value: unknown): string | null {
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
        nodeId: text(a.nodeId) ?? text(a.id) ?? path,
        use: {
          assetId: a.assetId as string,
          caption: text(a.caption) ?? text(captionText),
          credit: text(a.credit),
          photographer: text(a.photographer),
          alt: text(a.alt)
        }
      })
    }
    node.content?.forEach((child, i) => walk(child, `${path}/${i}`))
  }
  walk(doc, 'body')
  return out
}

function linksOf(doc: PmNode): { href: string; nodeId: string }[] {
  const out: { href: string; nodeId: string }[] = []
  const walk = (node: PmNode, path: string, block: string): void => {
    const blockId = node.type === 'text' ? block : (text(node.attrs?.nodeId) ?? path)
    for (const mark of node.marks ?? []) {
      if (mark.type === 'link') out.push({ href: String(mark.attrs?.href ?? ''), nodeId: block })
    }
    node.content?.forEach((child, i) => walk(child, `${path}/${i}`, blockId))
  }
  walk(doc, 'body', 'body')
  return out
}

/**
 * The copy desk's checklist over an article, without spelling (which runs in the main process).
 * Severities as issue 6 fixes them: missing headline, byline, caption or credit block export.
 */
export function runPreflight(article: Article, ctx: PreflightContext): Finding[] {
  const findings: Finding[] = []
  const add = (
    severity: FindingSeverity,
    code: FindingCode,
    where: FindingWhere,
    params: Record<string, string | number> = {}
  ): void => {
    findings.push({
      severity,
      code,
      where,
      message: translate(ctx.language, `preflight.${code}`, params)
    })
  }

  if (!text(article.headline)) add('error', 'headline-missing', { field: 'headline' })
  if (!article.bylines.some((b) => b.trim() !== '')) {
    add('error', 'byline-missing', { field: 'bylines' })
  }
  if (!text(article.dateline.place)) add('warning', 'dateline-missing', { field: 'dateline' })
  for (const field of ['headline', 'teaser', 'kicker'] as const) {
    const length = [...(article[field] ?? '')].length
    const limit = ctx.settings.limits[field]
    if (length > limit) {
      add('warning', `${field}-too-long`, { field }, { length, limit, over: length - limit })
    }
  }
  if (article.embargoedUntil && Date.parse(article.embargoedUntil) > ctx.now.getTime()) {
    add('warning', 'embargo-active', { field: 'embargoedUntil' }, { until: article.embargoedUntil })
  }

  const slots: ImageSlot[] = []
  if (article.lead) {
    slots.push({
      use: article.lead,
      where: { field: 'lead' },
      label: translate(ctx.language, 'preflight.leadImage')
    })
  }
  article.galleries.forEach((gallery, g) =>
    gallery.items.forEach((use, index) =>
      slots.push({
        use,
        where: { galleryId: gallery.id, index },
        label: translate(ctx.language, 'preflight.galleryImage', {
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
      label: translate(ctx.language, 'preflight.figure', { position: i + 1 })
    })
  )

  const captions = new Map<string, ImageSlot>()
  for (const slot of slots) {
    const asset = ctx.asset(slot.use.assetId)
    if (!asset) {
      const problem = ctx.unreadable?.(slot.use.assetId)
      if (problem !== undefined) {
        add('error', 'asset-unreadable', slot.where, { image: slot.label, problem })
      } else {
        add('error', 'asset-missing', slot.where, { image: slot.label, assetId: slot.use.assetId })
      }
      continue
    }
    const caption = text(slot.use.caption) ?? text(asset.caption)
    const credit = text(slot.use.credit) ?? text(asset.credit)
    const alt = text(slot.use.alt) ?? text(asset.alt)
    if (!caption) add('error', 'caption-missing', slot.where, { image: slot.label })
    if (!credit) add('error', 'credit-missing', slot.where, { image: slot.label })
    if (!alt) add('warning', 'alt-missing', slot.where, { image: slot.label })
    if (asset.width < ctx.settings.minImageWidth) {
      add('warning', 'image-too-small', slot.where, {
        image: slot.label,
        width: asset.width,
        min: ctx.settings.minImageWidth
      })
    }
    if (text(asset.usageTerms)) {
      add('warning', 'usage-terms', slot.where, {
        image: slot.label,
        terms: asset.usageTerms ?? ''
      })
    }
    if (caption) {
      const key = caption.trim().replace(/\s+/g, ' ').toLocaleLowerCase()
      const first = captions.get(key)
      if (first)
        add('warning', 'duplicate-caption', slot.where, { image: slot.label, other: first.label })
      else captions.set(key, slot)
    }
  }

  for (const link of linksOf(article.body)) {
    if (!isAllowedLinkHref(link.href)) {
      add('warning', 'link-invalid', { nodeId: link.nodeId }, { href: link.href.slice(0, 200) })
    }
  }
  return findings
}

/** Errors block export; warnings do not. */
export function hasBlockingFindings(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error')
}
