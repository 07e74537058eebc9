/** A place in an article a finding points at; the editor jumps there when it is clicked. */
export type FindingWhere =
  | { field: string }
  | { nodeId: string }
  | { galleryId: string; index: number }
  | { assetId: string }
  | { lead: true }

export type FindingSeverity = 'error' | 'warning'

/** Stable codes: other tools rely on them (see issue 6). */
export const FINDING_CODES = [
  'headline-missing',
  'byline-missing',
  'caption-missing',
  'credit-missing',
  'alt-missing',
  'headline-too-long',
  'teaser-too-long',
  'kicker-too-long',
  'dateline-missing',
  'spelling',
  'duplicate-caption',
  'image-too-small',
  'link-invalid',
  'embargo-active',
  'usage-terms',
  'location-kept',
  'asset-missing',
  'asset-unreadable'
] as const
export type FindingCode = (typeof FINDING_CODES)[number]

/** One result of the copy desk's checklist. */
export interface Finding {
  severity: FindingSeverity
  code: FindingCode
  /** In the UI language (the CLI takes it from LANG). */
  message: string
  where: FindingWhere
  /** For `spelling`. */
  word?: string
  suggestions?: string[]
  /** For `spelling` (one finding per word): how often the word occurs. */
  count?: number
  /** For `spelling`: each place the word occurs, once, in reading order; `where` is the first. */
  places?: FindingWhere[]
}
