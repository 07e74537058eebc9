import { mkdir } from 'node:fs/promises'
import { AssetStore } from './assets/assetStore'
import { ExportJobs } from './export/exportJobs'
import { ExportOptionsStore } from './assets/exportOptions'
import { ArticleLibrary, type LibraryAccess } from './library/articleLibrary'
import { PreflightService } from './preflight/preflightService'
import { SettingsStore } from './settingsStore'
import { sweepLeftovers, type LeftoverNote } from './packages/leftovers'
import { SpellChecker } from './spelling/spellChecker'

/** Everything the handler table, the CLI and the tests call: the product's core. */
export interface Services {
  libraryDir: string
  version: string
  systemLocale: string
  articles: ArticleLibrary
  assets: AssetStore
  settings: SettingsStore
  /** Offline spelling (Hunspell in a worker thread) and the newsroom word list. */
  spelling: SpellChecker
  /** The copy desk's checklist (shared rules + spelling + location-kept). */
  preflight: PreflightService
  /** Per-asset export switches (keep location and device data). */
  exportOptions: ExportOptionsStore
  /** Export packages as jobs (progress, cancel); set `exports.chooseFile` for a save dialog. */
  exports: ExportJobs
  /**
   * What killed exports and package imports had left (`.part` files, orphan images, unpacked
   * folders), removed when the library was opened for writing: to be reported to the user.
   */
  leftovers: LeftoverNote[]
  close(): Promise<void>
}

export interface OpenServicesOptions {
  libraryDir: string
  version: string
  systemLocale: string
  /**
   * `app` (default): take the library's lock for as long as the services are open; refused
   * (`locked`) while another live process holds it. `cli-write`: the same, for one command.
   * `cli-read`: no lock; reads work while the app runs, every change is refused.
   */
  access?: LibraryAccess
  /**
   * Saves closer together than this share one history version (default one minute). The
   * browser harness takes `--history-coalesce-ms` so specs can make versions without waiting.
   */
  historyCoalesceMs?: number
}

/** Opens the library folder and the services over it. */
export async function openServices(opts: OpenServicesOptions): Promise<Services> {
  await mkdir(opts.libraryDir, { recursive: true })
  // The library searches photo-desk captions: the asset store is made after the library (it
  // reads the articles), so the library reaches it through this binding once it exists.
  let assetStore: AssetStore | null = null
  let assetsMade: () => void = () => undefined
  const made = new Promise<void>((resolve) => (assetsMade = resolve))
  const articles = await ArticleLibrary.open(opts.libraryDir, {
    access: opts.access,
    ...(opts.historyCoalesceMs !== undefined ? { coalesceMs: opts.historyCoalesceMs } : {}),
    assetCaption: (id) => assetStore?.assetDefaults(id)?.caption,
    assetCaptionsReady: async () => {
      await made
      await assetStore?.ready()
    }
  })
  const assets = AssetStore.create(opts.libraryDir, {
    articles,
    onTextChanged: async (assetId) => {
      const uses = await assets.usage(assetId).catch(() => [])
      await articles.reindexSearch(uses.map((u) => u.articleId))
    }
  })
  assetStore = assets
  assetsMade()
  const settings = new SettingsStore(opts.libraryDir)
  await settings.load()
  const spelling = new SpellChecker({ libraryDir: opts.libraryDir })
  const exportOptions = new ExportOptionsStore(opts.libraryDir)
  const preflight = new PreflightService({
    libraryDir: opts.libraryDir,
    articles,
    settings,
    spelling,
    exportOptions
  })
  const exports = new ExportJobs({
    libraryDir: opts.libraryDir,
    version: opts.version,
    articles,
    settings,
    preflight,
    exportOptions,
    assets
  })
  // Read-only opens (the CLI beside the running app) must not change anything.
  const leftovers =
    opts.access === 'cli-read' ? [] : await sweepLeftovers({ libraryDir: opts.libraryDir, assets })
  return {
    libraryDir: opts.libraryDir,
    version: opts.version,
    systemLocale: opts.systemLocale,
    articles,
    assets,
    settings,
    spelling,
    preflight,
    exportOptions,
    exports,
    leftovers,
    close: async () => {
      await exports.close()
      await spelling.close()
      await assets.close()
      await articles.close()
    }
  }
}
