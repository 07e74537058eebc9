import { describe, expect, it } from 'vitest'
import { LEGACY_TIME_ZONES, currentTimeZoneName, timeZoneChoices } from './timeZoneNames'
import { isValidTimeZone, wallTimeToIso } from './zonedTime'

describe('time zone names', () => {
  it('maps the legacy names Intl hands out to the current IANA names', () => {
    expect(currentTimeZoneName('Europe/Kiev')).toBe('Europe/Kyiv')
    expect(currentTimeZoneName('Asia/Calcutta')).toBe('Asia/Kolkata')
    expect(currentTimeZoneName('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh')
    expect(currentTimeZoneName('Europe/Berlin')).toBe('Europe/Berlin')
  })
  it('keeps the old name when the runtime cannot format with the new one', () => {
    expect(currentTimeZoneName('Europe/Kiev', (z) => z !== 'Europe/Kyiv')).toBe('Europe/Kiev')
  })
  it('maps only to names this runtime formats with, and to the same clock', () => {
    for (const [legacy, current] of Object.entries(LEGACY_TIME_ZONES)) {
      if (!isValidTimeZone(legacy)) continue
      expect(isValidTimeZone(current), current).toBe(true)
      // Same rules under both names: the same wall time is the same instant.
      const a = wallTimeToIso({ date: '2024-07-01', time: '12:00' }, legacy)
      const b = wallTimeToIso({ date: '2024-07-01', time: '12:00' }, current)
      expect(b, `${legacy} → ${current}`).toBe(a)
    }
  })
  it('lists the runtime zones under current names, preferred first, without duplicates', () => {
    const known = Intl.supportedValuesOf('timeZone')
    const list = timeZoneChoices(known, isValidTimeZone)
    expect(list.slice(0, 5)).toEqual([
      'Europe/Berlin',
      'Europe/Vienna',
      'Europe/Zurich',
      'Europe/London',
      'UTC'
    ])
    expect(list).toContain('Europe/Kyiv')
    expect(list).toContain('Asia/Kolkata')
    expect(list).not.toContain('Europe/Kiev')
    expect(list).not.toContain('Asia/Calcutta')
    expect(new Set(list).size).toBe(list.length)
  })
  it('keeps an article zone the list does not have, under its current name', () => {
    const list = timeZoneChoices(['Europe/Berlin'], isValidTimeZone, 'Etc/GMT-3')
    expect(list[0]).toBe('Etc/GMT-3')
    expect(timeZoneChoices(['Europe/Kiev'], isValidTimeZone, 'Europe/Kiev')).toContain(
      'Europe/Kyiv'
    )
  })
})
