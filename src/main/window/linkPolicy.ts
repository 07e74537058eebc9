/** Longest URL handed to the operating system; longer ones are refused outright. */
export const MAX_EXTERNAL_URL_LENGTH = 2048

// Printable ASCII without space and backslash. Chromium hands window-open URLs over already
// canonicalised (punycode hosts, percent-encoded paths), so anything outside this set is a trick:
// tabs inside `java\tscript:`, bidi overrides, homoglyphs, `https:\\evil`.
const PLAIN_URL = /^[\x21-\x5b\x5d-\x7e]+$/
// Valid in no URL (Chromium escapes them) but able to end a quoted argument or an HTML attribute
// in whatever receives the URL next.
const QUOTING_CHARS = /["<>`]/
// Percent-encoded control characters (`%0a`, `%00`, `%7f`) smuggle line breaks into whatever
// program the operating system starts for the URL.
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i
const WEB_PREFIX = /^https?:\/\/[^/]/i
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/
const MAIL_ADDRESS = /^[a-z0-9.!#$&'*+/=?^_{|}~-]+@(?:[a-z0-9-]+\.)+[a-z]{2,63}$/i
// Some mail clients honour `attach=` and the like, which would mail a local file to whoever wrote
// the link; only the ordinary message fields may travel with a mailto: link.
const MAIL_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body', 'in-reply-to'])

/**
 * Whether a URL may be handed to `shell.openExternal`: a well-formed absolute `http:`/`https:`
 * URL on a public-looking DNS name (no IP literal, no `localhost`, no single-label intranet name,
 * no `user:pass@`), or a `mailto:` URL with at least one plain address. Everything else, including
 * `file:`, UNC and protocol-relative paths and script-bearing schemes, is refused.
 */
export function isSafeExternalUrl(raw: string): boolean {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) {
    return false
  }
  if (!PLAIN_URL.test(raw) || QUOTING_CHARS.test(raw) || ENCODED_CONTROL.test(raw)) return false

  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return isSafeWebUrl(raw, url)
  if (url.protocol === 'mailto:') return isSafeMailtoUrl(url)
  return false
}

function isSafeWebUrl(raw: string, url: URL): boolean {
  // The URL parser repairs `https:evil.com` and `https:///evil.com` into a host; a link that
  // needed repairing is not one a person wrote on purpose.
  if (!WEB_PREFIX.test(raw)) return false
  const authority = raw.slice(raw.indexOf('//') + 2).split(/[/?#]/, 1)[0] ?? ''
  if (authority.includes('@') || url.username !== '' || url.password !== '') return false
  return isPublicHostname(url.hostname)
}

function isPublicHostname(hostname: string): boolean {
  if (hostname.length === 0 || hostname.length > 253) return false
  const labels = hostname.split('.')
  if (labels.length < 2) return false
  if (!labels.every((label) => DNS_LABEL.test(label))) return false
  const topLevel = labels[labels.length - 1] ?? ''
  // A numeric last label means the parser read an IPv4 address (also `0x7f.1`, `2130706433`).
  if (!TOP_LEVEL_LABEL.test(topLevel)) return false
  return topLevel !== 'localhost'
}

function isSafeMailtoUrl(url: URL): boolean {
  let addresses: string
  try {
    addresses = decodeURIComponent(url.pathname)
  } catch {
    return false
  }
  const list = addresses.split(',')
  if (!list.every((address) => MAIL_ADDRESS.test(address))) return false
  for (const field of url.searchParams.keys()) {
    if (!MAIL_FIELDS.has(field.toLowerCase())) return false
  }
  return true
}
