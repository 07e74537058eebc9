/** "14:03" for today, else a short date with time, in the UI language. */
export function formatUpdated(iso: string, language: string, now = new Date()): string {
  const date = new Date(iso)
  const locale = language === 'de' ? 'de-DE' : 'en-GB'
  const sameDay = date.toDateString() === now.toDateString()
  return sameDay
    ? new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date)
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}
