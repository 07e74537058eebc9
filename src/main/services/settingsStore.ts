import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  DEFAULT_SETTINGS,
  settingsFrom,
  type Settings,
  type SettingsPatch
} from '../../shared/settings'
import { writeFileDurable } from './storage/durableWrite'

/** User settings kept in the library folder as `settings.json`. */
export class SettingsStore {
  private readonly file: string
  private current: Settings = structuredClone(DEFAULT_SETTINGS)

  constructor(libraryDir: string) {
    this.file = join(libraryDir, 'settings.json')
  }

  /** Reads the file; a missing or unreadable one falls back to defaults without being touched. */
  async load(): Promise<Settings> {
    let stored: unknown
    try {
      stored = JSON.parse(await readFile(this.file, 'utf8'))
    } catch {
      stored = null
    }
    this.current = settingsFrom(stored)
    return this.get()
  }

  get(): Settings {
    return structuredClone(this.current)
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const next = { ...this.current, ...patch }
    await writeFileDurable(this.file, JSON.stringify(next, null, 2))
    this.current = next
    return this.get()
  }
}
