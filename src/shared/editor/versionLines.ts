import type { ArticleLanguage } from '../article'
import { localeOf } from './articleFormat'

/*
 * The lines a published page shows about the story's later versions, in the article's language
 * and time zone (not the interface's: readers see them). Order and punctuation are fixed here,
 * as for the date line, so Node's and Chromium's ICU print the same text.
 */

/** `2. Mai 2024, 16:40 Uhr` (de), `2 May 2024, 4:40 pm` (en-GB), `May 2, 2024, 4:40 pm` (en-US). */
export function formatMoment(
  iso: string,
  timeZone: string,
  language: ArticleLanguage
): string | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  const german = language.startsWith('de')
  let parts: Intl.DateTimeFormatPart[]
  try {
    parts = new Intl.DateTimeFormat(localeOf(language), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: german ? 'h23' : 'h12',
      timeZone
    }).formatToParts(date)
  } catch {
    return null
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? ''
  const day = String(Number(part('day')))
  const month = part('month')
  const year = part('year')
  const minute = part('minute')
  if (german) return `${day}. ${month} ${year}, ${part('hour').padStart(2, '0')}:${minute} Uhr`
  const time = `${Number(part('hour'))}:${minute} ${part('dayPeriod').toLowerCase().replace(/\./g, '')}`
  if (language === 'en-US') return `${month} ${day}, ${year}, ${time}`
  return `${day} ${month} ${year}, ${time}`
}

/** "Aktualisiert am 2. Mai 2024, 16:40 Uhr" / "Updated 2 May 2024, 4:40 pm". */
export function formatUpdateLine(
  iso: string,
  timeZone: string,
  language: ArticleLanguage
): string | null {
  const moment = formatMoment(iso, timeZone, language)
  if (!moment) return null
  return language.startsWith('de') ? `Aktualisiert am ${moment}` : `Updated ${moment}`
}

/** The heading over the public corrections at the end of the article. */
export function correctionsHeading(language: ArticleLanguage, count: number): string {
  if (language.startsWith('de')) return count === 1 ? 'Korrektur' : 'Korrekturen'
  return count === 1 ? 'Correction' : 'Corrections'
}
