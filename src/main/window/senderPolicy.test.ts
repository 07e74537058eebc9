import { describe, expect, it } from 'vitest'
import { isTrustedSender } from './senderPolicy'

const appTrust = { rendererUrl: 'app://copydesk/index.html' }
const devTrust = { rendererUrl: 'http://localhost:5173/' }
const main = (url: string): { url: string; isMainFrame: boolean } => ({ url, isMainFrame: true })

describe('isTrustedSender with the renderer on the app: scheme', () => {
  it('accepts the main frame showing the entry page, with any query or hash', () => {
    expect(isTrustedSender(main(appTrust.rendererUrl), appTrust)).toBe(true)
    expect(isTrustedSender(main(`${appTrust.rendererUrl}?lang=de#/article/42`), appTrust)).toBe(
      true
    )
  })

  it.each([
    ['a subframe', { url: appTrust.rendererUrl, isMainFrame: false }],
    ['another page of the app', main('app://copydesk/other.html')],
    ['another host on the scheme', main('app://evil/index.html')],
    ['credentials', main('app://user@copydesk/index.html')],
    ['a port', main('app://copydesk:8080/index.html')],
    ['an encoded path', main('app://copydesk/%69ndex.html')],
    ['a parent folder', main('app://copydesk/x/%2e%2e/index.html')],
    ['the old file: page', main('file:///opt/Copydesk/resources/app.asar/out/renderer/index.html')],
    ['a downloaded file', main('file:///home/reporter/Downloads/index.html')],
    ['a dev server page', main('http://localhost:5173/')],
    ['a web page', main('https://example.com/index.html')],
    ['a vanished frame', null],
    ['a malformed URL', main('app://copydesk:x/index.html')]
  ])('refuses %s', (_name, frame) => {
    expect(isTrustedSender(frame, appTrust)).toBe(false)
  })

  it('never trusts a file: renderer URL', () => {
    const fileTrust = { rendererUrl: 'file:///opt/Copydesk/out/renderer/index.html' }
    expect(isTrustedSender(main(fileTrust.rendererUrl), fileTrust)).toBe(false)
  })
})

describe('isTrustedSender with a dev server renderer', () => {
  it('accepts any page of the dev server origin in the main frame', () => {
    expect(isTrustedSender(main('http://localhost:5173/'), devTrust)).toBe(true)
    expect(isTrustedSender(main('http://localhost:5173/index.html?x=1#y'), devTrust)).toBe(true)
  })

  it('accepts 127.0.0.1 dev servers', () => {
    const trusted = { rendererUrl: 'http://127.0.0.1:5174/' }
    expect(isTrustedSender(main('http://127.0.0.1:5174/'), trusted)).toBe(true)
  })

  it.each([
    ['a subframe', { url: 'http://localhost:5173/', isMainFrame: false }],
    ['another port', main('http://localhost:5174/')],
    ['another host', main('http://127.0.0.1:5173/')],
    ['https', main('https://localhost:5173/')],
    ['a look-alike host', main('http://localhost:5173.evil.example.com/')],
    ['credentials', main('http://evil@localhost:5173/')],
    ['a file', main('file:///opt/Copydesk/resources/app.asar/out/renderer/index.html')],
    ['a web page', main('https://example.com/')]
  ])('rejects %s', (_name, frame) => {
    expect(isTrustedSender(frame, devTrust)).toBe(false)
  })

  it('trusts nothing when the renderer URL is a remote or malformed origin', () => {
    const remote = { rendererUrl: 'https://example.com/' }
    expect(isTrustedSender(main('https://example.com/'), remote)).toBe(false)
    expect(
      isTrustedSender(main('http://example.com/'), { rendererUrl: 'http://example.com/' })
    ).toBe(false)
    expect(isTrustedSender(main('not a url'), { rendererUrl: 'not a url' })).toBe(false)
  })
})
