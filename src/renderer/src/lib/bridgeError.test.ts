import i18next, { type TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { resources } from '../../../shared/i18n'
import { BridgeError, userMessage } from './bridgeError'

async function translator(lng: 'de' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance()
  await i18n.init({ lng, resources, interpolation: { escapeValue: false } })
  return i18n.t
}

describe('userMessage', () => {
  it('never shows the core English message in the German interface', async () => {
    const t = await translator('de')
    const notFound = new BridgeError({ code: 'not-found', message: 'No article with id abc' })
    const text = userMessage(notFound, t, 'de')
    expect(text).not.toContain('No article')
    expect(text).toMatch(/gelöscht oder verschoben/)
    const bad = new BridgeError({ code: 'invalid-input', message: 'tags: too many' })
    expect(userMessage(bad, t, 'de')).not.toContain('too many')
  })
  it('says every code in both languages, and unknown failures as unexpected', async () => {
    for (const language of ['de', 'en'] as const) {
      const t = await translator(language)
      for (const code of [
        'invalid-input',
        'not-found',
        'conflict',
        'locked',
        'corrupt',
        'io',
        'forbidden',
        'internal'
      ] as const) {
        const text = userMessage(new BridgeError({ code, message: 'x' }), t, language)
        expect(text, `${language} ${code}`).not.toMatch(/^errors\./)
        expect(text.length).toBeGreaterThan(10)
      }
      expect(userMessage(new TypeError('fetch failed'), t, language)).not.toContain('fetch')
    }
  })
  it('keeps the core words of a refused input in the English interface', async () => {
    const t = await translator('en')
    const bad = new BridgeError({ code: 'invalid-input', message: 'tags: at most 100' })
    expect(userMessage(bad, t, 'en')).toContain('tags: at most 100')
  })
})
