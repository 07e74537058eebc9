import { describe, expect, it } from 'vitest'
import { foldTerm, queryVariants, termsOf } from './textFold'

describe('text folding', () => {
  it('folds case, diacritics and ß', () => {
    expect(foldTerm('München')).toBe('munchen')
    expect(foldTerm('STRASSE')).toBe('strasse')
    expect(foldTerm('Straße')).toBe('strasse')
    expect(foldTerm('Café')).toBe('cafe')
    expect(foldTerm('Ærø')).toBe('aero')
    // Decomposed input (u + combining diaeresis) folds like the composed letter.
    expect(foldTerm('Mu\u0308nchen')).toBe('munchen')
  })

  it('splits text into folded terms and drops one-letter words', () => {
    expect(termsOf('Müller-Lüdenscheidt traf „Straße 12“ a.')).toEqual([
      'muller',
      'ludenscheidt',
      'traf',
      'strasse',
      '12'
    ])
    expect(termsOf('Muenchen')).toEqual(['muenchen', 'munchen'])
  })

  it('gives a query word its umlaut spellings', () => {
    expect(queryVariants('München').sort()).toEqual(['muenchen', 'munchen'])
    expect(queryVariants('muenchen').sort()).toEqual(['muenchen', 'munchen'])
    expect(queryVariants('munchen')).toEqual(['munchen'])
    expect(queryVariants('Straße')).toEqual(['strasse'])
  })
})
