import { normalizeLinkHref } from '../../../../shared/editor/linkHref'

/** Why a typed link address cannot be used (a key of `desk.linkProblem`), or null when it can. */
export type LinkProblem = 'empty' | 'script' | 'file' | 'noScheme' | 'protocolRelative' | 'other'

/**
 * What is wrong with an address typed into the link popover, so the message can say what to do:
 * scripts and data are never links; `file:` and `\\server` paths point into this computer;
 * `//host` and bare `www.…` lack `https://`. Null when `normalizeLinkHref` accepts it.
 */
export function linkHrefProblem(raw: string): LinkProblem | null {
  const value = raw.trim()
  if (value === '') return 'empty'
  if (normalizeLinkHref(value) !== null) return null
  // Browsers ignore tabs, newlines and leading control characters in a scheme: so does this check.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const squeezed = value.replace(/[\u0000-\u0020]/g, '').toLowerCase()
  if (/^(javascript|vbscript|data|blob):/.test(squeezed)) return 'script'
  if (/^file:/.test(squeezed) || squeezed.startsWith('\\\\') || /^[a-z]:[\\/]/.test(squeezed)) {
    return 'file'
  }
  if (squeezed.startsWith('//')) return 'protocolRelative'
  if (!/^[a-z][a-z0-9+.-]*:/.test(squeezed)) return 'noScheme'
  return 'other'
}
