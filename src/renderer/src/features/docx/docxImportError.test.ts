import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import type { DocxRefusal } from '../../../../shared/contract/docx'
import { resources } from '../../../../shared/i18n'
import { BridgeError } from '../../lib/bridgeError'
import { docxImportError } from './docxImportError'

async function translator(lng: 'de' | 'en'): Promise<typeof i18next.t> {
  const i18n = i18next.createInstance()
  await i18n.init({ lng, resources, interpolation: { escapeValue: false } })
  return i18n.t
}

const refusal = (reason: DocxRefusal): BridgeError =>
  new BridgeError({
    code: 'invalid-input',
    message: 'geheim.docx: is damaged: end of central directory record signature not found',
    detail: { reason }
  })

describe('docxImportError', () => {
  it('says every refusal in German and English, naming the file, never in mammoth’s words', async () => {
    const de = await translator('de')
    const en = await translator('en')
    const reasons: DocxRefusal[] = [
      'encrypted',
      'legacy-doc',
      'not-docx',
      'corrupt',
      'zip-bomb',
      'too-large'
    ]
    for (const reason of reasons) {
      for (const [t, language] of [
        [de, 'de'],
        [en, 'en']
      ] as const) {
        const text = docxImportError(refusal(reason), 'geheim.docx', t, language)
        expect(text).toMatch(/^geheim\.docx /)
        expect(text).not.toMatch(/central directory|docxImport\./)
      }
    }
    expect(docxImportError(refusal('encrypted'), 'geheim.docx', de, 'de')).toBe(
      'geheim.docx ist mit einem Kennwort geschützt. In Word öffnen, das Kennwort entfernen (Datei → Informationen → Dokument schützen), speichern und erneut importieren.'
    )
  })

  it('an error without a reason is said by its code, in German without the English message', async () => {
    const de = await translator('de')
    const error = new BridgeError({ code: 'io', message: 'EACCES: permission denied' })
    expect(docxImportError(error, 'a.docx', de, 'de')).toBe(
      `a.docx konnte nicht importiert werden: ${de('errors.code.io')}`
    )
  })
})
