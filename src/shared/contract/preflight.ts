import { z } from 'zod'
import { articleIdSchema } from '../article'
import { Channels } from '../channels'
import type { Finding } from '../preflight/finding'
import type { Result } from '../result'
import { UI_LANGUAGES } from '../settings'
import type { InputIn } from './input'

export const preflightRunInputSchema = z
  .object({ id: articleIdSchema, language: z.enum(UI_LANGUAGES).optional() })
  .strict()

export const preflightInputSchemas = {
  [Channels.preflightRun]: preflightRunInputSchema
} as const

export interface PreflightOutputMap {
  [Channels.preflightRun]: Finding[]
}

type In<C extends keyof typeof preflightInputSchemas> = InputIn<typeof preflightInputSchemas, C>

export interface PreflightApi {
  /** The copy desk's checklist of a stored article, messages in `language` (default English). */
  runPreflight(input: In<typeof Channels.preflightRun>): Promise<Result<Finding[]>>
}
