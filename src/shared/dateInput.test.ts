import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMinutes,
  formatDateInput,
  formatTimeInput,
  inputLanguageOf,
  parseDateInput,
  parseTimeInput
} from './dateInput'

const date = (text: string): string | null => {
  const r = parseDateInput(text)
  return r.ok ? r.value : null
}
const time = (text: string): string | null => {
  const r = parseTimeInput(text)
  return r.ok ? r.value : null
}

describe('date input', () => {
  it('reads German dates with dots, short years and month names', () => {
    expect(date('02.05.2024')).toBe('2024-05-02')
    expect(date(' 2.5.2024 ')).toBe('2024-05-02')
    expect(date('2.5.24')).toBe('2024-05-02')
    expect(date('2. Mai 2024')).toBe('2024-05-02')
    expect(date('24. Dez. 2024')).toBe('2024-12-24')
    expect(date('1. März 2025')).toBe('2025-03-01')
    expect(date('3. Jänner 2025')).toBe('2025-01-03')
  })
  it('reads English and ISO dates', () => {
    expect(date('2 May 2024')).toBe('2024-05-02')
    expect(date('May 2, 2024')).toBe('2024-05-02')
    expect(date('2nd of')).toBeNull()
    expect(date('Sept 30 2024')).toBe('2024-09-30')
    expect(date('2024-05-02')).toBe('2024-05-02')
  })
  it('refuses days the calendar does not have, slashed dates and nonsense, saying why', () => {
    expect(parseDateInput('31.02.2024')).toEqual({ ok: false, problem: 'range' })
    expect(parseDateInput('29.02.2023')).toEqual({ ok: false, problem: 'range' })
    expect(date('29.02.2024')).toBe('2024-02-29')
    expect(parseDateInput('13.13.2024')).toEqual({ ok: false, problem: 'range' })
    expect(parseDateInput('02/05/2024')).toEqual({ ok: false, problem: 'ambiguous' })
    expect(parseDateInput('morgen')).toEqual({ ok: false, problem: 'format' })
    expect(parseDateInput('2 Maybe 2024')).toEqual({ ok: false, problem: 'format' })
  })
  it('writes dates as the interface language does', () => {
    expect(formatDateInput('2024-05-02', 'de')).toBe('02.05.2024')
    expect(formatDateInput('2024-05-02', 'en')).toBe('2 May 2024')
    expect(formatDateInput('2024-12-24', 'en')).toBe('24 December 2024')
  })
  it('round-trips what it writes', () => {
    for (const d of ['2024-01-01', '2024-02-29', '2030-11-09']) {
      expect(date(formatDateInput(d, 'de'))).toBe(d)
      expect(date(formatDateInput(d, 'en'))).toBe(d)
    }
  })
})

describe('time input', () => {
  it('reads 24-hour times in the forms German copy uses', () => {
    expect(time('14:30')).toBe('14:30')
    expect(time('9:05')).toBe('09:05')
    expect(time('14.30')).toBe('14:30')
    expect(time('1430')).toBe('14:30')
    expect(time('930')).toBe('09:30')
    expect(time('14 Uhr')).toBe('14:00')
    expect(time('14:30 Uhr')).toBe('14:30')
    expect(time('0:00')).toBe('00:00')
  })
  it('reads 12-hour times', () => {
    expect(time('2:30 pm')).toBe('14:30')
    expect(time('2:30PM')).toBe('14:30')
    expect(time('2pm')).toBe('14:00')
    expect(time('12 a.m.')).toBe('00:00')
    expect(time('12:15 pm')).toBe('12:15')
  })
  it('refuses times out of range and nonsense', () => {
    expect(parseTimeInput('25:00')).toEqual({ ok: false, problem: 'range' })
    expect(parseTimeInput('14:60')).toEqual({ ok: false, problem: 'range' })
    expect(parseTimeInput('13 pm')).toEqual({ ok: false, problem: 'range' })
    expect(parseTimeInput('mittags')).toEqual({ ok: false, problem: 'format' })
    expect(parseTimeInput('14m')).toEqual({ ok: false, problem: 'format' })
  })
  it('writes times as the interface language does', () => {
    expect(formatTimeInput('14:30', 'de')).toBe('14:30')
    expect(formatTimeInput('14:30', 'en')).toBe('2:30 pm')
    expect(formatTimeInput('00:05', 'en')).toBe('12:05 am')
    expect(formatTimeInput('12:00', 'en')).toBe('12:00 pm')
    expect(time(formatTimeInput('00:05', 'en'))).toBe('00:05')
  })
})

describe('arrow-key steps and language', () => {
  it('steps days across months and years, minutes around the clock', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addMinutes('23:55', 10)).toBe('00:05')
    expect(addMinutes('00:00', -15)).toBe('23:45')
  })
  it('reads German for every German variant', () => {
    expect(inputLanguageOf('de')).toBe('de')
    expect(inputLanguageOf('de-AT')).toBe('de')
    expect(inputLanguageOf('en')).toBe('en')
  })
})
