import { describe, expect, it } from 'vitest'
import { fixTypography } from './typography'
import { applyTextEdits, typographyAtCaret, typographyEdits } from './typographyText'

describe('fixTypography', () => {
  it.each([
    [
      'de',
      `Er sagte: "Wir haben's geschafft" und 'gut'.`,
      'Er sagte: „Wir haben’s geschafft“ und ‚gut‘.'
    ],
    ['de-AT', `"Servus"`, '„Servus“'],
    ['de-CH', `Er sagte: "Wir haben's" und 'gut'.`, 'Er sagte: «Wir haben’s» und ‹gut›.'],
    ['en-GB', `She said "it's 'fine'" today.`, 'She said “it’s ‘fine’” today.'],
    ['en-US', `"Yes"`, '“Yes”']
  ])('%s: %s', (lang, input, expected) => {
    expect(fixTypography(input, lang)).toBe(expected)
  })

  it('makes apostrophes of quotes between letters, also inside a single quotation', () => {
    expect(fixTypography("Kim's Rede, so geht's", 'de')).toBe('Kim’s Rede, so geht’s')
    expect(fixTypography("'Kim's Bar' hat zu", 'de')).toBe('‚Kim’s Bar‘ hat zu')
    expect(fixTypography("Kim's speech, don't", 'en-GB')).toBe('Kim’s speech, don’t')
    expect(fixTypography("rock'n'roll in the '90s", 'en-US')).toBe('rock’n’roll in the ’90s')
    expect(fixTypography("Hans' Auto", 'de')).toBe('Hans’ Auto')
  })

  it('opens a quote at the very start and after brackets and dashes', () => {
    expect(fixTypography('"Gipfel" in Wladiwostok', 'de')).toBe('„Gipfel“ in Wladiwostok')
    expect(fixTypography(`'Gipfel'`, 'en-GB')).toBe('‘Gipfel’')
    expect(fixTypography('("Klammer") – "Strich"', 'de')).toBe('(„Klammer“) – „Strich“')
    expect(fixTypography('"Gipfel"', 'de-CH')).toBe('«Gipfel»')
  })

  it('nests single quotes inside double quotes', () => {
    expect(fixTypography(`"Er rief 'Halt' und ging"`, 'de')).toBe('„Er rief ‚Halt‘ und ging“')
    expect(fixTypography(`"Er rief 'Halt'"`, 'de')).toBe('„Er rief ‚Halt‘“')
    expect(fixTypography(`"'Halt', rief er"`, 'de-CH')).toBe('«‹Halt›, rief er»')
    expect(fixTypography(`"He said 'stop'"`, 'en-US')).toBe('“He said ‘stop’”')
  })

  it('closes after punctuation and ellipses', () => {
    expect(fixTypography('"Ja!", sagte sie. "Und dann..."', 'de')).toBe(
      '„Ja!“, sagte sie. „Und dann…“'
    )
  })

  it('turns a spaced hyphen between words into an en dash', () => {
    expect(fixTypography('Berlin - Die Koalition', 'de')).toBe('Berlin – Die Koalition')
    expect(fixTypography('Berlin -- Die Koalition', 'en-GB')).toBe('Berlin – Die Koalition')
  })

  it('leaves hyphens in words, number ranges, dates and a leading hyphen alone', () => {
    for (const text of [
      'E-Mail',
      '10-12 Uhr',
      'Seiten 3-5',
      '2024-05-02',
      '+49 30-1234',
      '- Punkt'
    ]) {
      expect(fixTypography(text, 'de')).toBe(text)
    }
    expect(fixTypography('Ende -', 'de')).toBe('Ende -')
    // As typing it would: the space after the hyphen makes the dash, whatever follows.
    expect(fixTypography('Ende - ', 'de')).toBe('Ende – ')
  })

  it('turns exactly three dots into an ellipsis', () => {
    expect(fixTypography('Und dann...', 'de')).toBe('Und dann…')
    expect(fixTypography('Warte... und dann', 'en-GB')).toBe('Warte… und dann')
    expect(fixTypography('Vier.... oder zwei..', 'de')).toBe('Vier.... oder zwei..')
  })

  it('leaves web addresses untouched', () => {
    const text = "Mehr unter https://example.org/a-b/...?q='x'&y=1 - und www.kim's.de/x... sonst"
    expect(fixTypography(text, 'de')).toBe(
      "Mehr unter https://example.org/a-b/...?q='x'&y=1 – und www.kim's.de/x… sonst"
    )
    expect(fixTypography('"https://example.org/a"', 'de')).toBe('„https://example.org/a“')
    expect(fixTypography("'https://example.org/a'", 'de')).toBe('‚https://example.org/a‘')
  })

  it('changes nothing in text already in house style, and is idempotent', () => {
    const samples = [
      `Er sagte: "Wir haben's geschafft" - und 'gut'...`,
      `"'Halt', rief er" - 10-12 Uhr`,
      "She said \"it's 'fine'\" today - really..."
    ]
    for (const lang of ['de', 'de-CH', 'en-GB']) {
      for (const sample of samples) {
        const once = fixTypography(sample, lang)
        expect(once).not.toBe(sample)
        expect(fixTypography(once, lang)).toBe(once)
        expect(typographyEdits(once, lang)).toEqual([])
      }
    }
    expect(fixTypography('', 'de')).toBe('')
    expect(fixTypography('„Schon gut“ – ja…', 'de')).toBe('„Schon gut“ – ja…')
  })

  it('reports each edit with its range in the original text', () => {
    const text = '"A" - B...'
    const edits = typographyEdits(text, 'de')
    expect(edits).toEqual([
      { from: 0, to: 1, insert: '„' },
      { from: 2, to: 3, insert: '“' },
      { from: 4, to: 5, insert: '–' },
      { from: 7, to: 10, insert: '…' }
    ])
    expect(applyTextEdits(text, edits)).toBe('„A“ – B…')
  })
})

