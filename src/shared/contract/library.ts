import { z } from 'zod'
import { articleIdSchema, articlePatchSchema, type Article, type ArticleSummary } from '../article'
import { Channels } from '../channels'
import {
  versionIdSchema,
  type ArticleDiff,
  type ArticleVersion,
  type LibraryProblem,
  type TrashEntry
} from '../library'
import type { Result } from '../result'
import type { SaveAck } from './articles'
import type { InputIn } from './input'

const idInput = z.object({ id: articleIdSchema }).strict()

/** Input schemas of the library channels (combined into `inputSchemas` in ipc.ts). */
export const libraryInputSchemas = {
  [Channels.articlesDelete]: idInput,
  [Channels.articlesDuplicate]: idInput,
  [Channels.articlesTrash]: z.undefined(),
  [Channels.articlesRestore]: idInput,
  [Channels.articlesEmptyTrash]: z.undefined(),
  [Channels.articlesHistory]: idInput,
  [Channels.articlesDiff]: z.object({ id: articleIdSchema, versionId: versionIdSchema }).strict(),
  [Channels.articlesRestoreVersion]: z
    .object({
      id: articleIdSchema,
      versionId: versionIdSchema,
      baseRevision: z.number().int().nonnegative()
    })
    .strict(),
  [Channels.articlesSaveAsCopy]: z
    .object({ id: articleIdSchema, patch: articlePatchSchema.strict() })
    .strict(),
  [Channels.articlesDiscardIfEmpty]: idInput,
  [Channels.libraryProblems]: z.undefined()
} as const

/** Result types of the library channels (combined into `OutputMap` in ipc.ts). */
export interface LibraryOutputMap {
  [Channels.articlesDelete]: { id: string }
  [Channels.articlesDuplicate]: Article
  [Channels.articlesTrash]: TrashEntry[]
  [Channels.articlesRestore]: ArticleSummary
  [Channels.articlesEmptyTrash]: { removed: number }
  [Channels.articlesHistory]: ArticleVersion[]
  [Channels.articlesDiff]: ArticleDiff
  [Channels.articlesRestoreVersion]: SaveAck
  [Channels.articlesSaveAsCopy]: Article
  [Channels.articlesDiscardIfEmpty]: { discarded: boolean }
  [Channels.libraryProblems]: LibraryProblem[]
}

type In<C extends keyof typeof libraryInputSchemas> = InputIn<typeof libraryInputSchemas, C>

/** The library verbs of `window.newsroom` (combined into `NewsroomApi` in ipc.ts). */
export interface LibraryApi {
  /** Moves an article (and its history) to the trash. */
  deleteArticle(input: In<typeof Channels.articlesDelete>): Promise<Result<{ id: string }>>
  /** A copy under a new id: same fields, status draft. */
  duplicateArticle(input: In<typeof Channels.articlesDuplicate>): Promise<Result<Article>>
  /** Articles in the trash, most recently deleted first. */
  listTrash(): Promise<Result<TrashEntry[]>>
  /** Brings an article back from the trash (conflict if its id is in the library). */
  restoreFromTrash(input: In<typeof Channels.articlesRestore>): Promise<Result<ArticleSummary>>
  /** Deletes the trash for good. */
  emptyTrash(): Promise<Result<{ removed: number }>>
  /** Kept versions, newest first, with time and word count. */
  articleHistory(input: In<typeof Channels.articlesHistory>): Promise<Result<ArticleVersion[]>>
  /** What changed from a kept version to the current text. */
  diffArticleVersion(input: In<typeof Channels.articlesDiff>): Promise<Result<ArticleDiff>>
  /** Makes a kept version current again, as a new revision (conflict on a stale base). */
  restoreArticleVersion(input: In<typeof Channels.articlesRestoreVersion>): Promise<Result<SaveAck>>
  /** "Keep mine as a copy" after a conflict: a new draft with the given fields. */
  saveArticleAsCopy(input: In<typeof Channels.articlesSaveAsCopy>): Promise<Result<Article>>
  /**
   * Removes a draft nobody wrote in (no content now, in any kept version or in any save since
   * the library opened), for good; anything with content stays. For leaving a new draft.
   */
  discardIfEmpty(
    input: In<typeof Channels.articlesDiscardIfEmpty>
  ): Promise<Result<{ discarded: boolean }>>
  /** Damaged files found (quarantined, restored, lost) since the library was opened. */
  libraryProblems(): Promise<Result<LibraryProblem[]>>
}
