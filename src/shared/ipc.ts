import { z } from 'zod'
import {
  ARTICLE_STATUSES,
  articleIdSchema,
  articlePatchSchema,
  type Article,
  type ArticleSummary
} from './article'
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
    .strict()
} satisfies Record<Channel, z.ZodType>

export type InputOf<C extends Channel> = z.input<(typeof inputSchemas)[C]>
export type ParsedInputOf<C extends Channel> = z.output<(typeof inputSchemas)[C]>

export interface SaveAck {
  id: string
  revision: number
  updatedAt: string
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
