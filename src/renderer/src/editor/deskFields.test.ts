import { describe, expect, it } from 'vitest'
import { defaultArticleFields, type ArticleFields } from '../../../shared/article'
import {
  patchFromFieldValues,
  replaceInFields,
  searchableFields
} from '../../../shared/editor/findMatches'
import { deskChangeOf, deskFieldsOf, patchOfDeskFields } from './deskFields'

const ASSET = 'a'.repeat(64)

function article(): ArticleFields {
  return {
    ...defaultArticleFields(),
    kicker: 'Haushalt',
    headline: 'Kanzler einigt sich',
    teaser: null,
    bylines: ['Anna Beispiel', 'Kanzler-Kenner'],
    dateline: { place: 'Berlin', source: null },
    lead: {
      assetId: ASSET,
      caption: 'Der Kanzler im Bundestag',
      credit: null,
      photographer: null,
      alt: null
    },
    galleries: [
      {
        id: 'g1',
        name: 'Reise',
        items: [
          {
            assetId: ASSET,
            caption: 'Kanzler in Paris',
            credit: 'dpa',
            photographer: null,
            alt: null
          }
        ]
      }
    ]
  }
}

describe('desk fields', () => {
  it('round-trips an article through the form: empty text is null again, images kept', () => {
    const a = article()
    const form = deskFieldsOf(a)
    expect(form.teaser).toBe('')
    expect(form.place).toBe('Berlin')
    const patch = patchOfDeskFields(form)
    expect(patch).toMatchObject({
      kicker: 'Haushalt',
      teaser: null,
      dateline: { place: 'Berlin', source: null },
      lead: a.lead,
      galleries: a.galleries
    })
    expect(patchOfDeskFields({ ...form, kicker: '   ' }).kicker).toBeNull()
  })

  it('applies a find-and-replace in the fields to the form, captions of lead and gallery included', () => {
    const a = article()
    const { changed } = replaceInFields(searchableFields(a), 'Kanzler', 'Präsident', {
      wholeWord: true
    })
    const change = deskChangeOf(patchFromFieldValues(a, changed))
    expect(change.headline).toBe('Präsident einigt sich')
    expect(change.bylines).toEqual(['Anna Beispiel', 'Präsident-Kenner'])
    expect(change.lead?.caption).toBe('Der Präsident im Bundestag')
    expect(change.galleries?.[0]?.items[0]).toMatchObject({
      caption: 'Präsident in Paris',
      credit: 'dpa'
    })
    // Fields without a match are left out of the change.
    expect(change).not.toHaveProperty('kicker')
    expect(change).not.toHaveProperty('place')
    const form = { ...deskFieldsOf(a), ...change }
    expect(patchOfDeskFields(form).headline).toBe('Präsident einigt sich')
  })
})
