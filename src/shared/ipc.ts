import { z } from 'zod'
import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  articleIdSchema,
  assetIdSchema,
  articlePatchSchema,
  type Article,
  type ArticleSummary
} from './article'
import {
  assetIdInputSchema,
  assetImportInputSchema,
  assetListFilterSchema,
  assetUndoInputSchema,
  assetUpdateInputSchema,
  type AssetSummary,
  type AssetUse,
  type ImportResult
} from './asset'
import {
  assetExportOptionsInputSchema,
  exportJobInputSchema,
  exportStartInputSchema,
  packageImportInputSchema,
  preflightRunInputSchema,
  setAssetExportOptionsInputSchema,
  type AssetExportOptions,
  type ExportJobStatus,
  type PackageImportResult
} from './exportJob'
import type { Finding } from './preflight/finding'
import { libraryInputSchemas, type LibraryApi, type LibraryOutputMap } from './library'
import type { Result } from './result'
import { settingsPatchSchema, type Settings } from './settings'
import {
  Channels,
  type AppEvent,
  type AssetRendition,
  type Channel,
  apiChannels,
  apiEvents
} from './channels'
import { flushAckSchema, type NewsroomEvents } from './events'

export {
  Channels,
  apiChannels,
  apiEvents,
  Events,
  ASSET_SCHEME,
  ASSET_RENDITIONS
} from './channels'
export type { Channel, AppEvent, AssetRendition } from './channels'
export type { FlushAck, FlushRequest, NewsroomEvents } from './events'

export { UI_LANGUAGES, settingsSchema, type Settings, type UiLanguage } from './settings'

export interface AppInfo {
  version: string
  libraryDir: string
  /** The OS locale as the main process sees it (e.g. `de-DE`). */
  systemLocale: string
}

/** Input schemas, validated in main before any handler runs. */
export const inputSchemas = {
  [Channels.appInfo]: z.undefined(),
  [Channels.appFlushed]: flushAckSchema,
  [Channels.settingsGet]: z.undefined(),
  [Channels.settingsSet]: settingsPatchSchema,
  [Channels.articlesList]: z
    .object({ status: z.enum(ARTICLE_STATUSES).optional(), query: z.string().max(500).optional() })
    .strict()
    .optional(),
  [Channels.articlesCreate]: articlePatchSchema.strict().optional(),
  [Channels.articlesGet]: z.object({ id: articleIdSchema }).strict(),
  [Channels.articlesSave]: z
    .object({
      id: articleIdSchema,
      baseRevision: z.number().int().nonnegative(),
      patch: articlePatchSchema.strict()
    })
    .strict(),
  ...libraryInputSchemas,
  [Channels.assetsImport]: assetImportInputSchema,
  [Channels.assetsList]: assetListFilterSchema.optional(),
  [Channels.assetsGet]: assetIdInputSchema,
  [Channels.assetsUpdate]: assetUpdateInputSchema,
  [Channels.assetsUndo]: assetUndoInputSchema,
  [Channels.assetsDelete]: assetIdInputSchema,
  [Channels.assetsUsage]: assetIdInputSchema,
  [Channels.assetsAttach]: z
    .object({
      articleId: articleIdSchema,
      assetIds: z.array(assetIdSchema).min(1).max(200),
      target: z.enum(['lead', 'gallery']),
      /** Gallery target only: the gallery of that name (made if needed); else the first one. */
      galleryName: z.string().max(200).optional()
    })
    .strict()
    .refine((i) => i.target === 'gallery' || (i.assetIds.length === 1 && !i.galleryName), {
      message: 'the lead image is one image, without a gallery name'
    }),
  [Channels.spellingCheck]: z
    .object({
      text: z.string().max(1_000_000),
      language: z.enum(ARTICLE_LANGUAGES),
      /** false: no suggestions (fast underlines while typing). */
      suggestions: z.boolean().optional()
    })
    .strict(),
  [Channels.spellingWords]: z.undefined(),
  [Channels.spellingAddWord]: z.object({ word: z.string().max(200) }).strict(),
  [Channels.spellingRemoveWord]: z.object({ word: z.string().max(200) }).strict(),
  [Channels.preflightRun]: preflightRunInputSchema,
  [Channels.exportStart]: exportStartInputSchema,
  [Channels.exportProgress]: exportJobInputSchema,
  [Channels.exportCancel]: exportJobInputSchema,
  [Channels.exportAssetOptions]: assetExportOptionsInputSchema,
  [Channels.exportSetAssetOptions]: setAssetExportOptionsInputSchema,
  [Channels.packagesImport]: packageImportInputSchema
} satisfies Record<Channel, z.ZodType>

