import { z } from 'zod'

/*
 * A story's life after its first export: every package a receiver got, numbered 1, 2, 3 …, the
 * public corrections that every later version carries, and whether the story was withdrawn.
 * Kept with the article (so a synced library shares it) and owned by the library: the editor
 * never writes it directly.
 */

export const PUBLICATION_KINDS = ['first', 'update', 'correction', 'kill', 'resend'] as const
export type PublicationKind = (typeof PUBLICATION_KINDS)[number]

export const PUB_STATUSES = ['usable', 'withheld', 'canceled'] as const
export type PubStatus = (typeof PUB_STATUSES)[number]

const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/
const timestamp = z
  .string()
  .regex(OFFSET_DATE_TIME, 'is not an ISO-8601 date and time with an offset')

/** A content hash: SHA-256, lowercase hex. */
const hashSchema = z.string().regex(/^[a-f0-9]{64}$/, 'is not a SHA-256 content hash')

export const publishedVersionSchema = z.object({
  version: z.number().int().positive(),
  kind: z.enum(PUBLICATION_KINDS),
  exportedAt: timestamp,
  /** The package file as the exporter named it. */
  file: z.string().max(4096),
  pubStatus: z.enum(PUB_STATUSES),
  /** What was exported, so an unchanged re-export repeats the version (a resend). */
  contentHash: hashSchema,
  by: z.string().max(200).nullable().default(null)
})
export type PublishedVersion = z.infer<typeof publishedVersionSchema>

export const correctionSchema = z.object({
  at: timestamp,
  text: z.string().trim().min(1, 'a correction needs a text').max(5000),
  /** The version that first carried it. */
  version: z.number().int().positive()
})
export type Correction = z.infer<typeof correctionSchema>

export const publicationSchema = z
  .object({
    firstCreated: timestamp,
    versions: z.array(publishedVersionSchema).min(1).max(10_000),
    corrections: z.array(correctionSchema).max(1000).default([]),
    /** Set by a kill, cleared by an explicit reinstate. */
    killed: z
      .object({ at: timestamp, notice: z.string().min(1).max(5000), reason: z.string().max(5000) })
      .nullable()
      .default(null)
  })
  .superRefine((p, ctx) => {
    p.versions.forEach((v, i) => {
      const before = i === 0 ? 0 : p.versions[i - 1]!.version
      const expected = v.kind === 'resend' ? before : before + 1
      if (v.version !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'version'],
          message: `version ${v.version} (${v.kind}) should be ${expected}: versions count up by one, a resend repeats the one before`
        })
      }
    })
    const last = p.versions[p.versions.length - 1]!.version
    p.corrections.forEach((c, i) => {
      if (c.version > last) {
        ctx.addIssue({
          code: 'custom',
          path: ['corrections', i, 'version'],
          message: `correction names version ${c.version}, but the last published version is ${last}`
        })
      }
    })
  })
export type Publication = z.infer<typeof publicationSchema>

/** What an export asks for. */
export type PublishIntent =
  | { kind: 'publish'; correction?: string | null }
  | { kind: 'kill'; notice: string; reason?: string | null }

/** The version the next package gets, and what the record looks like once it is written. */
export interface PublishPlan {
  version: number
  kind: PublicationKind
  pubStatus: PubStatus
  firstCreated: string
  versionCreated: string
  /** Every public correction the package carries (all earlier ones, and a new one). */
  corrections: Correction[]
  /** The record to store once the package is safely written. */
  record: Publication
}

/** Why this export cannot go, or null. */
export function publishRefusal(
  record: Publication | undefined,
  intent: PublishIntent
): string | null {
  if (!record?.killed) {
    if (
      intent.kind === 'publish' &&
      intent.correction !== undefined &&
      intent.correction !== null
    ) {
      if (intent.correction.trim() === '') return 'the correction note is empty'
      if (!record) return 'a correction needs an earlier published version to correct'
    }
    if (intent.kind === 'kill') {
      if (!record) return 'the story was never exported: there is nothing to withdraw'
      if (intent.notice.trim() === '') return 'a withdrawal needs a public notice'
    }
    return null
  }
  return `the story was withdrawn on ${record.killed.at}: reinstate it before exporting it again`
}

