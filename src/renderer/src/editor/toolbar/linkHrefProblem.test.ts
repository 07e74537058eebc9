import { describe, expect, it } from 'vitest'
import { linkHrefProblem } from './linkHrefProblem'

describe('linkHrefProblem', () => {
  it('accepts http, https and mailto addresses', () => {
    expect(linkHrefProblem('https://www.bundestag.de/haushalt')).toBeNull()
    expect(linkHrefProblem('  http://example.org ')).toBeNull()
    expect(linkHrefProblem('mailto:redaktion@example.org')).toBeNull()
  })

  it('names the problem of each refused address', () => {
    expect(linkHrefProblem('')).toBe('empty')
    expect(linkHrefProblem('javascript:alert(1)')).toBe('script')
    expect(linkHrefProblem('java\tscript:alert(1)')).toBe('script')
    expect(linkHrefProblem('data:text/html,<b>x</b>')).toBe('script')
    expect(linkHrefProblem('file:///etc/passwd')).toBe('file')
    expect(linkHrefProblem('\\\\server\\share\\doc.docx')).toBe('file')
    expect(linkHrefProblem('C:\\Users\\anna\\bericht.docx')).toBe('file')
    expect(linkHrefProblem('//evil.example/x')).toBe('protocolRelative')
    expect(linkHrefProblem('www.bundestag.de')).toBe('noScheme')
    expect(linkHrefProblem('/artikel/123')).toBe('noScheme')
    expect(linkHrefProblem('ftp://example.org/datei')).toBe('other')
    expect(linkHrefProblem('https://user:pw@example.org')).toBe('other')
  })
})
