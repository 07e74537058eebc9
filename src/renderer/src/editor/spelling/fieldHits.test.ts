import { describe, expect, it } from 'vitest'
import { mapHits, segmentsOf } from './fieldHits'

describe('mapHits', () => {
  const text = 'Der Bundestga und Kimm tagen'
  const hits = [
    { start: 4, end: 13 },
    { start: 18, end: 22 }
  ]

  it('keeps words before an edit and moves words after it', () => {
    const after = 'Der Bundestga sowie Kimm tagen'
    expect(mapHits(text, after, hits)).toEqual([
      { start: 4, end: 13 },
      { start: 20, end: 24 }
    ])
    expect(after.slice(20, 24)).toBe('Kimm')
  })

  it('drops a word the edit touched (typing on at its end)', () => {
    const after = 'Der Bundestgaa und Kimm tagen'
    expect(mapHits(text, after, hits)).toEqual([{ start: 19, end: 23 }])
    expect(after.slice(19, 23)).toBe('Kimm')
  })

  it('keeps all when nothing changed', () => {
    expect(mapHits(text, text, hits)).toEqual(hits)
  })
})

describe('segmentsOf', () => {
  it('cuts the text into runs and marked words, covering it exactly', () => {
    const segments = segmentsOf('ab Kimm cd', [{ start: 3, end: 7 }])
    expect(segments.map((s) => s.text).join('')).toBe('ab Kimm cd')
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['Kimm'])
  })

  it('skips hits past the text (a stale check)', () => {
    expect(segmentsOf('ab', [{ start: 3, end: 7 }])).toEqual([{ text: 'ab' }])
  })
})
