import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { resources } from '../../../../shared/i18n'
import { BridgeError } from '../../lib/bridgeError'
import { packageImportError } from './packageImportError'

async function translator(lng: 'de' | 'en'): Promise<typeof i18next.t> {
  const i18n = i18next.createInstance()
  await i18n.init({ lng, resources, interpolation: { escapeValue: false } })
  return i18n.t
}

const refusal = (detail: Record<string, unknown>): BridgeError =>
  new BridgeError({ code: 'corrupt', message: 'Package “x.zip” refused: …', detail })

describe('packageImportError', () => {
  it('says why a package was refused in German and English, naming the entry', async () => {
    const de = await translator('de')
    const en = await translator('en')
    const device = refusal({ reason: 'device-name', entry: 'images/com1.jpg' })
    expect(packageImportError(device, 'paket.zip', de)).toBe(
      'paket.zip wurde nicht importiert: „images/com1.jpg“ ist unter Windows ein reservierter Gerätename (CON, PRN, AUX, NUL, COM1–9, LPT1–9) und wird auf jedem Rechner abgelehnt. Es wurde nichts verändert.'
    )
    expect(packageImportError(device, 'paket.zip', en)).toMatch(
      /^paket\.zip was not imported: “images\/com1\.jpg” is a reserved device name on Windows/
    )
    const bomb = refusal({ reason: 'zip-bomb', entry: 'images/0001.jpg' })
    expect(packageImportError(bomb, 'paket.zip', de)).toContain('ZIP-Bombe), bei „images/0001.jpg“')
    const version = refusal({
      reason: 'version',
      field: 'article.schemaVersion',
      value: '"1"',
      supported: 1
    })
    expect(packageImportError(version, 'paket.zip', en)).toBe(
      'paket.zip was not imported: in article.copydesk.json, article.schemaVersion is "1", not a version Copydesk knows (expected 1). Nothing was changed.'
    )
  })

  it('says a refusal without a reason in the interface language, never the core’s words', async () => {
    const de = await translator('de')
    const en = await translator('en')
    const unzip = new BridgeError({
      code: 'corrupt',
      message: 'Package “bericht.pdf” refused: end of central directory record signature not found'
    })
    expect(packageImportError(unzip, 'bericht.pdf', de)).toBe(
      'bericht.pdf konnte nicht importiert werden: Die Datei ist kein gültiges Copydesk-Paket oder sie ist beschädigt. Es wurde nichts verändert.'
    )
    expect(packageImportError(unzip, 'bericht.pdf', en)).not.toContain('central directory')
    const disk = new BridgeError({ code: 'io', message: 'ENOSPC: no space left on device' })
    expect(packageImportError(disk, 'paket.zip', de)).toBe(
      'paket.zip konnte nicht importiert werden: Die Festplatte hat den Zugriff verweigert (voll, schreibgeschützt oder nicht erreichbar).'
    )
    expect(packageImportError(new Error('disk full'), 'paket.zip', en)).toBe(
      'Could not import paket.zip: Something unexpected went wrong.'
    )
  })
})
