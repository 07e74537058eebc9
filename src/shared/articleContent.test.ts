import { describe, expect, it } from 'vitest'
import { defaultArticleFields, type ArticleFields } from './article'
import { hasContent } from './articleContent'

const draft = (patch: Partial<ArticleFields> = {}): ArticleFields => ({
  ...defaultArticleFields(),
  ...patch
})
const asset = 'a'.repeat(64)

describe('hasContent', () => {
  it('calls a new draft empty, also with settings changed or blank text', () => {
    expect(hasContent(draft())).toBe(false)
    expect(
      hasContent(draft({ status: 'editing', language: 'en-GB', timeZone: 'Europe/Kyiv' }))
    ).toBe(false)
    expect(hasContent(draft({ headline: '   ', teaser: '' }))).toBe(false)
    expect(
      hasContent(
        draft({
          body: {
            type: 'doc',
            content: [{ type: 'paragraph' }, { type: 'heading', attrs: { level: 2 } }]
          }
        })
      )
    ).toBe(false)
  })
  it('sees one character anywhere as content', () => {
    expect(hasContent(draft({ kicker: 'x' }))).toBe(true)
    expect(hasContent(draft({ notes: 'ruf an' }))).toBe(true)
    expect(hasContent(draft({ bylines: ['Kim'] }))).toBe(true)
    expect(hasContent(draft({ tags: ['Gipfel'] }))).toBe(true)
    expect(hasContent(draft({ dateline: { place: 'Wladiwostok', source: null } }))).toBe(true)
    expect(
      hasContent(
        draft({
          body: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: '.' }] }]
          }
        })
      )
    ).toBe(true)
  })
  it('sees images, galleries and dates as content', () => {
    const use = { assetId: asset, caption: null, credit: null, photographer: null, alt: null }
    expect(hasContent(draft({ lead: use }))).toBe(true)
    expect(hasContent(draft({ galleries: [{ id: 'g1', name: null, items: [] }] }))).toBe(true)
    expect(hasContent(draft({ publishedAt: '2024-05-02T14:30:00+02:00' }))).toBe(true)
    expect(
      hasContent(
        draft({
          body: {
            type: 'doc',
            content: [
              { type: 'figure', attrs: { assetId: asset }, content: [{ type: 'figureCaption' }] }
            ]
          }
        })
      )
    ).toBe(true)
    expect(
      hasContent(draft({ body: { type: 'doc', content: [{ type: 'horizontalRule' }] } }))
    ).toBe(true)
  })
})
