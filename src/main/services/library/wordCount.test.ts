import { describe, expect, it } from 'vitest'
import { countWords } from '../../../shared/articleText'
import { bodyWordCount, fastCountWords } from './wordCount'

/** Deterministic PRNG so a failure can be reproduced. */
function prng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('fastCountWords', () => {
  it('agrees with Intl.Segmenter on typical German and English copy', () => {
    const samples = [
      'Streit um Haushalt: Koalition einigt sich auf Kompromiss.',
      'Im Bundestag verteidigt der Kanzler den Entwurf – z.B. 1.000,50 € für 3,5% mehr.',
      "Don't panic: it's the U.S. team's 2:1 win (vs. 1'000 fans) „sagte“ Müller-Lüdenscheidt.",
      'Straße, Übergröße; ÄÖÜ äöü ß … 12:30 Uhr / 24.12.2024',
      "a:b a.1 1.a a,b 1,5 1;2 a;b ..a.. ’s ‘quoted’ x'y"
    ]
    for (const text of samples) {
      expect(fastCountWords(text, 'de'), text).toBe(countWords(text, 'de'))
      expect(fastCountWords(text, 'en-GB'), text).toBe(countWords(text, 'en-GB'))
    }
  })

  it('agrees with Intl.Segmenter on 3,000 random strings of tricky characters', () => {
    const alphabet = [
      ...'aZßüÖéÿĀž09',
      ...".',;:’‘",
      ...' \n!?"„“()-–—…/&%€+=#@',
      '\u00a0',
      '\u00ad', // soft hyphen: not in the fast set, must fall back
      '_', // joins words in UAX #29: not in the fast set either
      '日' // not Latin: falls back
    ]
    const random = prng(7)
    for (let n = 0; n < 3000; n++) {
      const length = 1 + Math.floor(random() * 12)
      let text = ''
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)]
      expect(fastCountWords(text), JSON.stringify(text)).toBe(countWords(text, 'de'))
    }
  })

  it('counts a body block by block, figure captions included', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Erster Absatz hier.' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Zweiter' },
            { type: 'hardBreak' },
            { type: 'text', text: 'mit Umbruch' }
          ]
        }
      ]
    }
    expect(bodyWordCount(body)).toBe(6)
  })
})
