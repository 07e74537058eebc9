import { devServerOriginOf } from './rendererUrl'

const SCHEME = /^[a-z][a-z0-9+.-]*$/
const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/

/** What the policy depends on. */
export interface CspOptions {
  /** Running unpackaged against electron-vite's dev server. */
  dev: boolean
  /** The dev server's origin (`http://localhost:5173`); only read when `dev` is true. */
  devServerOrigin?: string
  /** The app's asset protocol scheme without the colon, e.g. `copydesk-asset`. */
  assetScheme: string
  /**
   * A per-run nonce that Vite stamps on the scripts and styles it injects during development
   * (`html.cspNonce`). Only read when `dev` is true; a production build injects nothing inline.
   */
  devNonce?: string
}

/**
 * The renderer's Content-Security-Policy. Production allows only the app's own files, images
 * from the asset protocol and `blob:`, and nothing remote. Development adds the local dev server
 * origin and its hot-reload websocket; no build ever allows inline or evaluated script.
 */
export function contentSecurityPolicy(opts: CspOptions): string {
  if (!SCHEME.test(opts.assetScheme)) {
    throw new Error(`Invalid asset scheme for the CSP: ${opts.assetScheme}`)
  }

  const dev: string[] = []
  const devSocket: string[] = []
  const nonce: string[] = []
  if (opts.dev && opts.devServerOrigin !== undefined) {
    const origin = devServerOriginOf(opts.devServerOrigin)
    if (origin === null) {
      throw new Error(`The CSP only admits a local dev server, got ${opts.devServerOrigin}`)
    }
    dev.push(origin)
    devSocket.push(origin.replace(/^http:/, 'ws:'))
  }
  if (opts.dev && opts.devNonce !== undefined) {
    if (!NONCE.test(opts.devNonce)) throw new Error('Invalid CSP nonce')
    nonce.push(`'nonce-${opts.devNonce}'`)
  }

  const directives: Array<[string, string[]]> = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'", ...dev, ...nonce]],
    ['style-src', ["'self'", ...dev, ...nonce]],
    ['img-src', ["'self'", `${opts.assetScheme}:`, 'blob:', ...dev]],
    ['font-src', ["'self'", ...dev]],
    ['connect-src', ["'self'", ...dev, ...devSocket]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]]
  ]
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ')
}
