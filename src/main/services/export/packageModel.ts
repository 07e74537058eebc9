import { createHash } from 'node:crypto'
import type { Article, ArticleLanguage, ImageUse, PmNode } from '../../../shared/article'
import type { AssetFormat, AssetRecord } from '../../../shared/asset'
import { captionWithCredit, formatCredit } from '../../../shared/editor/articleFormat'
import { figuresOf } from '../../../shared/editor/bodyNodes'
import { effectiveImage, type EffectiveImage } from '../../../shared/editor/renderArticle'
import type { Settings } from '../../../shared/settings'
import type { SensitiveKind } from '../imageMetadata/exifTiff'
import type { PhotoText } from '../imageMetadata/photoText'
import { focalOf, planCrops, type CropPlan } from '../assets/crops'

/*
 * What goes into a package, decided once and shared by the writers of every file in it: the
 * distinct image files with their paths inside the ZIP, and each image use (lead, gallery item,
 * body figure) with its effective caption, credit, photographer and alt text. The files carry
 * the texts of their use, so uses of one photo whose texts differ get files of their own.
 */

export type RenditionName = 'original' | 'preview' | 'thumb'

/**
 * One set of files the package holds for an asset: the full frame, its renditions and (for
 * lead and gallery pictures) the web crops, all carrying the same texts.
 */
export interface PackageImage {
  assetId: string
  record: AssetRecord
  /** The original is exported without location and device data (a JPEG without the switch). */
  protect: boolean
  /** Paths inside the ZIP. */
  paths: Record<RenditionName, string>
  /** The texts written into every file of the set (the effective values of its uses). */
  text: PhotoText
  /** The 16:9 and 1:1 crops (empty for a picture used only as a body figure). */
  crops: (CropPlan & { path: string })[]
  /** Sizes of the files as written (filled in while the images are written). */
  files: Partial<Record<RenditionName | CropPlan['name'], { bytes: number }>>
  /** What protection removed from the original. */
  removed: SensitiveKind[]
}

/** One use of an image in the article. */
export interface PackageUse {
  role: 'lead' | 'gallery' | 'figure'
  /** Association name in ninjs, e.g. `lead`, `gallery-1-2`, `figure-1`. */
  name: string
  /** A stable identifier of this use within the article (source of its UUID). */
  key: string
  image: PackageImage
  effective: EffectiveImage
  galleryIndex?: number
  /** Position among all body figures (also those whose asset is missing). */
  figureIndex?: number
  nodeId?: string | null
}

export interface PackageGallery {
  id: string
  name: string | null
  /** 1-based position among the article's galleries. */
  number: number
  uses: PackageUse[]
}

export interface PackageModel {
  article: Article
  images: PackageImage[]
  lead: PackageUse | null
  galleries: PackageGallery[]
  figures: PackageUse[]
  /** The absolute URI of a file in the package (ninjs needs absolute hrefs). */
  href(path: string): string
  creditTemplate: string
  exportedAt: string
  generator: string
}

const CONTENT_TYPES: Record<AssetFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  tiff: 'image/tiff',
  avif: 'image/avif',
  heic: 'image/heic',
  gif: 'image/gif'
}

/** The IANA media type of an image file by its extension. */
export function contentTypeOf(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
  if (ext === 'jpg' || ext === 'jpeg') return CONTENT_TYPES.jpeg
  if (ext === 'tif' || ext === 'tiff') return CONTENT_TYPES.tiff
  return (CONTENT_TYPES as Record<string, string>)[ext] ?? 'application/octet-stream'
}

/**
 * A UUID (RFC 9562 version 8, name-based with SHA-256) for a name, so the same use of the same
 * article gets the same id in every export.
 */
