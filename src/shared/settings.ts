import { z } from 'zod'

export const UI_LANGUAGES = ['de', 'en'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

const limit = z.number().int().min(1).max(10_000)

/** User settings, stored in the library as `settings.json`. */
export const settingsSchema = z.object({
  /** null = follow the operating system's locale. */
  uiLanguage: z.enum(UI_LANGUAGES).nullable(),
  /** Length limits, shown as warnings (never hard stops). */
  limits: z.object({ headline: limit, teaser: limit, kicker: limit }),
  /** How a credit is rendered after a caption, per article language family; `{credit}` is replaced. */
  creditTemplates: z.object({
    de: z.string().min(1).max(200).includes('{credit}'),
    en: z.string().min(1).max(200).includes('{credit}')
  }),
  /** Typographic quotes and dashes while typing. */
  smartTypography: z.boolean(),
  /** Images narrower than this raise a preflight warning. */
  minImageWidth: z.number().int().min(1).max(100_000),
  /** Imports above this many pixels are refused before decoding (decompression bombs). */
  maxImagePixels: z.number().int().min(1_000_000).max(1_000_000_000),
  /** Prefix for rendition hrefs in exported ninjs; null = `urn:copydesk:package:...`. */
  packageBaseUrl: z.url({ protocol: /^https?$/ }).nullable()
})
export type Settings = z.infer<typeof settingsSchema>

export const DEFAULT_SETTINGS: Settings = {
  uiLanguage: null,
  limits: { headline: 64, teaser: 160, kicker: 40 },
  creditTemplates: { de: '(Quelle: {credit})', en: '(Photo: {credit})' },
  smartTypography: true,
  minImageWidth: 1200,
  maxImagePixels: 100_000_000,
  packageBaseUrl: null
}

/** A change of some settings; nested groups are replaced whole. */
export const settingsPatchSchema = settingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

/** Reads a stored settings object leniently: each valid key kept, the rest default. */
export function settingsFrom(stored: unknown): Settings {
  const result: Settings = structuredClone(DEFAULT_SETTINGS)
  if (typeof stored !== 'object' || stored === null) return result
  const shape = settingsSchema.shape
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    const parsed = shape[key].safeParse((stored as Record<string, unknown>)[key])
    if (parsed.success) (result as Record<string, unknown>)[key] = parsed.data
  }
  return result
}
