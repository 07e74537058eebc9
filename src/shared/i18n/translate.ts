import type { UiLanguage } from '../settings'
import { resources } from './index'

const plurals = new Map<UiLanguage, Intl.PluralRules>()

/**
 * i18next-style lookup without i18next, for code outside React (preflight messages in the CLI
 * and main process): `group.key`, `{{name}}` placeholders, `_one`/`_other` by `count`.
 */
export function translate(
  language: UiLanguage,
  key: string,
  params: Record<string, string | number> = {}
): string {
  const table = resources[language].translation as unknown as Record<string, unknown>
  const [group, name] = key.split('.')
  const entries = (table[group] ?? {}) as Record<string, string>
  let text = entries[name]
  if (text === undefined && typeof params.count === 'number') {
    let rules = plurals.get(language)
    if (!rules) {
      rules = new Intl.PluralRules(language)
      plurals.set(language, rules)
    }
    text = entries[`${name}_${rules.select(params.count)}`] ?? entries[`${name}_other`]
  }
  if (text === undefined) return key
  return text.replace(/\{\{(\w+)\}\}/g, (m, p: string) => (p in params ? String(params[p]) : m))
}
