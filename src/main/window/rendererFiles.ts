import { lstat, readFile } from 'node:fs/promises'
import { extname, join, relative, isAbsolute, sep } from 'node:path'

/**
 * The privileged scheme the renderer is served from (`app://copydesk/index.html`) instead of
 * `file:`: responses carry the CSP header, a page cannot load scripts from other folders of the
 * disk, and Electron's file-protocol privileges can stay off.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'copydesk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The renderer's entry page. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const MAX_URL_LENGTH = 2048
// Printable ASCII without space, backslash and percent: Chromium canonicalises URLs before the
// handler sees them, and the built renderer has only plain file names, so anything else was
// written by hand to get past this check.
const PLAIN_URL = /^[\x21-\x24\x26-\x5b\x5d-\x7e]+$/
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

/**
 * The path segments an app URL names inside the renderer folder, or null for anything that is not
 * `app://copydesk/<plain segments>` (query and hash ignored; `/` means `index.html`).
 */
export function parseAppUrl(url: string): string[] | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || !PLAIN_URL.test(url)) return null
  const prefix = `${APP_ORIGIN}/`
  if (url.slice(0, prefix.length).toLowerCase() !== prefix) return null
  const path = url.slice(prefix.length).split(/[?#]/, 1)[0] ?? ''
  if (path === '') return ['index.html']
  const segments = path.split('/')
  if (!segments.every((s) => SEGMENT.test(s) && s !== '..')) return null
  if (!(extname(segments[segments.length - 1] ?? '').toLowerCase() in MIME)) return null
  return segments
}

/**
 * The handler behind `protocol.handle('app', …)`, free of Electron so it can be tested: GET and
 * HEAD only, files of `rendererDir` only (no traversal, no links, no other types than the
 * renderer ships), every response with the CSP header and `nosniff`.
 */
export function createRendererHandler(
  rendererDir: string,
  csp: string
): (request: Request) => Promise<Response> {
  const headers = (type?: string): Record<string, string> => ({
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...(type ? { 'Content-Type': type } : {})
  })
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...headers(), Allow: 'GET, HEAD' } })
    }
    const segments = parseAppUrl(request.url)
    if (segments === null) return new Response(null, { status: 400, headers: headers() })
    const file = join(rendererDir, ...segments)
    const rel = relative(rendererDir, file)
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
      return new Response(null, { status: 400, headers: headers() })
    }
    try {
      const info = await lstat(file)
      if (!info.isFile()) return new Response(null, { status: 404, headers: headers() })
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
      const body = request.method === 'HEAD' ? null : await readFile(file)
      return new Response(body, { status: 200, headers: headers(type) })
    } catch {
      return new Response(null, { status: 404, headers: headers() })
    }
  }
}
