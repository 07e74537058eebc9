import { describe, expect, it } from 'vitest'
import { isTrustedSender } from './senderPolicy'

const fileTrust = { rendererUrl: 'file:///opt/Copydesk/resources/app.asar/out/renderer/index.html' }
const devTrust = { rendererUrl: 'http://localhost:5173/' }
const main = (url: string): { url: string; isMainFrame: boolean } => ({ url, isMainFrame: true })

describe('isTrustedSender with a file: renderer', () => {
  it('accepts the main frame showing the renderer file', () => {
    expect(isTrustedSender(main(fileTrust.rendererUrl), fileTrust)).toBe(true)
  })

  it('ignores hash and query', () => {
    const url = `${fileTrust.rendererUrl}?lang=de#/article/42`
    expect(isTrustedSender(main(url), fileTrust)).toBe(true)
    expect(isTrustedSender(main(fileTrust.rendererUrl), { rendererUrl: url })).toBe(true)
  })

  it('accepts paths spelled with different but equivalent percent-encoding', () => {
    const trusted = { rendererUrl: 'file:///C:/Users/J%C3%BCrgen/App%20Data/renderer/index.html' }
    expect(
      isTrustedSender(main('file:///c:/Users/Jürgen/App Data/renderer/index.html'), trusted)
    ).toBe(true)
  })

  it.each([
    ['a null frame', null],
    ['a subframe', { url: fileTrust.rendererUrl, isMainFrame: false }],
    ['another file', main('file:///opt/Copydesk/resources/app.asar/out/renderer/other.html')],
    ['a file sharing a prefix', main(`${fileTrust.rendererUrl}.evil.html`)],
    [
      'a sibling folder sharing a prefix',
      main('file:///opt/Copydesk/resources/app.asar/out/renderer-x/index.html')
    ],
    ['the folder itself', main('file:///opt/Copydesk/resources/app.asar/out/renderer/')],
    ['a downloaded file', main('file:///home/reporter/Downloads/index.html')],
    [
      'encoded dot segments',
      main('file:///opt/Copydesk/resources/app.asar/out/x/%2e%2e/renderer/index.html')
    ],
    [
      'upper-case encoded dots',
      main('file:///opt/Copydesk/resources/app.asar/out/x/%2E%2E/renderer/index.html')
    ],
    [
      'literal dot segments',
      main('file:///opt/Copydesk/resources/app.asar/out/x/../renderer/index.html')
    ],
    ['an encoded slash', main('file:///opt/Copydesk/resources/app.asar/out%2frenderer/index.html')],
    [
      'an encoded backslash',
      main('file:///opt/Copydesk/resources/app.asar/out%5crenderer/index.html')
    ],
    ['a NUL byte', main(`${fileTrust.rendererUrl}%00.html`)],
    [
      'a UNC host',
      main('file://evil-host/opt/Copydesk/resources/app.asar/out/renderer/index.html')
    ],
    ['the dev server', main('http://localhost:5173/')],
    ['a web page', main('https://example.com/index.html')],
    ['about:blank', main('about:blank')],
    ['an empty URL', main('')],
    [
      'broken percent-encoding',
      main('file:///opt/Copydesk/resources/app.asar/out/renderer/%E0%A4%A.html')
    ]
  ])('rejects %s', (_name, frame) => {
    expect(isTrustedSender(frame, fileTrust)).toBe(false)
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
