/** Date and time as a clock in one IANA time zone shows them. */
export interface WallTime {
  /** `YYYY-MM-DD` */
  date: string
  /** `HH:mm` */
  time: string
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

/** The zone's offset from UTC in minutes at `instant` (Berlin in summer: 120). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value])
  )
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second)
  )
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

const pad = (n: number): string => String(Math.abs(n)).padStart(2, '0')

/** ISO-8601 with the zone's offset, e.g. `2024-05-02T14:30:00+02:00`. */
export function isoInZone(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant, timeZone)
  const wall = new Date(instant.getTime() + offset * 60_000)
  const sign = offset >= 0 ? '+' : '-'
  return (
    `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  )
}

/** What a clock in `timeZone` shows at the instant `iso` names. */
export function wallTimeOf(iso: string, timeZone: string): WallTime {
  const local = isoInZone(new Date(iso), timeZone)
  return { date: local.slice(0, 10), time: local.slice(11, 16) }
}

/**
 * The instant a clock in `timeZone` shows `wall`, as ISO with that zone's offset. In the hour
 * skipped at the spring change the later offset wins; in the repeated autumn hour, the first.
 */
export function wallTimeToIso(wall: WallTime, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(wall.date)
  const t = /^(\d{2}):(\d{2})$/.exec(wall.time)
  if (!m || !t) return null
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(t[1]), Number(t[2]))
  if (Number.isNaN(asUtc)) return null
  // Two passes settle the offset, also across a daylight-saving change.
  let guess = asUtc - zoneOffsetMinutes(new Date(asUtc), timeZone) * 60_000
  guess = asUtc - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000
  const earlier = asUtc - zoneOffsetMinutes(new Date(guess - 3_600_000), timeZone) * 60_000
  if (earlier < guess && wallTimeOf(new Date(earlier).toISOString(), timeZone).time === wall.time) {
    guess = earlier
  }
  return isoInZone(new Date(guess), timeZone)
}
