import { describe, expect, it } from 'vitest'
import { countWords, plainTextOf, textBlocksOf } from './articleText'

describe('plainTextOf', () => {
  it('separates blocks and keeps inline text together', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [{ type: 'text', text: 'Zwischentitel' }]
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Der ' },
            { type: 'text', text: 'Bundestag', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' tagt.' }
          ]
        }
      ]
    }
    expect(plainTextOf(doc)).toBe('Zwischentitel\n\nDer Bundestag tagt.')
  })
})

describe('countWords', () => {
  it('counts German words with punctuation, dashes and numbers', () => {
    expect(countWords('„Wir haben uns geeinigt“, sagte Scholz – am 2. Mai 2024.')).toBe(10)
  })
  it('returns 0 for empty or whitespace text', () => {
    expect(countWords('')).toBe(0)
    expect(countWords('  \n ')).toBe(0)
  })
})

describe('textBlocksOf', () => {
  it('makes figure captions and pull-quote parts blocks of their own', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Davor' }] },
        {
          type: 'figure',
          attrs: { assetId: 'a'.repeat(64) },
          content: [{ type: 'figureCaption', content: [{ type: 'text', text: 'Bildtext' }] }]
        },
        {
          type: 'pullQuote',
          content: [
            { type: 'pullQuoteText', content: [{ type: 'text', text: 'Zitat' }] },
            { type: 'pullQuoteAttribution', content: [{ type: 'text', text: 'Name' }] }
          ]
        },
        { type: 'paragraph' }
      ]
    }
    expect(textBlocksOf(doc)).toEqual(['Davor', 'Bildtext', 'Zitat', 'Name'])
    expect(plainTextOf(doc)).toBe('Davor\n\nBildtext\n\nZitat\n\nName')
  })
})
