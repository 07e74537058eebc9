import { describe, expect, it } from 'vitest'
import type { PmNode } from '../article'
import { countWords, plainTextOf } from '../articleText'
import { bodyStats, createBodyStatsCounter, readingSpeed } from './bodyStats'
import { bodySchema } from './extensions'
import { ASSET_A, doc, paragraph, text } from './__fixtures__/bodies'

const BODY = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('Zwischentitel')] },
  paragraph(text('„Wir haben uns geeinigt“, sagte Scholz – am 2. Mai 2024.')),
  paragraph(text('Zeile'), { type: 'hardBreak' }, text('zwei')),
  {
    type: 'figure',
    attrs: { assetId: ASSET_A },
    content: [{ type: 'figureCaption', content: [text('Im Bundestag')] }]
  },
  paragraph()
)

describe('bodyStats', () => {
  it('counts words with Intl.Segmenter, characters with and without spaces', () => {
    // Words: Zwischentitel (1) + the sentence (10) + Zeile zwei (2) + Im Bundestag (2).
    // Characters: 13 + 56 + 10 ("Zeile\nzwei") + 12; without whitespace: 13 + 46 + 9 + 11.
    expect(bodyStats(BODY, 'de')).toEqual({
      words: 15,
      characters: 13 + 56 + 10 + 12,
      charactersWithoutSpaces: 13 + 46 + 9 + 11,
      readingMinutes: 1
    })
  })

  it('agrees with the library list’s word count', () => {
    expect(bodyStats(BODY, 'de').words).toBe(countWords(plainTextOf(BODY), 'de'))
  })

  it('counts a decomposed umlaut once and a no-break space as a space', () => {
    const stats = bodyStats(doc(paragraph(text('Zu\u0308rich 2.\u00a0Mai'))), 'de')
    expect(stats.characters).toBe('Zürich 2. Mai'.length)
    expect(stats.charactersWithoutSpaces).toBe('Zürich2.Mai'.length)
  })

  it('is all zero for an empty body', () => {
    expect(bodyStats(doc(paragraph()), 'en-GB')).toEqual({
      words: 0,
      characters: 0,
      charactersWithoutSpaces: 0,
      readingMinutes: 0
    })
  })

  it('reads 200 German and 230 English words a minute, rounding up', () => {
    expect(readingSpeed('de-CH')).toBe(200)
    expect(readingSpeed('en-US')).toBe(230)
    const words = (n: number): PmNode => doc(paragraph(text(Array(n).fill('Wort').join(' '))))
    expect(bodyStats(words(200), 'de').readingMinutes).toBe(1)
    expect(bodyStats(words(201), 'de').readingMinutes).toBe(2)
    expect(bodyStats(words(460), 'en-GB').readingMinutes).toBe(2)
    expect(bodyStats(words(461), 'en-GB').readingMinutes).toBe(3)
  })
})

describe('createBodyStatsCounter', () => {
  it('gives the same figures as bodyStats and recounts only changed blocks', () => {
    const schema = bodySchema()
    const count = createBodyStatsCounter('de')
    const first = schema.nodeFromJSON(BODY)
    expect(count(first)).toEqual(bodyStats(BODY, 'de'))

    // Change the second block only; the other blocks stay the same node objects, as they do
    // between two editor states.
    const edited = first.copy(
      first.content.replaceChild(1, schema.nodes.paragraph!.create(null, schema.text('Ganz neu')))
    )
    expect(edited.child(0)).toBe(first.child(0))
    expect(count(edited)).toEqual(bodyStats(edited.toJSON() as PmNode, 'de'))
    expect(count(edited).words).toBe(bodyStats(BODY, 'de').words - 10 + 2)
  })
})
