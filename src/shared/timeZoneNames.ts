/**
 * Current IANA names for the legacy ones `Intl` still hands out. ICU keeps CLDR's old canonical
 * ids (`Europe/Kiev`, `Asia/Calcutta`) in `supportedValuesOf` and `resolvedOptions`, while the tz
 * database renamed them years ago; a newsroom in 2024 writes `Europe/Kyiv`. Articles stored with
 * an old name stay readable: both spellings name the same rules.
 */
export const LEGACY_TIME_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Ensenada': 'America/Tijuana',
  'America/Fort_Wayne': 'America/Indiana/Indianapolis',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Knox_IN': 'America/Indiana/Knox',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Nipigon': 'America/Toronto',
  'America/Pangnirtung': 'America/Iqaluit',
  'America/Rainy_River': 'America/Winnipeg',
  'America/Santa_Isabel': 'America/Tijuana',
  'America/Thunder_Bay': 'America/Toronto',
  'America/Yellowknife': 'America/Edmonton',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Chongqing': 'Asia/Shanghai',
  'Asia/Chungking': 'Asia/Shanghai',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Harbin': 'Asia/Shanghai',
  'Asia/Istanbul': 'Europe/Istanbul',
  'Asia/Kashgar': 'Asia/Urumqi',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Macao': 'Asia/Macau',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Tel_Aviv': 'Asia/Jerusalem',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Asia/Ujung_Pandang': 'Asia/Makassar',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Australia/Currie': 'Australia/Hobart',
  'Etc/GMT': 'UTC',
  'Etc/UCT': 'UTC',
  'Etc/UTC': 'UTC',
  'Europe/Belfast': 'Europe/London',
  'Europe/Kiev': 'Europe/Kyiv',
  'Europe/Nicosia': 'Asia/Nicosia',
  'Europe/Tiraspol': 'Europe/Chisinau',
  'Europe/Uzhgorod': 'Europe/Kyiv',
  'Europe/Zaporozhye': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Johnston': 'Pacific/Honolulu',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Samoa': 'Pacific/Pago_Pago',
  'Pacific/Truk': 'Pacific/Chuuk'
}

/**
 * The current IANA name of `zone` (`Europe/Kiev` → `Europe/Kyiv`), or `zone` itself. With
 * `isUsable`, a new name the runtime cannot format with is not offered: the old one stays.
 */
export function currentTimeZoneName(
  zone: string,
  isUsable: (zone: string) => boolean = () => true
): string {
  const current = LEGACY_TIME_ZONES[zone]
  return current && isUsable(current) ? current : zone
}

/** The zones a newsroom picks from most, first in the list. */
export const PREFERRED_TIME_ZONES = [
  'Europe/Berlin',
  'Europe/Vienna',
  'Europe/Zurich',
  'Europe/London',
  'UTC'
] as const

/**
 * The time zone list for a picker: the preferred zones, then every zone the runtime knows under
 * its current name, sorted, without duplicates; `keep` (the article's zone, under its current
 * name) is always in it, so a picker never silently shows another zone than the stored one.
 */
export function timeZoneChoices(
  known: readonly string[],
  isUsable: (zone: string) => boolean,
  keep?: string
): string[] {
  const names = new Set<string>()
  for (const zone of known) names.add(currentTimeZoneName(zone, isUsable))
  const preferred: string[] = PREFERRED_TIME_ZONES.filter(isUsable)
  const rest = [...names].filter((z) => !preferred.includes(z)).sort()
  const all = [...preferred, ...rest]
  if (keep) {
    const current = currentTimeZoneName(keep, isUsable)
    if (!all.includes(current)) all.unshift(current)
  }
  return all
}
