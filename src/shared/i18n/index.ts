import type { UiLanguage } from '../ipc'
import { de } from './de'
import { en } from './en'

export const resources = { en: { translation: en }, de: { translation: de } } as const

/** The UI language for an OS locale: German for any `de*`, English otherwise. */
export function uiLanguageFor(locale: string | null | undefined): UiLanguage {
  return locale?.toLowerCase().startsWith('de') ? 'de' : 'en'
}