/** Types the text one character at a time, applying `typographyAtCaret` after each. */
function typeInto(text: string, lang: string): string {
  let value = ''
  for (const ch of text) {
    value += ch
    const edit = typographyAtCaret(value, value.length, lang)
    if (edit) value = applyTextEdits(value, [edit])
  }
  return value
}

describe('typographyAtCaret', () => {
  it.each([
    ['de', `"Gipfel" in 'Wladiwostok' - geht's...`, '„Gipfel“ in ‚Wladiwostok‘ – geht’s…'],
    ['de-CH', `"Gipfel" und 'so'`, '«Gipfel» und ‹so›'],
    ['en-US', `"Summit" - Kim's 'view'...`, '“Summit” – Kim’s ‘view’…'],
    ['de', 'E-Mail, 10-12 Uhr, - ', 'E-Mail, 10-12 Uhr, – ']
  ])('typing in %s: %s', (lang, input, expected) => {
    expect(typeInto(input, lang)).toBe(expected)
  })

  it('gives the same text as fixTypography for typed prose', () => {
    const prose = `Er sagte: "Wir haben's 'fast' geschafft" - sagt Kim... "Ja!"`
    for (const lang of ['de', 'de-CH', 'en-GB']) {
      expect(typeInto(prose, lang)).toBe(fixTypography(prose, lang))
    }
  })

  it('works mid-text at the caret and uses what follows', () => {
    // The caret sits after the quote typed between "Kim" and "s".
    expect(typographyAtCaret("Kim's", 4, 'de')).toEqual({ from: 3, to: 4, insert: '’' })
    expect(typographyAtCaret('Ein "Test', 5, 'de')).toEqual({ from: 4, to: 5, insert: '„' })
    // The dash takes the space typed after it along, so the caret stays behind the space.
    expect(typographyAtCaret('Berlin - Mitte', 9, 'de')).toEqual({ from: 7, to: 9, insert: '– ' })
  })

  it('changes nothing in an address being typed, nor a fourth dot', () => {
    expect(typeInto("https://example.org/it's...", 'de')).toBe("https://example.org/it's...")
    expect(typographyAtCaret('a....', 5, 'de')).toBeNull()
    expect(typographyAtCaret('', 0, 'de')).toBeNull()
  })
})
