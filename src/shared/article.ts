import { z } from 'zod'
import { bodyShapeIssue } from './editor/bodyShape'
import { publicationSchema } from './publication'

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

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/**
 * Why `value` is not a timestamp an article can carry, or null: ISO 8601 / RFC 3339 with an
 * explicit offset (`Z` or `±hh:mm`), a real calendar date (no 30 February), a real time of day
 * (no 24:00, no leap second) and an offset that exists on Earth (-12:00 to +14:00).
 * `secondsOptional` accepts `2024-05-02T14:30+02:00` (the CLI adds the `:00` before storing).
 */
export function dateTimeProblem(
  value: string,
  opts: { secondsOptional?: boolean } = {}
): string | null {
  const m = DATE_TIME.exec(value)
  if (!m || (m[6] === undefined && !opts.secondsOptional)) {
    return 'is not an ISO-8601 date and time with an offset (e.g. 2024-05-02T14:30:00+02:00)'
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number
  ]
  const second = m[6] === undefined ? 0 : Number(m[6])
  if (month < 1 || month > 12) return `has no month ${m[2]}`
  const days = daysInMonth(year, month)
  if (day < 1 || day > days) {
    return `is not a calendar date (${MONTHS[month - 1]} ${year} has ${days} days)`
  }
  if (hour > 23 || minute > 59 || second > 59) return `is not a time of day (${m[4]}:${m[5]})`
  if (m[8] !== 'Z') {
    const offsetMinutes = Number(m[10]) * 60 + Number(m[11])
    const signed = m[9] === '-' ? -offsetMinutes : offsetMinutes
    if (Number(m[11]) > 59 || signed < -12 * 60 || signed > 14 * 60) {
      return `has offset ${m[8]}, which no place uses (offsets run from -12:00 to +14:00)`
    }
  }
  return null
}

const isoDateTime = z.string().superRefine((value, ctx) => {
  const problem = dateTimeProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 40)}" ${problem}` })
})

const knownTimeZones = new Map<string, boolean>()

/**
 * Whether `zone` is an IANA time zone this runtime's `Intl` knows (`Europe/Berlin`, `UTC`), so
 * every date of the article can be rendered with it. Answers are cached: the check builds a
 * formatter.
 */
export function isValidTimeZone(zone: string): boolean {
  let known = knownTimeZones.get(zone)
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone })
      known = zone.length > 0 && zone.length <= 64
    } catch {
      known = false
    }
    if (knownTimeZones.size < 1000) knownTimeZones.set(zone, known)
  }
  return known
}

/** An article's time zone: an IANA name `Intl` can format with. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, {
    error: (issue) =>
      `"${String(issue.input).slice(0, 64)}" is not a time zone (use an IANA name like Europe/Berlin)`
  })

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

/**
 * ProseMirror JSON: node and mark names of the shared editor schema, at most `BODY_MAX_DEPTH`
 * levels, checked without recursion (`bodyShapeIssue`). Which node may hold which is checked by
 * the editor schema itself (`bodyProblem`) where TipTap is loaded.
 */
export const pmNodeSchema: z.ZodType<PmNode> = z.custom<PmNode>().superRefine((value, ctx) => {
  const issue = bodyShapeIssue(value)
  if (issue) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
})

export function emptyBody(): PmNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] }
}

const nullableText = z.string().max(20_000).nullable()
// Kicker and headline are one line on every page they reach: the place for a rule against line
// breaks and control characters in them.
const singleLineText = nullableText

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
  timeZone: timeZoneSchema,
  kicker: singleLineText,
  headline: singleLineText,
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

/**
 * Where a draft came from when a package import made it. Kept by the library, never edited; the
 * editor names it while the draft is still at `revision` (unedited since the import).
 */
export const importedFromSchema = z.object({
  /** The package's file name as the user chose it. */
  file: z.string().max(1000),
  importedAt: isoDateTime,
  revision: z.number().int().positive()
})
export type ImportedFrom = z.infer<typeof importedFromSchema>

export const articleSchema = articleFieldsSchema.extend({
  schemaVersion: z.literal(ARTICLE_SCHEMA_VERSION),
  id: articleIdSchema,
  revision: z.number().int().nonnegative(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  importedFrom: importedFromSchema.optional(),
  /** The published versions; absent until the first export (articles from before it too). */
  publication: publicationSchema.optional()
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
  /** The story's last published version and whether it is withdrawn; absent before an export. */
  published?: { version: number; withdrawn: boolean }
}

// C0 and C1 control characters (tab and line breaks included): in a one-line field they reach
// terminals, feeds and file names as commands. Refused on input only, so articles stored before
// this rule still load (the CLI escapes them when it prints).
/** Whether a UTF-16 code unit is a C0 or C1 control character (or DEL). */
export function isControlCode(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f)
}

/** Why a one-line value is refused: its first control character and where; null when clean. */
export function controlCharacterProblem(value: string): string | null {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (!isControlCode(code)) continue
    const hex = code.toString(16).toUpperCase().padStart(4, '0')
    return `contains the control character U+${hex} at character ${i + 1}; one-line fields take none`
  }
  return null
}

/**
 * A value as a one-line field may hold it: line breaks and tabs (pasted from Word or a mail)
 * become one space, other control characters are dropped. Inputs use it as the user types or
 * pastes, so what the schema refuses never reaches a save.
 */
export function oneLineText(value: string): string {
  let out = ''
  let pendingSpace = false
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) {
      pendingSpace = out.length > 0
      continue
    }
    if (isControlCode(code)) continue
    if (pendingSpace && value[i] !== ' ') out += ' '
    pendingSpace = false
    out += value[i]
  }
  return out
}

// Adds an issue for each listed value with a control character, at its path.
function refuseControls(ctx: z.RefinementCtx, values: Array<[unknown, PropertyKey[]]>): void {
  for (const [value, path] of values) {
    const problem = typeof value === 'string' ? controlCharacterProblem(value) : null
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path })
  }
}

const oneLineValue = (value: string | null, ctx: z.RefinementCtx): void =>
  refuseControls(ctx, [[value, []]])
const oneLineList = (list: readonly string[], ctx: z.RefinementCtx): void =>
  refuseControls(
    ctx,
    list.map((value, i) => [value, [i]])
  )

/** A partial update of the user-editable fields: keys left out stay as they are. */
export const articlePatchSchema = articleFieldsSchema.partial().extend({
  kicker: singleLineText.superRefine(oneLineValue).optional(),
  headline: singleLineText.superRefine(oneLineValue).optional(),
  bylines: fieldShape.bylines.superRefine(oneLineList).optional(),
  dateline: datelineSchema
    .superRefine((d, ctx) =>
      refuseControls(ctx, [
        [d.place, ['place']],
        [d.source, ['source']]
      ])
    )
    .optional(),
  slugline: fieldShape.slugline.superRefine(oneLineValue).optional(),
  tags: fieldShape.tags.superRefine(oneLineList).optional()
})
export type ArticlePatch = z.infer<typeof articlePatchSchema>
