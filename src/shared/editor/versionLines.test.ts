import { describe, expect, it } from 'vitest'
import { correctionsHeading, formatUpdateLine } from './versionLines'

describe('formatUpdateLine', () => {
  const at = '2024-05-02T14:40:00Z'
  it('writes the update in the article language and time zone', () => {
    expect(formatUpdateLine(at, 'Europe/Berlin', 'de')).toBe(
      'Aktualisiert am 2. Mai 2024, 16:40 Uhr'
    )
    expect(formatUpdateLine(at, 'Europe/London', 'en-GB')).toBe('Updated 2 May 2024, 3:40 pm')
    expect(formatUpdateLine(at, 'Europe/Berlin', 'en-GB')).toBe('Updated 2 May 2024, 4:40 pm')
    expect(formatUpdateLine(at, 'America/New_York', 'en-US')).toBe('Updated May 2, 2024, 10:40 am')
    expect(formatUpdateLine('2024-01-05T08:05:00Z', 'Europe/Vienna', 'de-AT')).toBe(
      'Aktualisiert am 5. Jänner 2024, 09:05 Uhr'
    )
  })

  it('gives null for a timestamp it cannot read', () => {
    expect(formatUpdateLine('gestern', 'Europe/Berlin', 'de')).toBeNull()
  })

  it('names one correction or several', () => {
    expect([correctionsHeading('de-CH', 1), correctionsHeading('de', 2)]).toEqual([
      'Korrektur',
      'Korrekturen'
    ])
    expect(correctionsHeading('en-US', 2)).toBe('Corrections')
  })
})
