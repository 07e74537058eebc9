import { mkdir } from 'node:fs/promises'
import { ArticleLibrary } from './library/articleLibrary'
import { SettingsStore } from './settingsStore'

/** Everything the handler table, the CLI and the tests call: the product's core. */
export interface Services {
  libraryDir: string
  version: string
  systemLocale: string
  articles: ArticleLibrary
  settings: SettingsStore
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
  const settings = new SettingsStore(opts.libraryDir)
  await settings.load()
  return {
    libraryDir: opts.libraryDir,
    version: opts.version,
    systemLocale: opts.systemLocale,
    articles,
    settings,
    close: () => articles.close()
  }
}
