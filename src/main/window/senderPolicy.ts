import { APP_HOST, APP_SCHEME } from './rendererFiles'
import { devServerOriginOf } from './rendererUrl'

/** The parts of Electron's `WebFrameMain` the check reads; `null` when the frame is gone. */
export interface SenderFrame {
  url: string
  isMainFrame: boolean
}

/**
 * Whether an IPC message comes from the app's own renderer: the top-level main frame showing
 * either the app's entry page on its own scheme (`app://copydesk/index.html`, query and hash
 * ignored) or, when the renderer is served by a local dev server, a page of that same origin.
 * Subframes, vanished frames, `file:` pages and every other page are refused, so a stray iframe
 * or navigation never reaches a handler.
 */
export function isTrustedSender(
  frame: SenderFrame | null,
  trusted: { rendererUrl: string }
): boolean {
  if (frame === null || frame.isMainFrame !== true || typeof frame.url !== 'string') return false

  const expected = parseUrl(trusted.rendererUrl)
  const actual = parseUrl(frame.url)
  if (expected === null || actual === null) return false

  if (expected.protocol === `${APP_SCHEME}:`) {
    return !PATH_TRICK.test(frame.url.split(/[?#]/, 1)[0] ?? '') && isAppPage(actual, expected)
  }

  const devOrigin = devServerOriginOf(trusted.rendererUrl)
  if (devOrigin === null) return false
  return actual.origin === devOrigin && actual.username === '' && actual.password === ''
}

// Chromium reports canonical URLs, so a percent sign, backslash or dot segment in a frame's path
// means someone built the URL by hand.
const PATH_TRICK = /%|\\|\/\.\.?(?:\/|$)/

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

// `app:` is not a special scheme to the WHATWG parser, so its origin reads "null": compare the
// parts. The page must be the very entry page: the renderer is one page with hash routes.
function isAppPage(actual: URL, expected: URL): boolean {
  return (
    expected.host === APP_HOST &&
    actual.protocol === expected.protocol &&
    actual.host === expected.host &&
    actual.username === '' &&
    actual.password === '' &&
    actual.port === '' &&
    actual.pathname === expected.pathname
  )
}
