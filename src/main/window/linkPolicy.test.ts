import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl, MAX_EXTERNAL_URL_LENGTH } from './linkPolicy'

const good = [
  'https://example.com',
  'https://example.com/',
  'http://example.com/path?q=1#frag',
  'https://www.tagesschau.de/inland/artikel-100.html',
  'https://de.wikipedia.org/wiki/M%C3%BCnchen',
  'https://example.com:8443/a/b',
  'https://xn--mnchen-3ya.de/',
  'HTTPS://Example.COM/Path',
  'https://sub-domain.example.co.uk/a%20b',
  "https://en.wikipedia.org/wiki/Flann_O'Brien",
  'mailto:desk@example.com',
  'mailto:desk@example.com,chief@example.org?subject=Korrektur&body=Seite%202',
  'mailto:first.last+tag@news.example.com?cc=boss@example.com'
]

const hostile = [
  '',
  ' ',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  ' javascript:alert(1)',
  '\u0000javascript:alert(1)',
  ' https://example.com',
  'https://example.com ',
  'https://example.com/\u202Egpj.exe',
  'https://exаmple.com',
  'https://example.com/%0aSet-Cookie:x',
  '%0ajavascript:alert(1)',
  'https://example.com/%00',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'file://C:/Windows/System32/calc.exe',
  'FILE:///C:/Windows/win.ini',
  '//evil.example.com/x',
  '\\\\evil.example.com\\share\\x.exe',
  'smb://evil.example.com/share',
  'chrome://settings',
  'about:blank',
  'blob:https://example.com/uuid',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x',
  'https:\\\\evil.example.com',
  'https:/\\evil.example.com',
  'https:evil.example.com',
  'https:///evil.example.com',
  'https://',
  'https://user:pass@example.com/',
  'https://example.com@evil.example.com/',
  'https://@evil.example.com/',
  'http://localhost:3000/',
  'http://app.localhost/',
  'http://127.0.0.1/',
  'http://2130706433/',
  'http://0x7f.1/',
  'http://[::1]/',
  'http://intranet/',
  'http://-bad-.example.com/',
  'https://example.com.',
  'mailto:',
  'mailto:not-an-address',
  'mailto:desk@example.com?attach=/etc/passwd',
  'mailto:desk@example.com?Attachment=C:\\x',
  'mailto:desk@example.com%0abcc:all@example.com',
  'https://example.com/' + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH),
  'not a url',
  'https://example.com/"onmouseover="alert(1)',
  'https://example.com/<script>',
  'https://example.com/`calc`',
  'https://exa mple.com'
]

describe('isSafeExternalUrl', () => {
  it.each(good)('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each(hostile)('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })

  it('has a long enough hostile list', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(25)
  })

  it('allows a URL of exactly the maximum length and refuses one character more', () => {
    const base = 'https://example.com/'
    const exact = base + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH - base.length)
    expect(isSafeExternalUrl(exact)).toBe(true)
    expect(isSafeExternalUrl(exact + 'a')).toBe(false)
  })

  it('refuses values that are not strings at run time', () => {
    expect(isSafeExternalUrl(undefined as unknown as string)).toBe(false)
    expect(isSafeExternalUrl({ toString: () => 'https://example.com' } as unknown as string)).toBe(
      false
    )
  })
})
