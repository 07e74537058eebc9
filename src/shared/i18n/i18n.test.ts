import { describe, expect, it } from 'vitest'
import { de } from './de'
import { en } from './en'
import { uiLanguageFor } from './index'

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
}

describe('UI strings', () => {
  it('German and English have exactly the same keys', () => {
    expect(keysOf(de).sort()).toEqual(keysOf(en).sort())
  })
  it('no string is empty and every placeholder is kept in translation', () => {
    const enKeys = keysOf(en)
    const get = (o: unknown, key: string): string =>
      key.split('.').reduce<unknown>((acc, k) => (acc as Record<string, unknown>)[k], o) as string
    for (const key of enKeys) {
      const a = get(en, key)
      const b = get(de, key)
      expect(a.trim(), key).not.toBe('')
      expect(b.trim(), key).not.toBe('')
      const vars = (s: string): string[] => (s.match(/\{\{\w+\}\}/g) ?? []).sort()
      expect(vars(b), key).toEqual(vars(a))
    }
  })
  it('picks German for German locales and English otherwise', () => {
    expect(uiLanguageFor('de-DE')).toBe('de')
    expect(uiLanguageFor('de-CH')).toBe('de')
    expect(uiLanguageFor('en-GB')).toBe('en')
    expect(uiLanguageFor('fr-FR')).toBe('en')
    expect(uiLanguageFor(undefined)).toBe('en')
  })
})