export type InputOf<C extends Channel> = z.input<(typeof inputSchemas)[C]>
export type ParsedInputOf<C extends Channel> = z.output<(typeof inputSchemas)[C]>

export interface SaveAck {
  id: string
  revision: number
  updatedAt: string
}

/** A word the dictionary does not know: UTF-16 offsets into the checked text, ≤ 5 suggestions. */
export interface SpellingFinding {
  word: string
  start: number
  end: number
  suggestions: string[]
}

/** Result type per channel. */
export interface OutputMap extends LibraryOutputMap {
  [Channels.appInfo]: AppInfo
  /** `accepted` is false when no flush with that id is awaited (it timed out, or never was). */
  [Channels.appFlushed]: { accepted: boolean }
  [Channels.settingsGet]: Settings
  [Channels.settingsSet]: Settings
  [Channels.articlesList]: ArticleSummary[]
  [Channels.articlesCreate]: Article
  [Channels.articlesGet]: Article
  [Channels.articlesSave]: SaveAck
  [Channels.assetsImport]: ImportResult[]
  [Channels.assetsList]: AssetSummary[]
  [Channels.assetsGet]: AssetSummary
  [Channels.assetsUpdate]: AssetSummary
  [Channels.assetsUndo]: AssetSummary
  [Channels.assetsDelete]: { id: string }
  [Channels.assetsUsage]: AssetUse[]
  [Channels.assetsAttach]: SaveAck
  [Channels.spellingCheck]: SpellingFinding[]
  [Channels.spellingWords]: string[]
  [Channels.spellingAddWord]: string[]
  [Channels.spellingRemoveWord]: string[]
  [Channels.preflightRun]: Finding[]
  [Channels.exportStart]: ExportJobStatus
  [Channels.exportProgress]: ExportJobStatus
  [Channels.exportCancel]: ExportJobStatus
  [Channels.exportAssetOptions]: AssetExportOptions
  [Channels.exportSetAssetOptions]: AssetExportOptions
  [Channels.packagesImport]: PackageImportResult
}
export type OutputOf<C extends Channel> = OutputMap[C]

