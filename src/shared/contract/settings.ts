import { z } from 'zod'
import { Channels } from '../channels'
import type { Result } from '../result'
import { settingsPatchSchema, type Settings } from '../settings'
import type { InputIn } from './input'

export const settingsInputSchemas = {
  [Channels.settingsGet]: z.undefined(),
  [Channels.settingsSet]: settingsPatchSchema
} as const

export interface SettingsOutputMap {
  [Channels.settingsGet]: Settings
  [Channels.settingsSet]: Settings
}

type In<C extends keyof typeof settingsInputSchemas> = InputIn<typeof settingsInputSchemas, C>

export interface SettingsApi {
  getSettings(): Promise<Result<Settings>>
  setSettings(input: In<typeof Channels.settingsSet>): Promise<Result<Settings>>
}
