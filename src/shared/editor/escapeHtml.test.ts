import { describe, expect, it } from 'vitest'
import { escapeHtml } from './escapeHtml'

describe('escapeHtml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeHtml(`<img src=x onerror=alert(1)> & "quoted" 'single'`)).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39;'
    )
  })
  it('escapes an attribute break-out', () => {
    expect(escapeHtml('"><script>alert(1)</script>')).toBe(
      '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'
    )
  })
  it('leaves umlauts, typographic quotes and line breaks alone', () => {
    expect(escapeHtml('„Zürich“ – grüße\n')).toBe('„Zürich“ – grüße\n')
  })
  it('removes control characters XML forbids', () => {
    expect(escapeHtml('a\u0000b\u0007c\u001fd\tE')).toBe('abcd\tE')
  })
})
