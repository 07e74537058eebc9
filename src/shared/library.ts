import { z } from 'zod'
import type { ArticleStatus, ArticleSummary } from './article'
import type { SearchSnippet } from './searchSnippet'

/** A history version id: the revision it holds, as a decimal string. */
export const versionIdSchema = z.string().regex(/^[1-9]\d{0,11}$/, 'not a valid version id')

/** One kept version of an article (newest first in lists). */
export interface ArticleVersion {
  versionId: string
  revision: number
  /** When this version was saved (ISO-8601). */
  savedAt: string
  wordCount: number
  /** True for the version that is the article's current text. */
  current: boolean
}

/** An article in the trash. */
export interface TrashEntry {
  id: string
  headline: string | null
  kicker: string | null
  status: ArticleStatus
  bylines: string[]
  wordCount: number
  updatedAt: string
  deletedAt: string
}

/** A field other than the body that differs between two versions. */
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
  /** For a text field: the word changes from `before` to `after` (absent otherwise). */
  words?: WordChange[]
}

/** A run of words in a changed paragraph. */
export interface WordChange {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

/**
 * One paragraph of a body diff; `change` pairs an old and a new paragraph with word changes.
 * A body image is a block of its own with `assetId` (its caption follows as a paragraph);
 * `before`/`after` are null for it.
 */
export interface ParagraphChange {
  op: 'equal' | 'insert' | 'delete' | 'change'
  before: string | null
  after: string | null
  words?: WordChange[]
  assetId?: string
}

/** What changed from a kept version (`before`) to the current text (`after`). */
export interface ArticleDiff {
  id: string
  versionId: string
  fromRevision: number
  toRevision: number
  fields: FieldChange[]
  body: ParagraphChange[]
  wordsAdded: number
  wordsRemoved: number
}

/** Something the library found wrong with its files, and what it did about it. */
export interface LibraryProblem {
  /**
   * `quarantined`: an article file did not parse or was invalid; it was moved to `movedTo` and
   * the article restored from version `restoredFrom`. `lost`: the same, but no good version was
   * left, so the article is gone from the list (its file is kept in quarantine). `unreadable`: a
   * damaged file seen by a read-only opener, left where it is. `newer-version`: written by a newer
   * Copydesk, left untouched and not listed. `index-rebuilt`: an index file was damaged and was
   * rebuilt from the article files. `version-repaired`: the newest kept version was damaged
   * (empty after a power cut) and was rewritten from the article of its revision `restoredFrom`.
   * `version-damaged`: a kept version was damaged and was moved to `movedTo`; it is not listed.
   */
  kind:
    | 'quarantined'
    | 'lost'
    | 'unreadable'
    | 'newer-version'
    | 'index-rebuilt'
    | 'version-repaired'
    | 'version-damaged'
  articleId: string | null
  file: string
  movedTo: string | null
  restoredFrom: string | null
  message: string
  at: string
}

/**
 * One search result: the summary, its relevance, the fields where the query matched and a
 * snippet showing the match (null where the result list has no snippet for it).
 */
export interface LibrarySearchHit {
  summary: ArticleSummary
  score: number
  fields: string[]
  snippet: SearchSnippet | null
}

/** An article in the library list; a search result also carries where the query matched. */
export type ArticleListEntry = ArticleSummary & { snippet?: SearchSnippet }
