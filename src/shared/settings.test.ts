import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, settingsFrom, settingsPatchSchema } from './settings'

describe('settings', () => {
  it('keeps valid stored values and defaults the rest', () => {
    const s = settingsFrom({ uiLanguage: 'de', limits: { headline: 'x' }, unknown: 1 })
    expect(s.uiLanguage).toBe('de')
    expect(s.limits).toEqual(DEFAULT_SETTINGS.limits)
    expect(s).not.toHaveProperty('unknown')
  })
  it('falls back to defaults for garbage', () => {
    expect(settingsFrom('nonsense')).toEqual(DEFAULT_SETTINGS)
    expect(settingsFrom(null)).toEqual(DEFAULT_SETTINGS)
  })
  it('refuses a credit template without {credit} and a non-http base URL', () => {
    expect(
      settingsPatchSchema.safeParse({ creditTemplates: { de: 'Foto', en: '(Photo: {credit})' } })
        .success
    ).toBe(false)
    expect(settingsPatchSchema.safeParse({ packageBaseUrl: 'file:///etc/' }).success).toBe(false)
    expect(
      settingsPatchSchema.safeParse({ packageBaseUrl: 'https://cms.example.org/images/' }).success
    ).toBe(true)
  })
})
