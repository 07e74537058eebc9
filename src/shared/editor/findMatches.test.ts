import { describe, expect, it } from 'vitest'
import { defaultArticleFields, type ArticleFields } from '../article'
import { bodySchema } from './extensions'
import {
  findInDoc,
  findInFields,
  findInText,
  findMatches,
  patchFromFieldValues,
  replaceInFields,
  replaceInText,
  searchableFields
} from './findMatches'
import { ASSET_A, doc, paragraph, text } from './__fixtures__/bodies'

describe('findInText', () => {
  it('finds every match, case-insensitive by default', () => {
    expect(findInText('Bundestag, bundestag, BUNDESTAG', 'bundestag')).toEqual([
      { from: 0, to: 9 },
      { from: 11, to: 20 },
      { from: 22, to: 31 }
    ])
  })

  it('respects case when asked', () => {
    expect(findInText('Bundestag bundestag', 'Bundestag', { caseSensitive: true })).toEqual([
      { from: 0, to: 9 }
    ])
  })

  it('whole word: not inside a longer word, also next to umlauts and digits', () => {
    const text = 'Tag Bundestag Tagung Tag. Tagä 2Tag Tag'
    expect(findInText(text, 'Tag', { wholeWord: true }).map((r) => r.from)).toEqual([0, 21, 36])
  })

  it('treats regular-expression characters literally', () => {
    expect(findInText('a.b a+b (c) [d] a.b', 'a.b')).toEqual([
      { from: 0, to: 3 },
      { from: 16, to: 19 }
    ])
    expect(findInText('(c) x', '(c)')).toEqual([{ from: 0, to: 3 }])
    expect(findInText('x', '')).toEqual([])
  })

  it('replaceInText replaces literally and counts', () => {
    expect(
      replaceInText('Die Kanzlerin und die kanzlerin', 'kanzlerin', 'Regierungschefin $1')
    ).toEqual({ text: 'Die Regierungschefin $1 und die Regierungschefin $1', count: 2 })
  })
})

describe('findInDoc', () => {
  const schema = bodySchema()
  const body = schema.nodeFromJSON(
    doc(
      paragraph(text('Der Bundes'), text('tag', [{ type: 'bold' }]), text(' tagt.')),
      paragraph(text('Zeile Tag'), { type: 'hardBreak' }, text('Tag zwei')),
      {
        type: 'figure',
        attrs: { assetId: ASSET_A },
        content: [{ type: 'figureCaption', content: [text('Tag im Bundestag')] }]
      }
    )
  )

  it('returns document positions that select exactly the match, across marks', () => {
    const matches = findInDoc(body, 'bundestag')
    expect(matches).toHaveLength(2)
    expect(matches.map((m) => body.textBetween(m.from, m.to))).toEqual(['Bundestag', 'Bundestag'])
  })

  it('never matches across a hard break, and searches captions', () => {
    expect(findInDoc(body, 'Tag Tag', { caseSensitive: true })).toEqual([])
    const tags = findInDoc(body, 'tag', { wholeWord: true })
    expect(tags.map((m) => body.textBetween(m.from, m.to))).toEqual(['Tag', 'Tag', 'Tag'])
  })

  it('findMatches returns body and field matches together', () => {
    const result = findMatches(body, { headline: 'Bundestag tagt' }, 'bundestag')
    expect(result.body).toHaveLength(2)
    expect(result.fields).toEqual([{ field: 'headline', from: 0, to: 9 }])
  })
})

describe('fields', () => {
  const article: ArticleFields = {
    ...defaultArticleFields(),
    kicker: 'Haushalt',
    headline: 'Koalition einigt sich auf Haushalt',
    teaser: null,
    bylines: ['Anna Haushalt', 'Max'],
    dateline: { place: 'Berlin', source: 'dpa' },
    lead: {
      assetId: ASSET_A,
      caption: 'Der Haushalt im Bundestag',
      credit: null,
      photographer: null,
      alt: null
    },
    galleries: [
      {
        id: 'g1',
        name: null,
        items: [
          { assetId: ASSET_A, caption: null, credit: null, photographer: null, alt: null },
          {
            assetId: ASSET_A,
            caption: 'Haushalt zwei',
            credit: null,
            photographer: null,
            alt: null
          }
        ]
      }
    ]
  }

  it('searchableFields lists the text fields by path, skipping empty ones', () => {
    expect(searchableFields(article)).toEqual({
      kicker: 'Haushalt',
      headline: 'Koalition einigt sich auf Haushalt',
      'bylines.0': 'Anna Haushalt',
      'bylines.1': 'Max',
      'dateline.place': 'Berlin',
      'dateline.source': 'dpa',
      'lead.caption': 'Der Haushalt im Bundestag',
      'galleries.0.items.1.caption': 'Haushalt zwei'
    })
  })

  it('findInFields gives field and offsets', () => {
    expect(findInFields(searchableFields(article), 'haushalt', { wholeWord: true })).toEqual([
      { field: 'kicker', from: 0, to: 8 },
      { field: 'headline', from: 26, to: 34 },
      { field: 'bylines.0', from: 5, to: 13 },
      { field: 'lead.caption', from: 4, to: 12 },
      { field: 'galleries.0.items.1.caption', from: 0, to: 8 }
    ])
  })

  it('replaceInFields and patchFromFieldValues give a patch of the changed fields only', () => {
    const { changed, count } = replaceInFields(searchableFields(article), 'Haushalt', 'Etat', {
      caseSensitive: true
    })
    expect(count).toBe(5)
    expect(patchFromFieldValues(article, changed)).toEqual({
      kicker: 'Etat',
      headline: 'Koalition einigt sich auf Etat',
      bylines: ['Anna Etat', 'Max'],
      lead: { ...article.lead, caption: 'Der Etat im Bundestag' },
      galleries: [
        {
          id: 'g1',
          name: null,
          items: [
            article.galleries[0]!.items[0],
            { ...article.galleries[0]!.items[1], caption: 'Etat zwei' }
          ]
        }
      ]
    })
  })

  it('a field replaced down to nothing becomes null; a byline is removed', () => {
    const { changed } = replaceInFields(
      { kicker: 'Haushalt', 'bylines.1': 'Max', 'dateline.source': 'dpa' },
      /* query */ 'Haushalt',
      ''
    )
    expect(
      patchFromFieldValues(article, { ...changed, 'bylines.1': ' ', 'dateline.source': '' })
    ).toEqual({
      kicker: null,
      bylines: ['Anna Haushalt'],
      dateline: { place: 'Berlin', source: null }
    })
  })
})
