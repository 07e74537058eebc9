import { devServerOriginOf } from './rendererUrl'

/** The parts of Electron's `WebFrameMain` the check reads; `null` when the frame is gone. */
export interface SenderFrame {
  url: string
  isMainFrame: boolean
}

// Chromium reports canonical URLs, so an encoded dot, slash, backslash or NUL, or a literal
// dot segment, in a frame's path means someone built the URL by hand.
const ENCODED_PATH_TRICK = /%(?:2e|2f|5c|00)|\\/i
const DRIVE_LETTER = /^\/([a-z]):/i

/**
 * Whether an IPC message comes from the app's own renderer: the top-level main frame showing
 * either the same `file:` path as `trusted.rendererUrl` (query and hash ignored) or, when the
 * renderer is served by a local dev server, a page of that same origin. Subframes, vanished frames
 * and every other page are refused, so a stray iframe or navigation never reaches a handler.
 */
export function isTrustedSender(
  frame: SenderFrame | null,
  trusted: { rendererUrl: string }
): boolean {
  if (frame === null || frame.isMainFrame !== true || typeof frame.url !== 'string') return false

  const expected = parseUrl(trusted.rendererUrl)
  const actual = parseUrl(frame.url)
  if (expected === null || actual === null) return false

  if (expected.protocol === 'file:') return isSameFile(frame.url, actual, expected)

  const devOrigin = devServerOriginOf(trusted.rendererUrl)
  if (devOrigin === null) return false
  return actual.origin === devOrigin && actual.username === '' && actual.password === ''
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

function isSameFile(raw: string, actual: URL, expected: URL): boolean {
  if (actual.protocol !== 'file:' || actual.host !== expected.host) return false
  const rawPath = raw.split(/[?#]/, 1)[0] ?? ''
  if (ENCODED_PATH_TRICK.test(rawPath)) return false
  if (rawPath.split('/').some((segment) => segment === '.' || segment === '..')) return false
  const actualPath = decodedPath(actual)
  return actualPath !== null && actualPath === decodedPath(expected)
}

function decodedPath(url: URL): string | null {
  try {
    // Node and Chromium percent-encode a few characters differently, and Windows drive letters
    // come in either case: compare what the paths mean, not how they were spelled.
    return decodeURIComponent(url.pathname).replace(DRIVE_LETTER, (_m, d: string) => {
      return `/${d.toUpperCase()}:`
    })
  } catch {
    return null
  }
}
