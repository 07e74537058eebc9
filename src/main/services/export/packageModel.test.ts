import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { suggestedPackageName } from './exportJobs'
import { defaultArticleFields, type Article } from '../../../shared/article'
import { bodyWithoutFigures, derivedUuid, packageHref } from './packageModel'

const ID = '0c9dfa0a-dbee-417b-8944-c1d2cdde806d'

function uriValid(value: string): boolean {
  const ajv = new Ajv2020()
  addFormats(ajv)
  return ajv.validate({ type: 'string', format: 'uri' }, value) as boolean
}

describe('package names and ids', () => {
  it('builds absolute rendition hrefs from the base URL, else a package URN', () => {
    expect(packageHref(ID, 'https://cms.example/bilder/', 'images/001.jpg')).toBe(
      'https://cms.example/bilder/images/001.jpg'
    )
    expect(packageHref(ID, 'https://cms.example/bilder', 'images/001.jpg')).toBe(
      'https://cms.example/bilder/images/001.jpg'
    )
    const urn = packageHref(ID, null, 'images/001-thumb.jpg')
    expect(urn).toBe(`urn:copydesk:package:${ID}:images/001-thumb.jpg`)
    expect(uriValid(urn)).toBe(true)
    expect(uriValid('images/001.jpg')).toBe(false)
  })

  it('derives stable RFC 9562 version 8 UUIDs per use', () => {
    const a = derivedUuid(ID, 'gallery:g1:0')
    expect(a).toBe(derivedUuid(ID, 'gallery:g1:0'))
    expect(a).not.toBe(derivedUuid(ID, 'gallery:g1:1'))
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('names a package after the slugline or headline, in ASCII', () => {
    const article: Article = {
      ...defaultArticleFields(),
      schemaVersion: 1,
      id: ID,
      revision: 1,
      createdAt: '2024-05-02T10:00:00+02:00',
      updatedAt: '2024-05-02T10:00:00+02:00',
      headline: 'Straßenbau: Köln & Zürich einigen sich!'
    }
    expect(suggestedPackageName(article)).toBe('strassenbau-koln-zurich-einigen-sich-0c9dfa0a.zip')
    expect(suggestedPackageName({ ...article, slugline: 'haushalt' })).toBe('haushalt-0c9dfa0a.zip')
    expect(suggestedPackageName({ ...article, headline: '…' })).toBe('artikel-0c9dfa0a.zip')
  })

  it('counts the body without its figures', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Eins' }] },
        { type: 'figure', attrs: { assetId: 'a'.repeat(64) }, content: [] }
      ]
    }
    expect(bodyWithoutFigures(body).content).toHaveLength(1)
  })
})
