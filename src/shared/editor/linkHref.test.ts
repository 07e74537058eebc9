import { describe, expect, it } from 'vitest'
import { isAllowedLinkHref, normalizeLinkHref } from './linkHref'

describe('isAllowedLinkHref', () => {
  it.each([
    'https://www.bundestag.de/',
    'http://example.com/pfad?x=1#teil',
    'HTTPS://EXAMPLE.COM',
    'https://de.wikipedia.org/wiki/Köln',
    'https://192.0.2.1/status',
    'mailto:desk@example.com',
    'mailto:a@example.com,b@example.org?subject=Hallo&body=Text'
  ])('accepts %s', (href) => {
    expect(isAllowedLinkHref(href)).toBe(true)
  })

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: in capitals', 'JAVASCRIPT:alert(1)'],
    ['javascript: with a tab', 'java\tscript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['protocol-relative', '//evil.example/x'],
    ['UNC', '\\\\evil.example\\share'],
    ['backslashes after the scheme', 'https:\\\\evil.example'],
    ['relative path', '/artikel/1'],
    ['relative file', 'artikel.html'],
    ['fragment only', '#oben'],
    ['no host', 'https://'],
    ['scheme without slashes', 'https:evil.example'],
    ['credentials', 'https://user:pass@evil.example/'],
    ['leading space', ' https://example.com'],
    ['quote inside', 'https://example.com/"onmouseover="x'],
    ['newline inside', 'https://example.com/\njavascript:x'],
    ['ftp', 'ftp://example.com/file'],
    ['tel', 'tel:+4930123'],
    ['mailto without address', 'mailto:'],
    ['mailto with attachment field', 'mailto:a@example.com?attach=/etc/passwd'],
    ['empty', ''],
    ['too long', `https://example.com/${'a'.repeat(2100)}`]
  ])('refuses %s', (_name, href) => {
    expect(isAllowedLinkHref(href)).toBe(false)
  })
})

describe('normalizeLinkHref', () => {
  it('trims surrounding whitespace and returns the link', () => {
    expect(normalizeLinkHref('  https://example.com/a \n')).toBe('https://example.com/a')
  })
  it('returns null for a link that is not allowed after trimming', () => {
    expect(normalizeLinkHref('  javascript:alert(1)')).toBeNull()
  })
})
