import type { Article, ArticleLanguage, ImageUse } from '../../article'
import type { Settings, UiLanguage } from '../../settings'
import type { FindingCode, FindingSeverity, FindingWhere } from '../finding'
import type { ImageSlot } from './imageSlots'

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

/** One place a rule found its problem, and the values its message names. */
export interface RuleHit {
  where: FindingWhere
  params?: Record<string, string | number>
  /** What the place could say instead (the finding's `suggestions`). */
  suggestions?: string[]
}

/** A check over the article as a whole (fields, body links). */
export interface ArticleRule {
  scope: 'article'
  code: FindingCode
  severity: FindingSeverity
  check(article: Article, ctx: PreflightContext): RuleHit[]
}

/** One image use as the image rules see it: the slot, its asset and its effective texts. */
export interface ImageSubject {
  slot: ImageSlot
  use: ImageUse
  /** Undefined when the library has no readable record of the asset. */
  asset: PreflightAsset | undefined
  caption: string | null
  credit: string | null
  alt: string | null
  /** The article's language (its quotation marks). */
  articleLanguage: ArticleLanguage
  /** Shared by all slots of one run: the first slot seen with each normalised caption. */
  captions: Map<string, ImageSlot>
}

/** A check run on every image use (lead, gallery items, body figures) in reading order. */
export interface ImageRule {
  scope: 'image'
  code: FindingCode
  severity: FindingSeverity
  check(image: ImageSubject, ctx: PreflightContext): RuleHit[]
}

export type PreflightRule = ArticleRule | ImageRule
