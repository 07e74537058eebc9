import { z } from 'zod'

/** Current on-disk schema version of an article file; older files are migrated on read. */
export const ARTICLE_SCHEMA_VERSION = 1

export const ARTICLE_LANGUAGES = ['de', 'de-AT', 'de-CH', 'en-GB', 'en-US'] as const
export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number]

export const ARTICLE_STATUSES = ['draft', 'editing', 'ready', 'exported'] as const
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number]

/** Asset ids are content hashes: lowercase hex, safe inside `urn:` URIs and file names. */
export const assetIdSchema = z.string().regex(/^[a-f0-9]{16,64}$/, 'not a valid asset id')

/** Article ids are UUIDs (v4), usable as `urn:uuid:` ids in ninjs. */
export const articleIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'not a valid article id')

const isoDateTime = z.iso.datetime({ offset: true })

export interface PmMark {
  type: string
  attrs?: Record<string, unknown>
}
export interface PmNode {
  type: string
  attrs?: Record<string, unknown>
  content?: PmNode[]
  marks?: PmMark[]
  text?: string
}

const pmMarkSchema = z.object({
  type: z.string().min(1).max(64),
  attrs: z.record(z.string(), z.unknown()).optional()
})

/** ProseMirror JSON, structurally checked; the node types are checked by the editor schema. */
export const pmNodeSchema: z.ZodType<PmNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(pmNodeSchema).optional(),
    marks: z.array(pmMarkSchema).optional(),
    text: z.string().optional()
  })
)

export function emptyBody(): PmNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] }
}

const nullableText = z.string().max(20_000).nullable()

/** One use of an image: an asset id plus per-use overrides (null = use the asset's value). */
export const imageUseSchema = z.object({
  assetId: assetIdSchema,
  caption: nullableText.default(null),
  credit: nullableText.default(null),
  photographer: nullableText.default(null),
  alt: nullableText.default(null)
})
export type ImageUse = z.infer<typeof imageUseSchema>

export const gallerySchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200).nullable().default(null),
  items: z.array(imageUseSchema).default([])
})
export type Gallery = z.infer<typeof gallerySchema>

export const datelineSchema = z.object({
  place: z.string().max(200).nullable().default(null),
  source: z.string().max(200).nullable().default(null)
})

/** The fields a user edits; everything else is owned by the library. */
const fieldShape = {
  status: z.enum(ARTICLE_STATUSES),
  language: z.enum(ARTICLE_LANGUAGES),
  timeZone: z.string().min(1).max(64),
  kicker: nullableText,
  headline: nullableText,
  teaser: nullableText,
  bylines: z.array(z.string().min(1).max(200)).max(50),
  dateline: datelineSchema,
  slugline: z.string().max(200).nullable(),
  tags: z.array(z.string().min(1).max(100)).max(100),
  edNote: nullableText,
  notes: nullableText,
  publishedAt: isoDateTime.nullable(),
  embargoedUntil: isoDateTime.nullable(),
  body: pmNodeSchema,
  lead: imageUseSchema.nullable(),
  galleries: z.array(gallerySchema)
}

export const articleFieldsSchema = z.object(fieldShape)
export type ArticleFields = z.infer<typeof articleFieldsSchema>

/** The values of a new draft. */
export function defaultArticleFields(): ArticleFields {
  return {
    status: 'draft',
    language: 'de',
    timeZone: 'Europe/Berlin',
    kicker: null,
    headline: null,
    teaser: null,
    bylines: [],
    dateline: { place: null, source: null },
    slugline: null,
    tags: [],
    edNote: null,
    notes: null,
    publishedAt: null,
    embargoedUntil: null,
    body: emptyBody(),
    lead: null,
    galleries: []
  }
}

export const articleSchema = articleFieldsSchema.extend({
  schemaVersion: z.literal(ARTICLE_SCHEMA_VERSION),
  id: articleIdSchema,
  revision: z.number().int().nonnegative(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime
})
export type Article = z.infer<typeof articleSchema>

/** What the library list and search show for one article. */
export interface ArticleSummary {
  id: string
  headline: string | null
  kicker: string | null
  status: ArticleStatus
  bylines: string[]
  updatedAt: string
  wordCount: number
  revision: number
}

/** A partial update of the user-editable fields: keys left out stay as they are. */
export const articlePatchSchema = articleFieldsSchema.partial()
export type ArticlePatch = z.infer<typeof articlePatchSchema>
