import { mkdir } from 'node:fs/promises'
import { AssetStore } from './assets/assetStore'
import { ArticleLibrary } from './library/articleLibrary'
import { SettingsStore } from './settingsStore'
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
  close(): Promise<void>
}

export interface OpenServicesOptions {
  libraryDir: string
  version: string
  systemLocale: string
}

/** Opens the library folder and the services over it. */
export async function openServices(opts: OpenServicesOptions): Promise<Services> {
  await mkdir(opts.libraryDir, { recursive: true })
  const articles = await ArticleLibrary.open(opts.libraryDir)
  const assets = AssetStore.create(opts.libraryDir, { articles })
  const settings = new SettingsStore(opts.libraryDir)
  await settings.load()
  const spelling = new SpellChecker({ libraryDir: opts.libraryDir })
  return {
    libraryDir: opts.libraryDir,
    version: opts.version,
    systemLocale: opts.systemLocale,
    articles,
    assets,
    settings,
    spelling,
    close: async () => {
      await spelling.close()
      await assets.close()
      await articles.close()
    }
  }
}
