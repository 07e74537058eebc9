/* Channel names without any runtime dependency, so the sandboxed preload stays tiny. */

/** Every IPC channel, `domain:verb`. Nothing else is registered with ipcMain. */
export const Channels = {
  appInfo: 'app:info',
  appFlushed: 'app:flushed',
  settingsGet: 'settings:get',
  settingsSet: 'settings:set',
  articlesList: 'articles:list',
  articlesCreate: 'articles:create',
  articlesGet: 'articles:get',
  articlesSave: 'articles:save',
  articlesDelete: 'articles:delete',
  articlesDuplicate: 'articles:duplicate',
  articlesTrash: 'articles:trash',
  articlesRestore: 'articles:restore',
  articlesEmptyTrash: 'articles:emptyTrash',
  articlesHistory: 'articles:history',
  articlesDiff: 'articles:diff',
  articlesRestoreVersion: 'articles:restoreVersion',
  articlesSaveAsCopy: 'articles:saveAsCopy',
  articlesDiscardIfEmpty: 'articles:discardIfEmpty',
  libraryProblems: 'library:problems',
  assetsImport: 'assets:import',
  assetsList: 'assets:list',
  assetsGet: 'assets:get',
  assetsUpdate: 'assets:update',
  assetsUndo: 'assets:undo',
  assetsDelete: 'assets:delete',
  assetsUsage: 'assets:usage',
  assetsAttach: 'assets:attach',
  spellingCheck: 'spelling:check',
  spellingWords: 'spelling:words',
  spellingAddWord: 'spelling:addWord',
  spellingRemoveWord: 'spelling:removeWord',
  preflightRun: 'preflight:run',
  exportStart: 'export:start',
  exportProgress: 'export:progress',
  exportCancel: 'export:cancel',
  exportAssetOptions: 'export:assetOptions',
  exportSetAssetOptions: 'export:setAssetOptions',
  exportReinstate: 'export:reinstate',
  packagesImport: 'packages:import',
  docxConvert: 'docx:convert'
} as const
export type Channel = (typeof Channels)[keyof typeof Channels]

export const ASSET_RENDITIONS = ['original', 'thumb', 'preview'] as const
export type AssetRendition = (typeof ASSET_RENDITIONS)[number]

/** Which channel each IPC verb of NewsroomApi calls (assetUrl is local to the bridge). */
export const apiChannels = {
  appInfo: Channels.appInfo,
  reportFlushed: Channels.appFlushed,
  getSettings: Channels.settingsGet,
  setSettings: Channels.settingsSet,
  listArticles: Channels.articlesList,
  createArticle: Channels.articlesCreate,
  getArticle: Channels.articlesGet,
  saveArticle: Channels.articlesSave,
  deleteArticle: Channels.articlesDelete,
  duplicateArticle: Channels.articlesDuplicate,
  listTrash: Channels.articlesTrash,
  restoreFromTrash: Channels.articlesRestore,
  emptyTrash: Channels.articlesEmptyTrash,
  articleHistory: Channels.articlesHistory,
  diffArticleVersion: Channels.articlesDiff,
  restoreArticleVersion: Channels.articlesRestoreVersion,
  saveArticleAsCopy: Channels.articlesSaveAsCopy,
  discardIfEmpty: Channels.articlesDiscardIfEmpty,
  libraryProblems: Channels.libraryProblems,
  importAssets: Channels.assetsImport,
  listAssets: Channels.assetsList,
  getAsset: Channels.assetsGet,
  updateAsset: Channels.assetsUpdate,
  undoAssetEdit: Channels.assetsUndo,
  deleteAsset: Channels.assetsDelete,
  assetUsage: Channels.assetsUsage,
  attachAssets: Channels.assetsAttach,
  checkSpelling: Channels.spellingCheck,
  spellingWords: Channels.spellingWords,
  addSpellingWord: Channels.spellingAddWord,
  removeSpellingWord: Channels.spellingRemoveWord,
  runPreflight: Channels.preflightRun,
  startExport: Channels.exportStart,
  exportProgress: Channels.exportProgress,
  cancelExport: Channels.exportCancel,
  assetExportOptions: Channels.exportAssetOptions,
  setAssetExportOptions: Channels.exportSetAssetOptions,
  reinstateStory: Channels.exportReinstate,
  importPackage: Channels.packagesImport,
  convertDocx: Channels.docxConvert
} as const satisfies Record<string, Channel>

/** The URL scheme Electron registers for asset renditions. */
export const ASSET_SCHEME = 'copydesk-asset'

/**
 * Messages from main to the renderer, `domain:event`. Electron sends them with
 * `webContents.send`, the browser harness as server-sent events; the preload turns each into an
 * `on…(handler)` verb that returns its unsubscribe.
 */
export const Events = {
  /** Save everything unsaved now and answer with `app:flushed` (the window closes or the app quits). */
  flushRequested: 'app:flush-requested',
  /** File → Import Word document…: the file the user chose, to be made a new draft. */
  importDocx: 'app:import-docx'
} as const
export type AppEvent = (typeof Events)[keyof typeof Events]

/** Which event each `on…` verb of NewsroomApi subscribes to. */
export const apiEvents = {
  onFlushRequested: Events.flushRequested,
  onImportDocx: Events.importDocx
} as const satisfies Record<string, AppEvent>
