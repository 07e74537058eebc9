import { z } from 'zod'
import { Channels } from '../channels'
import { flushAckSchema } from '../events'
import type { Result } from '../result'
import type { InputIn } from './input'

export interface AppInfo {
  version: string
  libraryDir: string
  /** The OS locale as the main process sees it (e.g. `de-DE`). */
  systemLocale: string
}

export const appInputSchemas = {
  [Channels.appInfo]: z.undefined(),
  [Channels.appFlushed]: flushAckSchema
} as const

export interface AppOutputMap {
  [Channels.appInfo]: AppInfo
  /** `accepted` is false when no flush with that id is awaited (it timed out, or never was). */
  [Channels.appFlushed]: { accepted: boolean }
}

type In<C extends keyof typeof appInputSchemas> = InputIn<typeof appInputSchemas, C>

export interface AppApi {
  appInfo(): Promise<Result<AppInfo>>
  /** Answers an `app:flush-requested` event once everything unsaved is on disk (or could not be). */
  reportFlushed(input: In<typeof Channels.appFlushed>): Promise<Result<{ accepted: boolean }>>
}
