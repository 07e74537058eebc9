import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from './csp'

const assetScheme = 'copydesk-asset'

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/)
      return [name, sources]
    })
  )
}

describe('contentSecurityPolicy in production', () => {
  const csp = contentSecurityPolicy({ dev: false, assetScheme })

  it('is the strict policy', () => {
    expect(csp).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; " +
        "img-src 'self' copydesk-asset: blob:; font-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'"
    )
  })

  it('names no remote origin, websocket, data: or wildcard source', () => {
    expect(csp).not.toMatch(/https?:|wss?:|localhost|127\.0\.0\.1|data:|\*/)
  })

  it('allows no inline or evaluated code', () => {
    expect(csp).not.toMatch(/unsafe-|nonce-|sha\d+-|strict-dynamic|wasm/)
  })

  it('ignores dev-only options when not in dev', () => {
    const withDevOptions = contentSecurityPolicy({
      dev: false,
      devServerOrigin: 'http://localhost:5173',
      devNonce: 'abcdefghijklmnopqrstuv',
      assetScheme
    })
    expect(withDevOptions).toBe(csp)
  })

  it('lets every directive fall back to nothing', () => {
    const map = directives(csp)
    expect(map.get('default-src')).toEqual(["'none'"])
    expect(map.get('object-src')).toEqual(["'none'"])
    expect(map.get('base-uri')).toEqual(["'none'"])
  })
})

describe('contentSecurityPolicy in development', () => {
  const csp = contentSecurityPolicy({
    dev: true,
    devServerOrigin: 'http://localhost:5173/',
    assetScheme
  })
  const map = directives(csp)

  it('adds the dev server to scripts, styles, images, fonts and connections', () => {
    for (const name of ['script-src', 'style-src', 'img-src', 'font-src', 'connect-src']) {
      expect(map.get(name)).toContain('http://localhost:5173')
    }
  })

  it('allows the hot-reload websocket on the same host and port only', () => {
    expect(map.get('connect-src')).toEqual([
      "'self'",
      'http://localhost:5173',
      'ws://localhost:5173'
    ])
  })

  it('still allows no inline or evaluated script', () => {
    expect(csp).not.toMatch(/unsafe-/)
  })

  it('adds a nonce for what Vite injects when one is given', () => {
    const withNonce = directives(
      contentSecurityPolicy({
        dev: true,
        devServerOrigin: 'http://localhost:5173',
        devNonce: 'r4nd0mN0nceValue==',
        assetScheme
      })
    )
    expect(withNonce.get('script-src')).toContain("'nonce-r4nd0mN0nceValue=='")
    expect(withNonce.get('style-src')).toContain("'nonce-r4nd0mN0nceValue=='")
  })

  it.each([
    'https://cdn.example.com',
    'http://example.com',
    'http://localhost.evil.example.com',
    '*'
  ])('refuses the remote origin %s', (origin) => {
    expect(() =>
      contentSecurityPolicy({ dev: true, devServerOrigin: origin, assetScheme })
    ).toThrow()
  })

  it('refuses a nonce that could break out of the directive', () => {
    expect(() =>
      contentSecurityPolicy({ dev: true, devNonce: "x' 'unsafe-inline", assetScheme })
    ).toThrow()
  })
})

describe('contentSecurityPolicy asset scheme', () => {
  it.each(['', 'Copydesk', 'copydesk-asset:', "x 'unsafe-eval'", 'https://x'])(
    'refuses %j',
    (scheme) => {
      expect(() => contentSecurityPolicy({ dev: false, assetScheme: scheme })).toThrow()
    }
  )
})
