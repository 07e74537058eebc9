import { describe, expect, it } from 'vitest'
import {
  captionWithCredit,
  defaultCreditTemplate,
  formatByline,
  formatCredit,
  formatDateLine,
  galleryLabel
} from './articleFormat'

// 2 May 2024, 00:30 in Berlin: still 1 May in UTC, so the time zone decides the day.
const LATE = '2024-05-01T22:30:00Z'

describe('formatDateLine', () => {
  it.each([
    ['de', 'Donnerstag, 2. Mai 2024'],
    ['de-AT', 'Donnerstag, 2. Mai 2024'],
    ['de-CH', 'Donnerstag, 2. Mai 2024'],
    ['en-GB', 'Thursday 2 May 2024'],
    ['en-US', 'Thursday, May 2, 2024']
  ] as const)('%s: %s', (language, expected) => {
    expect(formatDateLine('2024-05-02T14:30:00+02:00', 'Europe/Berlin', language)).toBe(expected)
  })

  it('takes the calendar day in the article’s time zone', () => {
    expect(formatDateLine(LATE, 'Europe/Berlin', 'de')).toBe('Donnerstag, 2. Mai 2024')
    expect(formatDateLine(LATE, 'America/New_York', 'en-US')).toBe('Wednesday, May 1, 2024')
  })

  it('uses Austrian month names for de-AT', () => {
    expect(formatDateLine('2024-01-15T10:00:00Z', 'Europe/Vienna', 'de-AT')).toBe(
      'Montag, 15. Jänner 2024'
    )
    expect(formatDateLine('2024-01-15T10:00:00Z', 'Europe/Berlin', 'de')).toBe(
      'Montag, 15. Januar 2024'
    )
  })

  it('returns null for a broken timestamp or time zone', () => {
    expect(formatDateLine('gestern', 'Europe/Berlin', 'de')).toBeNull()
    expect(formatDateLine(LATE, 'Mars/Olympus', 'de')).toBeNull()
  })
})

describe('formatByline', () => {
  it.each([
    [['Anna Beispiel'], 'de', 'Von Anna Beispiel'],
    [['A', 'B'], 'de', 'Von A und B'],
    [['A', 'B', 'C'], 'de', 'Von A, B und C'],
    [['A', 'B', 'C'], 'de-CH', 'Von A, B und C'],
    [['A', 'B', 'C'], 'en-GB', 'By A, B and C'],
    [['A', 'B', 'C'], 'en-US', 'By A, B and C'],
    [['A', 'B'], 'en-US', 'By A and B']
  ] as const)('%j in %s: %s', (names, language, expected) => {
    expect(formatByline(names, language)).toBe(expected)
  })

  it('leaves out blank names and returns null for none', () => {
    expect(formatByline(['  ', ' Anna '], 'de')).toBe('Von Anna')
    expect(formatByline([], 'de')).toBeNull()
    expect(formatByline([''], 'en-GB')).toBeNull()
  })
})

describe('galleryLabel', () => {
  it.each([
    [1, 'de', 'Foto-Serie mit 1 Bild'],
    [10, 'de', 'Foto-Serie mit 10 Bildern'],
    [2, 'de-AT', 'Foto-Serie mit 2 Bildern'],
    [1, 'en-GB', 'Gallery: 1 photo'],
    [10, 'en-US', 'Gallery: 10 photos'],
    [0, 'en-US', 'Gallery: 0 photos']
  ] as const)('%i in %s: %s', (count, language, expected) => {
    expect(galleryLabel(count, language)).toBe(expected)
  })
})

describe('credits', () => {
  it('has the house defaults per language', () => {
    expect(defaultCreditTemplate('de-CH')).toBe('(Quelle: {credit})')
    expect(defaultCreditTemplate('en-US')).toBe('(Photo: {credit})')
  })

  it('fills the template', () => {
    expect(formatCredit('(Quelle: {credit})', { credit: 'Reuters' })).toBe('(Quelle: Reuters)')
    expect(
      formatCredit('Foto: {photographer}/{credit}', { credit: 'dpa', photographer: 'K. N.' })
    ).toBe('Foto: K. N./dpa')
    expect(formatCredit('© {credit}', { credit: ' REUTERS ' })).toBe('© REUTERS')
  })

  it('is empty when there is nothing to credit', () => {
    expect(formatCredit('(Quelle: {credit})', { credit: null })).toBe('')
    expect(formatCredit('(Quelle: {credit})', { credit: '  ' })).toBe('')
    expect(formatCredit('Ohne Platzhalter', { credit: 'dpa' })).toBe('')
  })

  it('joins caption and credit', () => {
    expect(captionWithCredit('Im Bundestag.', '(Quelle: dpa)')).toBe('Im Bundestag. (Quelle: dpa)')
    expect(captionWithCredit(null, '(Quelle: dpa)')).toBe('(Quelle: dpa)')
    expect(captionWithCredit('Nur Text', '')).toBe('Nur Text')
  })
})
