/**
 * Dates and times as a user types and reads them in the interface language, independent of the
 * operating system's locale: German `02.05.2024` and `14:30`, English `2 May 2024` and
 * `2:30 pm`. Values inside are `YYYY-MM-DD` and 24-hour `HH:mm` (see zonedTime).
 */

/** The interface languages the inputs speak. */
export type InputLanguage = 'de' | 'en'

/** Why a typed date or time was not taken. */
export type InputProblem =
  /** Not a form the field understands. */
  | 'format'
  /** A day the calendar does not have (31.02.2024), or an hour/minute out of range. */
  | 'range'
  /** `02/05/2024`: 2 May in Britain, 5 February in the US. */
  | 'ambiguous'

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: InputProblem }

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]

// Month names and the abbreviations newsrooms write, both languages, folded to lower case
// without dots; either language's names are understood whatever the interface speaks.
const MONTH_WORDS: Record<string, number> = {}
const addMonth = (month: number, ...words: string[]): void => {
  for (const w of words) MONTH_WORDS[w] = month
}
addMonth(1, 'januar', 'jan', 'jänner', 'jän', 'january')
addMonth(2, 'februar', 'feb', 'february', 'febr')
addMonth(3, 'märz', 'maerz', 'mär', 'mrz', 'march', 'mar')
addMonth(4, 'april', 'apr')
addMonth(5, 'mai', 'may')
addMonth(6, 'juni', 'jun', 'june')
addMonth(7, 'juli', 'jul', 'july')
addMonth(8, 'august', 'aug')
addMonth(9, 'september', 'sep', 'sept')
addMonth(10, 'oktober', 'okt', 'october', 'oct')
addMonth(11, 'november', 'nov')
addMonth(12, 'dezember', 'dez', 'december', 'dec')

const pad2 = (n: number): string => String(n).padStart(2, '0')

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function isoDate(year: number, month: number, day: number): Parsed<string> {
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return { ok: false, problem: 'range' }
  if (day < 1 || day > daysIn(year, month)) return { ok: false, problem: 'range' }
  return { ok: true, value: `${year}-${pad2(month)}-${pad2(day)}` }
}

// Two-digit years are this century's: a dateline is never about 1924.
const fullYear = (text: string): number => (text.length === 2 ? 2000 + Number(text) : Number(text))

/**
 * A typed date as `YYYY-MM-DD`. Understood in both languages: `2024-05-02`, `02.05.2024`,
 * `2.5.24`, `2. Mai 2024`, `2 May 2024`, `May 2, 2024`. Slashed dates are refused as ambiguous.
 */
export function parseDateInput(text: string): Parsed<string> {
  const s = text.trim().replace(/\s+/g, ' ')
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(s)
  if (m) return isoDate(fullYear(m[3] as string), Number(m[2]), Number(m[1]))
  if (/^\d{1,2}[/-]\d{1,2}[/-](\d{2}|\d{4})$/.test(s)) return { ok: false, problem: 'ambiguous' }
  // `2. Mai 2024`, `2 May 2024`, `02-May-2024`
  m = /^(\d{1,2})\.?[ -]?([\p{L}]+)\.?,?[ -]?(\d{4})$/u.exec(s)
  if (m) {
    const month = MONTH_WORDS[(m[2] as string).toLowerCase()]
    if (month) return isoDate(Number(m[3]), month, Number(m[1]))
  }
  // `May 2, 2024`, `May 2 2024`
  m = /^([\p{L}]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/u.exec(s)
  if (m) {
    const month = MONTH_WORDS[(m[1] as string).toLowerCase()]
    if (month) return isoDate(Number(m[3]), month, Number(m[2]))
  }
  return { ok: false, problem: 'format' }
}

/**
 * A typed time as 24-hour `HH:mm`: `14:30`, `14.30`, `1430`, `14 Uhr`, `14:30 Uhr`, `2:30 pm`,
 * `2pm`, `12 a.m.`.
 */
export function parseTimeInput(text: string): Parsed<string> {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/\s*uhr$/, '')
    .replace(/\s+/g, ' ')
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?(?: ?([ap])\.? ?m?\.?)?$/.exec(s)
  if (!m) return { ok: false, problem: 'format' }
  let hour = Number(m[1])
  const minute = m[2] === undefined ? 0 : Number(m[2])
  const half = m[3]
  if (half) {
    if (hour < 1 || hour > 12) return { ok: false, problem: 'range' }
    hour = (hour % 12) + (half === 'p' ? 12 : 0)
  }
  if (hour > 23 || minute > 59) return { ok: false, problem: 'range' }
  return { ok: true, value: `${pad2(hour)}:${pad2(minute)}` }
}

/** `2024-05-02` as the field shows it: `02.05.2024` in German, `2 May 2024` in English. */
export function formatDateInput(date: string, language: InputLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  if (language === 'de') return `${m[3]}.${m[2]}.${m[1]}`
  return `${Number(m[3])} ${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}`
}

/** `14:30` as the field shows it: `14:30` in German, `2:30 pm` in English. */
export function formatTimeInput(time: string, language: InputLanguage): string {
  const m = /^(\d{2}):(\d{2})$/.exec(time)
  if (!m) return time
  if (language === 'de') return time
  const hour = Number(m[1])
  return `${hour % 12 === 0 ? 12 : hour % 12}:${m[2]} ${hour < 12 ? 'am' : 'pm'}`
}

/** The day `days` after `date` (both `YYYY-MM-DD`), for arrow keys. */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(y, mo - 1, d + days))
  return `${next.getUTCFullYear()}-${pad2(next.getUTCMonth() + 1)}-${pad2(next.getUTCDate())}`
}

/** The time `minutes` after `time` on a 24-hour clock face (23:55 + 10 = 00:05), for arrow keys. */
export function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number]
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440
  return `${pad2(Math.floor(total / 60))}:${pad2(total % 60)}`
}

/** The interface language as the inputs know it (`de-AT` reads German). */
export function inputLanguageOf(language: string): InputLanguage {
  return language.toLowerCase().startsWith('de') ? 'de' : 'en'
}
