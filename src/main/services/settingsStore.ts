import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { settingsSchema, type Settings } from '../../shared/ipc'
import { writeFileDurable } from './storage/durableWrite'

const DEFAULTS: Settings = { uiLanguage: null }

/** User settings kept in the library folder as `settings.json`. */
export class SettingsStore {
  private readonly file: string
  private current: Settings = { ...DEFAULTS }

  constructor(libraryDir: string) {
    this.file = join(libraryDir, 'settings.json')
  }

  /** Reads the file; a missing or unreadable one falls back to defaults without being touched. */
  async load(): Promise<Settings> {
    try {
      const parsed = settingsSchema
        .partial()
        .safeParse(JSON.parse(await readFile(this.file, 'utf8')))
      this.current = { ...DEFAULTS, ...(parsed.success ? parsed.data : {}) }
    } catch {
      this.current = { ...DEFAULTS }
    }
    return { ...this.current }
  }

  get(): Settings {
    return { ...this.current }
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...this.current, ...patch }
    await writeFileDurable(this.file, JSON.stringify(next, null, 2))
    this.current = next
    return { ...next }
  }
}
