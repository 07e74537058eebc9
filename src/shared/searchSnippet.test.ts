import { describe, expect, it } from 'vitest'
import { bestSnippet, findQueryWords, snippetOf } from './searchSnippet'

const marked = (s: { text: string; marks: [number, number][] }): string[] =>
  s.marks.map(([a, b]) => s.text.slice(a, b))

describe('search snippets', () => {
  it('marks every spelling the search folds: muenchen, munchen and strasse', () => {
    const s = snippetOf(
      'captions',
      'Hochwasser in München an der Ludwigstraße',
      'muenchen strasse'
    )!
    expect(s.text).toBe('Hochwasser in München an der Ludwigstraße')
    expect(marked(s)).toEqual(['München'])
    const t = snippetOf('captions', 'Die Straße in Muenchen', 'münchen stra')!
    expect(marked(t)).toEqual(['Straße', 'Muenchen'])
  })

  it('cuts a long text around the first match at word boundaries', () => {
    const before = 'Wort '.repeat(100)
    const after = ' Ende'.repeat(100)
    const s = snippetOf('body', `${before}Pegelstand steigt${after}`, 'pegel')!
    expect(s.text.startsWith('…')).toBe(true)
    expect(s.text.endsWith('…')).toBe(true)
    expect(s.text.length).toBeLessThanOrEqual(162)
    expect(marked(s)).toEqual(['Pegelstand'])
    expect(s.text).not.toMatch(/…\S*[^ ]Wort/)
  })

  it('shows the one caption that holds the query words, not the headline', () => {
    const s = bestSnippet(
      { headline: 'Hochwasser', captions: 'Feuerwehr in Passau\nHochwasser an der Donau' },
      'hochwasser donau'
    )!
    expect(s.field).toBe('captions')
    expect(s.text).toBe('Hochwasser an der Donau')
    expect(marked(s)).toEqual(['Hochwasser', 'Donau'])
  })

  it('finds nothing where no query word starts a word', () => {
    expect(findQueryWords('Hochwasser', 'wasser').marks).toEqual([])
    expect(bestSnippet({ body: 'Hochwasser' }, 'wasser')).toBeNull()
  })
})
