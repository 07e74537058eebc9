import type { ArticleLanguage } from '../article'

/*
 * House-style formatting that depends on the article's language: the date line, the byline, the
 * gallery label and the credit. Shared by the preview, the HTML export and anyone else who prints
 * an article, so all of them say the same thing.
 */

/** The BCP 47 locale for Intl formatters (`de` alone means Germany). */
export function localeOf(language: ArticleLanguage): string {
  return language === 'de' ? 'de-DE' : language
}

function isGerman(language: ArticleLanguage): boolean {
  return language.startsWith('de')
}

/**
 * The date line of an article published at `iso` (any ISO 8601 timestamp), as the calendar day
 * in `timeZone`: `Donnerstag, 2. Mai 2024` (de, de-AT with `Jänner`, de-CH), `Thursday 2 May
 * 2024` (en-GB), `Thursday, May 2, 2024` (en-US).
 *
 * Weekday and month names come from `Intl.DateTimeFormat` (dateStyle `full` parts); the order
 * and punctuation are fixed here, because ICU versions disagree on them (Node 20's ICU 78 writes
 * `Thursday, 2 May 2024` for en-GB while house style and older ICUs have no comma) and the
 * preview (Chromium's ICU) and the export (Node's) must print the same line.
 * Returns null for an unparsable timestamp.
 */
export function formatDateLine(
  iso: string,
  timeZone: string,
  language: ArticleLanguage
): string | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  let parts: Intl.DateTimeFormatPart[]
  try {
    parts = new Intl.DateTimeFormat(localeOf(language), {
      dateStyle: 'full',
      timeZone
    }).formatToParts(date)
  } catch {
    return null
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? ''
  const weekday = part('weekday')
  const day = String(Number(part('day')))
  const month = part('month')
  const year = part('year')
  if (isGerman(language)) return `${weekday}, ${day}. ${month} ${year}`
  if (language === 'en-US') return `${weekday}, ${month} ${day}, ${year}`
  return `${weekday} ${day} ${month} ${year}`
}

/**
 * The byline: `Von Anna Beispiel`, `Von A, B und C`; `By A, B and C`. Names are trimmed, empty
 * ones left out; null when none is left. English bylines follow news style (AP, Reuters) without
 * the serial comma, also for en-US, where `Intl.ListFormat` would add one.
 */
export function formatByline(names: readonly string[], language: ArticleLanguage): string | null {
  const list = names.map((n) => n.trim()).filter(Boolean)
  if (list.length === 0) return null
  const locale = isGerman(language) ? localeOf(language) : 'en-GB'
  const joined = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(list)
  return `${isGerman(language) ? 'Von' : 'By'} ${joined}`
}

/**
 * The label of a gallery with `count` images: `Foto-Serie mit 1 Bild`, `Foto-Serie mit 10
 * Bildern`; `Gallery: 1 photo`, `Gallery: 10 photos` (plural forms from `Intl.PluralRules`).
 */
export function galleryLabel(count: number, language: ArticleLanguage): string {
  const locale = localeOf(language)
  const n = new Intl.NumberFormat(locale).format(count)
  const one = new Intl.PluralRules(locale).select(count) === 'one'
  return isGerman(language)
    ? `Foto-Serie mit ${n} ${one ? 'Bild' : 'Bildern'}`
    : `Gallery: ${n} ${one ? 'photo' : 'photos'}`
}

/** The credit templates used when the settings have none: `(Quelle: {credit})`, `(Photo: {credit})`. */
export const DEFAULT_CREDIT_TEMPLATES = {
  de: '(Quelle: {credit})',
  en: '(Photo: {credit})'
} as const

/** The default credit template for an article language. */
export function defaultCreditTemplate(language: ArticleLanguage): string {
  return isGerman(language) ? DEFAULT_CREDIT_TEMPLATES.de : DEFAULT_CREDIT_TEMPLATES.en
}

/**
 * A credit rendered through a house-style template (a setting per language), e.g.
 * `(Quelle: {credit})` → `(Quelle: Reuters)`. The template may use `{credit}` and
 * `{photographer}`; a placeholder without a value becomes empty, and when every placeholder is
 * empty (no credit at all) the result is ''. Plain text: the caller escapes it.
 */
export function formatCredit(
  template: string,
  values: { credit: string | null; photographer?: string | null }
): string {
  const lookup: Record<string, string> = {
    credit: values.credit?.trim() ?? '',
    photographer: values.photographer?.trim() ?? ''
  }
  const used = [...template.matchAll(/\{(credit|photographer)\}/g)].map((m) => m[1]!)
  if (used.length === 0 || used.every((name) => lookup[name] === '')) return ''
  return template.replace(/\{(credit|photographer)\}/g, (_, name: string) => lookup[name] ?? '')
}

/** `Caption (Quelle: Reuters)`: the caption, a space, the credit; either may be missing. */
export function captionWithCredit(caption: string | null, credit: string): string {
  return [caption?.trim() ?? '', credit].filter(Boolean).join(' ')
}
