import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultArticleFields, type PmNode } from '../../../shared/article'
import { SpellChecker } from './spellChecker'
import { bodyTextBlocks, spellFindings, type SpellableArticle } from './spellFindings'

let dir: string
let checker: SpellChecker

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-spellfindings-'))
  checker = new SpellChecker({ libraryDir: dir })
})

afterAll(async () => {
  await checker.close()
  await rm(dir, { recursive: true, force: true })
})

const ASSET = 'a'.repeat(64)

function article(overrides: Partial<SpellableArticle> = {}): SpellableArticle {
  const fields = defaultArticleFields()
  return {
    language: fields.language,
    kicker: 'Haushaltsstreti',
    headline: 'Koalition einigt sich auf Kompromis',
    teaser: 'Die Einigung kam nach langer Nacht.',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Der Bundestag tagt.' }] },
        {
          type: 'blockquote',
          content: [
            {
              type: 'paragraph',
              attrs: { id: 'p-quote' },
              content: [
                { type: 'text', text: 'Wir ' },
                { type: 'text', text: 'habne', marks: [{ type: 'bold' }] },
                { type: 'hardBreak' },
                { type: 'text', text: 'gewonnen' }
              ]
            }
          ]
        },
        { type: 'figure', attrs: { assetId: ASSET, caption: 'Die Minsterin im Plenum' } }
      ]
    },
    lead: { assetId: ASSET, caption: 'Im Bundestga', credit: null, photographer: null, alt: null },
    galleries: [
      {
        id: 'g1',
        name: null,
        items: [
          { assetId: ASSET, caption: 'Erstes Bild', credit: null, photographer: null, alt: null },
          { assetId: ASSET, caption: 'Zweites Bidl', credit: null, photographer: null, alt: null }
        ]
      }
    ],
    ...overrides
  }
}

describe('spellFindings', () => {
  it('reports each unknown word of kicker, headline, teaser, body and captions with where it is', async () => {
    const findings = await spellFindings(checker, article())
    expect(findings.map(({ word, where, start, end }) => ({ word, where, start, end }))).toEqual([
      { word: 'Haushaltsstreti', where: { field: 'kicker' }, start: 0, end: 15 },
      { word: 'Kompromis', where: { field: 'headline' }, start: 26, end: 35 },
      { word: 'habne', where: { path: [1, 0], nodeId: 'p-quote' }, start: 4, end: 9 },
      { word: 'Minsterin', where: { path: [2] }, start: 4, end: 13 },
      { word: 'Bundestga', where: { assetId: ASSET }, start: 3, end: 12 },
      { word: 'Bidl', where: { galleryId: 'g1', index: 1 }, start: 8, end: 12 }
    ])
    const byWord = new Map(findings.map((f) => [f.word, f.suggestions]))
    expect(byWord.get('Kompromis')).toContain('Kompromiss')
    expect(byWord.get('Bundestga')?.[0]).toBe('Bundestag')
    expect(findings.every((f) => f.suggestions.length <= 5)).toBe(true)
  })

  it('checks the captions the caller passes instead of the article’s own', async () => {
    const findings = await spellFindings(checker, article(), {
      captions: [{ text: 'Ein Fotgraf bei der Arbeit', where: { assetId: 'b'.repeat(64) } }]
    })
    const captionWords = findings.filter((f) => 'assetId' in f.where || 'galleryId' in f.where)
    expect(captionWords.map((f) => [f.word, f.where])).toEqual([
      ['Fotgraf', { assetId: 'b'.repeat(64) }]
    ])
  })

  it('uses the article’s language and finds nothing in correct copy', async () => {
    const english = article({
      language: 'en-GB',
      kicker: null,
      headline: 'Council approves the new centre',
      teaser: null,
      body: { type: 'doc', content: [{ type: 'paragraph' }] },
      lead: null,
      galleries: []
    })
    expect(await spellFindings(checker, english)).toEqual([])
    const german = { ...english, language: 'de' as const }
    expect((await spellFindings(checker, german)).map((f) => f.word)).toEqual([
      'Council',
      'approves',
      'the',
      'new',
      'centre'
    ])
  })

  it('offsets in a body block match the block’s text', () => {
    const doc: PmNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Eins ' },
            { type: 'text', text: 'zwei', marks: [{ type: 'italic' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'drei' }
          ]
        }
      ]
    }
    expect(bodyTextBlocks(doc)).toEqual([{ text: 'Eins zwei\ndrei', where: { path: [0] } }])
  })

  it('names a block by the stable node id the editor gives it', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { nodeId: 'pabsatz001' },
          content: [{ type: 'text', text: 'Eins' }]
        }
      ]
    }
    expect(bodyTextBlocks(doc)).toEqual([
      { text: 'Eins', where: { path: [0], nodeId: 'pabsatz001' } }
    ])
  })
})
