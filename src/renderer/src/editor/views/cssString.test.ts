import { describe, expect, it } from 'vitest'
import { cssString } from './cssString'

describe('cssString', () => {
  it('quotes text for content: var(), escaping quotes and backslashes and flattening lines', () => {
    expect(cssString('Köln: Der Dom')).toBe('"Köln: Der Dom"')
    expect(cssString('Er sagte "nein" \\ ja')).toBe('"Er sagte \\"nein\\" \\\\ ja"')
    expect(cssString('Zeile 1\r\nZeile 2')).toBe('"Zeile 1 Zeile 2"')
  })
})
