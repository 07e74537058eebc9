const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

// C0 controls (except tab and line breaks), DEL and the two non-characters: invisible in HTML and
// fatal in XML, where the same escaped text ends up (NewsML-G2's XHTML body).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g

/**
 * Text made safe for HTML element content and quoted attribute values, and for XHTML/XML: the
 * five markup characters become entities (`&#39;` rather than `&apos;`, which HTML 4 lacks) and
 * control characters that XML forbids are removed. Every piece of article text goes through this.
 */
export function escapeHtml(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}
