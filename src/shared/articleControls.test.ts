import { describe, expect, it } from 'vitest'
import {
  articleSchema,
  controlCharacterProblem,
  defaultArticleFields,
  oneLineText
} from './article'
import { articlePatchProblem } from './editor/articleCheck'

describe('control characters in one-line article fields', () => {
  it.each([
    [{ headline: 'Koalition\u001b]0;pwned\u0007' }, 'headline', 'U+001B at character 10'],
    [{ kicker: 'Eil\u009b' }, 'kicker', 'U+009B at character 4'],
    [{ bylines: ['Anna Beispiel', 'Bob\tKurz'] }, 'bylines.1', 'U+0009 at character 4'],
    [{ dateline: { place: 'Berlin', source: 'dpa\r\n' } }, 'dateline.source', 'U+000D'],
    [{ slugline: 'haushalt\u0000' }, 'slugline', 'U+0000'],
    [{ tags: ['ok', 'x\u007f'] }, 'tags.1', 'U+007F']
  ])('refuses %j at %s', (patch, field, what) => {
    const problem = articlePatchProblem(patch)
    expect(problem?.field).toBe(field)
    expect(problem?.message).toContain(`contains the control character ${what}`)
  })

  it('takes ordinary text, line breaks in the teaser, and null', () => {
    expect(
      articlePatchProblem({
        headline: 'Straße „Zitat“ – 5 € 😀',
        kicker: null,
        teaser: 'Erste Zeile\nZweite\tZeile',
        dateline: { place: 'Zürich', source: null }
      })
    ).toBeNull()
    expect(controlCharacterProblem('ok')).toBeNull()
  })

  it('still reads a stored article that has them (written before the rule)', () => {
    const stored = {
      ...defaultArticleFields(),
      headline: 'Alt\u001b[2J',
      schemaVersion: 1,
      id: '0b6f3c1e-1c9b-4c55-9d1e-2f9a3f1c0a11',
      revision: 1,
      createdAt: '2024-05-02T10:00:00+02:00',
      updatedAt: '2024-05-02T10:00:00+02:00'
    }
    expect(articleSchema.safeParse(stored).success).toBe(true)
  })
})

describe('oneLineText: what a one-line input keeps of a paste', () => {
  it('turns line breaks and tabs into one space and drops other control characters', () => {
    expect(oneLineText('Gipfel in\r\nWladiwostok')).toBe('Gipfel in Wladiwostok')
    expect(oneLineText('Kim\tJong Un')).toBe('Kim Jong Un')
    expect(oneLineText('Putin \n trifft Kim')).toBe('Putin  trifft Kim')
    expect(oneLineText('\u001b]0;pwned\u0007Schlagzeile\u009b')).toBe(']0;pwnedSchlagzeile')
    expect(oneLineText('\nHeadline\n')).toBe('Headline')
    expect(oneLineText('Straße – „Zitat“')).toBe('Straße – „Zitat“')
  })

  it('leaves nothing the one-line schema refuses', () => {
    const nasty = 'a\u0000b\u0008c\td\ne\u007ff\u0085g\u2028h'
    expect(controlCharacterProblem(oneLineText(nasty))).toBeNull()
  })
})
