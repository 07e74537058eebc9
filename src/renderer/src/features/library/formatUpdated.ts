const localeOf = (language: string): string => (language.startsWith('de') ? 'de-DE' : 'en-GB')

function dayNumber(date: Date): number {
  return Math.floor(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000)
}

/**
 * When something was last changed, date and time in the interface language (not the operating
 * system's): `heute, 14:03` / `today, 14:03`, `gestern, 09:12` / `yesterday, 09:12`, else
 * `02.05.2024, 14:30` / `2 May 2024, 14:30`. 24-hour clock in both.
 */
export function formatUpdated(iso: string, language: string, now = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const locale = localeOf(language)
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).format(date)
  const daysAgo = dayNumber(now) - dayNumber(date)
  if (daysAgo === 0 || daysAgo === 1) {
    const day = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-daysAgo, 'day')
    return `${day}, ${time}`
  }
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date)
  return `${day}, ${time}`
}
