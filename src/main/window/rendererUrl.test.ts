import { describe, expect, it } from 'vitest'
import { devServerOriginOf, resolveRendererUrl } from './rendererUrl'

describe('devServerOriginOf', () => {
  it.each([
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['http://127.0.0.1:5173/index.html', 'http://127.0.0.1:5173'],
    ['http://localhost/', 'http://localhost']
  ])('reads %s as %s', (raw, origin) => {
    expect(devServerOriginOf(raw)).toBe(origin)
  })

  it.each([
    'https://localhost:5173/',
    'http://example.com/',
    'http://localhost.example.com/',
    'http://user@localhost:5173/',
    'ws://localhost:5173/',
    'file:///index.html',
    'localhost:5173',
    ''
  ])('refuses %s', (raw) => {
    expect(devServerOriginOf(raw)).toBeNull()
  })
})

describe('resolveRendererUrl', () => {
  const appUrl = 'app://copydesk/index.html'

  it('uses the dev server while unpackaged', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(resolveRendererUrl({ isPackaged: false, env })).toBe('http://localhost:5173')
  })

  it('loads the built renderer from the app: scheme without a dev server', () => {
    expect(resolveRendererUrl({ isPackaged: false, env: {} })).toBe(appUrl)
  })

  it('ignores the variable in a packaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'https://evil.example.com/' }
    expect(resolveRendererUrl({ isPackaged: true, env })).toBe(appUrl)
  })

  it('refuses a remote dev URL', () => {
    const env = { ELECTRON_RENDERER_URL: 'https://evil.example.com/' }
    expect(() => resolveRendererUrl({ isPackaged: false, env })).toThrow(/localhost/)
  })
})
