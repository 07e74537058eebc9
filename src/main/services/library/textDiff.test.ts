import { describe, expect, it } from 'vitest'
import {
  ARTICLE_SCHEMA_VERSION,
  defaultArticleFields,
  type Article,
  type PmNode
} from '../../../shared/article'
import { diffArticles, diffParagraphs, diffSequences, diffWords, readerBlocksOf } from './textDiff'

function apply<T>(runs: ReturnType<typeof diffSequences<T>>): { a: T[]; b: T[] } {
  const a: T[] = []
  const b: T[] = []
  for (const run of runs) {
    if (run.op !== 'insert') a.push(...run.items)
    if (run.op !== 'delete') b.push(...run.items)
  }
  return { a, b }
}

describe('diffSequences', () => {
  it('finds a longest common subsequence and reproduces both sides', () => {
    const a = [...'ABCABBA']
    const b = [...'CBABAC']
    const runs = diffSequences(a, b)
    expect(apply(runs)).toEqual({ a, b })
    const kept = runs.filter((r) => r.op === 'equal').flatMap((r) => r.items)
    expect(kept).toHaveLength(4) // LCS length of the classic example
  })

  it('handles empty sides and identical input', () => {
    expect(diffSequences([], ['x'])).toEqual([{ op: 'insert', items: ['x'] }])
    expect(diffSequences(['x'], [])).toEqual([{ op: 'delete', items: ['x'] }])
    expect(diffSequences(['x', 'y'], ['x', 'y'])).toEqual([{ op: 'equal', items: ['x', 'y'] }])
  })

  it('reproduces both sides for random sequences', () => {
    let seed = 3
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let n = 0; n < 200; n++) {
      const gen = (): string[] =>
        Array.from({ length: Math.floor(random() * 12) }, () => 'abcd'[Math.floor(random() * 4)]!)
      const a = gen()
      const b = gen()
      expect(apply(diffSequences(a, b))).toEqual({ a, b })
    }
  })
})

describe('diffParagraphs and diffWords', () => {
  it('pairs a replaced paragraph and shows its word changes', () => {
    const before = ['Erster Absatz.', 'Die Koalition streitet.', 'Ende.']
    const after = ['Erster Absatz.', 'Die Koalition einigt sich.', 'Ende.', 'Nachtrag.']
    expect(diffParagraphs(before, after)).toEqual([
      { op: 'equal', before: 'Erster Absatz.', after: 'Erster Absatz.' },
      {
        op: 'change',
        before: 'Die Koalition streitet.',
        after: 'Die Koalition einigt sich.',
        words: diffWords('Die Koalition streitet.', 'Die Koalition einigt sich.')
      },
      { op: 'equal', before: 'Ende.', after: 'Ende.' },
      { op: 'insert', before: null, after: 'Nachtrag.' }
    ])
    expect(diffWords('Die Koalition streitet.', 'Die Koalition einigt sich.')).toEqual([
      { op: 'equal', text: 'Die Koalition ' },
      { op: 'delete', text: 'streitet.' },
      { op: 'insert', text: 'einigt sich.' }
    ])
  })
})

describe('diffArticles', () => {
  it('lists changed fields and body paragraphs with word totals', () => {
    const make = (headline: string, paragraphs: string[], revision: number): Article => ({
      ...defaultArticleFields(),
      schemaVersion: ARTICLE_SCHEMA_VERSION,
      id: '0c9dfa0a-dbee-417b-8944-c1d2cdde806d',
      revision,
      createdAt: '2024-05-02T14:30:00+02:00',
      updatedAt: '2024-05-02T14:30:00+02:00',
      headline,
      body: {
        type: 'doc',
        content: paragraphs.map((text) => ({
          type: 'paragraph',
          content: [{ type: 'text', text }]
        }))
      }
    })
    const diff = diffArticles(
      make('Alt', ['Eins zwei drei.'], 2),
      make('Neu', ['Eins vier drei.', 'Fünf sechs.'], 5),
      '2'
    )
    expect(diff.fields).toEqual([
      {
        field: 'headline',
        before: 'Alt',
        after: 'Neu',
        words: [
          { op: 'delete', text: 'Alt' },
          { op: 'insert', text: 'Neu' }
        ]
      }
    ])
    expect(diff.body.map((p) => p.op)).toEqual(['change', 'insert'])
    expect(diff).toMatchObject({ fromRevision: 2, toRevision: 5, wordsAdded: 3, wordsRemoved: 1 })
  })
})

describe('body images in the comparison', () => {
  const A = 'a'.repeat(64)
  const B = 'b'.repeat(64)
  const figure = (assetId: string, caption: string): PmNode => ({
    type: 'figure',
    attrs: { assetId },
    content: [{ type: 'figureCaption', content: [{ type: 'text', text: caption }] }]
  })
  const para = (text: string): PmNode => ({
    type: 'paragraph',
    content: [{ type: 'text', text }]
  })

  it('lists an image as a block of its own before its caption', () => {
    expect(
      readerBlocksOf({ type: 'doc', content: [para('Vorher.'), figure(A, 'Kim in Wladiwostok')] })
    ).toEqual(['Vorher.', '\uFFFC' + A, 'Kim in Wladiwostok'])
  })

  it('marks an image added, removed or replaced, never as a word change', () => {
    const before = readerBlocksOf({ type: 'doc', content: [para('Text.'), figure(A, 'Bild')] })
    const after = readerBlocksOf({ type: 'doc', content: [para('Text.'), figure(B, 'Bild')] })
    const diff = diffParagraphs(before, after)
    expect(diff).toEqual([
      { op: 'equal', before: 'Text.', after: 'Text.' },
      { op: 'delete', before: null, after: null, assetId: A },
      { op: 'insert', before: null, after: null, assetId: B },
      { op: 'equal', before: 'Bild', after: 'Bild' }
    ])
    const added = diffParagraphs(readerBlocksOf({ type: 'doc', content: [para('Text.')] }), after)
    expect(added.filter((p) => p.assetId)).toEqual([
      { op: 'insert', before: null, after: null, assetId: B }
    ])
  })
})