/** The bridge the renderer sees as `window.newsroom`: one verb per channel, nothing generic. */
export interface NewsroomApi extends LibraryApi, NewsroomEvents {
  appInfo(): Promise<Result<AppInfo>>
  /** Answers an `app:flush-requested` event once everything unsaved is on disk (or could not be). */
  reportFlushed(input: InputOf<typeof Channels.appFlushed>): Promise<Result<{ accepted: boolean }>>
  getSettings(): Promise<Result<Settings>>
  setSettings(input: InputOf<typeof Channels.settingsSet>): Promise<Result<Settings>>
  listArticles(input?: InputOf<typeof Channels.articlesList>): Promise<Result<ArticleSummary[]>>
  createArticle(input?: InputOf<typeof Channels.articlesCreate>): Promise<Result<Article>>
  getArticle(input: InputOf<typeof Channels.articlesGet>): Promise<Result<Article>>
  saveArticle(input: InputOf<typeof Channels.articlesSave>): Promise<Result<SaveAck>>
  /** Imports image files (bytes, or base64 over JSON transports); one result per file. */
  importAssets(input: InputOf<typeof Channels.assetsImport>): Promise<Result<ImportResult[]>>
  listAssets(input?: InputOf<typeof Channels.assetsList>): Promise<Result<AssetSummary[]>>
  getAsset(input: InputOf<typeof Channels.assetsGet>): Promise<Result<AssetSummary>>
  updateAsset(input: InputOf<typeof Channels.assetsUpdate>): Promise<Result<AssetSummary>>
  undoAssetEdit(input: InputOf<typeof Channels.assetsUndo>): Promise<Result<AssetSummary>>
  /** Refused (conflict) while any article uses the asset. */
  deleteAsset(input: InputOf<typeof Channels.assetsDelete>): Promise<Result<{ id: string }>>
  assetUsage(input: InputOf<typeof Channels.assetsUsage>): Promise<Result<AssetUse[]>>
  /** Sets an article's lead image or appends to one of its galleries, in the given order. */
  attachAssets(input: InputOf<typeof Channels.assetsAttach>): Promise<Result<SaveAck>>
  /** Unknown words of a text in an article language, with offsets and up to 5 suggestions. */
  checkSpelling(input: InputOf<typeof Channels.spellingCheck>): Promise<Result<SpellingFinding[]>>
  /** The newsroom word list (names, places), sorted. */
  spellingWords(): Promise<Result<string[]>>
  /** Adds a word to the newsroom word list (all languages); returns the list. */
  addSpellingWord(input: InputOf<typeof Channels.spellingAddWord>): Promise<Result<string[]>>
  removeSpellingWord(input: InputOf<typeof Channels.spellingRemoveWord>): Promise<Result<string[]>>
  /** The copy desk's checklist of a stored article, messages in `language` (default English). */
  runPreflight(input: InputOf<typeof Channels.preflightRun>): Promise<Result<Finding[]>>
  /**
   * Starts exporting a package; returns at once with a job id. The file goes where the app's
   * save dialog says, else to `<library>/exports/`. Poll `exportProgress`; a failed job with
   * error `forbidden` (detail.findings) needs `force`, one with `conflict` needs `overwrite`.
   */
  startExport(input: InputOf<typeof Channels.exportStart>): Promise<Result<ExportJobStatus>>
  exportProgress(input: InputOf<typeof Channels.exportProgress>): Promise<Result<ExportJobStatus>>
  /** Cancels a running export; resolves when its temporary file is gone. */
  cancelExport(input: InputOf<typeof Channels.exportCancel>): Promise<Result<ExportJobStatus>>
  /** Whether an asset's original is exported with its location and device data. */
  assetExportOptions(
    input: InputOf<typeof Channels.exportAssetOptions>
  ): Promise<Result<AssetExportOptions>>
  setAssetExportOptions(
    input: InputOf<typeof Channels.exportSetAssetOptions>
  ): Promise<Result<AssetExportOptions>>
  /** Imports a package (its bytes, never a path) as a new article. */
  importPackage(
    input: InputOf<typeof Channels.packagesImport>
  ): Promise<Result<PackageImportResult>>
  /** A URL the renderer may put in `<img src>` for an asset rendition (no paths, ids only). */
  assetUrl(assetId: string, rendition: AssetRendition): string
}

/** Compile-time check: every IPC verb of NewsroomApi has a channel and nothing else does. */
type IpcVerb = Exclude<keyof NewsroomApi, 'assetUrl' | keyof NewsroomEvents>
const verbCheck: Record<IpcVerb, Channel> = apiChannels
void verbCheck
type ExtraVerb = Exclude<keyof typeof apiChannels, IpcVerb>
const noExtraVerbs: [ExtraVerb] extends [never] ? true : false = true
void noExtraVerbs
const eventCheck: Record<keyof NewsroomEvents, AppEvent> = apiEvents
void eventCheck
type ExtraEvent = Exclude<keyof typeof apiEvents, keyof NewsroomEvents>
const noExtraEvents: [ExtraEvent] extends [never] ? true : false = true
void noExtraEvents