export function derivedUuid(...parts: string[]): string {
  const b = createHash('sha256').update(parts.join('\n')).digest()
  b[6] = (b[6] & 0x0f) | 0x80
  b[8] = (b[8] & 0x3f) | 0x80
  const hex = b.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The rendition href of a package path: the base URL + path, else a `urn:copydesk:package:` URN. */
export function packageHref(articleId: string, baseUrl: string | null, path: string): string {
  if (baseUrl) return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${path}`
  return `urn:copydesk:package:${articleId}:${path}`
}

/** The credit template for an article language (settings per language family). */
export function creditTemplateFor(settings: Settings, language: ArticleLanguage): string {
  return language.startsWith('de') ? settings.creditTemplates.de : settings.creditTemplates.en
}

function extOf(file: string): string {
  return file.slice(file.lastIndexOf('.') + 1)
}

function trimmed(value: string | null | undefined): string | null {
  return value && value.trim() !== '' ? value.trim() : null
}

/** The texts a use's files carry: its effective caption, credit, photographer, alt; the asset's rights. */
export function photoTextOf(effective: EffectiveImage, record: AssetRecord): PhotoText {
  const m = record.metadata
  return {
    caption: trimmed(effective.caption),
    credit: trimmed(effective.credit),
    photographer: trimmed(effective.photographer),
    copyright: trimmed(m.copyright),
    usageTerms: trimmed(m.usageTerms),
    alt: trimmed(effective.alt),
    headline: trimmed(m.headline),
    source: trimmed(m.source)
  }
}

/**
 * The package plan: distinct image files numbered in reading order (lead, galleries, body
 * figures) as `images/001.jpg` (+ `-preview`, `-thumb`, and `-16x9.jpg`, `-1x1.jpg` for lead and
 * gallery pictures), one set per asset and set of effective texts, and every use with its
 * effective values. Uses of assets missing from the library are left out (preflight reports them).
 */
export function planPackage(input: {
  article: Article
  records: ReadonlyMap<string, AssetRecord>
  keepMetadata: ReadonlySet<string>
  settings: Settings
  exportedAt: string
  generator: string
}): PackageModel {
  const { article, records } = input
  const assetInfo = (id: string): Record<string, string | number | null> | undefined => {
    const r = records.get(id)
    return (
      r && { ...r.metadata, width: r.renditions.preview.width, height: r.renditions.preview.height }
    )
  }
  type Planned = { use: ImageUse; role: PackageUse['role']; effective: EffectiveImage; key: string }
  const planned: Planned[] = []
  const plan = (use: ImageUse, role: PackageUse['role']): void => {
    const record = records.get(use.assetId)
    if (!record) return
    const effective = effectiveImage(use, assetInfo)
    const key = `${use.assetId}\n${JSON.stringify(photoTextOf(effective, record))}`
    planned.push({ use, role, effective, key })
  }
  if (article.lead) plan(article.lead, 'lead')
  for (const g of article.galleries) for (const item of g.items) plan(item, 'gallery')
  for (const f of figuresOf(article.body)) plan(f, 'figure')
  const keys = [...new Set(planned.map((p) => p.key))]
  const cropped = new Set(planned.filter((p) => p.role !== 'figure').map((p) => p.key))
  const width = Math.max(3, String(keys.length).length)
  const images = new Map<string, PackageImage>()
  keys.forEach((key, i) => {
    const first = planned.find((p) => p.key === key)!
    const assetId = first.use.assetId
    const record = records.get(assetId)!
    const base = `images/${String(i + 1).padStart(width, '0')}`
    images.set(key, {
      assetId,
      record,
      protect: record.format === 'jpeg' && !input.keepMetadata.has(assetId),
      paths: {
        original: `${base}.${extOf(record.originalFile)}`,
        preview: `${base}-preview.${extOf(record.renditions.preview.file)}`,
        thumb: `${base}-thumb.${extOf(record.renditions.thumb.file)}`
      },
      text: photoTextOf(first.effective, record),
      crops: cropped.has(key)
        ? planCrops(record.width, record.height, focalOf(record)).map((c) => ({
            ...c,
            path: `${base}-${c.suffix}.jpg`
          }))
        : [],
      files: {},
      removed: []
    })
  })
  let next = 0
  const useOf = (
    use: ImageUse,
    role: PackageUse['role'],
    name: string,
    key: string,
    extra: Partial<PackageUse> = {}
  ): PackageUse | null => {
    if (!records.has(use.assetId)) return null
    // Uses come in the order they were planned.
    const p = planned[next++]
    return { role, name, key, image: images.get(p.key)!, effective: p.effective, ...extra }
  }
  const lead = article.lead ? useOf(article.lead, 'lead', 'lead', 'lead') : null
  const galleries = article.galleries.map((g, gi) => ({
    id: g.id,
    name: g.name,
    number: gi + 1,
    uses: g.items
      .map((item, i) =>
        useOf(item, 'gallery', `gallery-${gi + 1}-${i + 1}`, `gallery:${g.id}:${i}`, {
          galleryIndex: i
        })
      )
      .filter((u): u is PackageUse => u !== null)
  }))
  const figures = figuresOf(article.body)
    .map((f, i) =>
      useOf(f, 'figure', `figure-${i + 1}`, `figure:${f.nodeId ?? i}`, {
        nodeId: f.nodeId,
        figureIndex: i
      })
    )
    .filter((u): u is PackageUse => u !== null)
  return {
    article,
    images: [...images.values()],
    lead,
    galleries,
    figures,
    href: (path) => packageHref(article.id, input.settings.packageBaseUrl, path),
    creditTemplate: creditTemplateFor(input.settings, article.language),
    exportedAt: input.exportedAt,
    generator: input.generator
  }
}

/** The body without figures (ninjs counts words and characters without figure captions). */
export function bodyWithoutFigures(node: PmNode): PmNode {
  if (!node.content) return node
  return {
    ...node,
    content: node.content.filter((c) => c.type !== 'figure').map(bodyWithoutFigures)
  }
}

/** Every use in reading order. */
export function allUses(model: PackageModel): PackageUse[] {
  return [
    ...(model.lead ? [model.lead] : []),
    ...model.galleries.flatMap((g) => g.uses),
    ...model.figures
  ]
}

/**
 * The caption line of a body figure as ninjs and NewsML write it: the effective caption, a space,
 * the credit by the article's credit template; either may be missing.
 */
export function figureCaption(model: PackageModel, use: PackageUse): string {
  const e = use.effective
  const credit = formatCredit(model.creditTemplate, {
    credit: e.credit,
    photographer: e.photographer
  })
  return captionWithCredit(e.caption, credit)
}

/**
 * A figure callback for `renderBodyHtml`: called once per body figure in document order, it hands
 * `render` the package use and its caption line, and writes nothing for a figure whose asset is
 * missing (preflight reports those).
 */
export function packageFigures(
  model: PackageModel,
  render: (use: PackageUse, caption: string) => string
): () => string {
  let index = 0
  return () => {
    const use = model.figures.find((f) => f.figureIndex === index)
    index++
    return use ? render(use, figureCaption(model, use)) : ''
  }
}
