/** File size for people: `820 KB`, `4.2 MB` (`4,2 MB` in German). */
export function formatFileSize(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024)
  if (mb >= 1) {
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: mb >= 100 ? 0 : 1
    }).format(mb)
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 0
  }).format(Math.max(1, Math.round(bytes / 1024)))
}

/** Pixel size as the photo desk writes it: `6000 × 4000`. */
export function formatPixels(width: number, height: number, locale: string): string {
  const n = new Intl.NumberFormat(locale, { useGrouping: false })
  return `${n.format(width)} × ${n.format(height)}`
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/

/**
 * The date a photo was taken, as its file states it (`2024-05-02`, `2024-05-02T14:30:00+02:00`):
 * the calendar date and the local clock time of the place it was taken, not converted to ours.
 * Text that is no date comes back unchanged.
 */
export function formatDateCreated(value: string, locale: string): string {
  const m = DATE.exec(value)
  if (!m) return value
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  if (Number.isNaN(date.getTime())) return value
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date)
  return m[4] ? `${day}, ${m[4]}:${m[5]}` : day
}
