/** Longest link target kept in a document; longer ones are dropped as suspicious. */
export const MAX_LINK_HREF_LENGTH = 2048

// Control characters, whitespace, backslashes and quoting characters never appear in a link a
// person wrote on purpose: they are how `java\tscript:`, `https:\\evil` and attribute break-outs
// get past naive checks.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2066-\u2069\u3000\ufeff\\"<>`]/
const WEB_PREFIX = /^https?:\/\/[^/?#@]/i
const MAIL_PREFIX = /^mailto:/i
const MAIL_ADDRESS = /^[^\s@,;:<>()[\]"]+@[^\s@,;:<>()[\]"]+\.[^\s@,;:<>()[\]".]{2,}$/
// Some mail clients honour `attach=` and the like; only the ordinary fields may travel along.
const MAIL_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body'])

/**
 * Whether `href` is a link a news article may carry: a well-formed absolute `http:`/`https:` URL
 * with a host and no `user:pass@`, or a `mailto:` URL with at least one plain address. Everything
 * else is refused: `javascript:`, `data:`, `vbscript:`, `file:`, protocol-relative `//host`, UNC
 * `\\host`, relative paths and anything with whitespace or control characters inside.
 *
 * The editor's link mark, the paste sanitiser, the article renderer and preflight's
 * `link-invalid` check all use this one rule.
 */
export function isAllowedLinkHref(href: string): boolean {
  if (typeof href !== 'string' || href.length === 0 || href.length > MAX_LINK_HREF_LENGTH) {
    return false
  }
  if (FORBIDDEN.test(href)) return false
  if (WEB_PREFIX.test(href)) return isWebUrl(href)
  if (MAIL_PREFIX.test(href)) return isMailtoUrl(href)
  return false
}

/**
 * The link target as it should be stored: surrounding whitespace removed (HTML attribute values
 * and hand-typed URLs often carry some), or null when the result is not an allowed link.
 */
export function normalizeLinkHref(raw: string): string | null {
  if (typeof raw !== 'string') return null
  const href = raw.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0\ufeff]+$/g, '')
  return isAllowedLinkHref(href) ? href : null
}

function isWebUrl(href: string): boolean {
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (url.username !== '' || url.password !== '') return false
  return url.hostname.length > 0 && !url.hostname.startsWith('.')
}

function isMailtoUrl(href: string): boolean {
  const rest = href.slice('mailto:'.length)
  const queryStart = rest.indexOf('?')
  const path = queryStart === -1 ? rest : rest.slice(0, queryStart)
  let addresses: string
  try {
    addresses = decodeURIComponent(path)
  } catch {
    return false
  }
  if (addresses === '' || !addresses.split(',').every((a) => MAIL_ADDRESS.test(a.trim()))) {
    return false
  }
  if (queryStart === -1) return true
  let params: URLSearchParams
  try {
    params = new URLSearchParams(rest.slice(queryStart + 1))
  } catch {
    return false
  }
  for (const field of params.keys()) if (!MAIL_FIELDS.has(field.toLowerCase())) return false
  return true
}
