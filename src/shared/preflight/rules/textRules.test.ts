import { describe, expect, it } from 'vitest'
import { defaultArticleFields, type Article, type PmNode } from '../../article'
import { DEFAULT_SETTINGS } from '../../settings'
import { hasBlockingFindings, runPreflight, type PreflightContext } from '../runPreflight'

const ASSET = 'a'.repeat(64)

function paragraph(text: string, nodeId: string): PmNode {
  return { type: 'paragraph', attrs: { nodeId }, content: [{ type: 'text', text }] }
}

function article(patch: Partial<Article> = {}): Article {
  return {
    ...defaultArticleFields(),
    schemaVersion: 1,
    id: '0c9dfa0a-dbee-417b-8944-c1d2cdde806d',
    revision: 1,
    createdAt: '2024-05-02T10:00:00+02:00',
    updatedAt: '2024-05-02T10:00:00+02:00',
    headline: 'Gipfel in Wladiwostok',
    teaser: 'Zwei Tage, viele Worte.',
    bylines: ['Anna Beispiel'],
    dateline: { place: 'Wladiwostok', source: null },
    body: { type: 'doc', content: [paragraph('Der Gipfel beginnt.', 'p1')] },
    ...patch
  }
}

function ctx(language: 'de' | 'en' = 'en'): PreflightContext {
  return {
    asset: (id) =>
      id === ASSET
        ? {
            width: 3000,
            caption: null,
            credit: 'dpa',
            photographer: null,
            alt: 'x',
            usageTerms: null
          }
        : undefined,
    settings: DEFAULT_SETTINGS,
    language,
    now: new Date('2024-05-02T12:00:00+02:00')
  }
}

const ofCode = (
  a: Article,
  code: string,
  language: 'de' | 'en' = 'en'
): ReturnType<typeof runPreflight> => runPreflight(a, ctx(language)).filter((f) => f.code === code)

describe('body-missing', () => {
  it('is an error that blocks export when the body has no text', () => {
    for (const body of [
      { type: 'doc', content: [] },
      { type: 'doc', content: [{ type: 'paragraph', attrs: { nodeId: 'p1' } }] },
      { type: 'doc', content: [paragraph('  \u00a0 ', 'p1'), { type: 'hardBreak' }] }
    ]) {
      const findings = ofCode(article({ body: body as PmNode }), 'body-missing')
      expect(findings.map((f) => [f.severity, f.where, f.message])).toEqual([
        ['error', { field: 'body' }, 'The body has no text: there is nothing to publish.']
      ])
      expect(hasBlockingFindings(findings)).toBe(true)
    }
  })

  it('does not count a figure caption as body text', () => {
    const body: PmNode = {
      type: 'doc',
      content: [
        {
          type: 'figure',
          attrs: { assetId: ASSET, nodeId: 'f1' },
          content: [{ type: 'figureCaption', content: [{ type: 'text', text: 'Der Hafen' }] }]
        }
      ]
    }
    expect(ofCode(article({ body }), 'body-missing', 'de').map((f) => f.message)).toEqual([
      'Der Artikel hat keinen Text: Es gibt nichts zu veröffentlichen.'
    ])
  })

  it('is silent once one word stands in a list or a quotation', () => {
    const body: PmNode = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [paragraph('Punkt', 'p2')] }]
        }
      ]
    }
    expect(ofCode(article({ body }), 'body-missing')).toEqual([])
    expect(ofCode(article(), 'body-missing')).toEqual([])
  })
})

describe('teaser-missing', () => {
  it('warns about an empty or blank teaser, in both languages', () => {
    for (const teaser of [null, '', '  \n ']) {
      const [en] = ofCode(article({ teaser }), 'teaser-missing')
      const [de] = ofCode(article({ teaser }), 'teaser-missing', 'de')
      expect([en?.severity, en?.where, en?.message]).toEqual([
        'warning',
        { field: 'teaser' },
        'The article has no teaser.'
      ])
      expect(de?.message).toBe('Der Artikel hat keinen Vorspann.')
    }
    expect(ofCode(article(), 'teaser-missing')).toEqual([])
  })
})
