import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { IMPORT_REFUSAL_REASONS } from '../../../shared/asset'
import { de } from '../../../shared/i18n/de'
import { en } from '../../../shared/i18n/en'
import { importFailureMessage } from './importFailureMessage'

async function translator(lng: 'de' | 'en'): Promise<typeof i18next.t> {
  const i18n = i18next.createInstance()
  await i18n.init({
    lng,
    resources: { de: { translation: de }, en: { translation: en } },
    interpolation: { escapeValue: false }
  })
  return i18n.t
}

const PARAMS = {
  size: 300,
  limit: 256,
  width: 20000,
  height: 20000,
  megapixels: 400,
  format: 'PNG',
  sniffed: 'PNG',
  decoded: 'jpeg',
  looksLike: 'text'
}

// Words of the core's English sentences that must never reach the German interface.
const ENGLISH = /\b(the|is|not|could|cannot|was|refused|file|image|imported)\b/i

describe('importFailureMessage', () => {
  it('says every refusal reason in German, naming the file, with no English and no placeholder', async () => {
    const t = await translator('de')
    for (const reason of IMPORT_REFUSAL_REASONS) {
      const text = importFailureMessage(
        { file: 'urlaub-03.jpg', error: 'English core sentence', reason, params: PARAMS },
        t,
        'de'
      )
      expect(text, reason).toContain('„urlaub-03.jpg“')
      expect(text, reason).not.toMatch(ENGLISH)
      expect(text, reason).not.toContain('{{')
      expect(text, reason).not.toContain('errors.importReason')
    }
  })

  it('says every refusal reason in English, naming the file', async () => {
    const t = await translator('en')
    for (const reason of IMPORT_REFUSAL_REASONS) {
      const text = importFailureMessage(
        { file: 'x.png', error: 'core', reason, params: PARAMS },
        t,
        'en'
      )
      expect(text, reason).toContain('“x.png”')
      expect(text, reason).not.toContain('{{')
      expect(text, reason).not.toContain('errors.importReason')
    }
  })

  it('puts the figures into the sentence', async () => {
    const de = await translator('de')
    expect(
      importFailureMessage(
        { file: 'a.tif', error: '', reason: 'too-many-pixels', params: PARAMS },
        de,
        'de'
      )
    ).toContain('20000 × 20000 Pixel (400 Megapixel), mehr als die erlaubten 256 Megapixel')
  })

  it('says a failure without a known reason as not imported, naming the file, in German', async () => {
    const t = await translator('de')
    expect(importFailureMessage({ file: 'b.jpg', error: 'socket hang up' }, t, 'de')).toBe(
      '„b.jpg“ konnte nicht importiert werden.'
    )
  })

  it('keeps the core sentence in English where it names the file, as it says more', async () => {
    const t = await translator('en')
    const error = '“c.png” was refused: its colour profile (PNG iCCP chunk) would inflate'
    expect(importFailureMessage({ file: 'c.png', error, reason: 'bomb' }, t, 'en')).toBe(error)
  })
})
