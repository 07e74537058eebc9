import { describe, expect, it } from 'vitest'
import type { AssetMetadata } from '../../../../shared/asset'
import { draftOf, draftPatch, rebaseDraft, settleDraft } from './assetDraft'

const saved: AssetMetadata = {
  caption: 'Zürich: Kundgebung',
  headline: 'Großdemo',
  photographer: 'Jörg Müller',
  credit: 'dpa',
  source: null,
  copyright: null,
  usageTerms: null,
  dateCreated: null,
  city: null,
  country: null,
  alt: null
}

describe('the side panel draft', () => {
  it('patches only changed boxes, and an emptied box clears the field', () => {
    const draft = draftOf(saved)
    expect(draftPatch(draft, saved)).toBeNull()
    expect(draftPatch({ ...draft, credit: '  ', alt: 'Menschen mit Plakaten' }, saved)).toEqual({
      credit: null,
      alt: 'Menschen mit Plakaten'
    })
  })

  it('keeps what the user typed when newer saved values arrive', () => {
    const draft = { ...draftOf(saved), caption: 'Neu getippt' }
    const after = { ...saved, caption: 'Von anderswo', credit: 'Reuters' }
    expect(rebaseDraft(draft, saved, after)).toMatchObject({
      caption: 'Neu getippt',
      credit: 'Reuters'
    })
  })

  it('after a save, boxes still as sent take the stored (trimmed) value', () => {
    const draft = { ...draftOf(saved), caption: ' Zürich ', credit: 'dpa/Keystone' }
    const patch = { caption: ' Zürich ' }
    const stored = { ...saved, caption: 'Zürich' }
    expect(settleDraft(draft, patch, stored)).toMatchObject({
      caption: 'Zürich',
      credit: 'dpa/Keystone'
    })
    expect(settleDraft({ ...draft, caption: 'weiter getippt' }, patch, stored).caption).toBe(
      'weiter getippt'
    )
  })
})
