import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { de } from '../../../shared/i18n/de'
import { en } from '../../../shared/i18n/en'
import { importWarningText } from './importWarningText'

async function translator(lng: 'de' | 'en'): Promise<typeof i18next.t> {
  const i18n = i18next.createInstance()
  await i18n.init({
    lng,
    resources: { de: { translation: de }, en: { translation: en } },
    interpolation: { escapeValue: false }
  })
  return i18n.t
}

// The warnings as the import writes them (the core's own test checks they read back by kind).
const warnings = [
  `the caption had 25,200 characters, more than the 20,000 a photo's text may have: it was cut after “…Der Kanzler spricht.”, leaving out the last 5,221 characters (from “Der Kanzler spricht.…”)`,
  `the usage terms had 25,000 characters, more than the 20,000 a photo's text may have: it was cut after “…xxxx”, leaving out the last 5,001 characters (from “xxxx…”)`,
  `the compressed PNG iTXt chunk “XML:com.adobe.xmp” (the XMP metadata) was left out unread: it would inflate to more than 8 MB (the stored original still holds it)`,
  `the compressed PNG zTXt chunk “Comment” was left out unread: with the chunks before it, the file's compressed metadata would inflate to more than 32 MB (the stored original still holds it)`,
  '4 more compressed PNG text chunks were left out unread the same way',
  "the photo's embedded metadata (EXIF/IPTC/XMP) is damaged and was skipped where unreadable: Invalid EXIF offset"
]

// Words of the core's English sentences that must never reach the German interface.
const ENGLISH = /\b(the|was|had|left out|chunk|characters|damaged|skipped|more than)\b/i

describe('importWarningText', () => {
  it('says every kind of import warning in German, with its figures, never the English sentence', async () => {
    const t = await translator('de')
    const texts = warnings.map((w) => importWarningText(w, t, 'de'))
    for (const text of texts) {
      expect(text).not.toMatch(ENGLISH)
      expect(text).not.toMatch(/{{|}}/)
    }
    expect(texts[0]).toMatch(/^Bildtext: 25\.200 Zeichen, mehr als die 20\.000/)
    expect(texts[0]).toContain('die letzten 5.221 Zeichen')
    expect(texts[1]).toMatch(/^Nutzungsbedingungen: 25\.000 Zeichen/)
    expect(texts[2]).toBe(
      'der komprimierte PNG-Block iTXt „XML:com.adobe.xmp“ (die XMP-Metadaten) wurde ungelesen weggelassen: entpackt wäre er größer als 8 MB (das gespeicherte Original enthält ihn noch)'
    )
    expect(texts[3]).toContain('zusammen mit den Blöcken davor')
    expect(texts[4]).toBe('4 weitere komprimierte PNG-Textblöcke wurden ebenso weggelassen')
    expect(texts.at(-1)).toBe(
      'die eingebetteten Metadaten (EXIF/IPTC/XMP) sind beschädigt und wurden, wo unlesbar, übersprungen'
    )
    expect(importWarningText('something new the core says', t, 'de')).toBe(
      'beim Lesen der Metadaten dieses Fotos wurde etwas übersprungen'
    )
  })

  it('keeps the core’s own sentence in English, which says the same with more detail', async () => {
    const t = await translator('en')
    for (const w of warnings) expect(importWarningText(w, t, 'en-GB')).toBe(w)
  })
})
