import { describe, expect, it } from 'vitest'
import { foldTerm, foldText, matchesFolded, queryVariants, termsOf } from './textFold'

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

describe('substring search over folded text', () => {
  it('finds every spelling of a word in every other', () => {
    const written = foldText('Rathaus München, Königstraße')
    const digraphs = foldText('Rathaus Muenchen')
    for (const query of ['muenchen', 'munchen', 'München', 'MÜNCHEN']) {
      expect(matchesFolded(written, query)).toBe(true)
      expect(matchesFolded(digraphs, query)).toBe(true)
    }
    expect(matchesFolded(written, 'konigstrasse rathaus')).toBe(true)
    expect(matchesFolded(written, 'rathaus berlin')).toBe(false)
    expect(matchesFolded(foldText('c.jpg'), 'c.jpg')).toBe(true)
    expect(matchesFolded(foldText('cajpg'), 'c.jpg')).toBe(false)
  })
})
