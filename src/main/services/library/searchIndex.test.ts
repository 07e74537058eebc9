import { describe, expect, it } from 'vitest'
import { SearchIndex, SearchIndexFormatError, type SearchDocument } from './searchIndex'

function doc(fields: Partial<SearchDocument>): SearchDocument {
  return { headline: '', kicker: '', teaser: '', bylines: '', captions: '', body: '', ...fields }
}

const ids = (index: SearchIndex, query: string): string[] =>
  index
    .search(query)
    .map((h) => h.id)
    .sort()

function sample(): SearchIndex {
  const index = new SearchIndex()
  index.put('a', 's1', doc({ headline: 'Stau in München', body: 'Auf der Straße nach Dachau.' }))
  index.put('b', 's1', doc({ headline: 'Haushalt', body: 'Die Koalition in Berlin einigt sich.' }))
  index.put('c', 's1', doc({ captions: 'Der Marienplatz in Muenchen', bylines: 'Anna Beispiel' }))
  return index
}

describe('SearchIndex', () => {
  it('folds case and diacritics: munchen and muenchen find München, strasse finds Straße', () => {
    const index = sample()
    expect(ids(index, 'munchen')).toEqual(['a', 'c'])
    expect(ids(index, 'muenchen')).toEqual(['a', 'c'])
    expect(ids(index, 'MÜNCHEN')).toEqual(['a', 'c'])
    expect(ids(index, 'strasse')).toEqual(['a'])
    expect(ids(index, 'Straße')).toEqual(['a'])
  })

  it('matches prefixes, needs every word, and says where it matched', () => {
    const index = sample()
    expect(ids(index, 'koal')).toEqual(['b'])
    expect(ids(index, 'koalition berlin')).toEqual(['b'])
    expect(ids(index, 'koalition münchen')).toEqual([])
    expect(index.search('marienplatz')).toEqual([
      { id: 'c', score: expect.any(Number), fields: ['captions'] }
    ])
    expect(index.search('beispiel')[0]?.fields).toEqual(['bylines'])
    expect(index.search('')).toEqual([])
  })

  it('ranks a headline match above a body match', () => {
    const index = new SearchIndex()
    index.put('body', 's', doc({ body: 'Ein Text über den Haushalt und mehr.' }))
    index.put('head', 's', doc({ headline: 'Haushalt', body: 'Anderes.' }))
    expect(index.search('haushalt').map((h) => h.id)).toEqual(['head', 'body'])
  })

  it('updates a document by its changed terms and forgets removed ones', () => {
    const index = sample()
    const before = doc({ headline: 'Stau in München', body: 'Auf der Straße nach Dachau.' })
    const after = doc({ headline: 'Stau in Augsburg', body: 'Auf der Straße nach Dachau.' })
    index.put('a', 's2', after, { stamp: 's1', doc: before })
    expect(ids(index, 'münchen')).toEqual(['c'])
    expect(ids(index, 'augsburg')).toEqual(['a'])
    expect(ids(index, 'dachau')).toEqual(['a'])
    expect(index.stampOf('a')).toBe('s2')
    // A stale "previous" (wrong stamp) is not trusted: the document is re-indexed from scratch.
    index.put('a', 's3', doc({ body: 'Nur noch Dachau' }), { stamp: 'wrong', doc: after })
    expect(ids(index, 'augsburg')).toEqual([])
    expect(ids(index, 'dachau')).toEqual(['a'])
    index.remove('b')
    expect(ids(index, 'koalition')).toEqual([])
    expect(index.size).toBe(2)
  })

  it('round-trips through its binary form and keeps working after the round trip', () => {
    const index = sample()
    index.remove('b')
    index.put('d', 's1', doc({ teaser: 'Neue Züge für die Straßenbahn' }))
    const bytes = index.encode()
    expect(index.pendingChanges).toBe(0)
    const loaded = SearchIndex.decode(bytes)
    expect(loaded.size).toBe(3)
    expect(loaded.stampOf('d')).toBe('s1')
    for (const q of ['munchen', 'strassenbahn', 'zuge', 'koalition', 'dachau']) {
      expect(ids(loaded, q), q).toEqual(ids(index, q))
    }
    loaded.put('e', 's1', doc({ headline: 'München leuchtet' }))
    loaded.put('a', 's2', doc({ headline: 'Stau', body: '' }), {
      stamp: 's1',
      doc: doc({ headline: 'Stau in München', body: 'Auf der Straße nach Dachau.' })
    })
    expect(ids(loaded, 'münchen')).toEqual(['c', 'e'])
    expect(ids(loaded, 'dachau')).toEqual([])
    const again = SearchIndex.decode(loaded.encode())
    expect(ids(again, 'münchen')).toEqual(['c', 'e'])
    expect(ids(again, 'stau')).toEqual(['a'])
  })

  it('refuses damaged bytes with a format error', () => {
    const bytes = sample().encode()
    expect(() => SearchIndex.decode(bytes.subarray(0, bytes.length - 4))).toThrow(
      SearchIndexFormatError
    )
    const garbled = bytes.slice()
    garbled[0] = 0
    expect(() => SearchIndex.decode(garbled)).toThrow(/not a Copydesk search index/)
    expect(() => SearchIndex.decode(new Uint8Array(3))).toThrow(SearchIndexFormatError)
  })

  it('survives a thousand random edits with results equal to a fresh index', () => {
    let seed = 11
    const random = (): number => {
      seed = (seed * 16807) % 2147483647
      return seed / 2147483647
    }
    const vocabulary = ['münchen', 'berlin', 'straße', 'haus', 'haushalt', 'zug', 'züge', 'bahn']
    const text = (): string =>
      Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
        return vocabulary[Math.floor(random() * vocabulary.length)]
      }).join(' ')
    let index = new SearchIndex()
    const current = new Map<string, SearchDocument>()
    for (let step = 0; step < 1000; step++) {
      const id = `doc${Math.floor(random() * 20)}`
      const r = random()
      if (r < 0.1) {
        index.remove(id)
        current.delete(id)
      } else {
        const next = doc({ headline: text(), body: text() })
        const prev = current.get(id)
        index.put(id, `s${step}`, next, prev && { stamp: index.stampOf(id) ?? '', doc: prev })
        current.set(id, next)
      }
      if (step % 250 === 249) index = SearchIndex.decode(index.encode())
    }
    const fresh = new SearchIndex()
    for (const [id, d] of current) fresh.put(id, 'x', d)
    for (const q of [...vocabulary, 'ha', 'zu', 'strasse']) {
      expect(index.search(q), q).toEqual(fresh.search(q))
    }
  })
})
