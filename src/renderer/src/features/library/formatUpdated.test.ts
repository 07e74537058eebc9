import { describe, expect, it } from 'vitest'
import { formatUpdated } from './formatUpdated'

// Local wall times, so the test holds in every time zone the machine runs in.
const local = (y: number, mo: number, d: number, h: number, mi: number): string =>
  new Date(y, mo - 1, d, h, mi).toISOString()
const now = new Date(2024, 4, 2, 18, 0)

describe('formatUpdated', () => {
  it('writes German dates with dots and a 24-hour clock', () => {
    expect(formatUpdated(local(2024, 4, 28, 14, 30), 'de', now)).toBe('28.04.2024, 14:30')
    expect(formatUpdated(local(2023, 12, 24, 9, 5), 'de', now)).toBe('24.12.2023, 09:05')
  })
  it('writes English dates with the month name', () => {
    expect(formatUpdated(local(2024, 4, 28, 14, 30), 'en', now)).toBe('28 Apr 2024, 14:30')
  })
  it('says today and yesterday in the interface language, with the time', () => {
    expect(formatUpdated(local(2024, 5, 2, 14, 3), 'de', now)).toBe('heute, 14:03')
    expect(formatUpdated(local(2024, 5, 1, 23, 59), 'de', now)).toBe('gestern, 23:59')
    expect(formatUpdated(local(2024, 5, 2, 14, 3), 'en', now)).toBe('today, 14:03')
    expect(formatUpdated(local(2024, 5, 1, 8, 0), 'en', now)).toBe('yesterday, 08:00')
  })
  it('follows the interface language, not the machine locale', () => {
    // de-AT and de-CH interfaces read German too.
    expect(formatUpdated(local(2024, 4, 28, 14, 30), 'de-AT', now)).toBe('28.04.2024, 14:30')
  })
})
