import { describe, expect, it } from 'vitest'
import { isValidTimeZone, isoInZone, wallTimeOf, wallTimeToIso } from './zonedTime'

describe('zoned time', () => {
  it('writes instants with the zone offset, summer and winter', () => {
    expect(isoInZone(new Date('2024-05-02T12:30:00Z'), 'Europe/Berlin')).toBe(
      '2024-05-02T14:30:00+02:00'
    )
    expect(isoInZone(new Date('2024-01-15T12:30:00Z'), 'Europe/Berlin')).toBe(
      '2024-01-15T13:30:00+01:00'
    )
    expect(isoInZone(new Date('2024-05-02T12:30:00Z'), 'America/New_York')).toBe(
      '2024-05-02T08:30:00-04:00'
    )
  })
  it('turns a wall-clock time in a zone into an instant and back', () => {
    const iso = wallTimeToIso({ date: '2024-05-02', time: '14:30' }, 'Europe/Berlin')
    expect(iso).toBe('2024-05-02T14:30:00+02:00')
    expect(wallTimeOf('2024-05-02T12:30:00Z', 'Europe/Zurich')).toEqual({
      date: '2024-05-02',
      time: '14:30'
    })
    expect(wallTimeToIso({ date: '2024-12-24', time: '18:00' }, 'Europe/London')).toBe(
      '2024-12-24T18:00:00+00:00'
    )
  })
  it('handles the daylight-saving changes in Berlin', () => {
    // 02:30 does not exist on 31 March 2024: the clock jumps from 02:00 to 03:00.
    expect(wallTimeToIso({ date: '2024-03-31', time: '02:30' }, 'Europe/Berlin')).toMatch(
      /^2024-03-31T03:30:00\+02:00$/
    )
    // 02:30 happens twice on 27 October 2024: the first (summer time) is taken.
    expect(wallTimeToIso({ date: '2024-10-27', time: '02:30' }, 'Europe/Berlin')).toBe(
      '2024-10-27T02:30:00+02:00'
    )
  })
  it('refuses malformed input and unknown zones', () => {
    expect(wallTimeToIso({ date: '2.5.2024', time: '14:30' }, 'Europe/Berlin')).toBeNull()
    expect(isValidTimeZone('Europe/Berlin')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
  })
})
