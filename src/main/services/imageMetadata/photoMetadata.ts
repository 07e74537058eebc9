import type { AssetMetadata } from '../../../shared/asset'

/** exifr's output with `mergeOutput: false`: one object per segment or XMP namespace. */
export type ExifrSegments = Record<string, unknown>

/** An asset's metadata with every field empty. */
export function emptyMetadata(): AssetMetadata {
  return {
    caption: null,
    headline: null,
    photographer: null,
    credit: null,
    source: null,
    copyright: null,
    usageTerms: null,
    dateCreated: null,
    city: null,
    country: null,
    alt: null
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

// Windows-1252's 0x80–0x9F (Node's TextDecoder treats the label as plain Latin-1); undefined
// positions stay as they are.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeCp1252(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) {
    s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)
  }
  return s
}

/**
 * IIM text as exifr hands it over (each byte one Latin-1 character), decoded properly: as UTF-8
 * when the bytes are valid UTF-8 (declared by 1:90 or not: agencies often omit the declaration),
 * else as Windows-1252, the superset of Latin-1 that also has `’` and `€`.
 */
export function redecodeIim(value: string): string {
  let high = false
  const bytes = new Uint8Array(value.length)
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    // Already beyond one byte: exifr decoded it itself, leave it.
    if (code > 0xff) return value
    if (code >= 0x80) high = true
    bytes[i] = code
  }
  if (!high) return value
  try {
    return utf8.decode(bytes)
  } catch {
    return decodeCp1252(bytes)
  }
}

function clean(value: string): string | null {
  const s = value
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- strips NULs and other C0 controls IIM may carry
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .trim()
  return s === '' ? null : s
}

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'"
}

function codePointText(code: number, reference: string): string {
  // XML 1.0 allows tab, newline, carriage return and everything from U+0020 on, except
  // surrogates and U+FFFE/U+FFFF; anything else is not a character, so it stays as written.
  const allowed =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  return allowed ? String.fromCodePoint(code) : reference
}

/**
 * XML text as it stands in an XMP packet, decoded: the five predefined entities and decimal and
 * hexadecimal character references. One pass, so `&amp;lt;` becomes `&lt;`, never `<`.
 * Anything else that looks like a reference is left as written (XMP has no DTD to define more).
 */
export function decodeXmlText(value: string): string {
  if (!value.includes('&')) return value
  return value.replace(
    /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g,
    (reference, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name) return XML_ENTITIES[name]
      return codePointText(hex ? parseInt(hex, 16) : Number(dec), reference)
    }
  )
}

// XMP values: a string, a number, a lang-alt `{ lang, value }`, or an array of those (dc:creator
// is a sequence, lang-alt has one entry per language). exifr hands over the XML text as it
// stands in the packet, references and all.
function xmpText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return clean(decodeXmlText(value))
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (Array.isArray(value)) {
    const langAlt = value.filter(
      (v): v is { lang: string; value: unknown } =>
        typeof v === 'object' && v !== null && 'lang' in v && 'value' in v
    )
    if (langAlt.length === value.length && langAlt.length > 0) {
      const pick = langAlt.find((v) => v.lang === 'x-default') ?? langAlt[0]
      return xmpText(pick.value)
    }
    const parts = value.map(xmpText).filter((v): v is string => v !== null)
    return parts.length ? parts.join(', ') : null
  }
  if (typeof value === 'object' && 'value' in value) {
    return xmpText((value as { value: unknown }).value)
  }
  return null
}

function iimText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) {
    const parts = value.map(iimText).filter((v): v is string => v !== null)
    return parts.length ? parts.join(', ') : null
  }
  if (typeof value === 'number') return String(value)
  if (typeof value !== 'string') return null
  return clean(redecodeIim(value))
}

// IIM 2:55 `CCYYMMDD` and 2:60 `HHMMSS±HHMM` into ISO-8601 (date only when there is no time).
function iimDate(date: unknown, time: unknown): string | null {
  const d = typeof date === 'string' ? date.trim() : typeof date === 'number' ? String(date) : ''
  const dm = /^(\d{4})(\d{2})(\d{2})$/.exec(d)
  if (!dm) return null
  const day = `${dm[1]}-${dm[2]}-${dm[3]}`
  const t = typeof time === 'string' ? time.trim() : ''
  const tm = /^(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?$/.exec(t)
  if (!tm) return day
  const zone = tm[4] ? `${tm[4]}${tm[5]}:${tm[6]}` : ''
  return `${day}T${tm[1]}:${tm[2]}:${tm[3]}${zone}`
}

function segment(raw: ExifrSegments, name: string): Record<string, unknown> {
  const value = raw[name]
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/**
 * The newsroom fields from a photo's IPTC IIM and XMP (the table in docs/newsroom.md). XMP wins
 * where both have a value; IIM fills the gaps. Needs exifr's `mergeOutput: false`, or IIM and
 * XMP `Credit` overwrite each other before we see them.
 */
export function readPhotoMetadata(raw: ExifrSegments | null | undefined): AssetMetadata {
  const out = emptyMetadata()
  if (!raw) return out
  const iptc = segment(raw, 'iptc')
  const dc = segment(raw, 'dc')
  const ps = segment(raw, 'photoshop')
  const rights = segment(raw, 'xmpRights')
  const core = segment(raw, 'Iptc4xmpCore')

  const xmp: AssetMetadata = {
    caption: xmpText(dc.description),
    headline: xmpText(ps.Headline),
    photographer: xmpText(dc.creator),
    credit: xmpText(ps.Credit),
    source: xmpText(ps.Source),
    copyright: xmpText(dc.rights),
    usageTerms: xmpText(rights.UsageTerms),
    dateCreated: xmpText(ps.DateCreated),
    city: xmpText(ps.City),
    country: xmpText(ps.Country),
    alt: xmpText(core.AltTextAccessibility)
  }
  const iim: AssetMetadata = {
    caption: iimText(iptc.Caption),
    headline: iimText(iptc.Headline),
    photographer: iimText(iptc.Byline),
    credit: iimText(iptc.Credit),
    source: iimText(iptc.Source),
    copyright: iimText(iptc.CopyrightNotice),
    usageTerms: null,
    dateCreated: iimDate(iptc.DateCreated, iptc.TimeCreated),
    city: iimText(iptc.City),
    country: iimText(iptc.Country),
    alt: null
  }
  for (const key of Object.keys(out) as (keyof AssetMetadata)[]) {
    out[key] = xmp[key] ?? iim[key]
  }
  return out
}
