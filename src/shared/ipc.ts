import { z } from 'zod'
import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  articleIdSchema,
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
import type { Result } from './result'
import { settingsPatchSchema, type Settings } from './settings'
import { Channels, type AssetRendition, type Channel, apiChannels } from './channels'

export { Channels, apiChannels, ASSET_SCHEME, ASSET_RENDITIONS } from './channels'
export type { Channel, AssetRendition } from './channels'

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
  [Channels.assetsImport]: assetImportInputSchema,
  [Channels.assetsList]: assetListFilterSchema.optional(),
  [Channels.assetsGet]: assetIdInputSchema,
  [Channels.assetsUpdate]: assetUpdateInputSchema,
  [Channels.assetsUndo]: assetUndoInputSchema,
  [Channels.assetsDelete]: assetIdInputSchema,
  [Channels.assetsUsage]: assetIdInputSchema,
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
  [Channels.spellingRemoveWord]: z.object({ word: z.string().max(200) }).strict()
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
export interface OutputMap {
  [Channels.appInfo]: AppInfo
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
  [Channels.spellingCheck]: SpellingFinding[]
  [Channels.spellingWords]: string[]
  [Channels.spellingAddWord]: string[]
  [Channels.spellingRemoveWord]: string[]
}
export type OutputOf<C extends Channel> = OutputMap[C]

/** The bridge the renderer sees as `window.newsroom`: one verb per channel, nothing generic. */
export interface NewsroomApi {
  appInfo(): Promise<Result<AppInfo>>
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
  /** Unknown words of a text in an article language, with offsets and up to 5 suggestions. */
  checkSpelling(input: InputOf<typeof Channels.spellingCheck>): Promise<Result<SpellingFinding[]>>
  /** The newsroom word list (names, places), sorted. */
  spellingWords(): Promise<Result<string[]>>
  /** Adds a word to the newsroom word list (all languages); returns the list. */
  addSpellingWord(input: InputOf<typeof Channels.spellingAddWord>): Promise<Result<string[]>>
  removeSpellingWord(input: InputOf<typeof Channels.spellingRemoveWord>): Promise<Result<string[]>>
  /** A URL the renderer may put in `<img src>` for an asset rendition (no paths, ids only). */
  assetUrl(assetId: string, rendition: AssetRendition): string
}

/** Compile-time check: every IPC verb of NewsroomApi has a channel and nothing else does. */
type IpcVerb = Exclude<keyof NewsroomApi, 'assetUrl'>
const verbCheck: Record<IpcVerb, Channel> = apiChannels
void verbCheck
type ExtraVerb = Exclude<keyof typeof apiChannels, IpcVerb>
const noExtraVerbs: [ExtraVerb] extends [never] ? true : false = true
void noExtraVerbs
