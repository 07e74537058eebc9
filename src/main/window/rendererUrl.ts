import { APP_ENTRY_URL } from './rendererFiles'

const DEV_HOSTS = new Set(['localhost', '127.0.0.1'])

/**
 * The origin of a local development server URL (`http://localhost:5173`), or null when the URL
 * is anything else. Only plain http on `localhost`/`127.0.0.1` without credentials counts: the
 * dev server is the one remote origin the app ever trusts, and only while unpackaged.
 */
export function devServerOriginOf(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' || !DEV_HOSTS.has(url.hostname)) return null
  if (url.username !== '' || url.password !== '') return null
  return url.origin
}

/**
 * The URL the main window loads: electron-vite's dev server (`ELECTRON_RENDERER_URL`) when the
 * app runs unpackaged, else the built renderer on the app's own scheme (`app://copydesk/`). A
 * packaged app ignores the variable, so nobody can point a shipped app with its preload bridge at
 * another page.
 */
export function resolveRendererUrl(opts: {
  isPackaged: boolean
  env: Readonly<Record<string, string | undefined>>
}): string {
  const devUrl = opts.env['ELECTRON_RENDERER_URL']
  if (!opts.isPackaged && devUrl !== undefined && devUrl !== '') {
    if (devServerOriginOf(devUrl) === null) {
      throw new Error(`ELECTRON_RENDERER_URL must be an http://localhost URL, got ${devUrl}`)
    }
    return devUrl
  }
  return APP_ENTRY_URL
}
