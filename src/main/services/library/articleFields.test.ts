import { describe, expect, it } from 'vitest'
import { defaultArticleFields, type Article } from '../../../shared/article'
import { definedOnly, nowIso, summarize, userFieldsOf } from './articleFields'

function article(): Article {
  return {
    ...defaultArticleFields(),
    id: '0b6c1f2e-5a1d-4d3e-9f00-1234567890ab',
    headline: 'Stadtrat beschließt Haushalt',
    bylines: ['Anna Berger'],
    createdAt: '2026-03-01T09:00:00.000+01:00',
    updatedAt: '2026-03-01T10:30:00.000+01:00',
    revision: 3,
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Drei Wörter hier.' }] }]
    }
  } as Article
}

describe('article fields', () => {
  it('writes the time with the local offset, never Z', () => {
    const text = nowIso(new Date('2026-03-01T09:05:07.042Z'))
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.042[+-]\d\d:\d\d$/)
    expect(new Date(text).getTime()).toBe(Date.parse('2026-03-01T09:05:07.042Z'))
  })

  it('summarizes an article for the list, counting its words', () => {
    const a = article()
    const summary = summarize(a)
    expect(summary).toMatchObject({ id: a.id, headline: a.headline, revision: 3, wordCount: 3 })
    summary.bylines.push('changed')
    expect(a.bylines).toEqual(['Anna Berger'])
    expect(summarize(a, 99).wordCount).toBe(99)
  })

  it('names the last published version in the summary, and a withdrawn story as withdrawn', () => {
    expect(summarize(article()).published).toBeUndefined()
    const version = (n: number, kind: 'first' | 'correction' | 'kill'): object => ({
      version: n,
      kind,
      exportedAt: '2026-03-01T11:00:00.000+01:00',
      file: `v${n}.zip`,
      pubStatus: kind === 'kill' ? 'canceled' : 'usable',
      contentHash: String(n).repeat(64),
      by: null
    })
    const published = {
      ...article(),
      publication: {
        firstCreated: '2026-03-01T11:00:00.000+01:00',
        versions: [version(1, 'first'), version(2, 'correction')],
        corrections: [],
        killed: null
      }
    } as Article
    expect(summarize(published).published).toEqual({ version: 2, withdrawn: false })
    const withdrawn = {
      ...published,
      publication: {
        ...published.publication!,
        versions: [...published.publication!.versions, version(3, 'kill')],
        killed: { at: '2026-03-01T12:00:00.000+01:00', notice: 'Zurückgezogen.', reason: '' }
      }
    } as Article
    expect(summarize(withdrawn).published).toEqual({ version: 3, withdrawn: true })
  })

  it('copies the user fields only, deeply, and drops unset ones from a patch', () => {
    const a = article()
    const fields = userFieldsOf(a)
    expect(fields).not.toHaveProperty('id')
    expect(fields).not.toHaveProperty('revision')
    expect(fields.headline).toBe(a.headline)
    fields.bylines?.push('changed')
    expect(a.bylines).toEqual(['Anna Berger'])
    expect(definedOnly({ headline: 'x', kicker: undefined })).toEqual({ headline: 'x' })
  })
})