/**
 * The next published version. An export whose content hash equals the last published version's
 * repeats that version (a resend); any change, a correction or a kill makes n+1. Throws with the
 * reason when {@link publishRefusal} gives one.
 */
export function planPublication(input: {
  record: Publication | undefined
  intent: PublishIntent
  contentHash: string
  exportedAt: string
  file: string
  by?: string | null
}): PublishPlan {
  const { record, intent, exportedAt } = input
  const refusal = publishRefusal(record, intent)
  if (refusal) throw new Error(refusal)
  const last = record?.versions[record.versions.length - 1]
  const correction = intent.kind === 'publish' ? intent.correction?.trim() || null : null
  let kind: PublicationKind
  if (!last) kind = 'first'
  else if (intent.kind === 'kill') kind = 'kill'
  else if (correction) kind = 'correction'
  // A package after a kill and a reinstate is new to receivers even with the same text.
  else if (last.contentHash === input.contentHash && last.kind !== 'kill') kind = 'resend'
  else kind = 'update'
  const version = kind === 'resend' ? last!.version : (last?.version ?? 0) + 1
  const corrections = [
    ...(record?.corrections ?? []),
    ...(correction ? [{ at: exportedAt, text: correction, version }] : [])
  ]
  const pubStatus: PubStatus = kind === 'kill' ? 'canceled' : 'usable'
  const entry: PublishedVersion = {
    version,
    kind,
    exportedAt,
    file: input.file,
    pubStatus,
    contentHash: input.contentHash,
    by: input.by ?? null
  }
  const firstCreated = record?.firstCreated ?? exportedAt
  // A resend repeats the version's own time: receivers see the same version.
  const versionCreated = kind === 'resend' ? last!.exportedAt : exportedAt
  return {
    version,
    kind,
    pubStatus,
    firstCreated,
    versionCreated,
    corrections,
    record: {
      firstCreated,
      versions: [...(record?.versions ?? []), entry],
      corrections,
      killed:
        intent.kind === 'kill'
          ? { at: exportedAt, notice: intent.notice.trim(), reason: intent.reason?.trim() ?? '' }
          : null
    }
  }
}

/** The record after an explicit reinstate: the next export is a new version. */
export function reinstated(record: Publication): Publication {
  return { ...record, killed: null }
}

/** The last published version, or null before the first export. */
export function lastPublished(record: Publication | undefined): PublishedVersion | null {
  return record?.versions[record.versions.length - 1] ?? null
}

/** What a package says about its place in the story's life. */
export interface PackageVersion {
  version: number
  kind: PublicationKind
  pubStatus: PubStatus
  firstCreated: string
  versionCreated: string
  corrections: Correction[]
  /** The public notice of a kill package. */
  notice: string | null
}

/**
 * The version facts of the package being written, from the record the export planned (its last
 * entry). Without a record (a package built outside an export), version 1 of the article's own
 * times.
 */
export function packageVersionOf(article: {
  createdAt: string
  updatedAt: string
  publication?: Publication
}): PackageVersion {
  const p = article.publication
  const last = lastPublished(p)
  if (!p || !last) {
    return {
      version: 1,
      kind: 'first',
      pubStatus: 'usable',
      firstCreated: article.createdAt,
      versionCreated: article.updatedAt,
      corrections: [],
      notice: null
    }
  }
  // A resend is the same version again: its kind and time are the original's.
  const first = p.versions.find((v) => v.version === last.version)!
  return {
    version: last.version,
    kind: first.kind,
    pubStatus: last.pubStatus,
    firstCreated: p.firstCreated,
    versionCreated: first.exportedAt,
    corrections: p.corrections,
    notice: last.kind === 'kill' ? (p.killed?.notice ?? null) : null
  }
}
