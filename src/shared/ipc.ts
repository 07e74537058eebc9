import type { z } from 'zod'
import {
  apiChannels,
  apiEvents,
  type AppEvent,
  type AssetRendition,
  type Channel
} from './channels'
import { appInputSchemas, type AppApi, type AppOutputMap } from './contract/app'
import { articlesInputSchemas, type ArticlesApi, type ArticlesOutputMap } from './contract/articles'
import { assetsInputSchemas, type AssetsApi, type AssetsOutputMap } from './contract/assets'
import { docxInputSchemas, type DocxApi, type DocxOutputMap } from './contract/docx'
import { exportsInputSchemas, type ExportsApi, type ExportsOutputMap } from './contract/exports'
import { libraryInputSchemas, type LibraryApi, type LibraryOutputMap } from './contract/library'
import { packagesInputSchemas, type PackagesApi, type PackagesOutputMap } from './contract/packages'
import {
  preflightInputSchemas,
  type PreflightApi,
  type PreflightOutputMap
} from './contract/preflight'
import { settingsInputSchemas, type SettingsApi, type SettingsOutputMap } from './contract/settings'
import { spellingInputSchemas, type SpellingApi, type SpellingOutputMap } from './contract/spelling'
import type { NewsroomEvents } from './events'

/*
 * The whole IPC contract, combined from one module per domain in ./contract. Each domain module
 * holds its channels' input schemas, result types and `window.newsroom` verbs; this file only
 * joins them and checks at compile time that they fit together.
 */

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
export type { AppInfo } from './contract/app'
export type { SaveAck } from './contract/articles'
export type { SpellingFinding } from './contract/spelling'

export { UI_LANGUAGES, settingsSchema, type Settings, type UiLanguage } from './settings'

/** Every domain's input schemas, one entry per domain (the contract test checks they are disjoint). */
export const domainInputSchemas = {
  app: appInputSchemas,
  settings: settingsInputSchemas,
  articles: articlesInputSchemas,
  library: libraryInputSchemas,
  assets: assetsInputSchemas,
  spelling: spellingInputSchemas,
  preflight: preflightInputSchemas,
  exports: exportsInputSchemas,
  packages: packagesInputSchemas,
  docx: docxInputSchemas
} as const

/** Input schemas, validated in main before any handler runs. */
export const inputSchemas = {
  ...appInputSchemas,
  ...settingsInputSchemas,
  ...articlesInputSchemas,
  ...libraryInputSchemas,
  ...assetsInputSchemas,
  ...spellingInputSchemas,
  ...preflightInputSchemas,
  ...exportsInputSchemas,
  ...packagesInputSchemas,
  ...docxInputSchemas
} satisfies Record<Channel, z.ZodType>

export type InputOf<C extends Channel> = z.input<(typeof inputSchemas)[C]>
export type ParsedInputOf<C extends Channel> = z.output<(typeof inputSchemas)[C]>

/** Result type per channel. */
export interface OutputMap
  extends
    AppOutputMap,
    SettingsOutputMap,
    ArticlesOutputMap,
    LibraryOutputMap,
    AssetsOutputMap,
    SpellingOutputMap,
    PreflightOutputMap,
    ExportsOutputMap,
    PackagesOutputMap,
    DocxOutputMap {}
export type OutputOf<C extends Channel> = OutputMap[C]

/** The bridge the renderer sees as `window.newsroom`: one verb per channel, nothing generic. */
export interface NewsroomApi
  extends
    AppApi,
    SettingsApi,
    ArticlesApi,
    LibraryApi,
    AssetsApi,
    SpellingApi,
    PreflightApi,
    ExportsApi,
    PackagesApi,
    DocxApi,
    NewsroomEvents {
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

/*
 * Compile-time check per domain: its schemas, its result types and the channels its verbs call
 * name the same channels. A verb declared in two domains, or a channel missing from one of the
 * three, fails here (that a channel sits in one domain only, the contract test checks).
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type VerbChannels<Api> = (typeof apiChannels)[Extract<keyof Api, keyof typeof apiChannels>]
type DomainFits<Schemas, Outputs, Api> =
  Same<keyof Schemas, keyof Outputs> extends true ? Same<keyof Schemas, VerbChannels<Api>> : false
const domainsFit: [
  DomainFits<typeof appInputSchemas, AppOutputMap, AppApi>,
  DomainFits<typeof settingsInputSchemas, SettingsOutputMap, SettingsApi>,
  DomainFits<typeof articlesInputSchemas, ArticlesOutputMap, ArticlesApi>,
  DomainFits<typeof libraryInputSchemas, LibraryOutputMap, LibraryApi>,
  DomainFits<typeof assetsInputSchemas, AssetsOutputMap, AssetsApi>,
  DomainFits<typeof spellingInputSchemas, SpellingOutputMap, SpellingApi>,
  DomainFits<typeof preflightInputSchemas, PreflightOutputMap, PreflightApi>,
  DomainFits<typeof exportsInputSchemas, ExportsOutputMap, ExportsApi>,
  DomainFits<typeof packagesInputSchemas, PackagesOutputMap, PackagesApi>,
  DomainFits<typeof docxInputSchemas, DocxOutputMap, DocxApi>
] = [true, true, true, true, true, true, true, true, true, true]
void domainsFit
