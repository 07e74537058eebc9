/** Which input of an image use a finding is about (the caption, the credit or the alt text). */
export type FindingPart = 'caption' | 'credit' | 'alt'

/**
 * A place in an article a finding points at; the editor jumps there when it is clicked. `part`
 * narrows an image use (lead `{ field: 'lead' }`, gallery item, body figure) to one of its inputs.
 */
export type FindingWhere = (
  | { field: string }
  | { nodeId: string }
  | { galleryId: string; index: number }
  | { assetId: string }
  | { lead: true }
) & { part?: FindingPart }

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
  'metadata-not-written',
  'asset-missing',
  'asset-unreadable',
  'body-missing',
  'teaser-missing',
  'typography'
] as const
export type FindingCode = (typeof FINDING_CODES)[number]

/** One result of the copy desk's checklist. */
export interface Finding {
  severity: FindingSeverity
  code: FindingCode
  /** In the UI language (the CLI takes it from LANG). */
  message: string
  where: FindingWhere
  /**
   * For findings about one image use: its name as the messages give it ("Body image 1"), so
   * the panel can group an image's findings under it.
   */
  subject?: string
  /** For `spelling`. */
  word?: string
  /**
   * For `spelling`: replacement words. For `typography`: one entry, the whole text of the place
   * corrected (a field, a caption, or a body block's text with each hard break as `\n`, so its
   * offsets match the block's positions).
   */
  suggestions?: string[]
  /** For `spelling` (one finding per word): how often the word occurs. */
  count?: number
  /** For `spelling`: each place the word occurs, once, in reading order; `where` is the first. */
  places?: FindingWhere[]
}
