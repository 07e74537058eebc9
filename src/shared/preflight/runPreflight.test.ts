import { describe, expect, it } from 'vitest'
import { defaultArticleFields, type Article } from '../article'
import { DEFAULT_SETTINGS } from '../settings'
import { FINDING_CODES } from './finding'
import {
  hasBlockingFindings,
  runPreflight,
  type PreflightAsset,
  type PreflightContext
} from './runPreflight'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const C = 'c'.repeat(64)

function article(patch: Partial<Article> = {}): Article {
  return {
    ...defaultArticleFields(),
    schemaVersion: 1,
    id: '0c9dfa0a-dbee-417b-8944-c1d2cdde806d',
    revision: 3,
    createdAt: '2024-05-02T10:00:00+02:00',
    updatedAt: '2024-05-02T10:00:00+02:00',
    headline: 'Koalition einigt sich',
    teaser: 'Nach langer Nacht steht der Haushalt.',
    bylines: ['Anna Beispiel'],
    dateline: { place: 'Berlin', source: null },
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Die Koalition hat sich geeinigt.' }] }
      ]
    },
    ...patch
  }
}

const assets: Record<string, PreflightAsset> = {
  [A]: {
    width: 3000,
    caption: 'Im Bundestag',
    credit: 'dpa',
    photographer: null,
    alt: 'Der Kanzler',
    usageTerms: null
  },
  [B]: {
    width: 800,
    caption: null,
    credit: null,
    photographer: null,
    alt: null,
    usageTerms: 'Nur redaktionell'
  },
  [C]: {
    width: 2000,
    caption: 'Im Bundestag',
    credit: 'Reuters',
    photographer: null,
    alt: 'x',
    usageTerms: null
  }
}

function ctx(language: 'de' | 'en' = 'en'): PreflightContext {
  return {
    asset: (id) => assets[id],
    settings: DEFAULT_SETTINGS,
    language,
    now: new Date('2024-05-02T12:00:00+02:00')
  }
}

const codes = (a: Article): string[] => runPreflight(a, ctx()).map((f) => f.code)

describe('runPreflight', () => {
  it('finds nothing in a complete article', () => {
    expect(
      runPreflight(
        article({
          lead: { assetId: A, caption: null, credit: null, photographer: null, alt: null }
        }),
        ctx()
      )
    ).toEqual([])
  })

  it('blocks export without a headline or with an empty byline', () => {
    const findings = runPreflight(article({ headline: '  ', bylines: [] }), ctx())
    expect(findings.map((f) => [f.code, f.severity, f.where])).toEqual([
      ['headline-missing', 'error', { field: 'headline' }],
      ['byline-missing', 'error', { field: 'bylines' }]
    ])
    expect(hasBlockingFindings(findings)).toBe(true)
  })

  it('checks every image use with effective values: lead, gallery items, body figures', () => {
    const a = article({
      lead: {
        assetId: B,
        caption: 'Override caption',
        credit: null,
        photographer: null,
        alt: null
      },
      galleries: [
        {
          id: 'g1',
          name: 'Bilder',
          items: [
            { assetId: A, caption: null, credit: null, photographer: null, alt: null },
            { assetId: C, caption: null, credit: null, photographer: null, alt: null }
          ]
        }
      ],
      body: {
        type: 'doc',
        content: [
          { type: 'figure', attrs: { assetId: B, nodeId: 'fig-1', credit: 'AP' } },
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'Mehr',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]
              }
            ]
          }
        ]
      }
    })
    const findings = runPreflight(a, ctx())
    const by = (code: string): unknown[] =>
      findings.filter((f) => f.code === code).map((f) => f.where)
    expect(by('caption-missing')).toEqual([{ nodeId: 'fig-1', part: 'caption' }])
    expect(by('credit-missing')).toEqual([{ field: 'lead', part: 'credit' }])
    expect(by('alt-missing')).toEqual([
      { field: 'lead', part: 'alt' },
      { nodeId: 'fig-1', part: 'alt' }
    ])
    // Each image finding names its image, so the panel can group them under it.
    expect(findings.filter((f) => f.code === 'alt-missing').map((f) => f.subject)).toEqual([
      'Lead image',
      'Body image 1'
    ])
    expect(findings.find((f) => f.code === 'link-invalid')?.subject).toBeUndefined()
    expect(by('image-too-small')).toEqual([{ field: 'lead' }, { nodeId: 'fig-1' }])
    expect(by('usage-terms')).toHaveLength(2)
    expect(by('duplicate-caption')).toEqual([{ galleryId: 'g1', index: 1 }])
    expect(by('link-invalid')).toHaveLength(1)
  })

  it('warns about limits, a missing dateline and an active embargo', () => {
    const a = article({
      headline: 'x'.repeat(70),
      kicker: 'k'.repeat(41),
      dateline: { place: null, source: null },
      embargoedUntil: '2024-05-03T06:00:00+02:00'
    })
    expect(codes(a)).toEqual([
      'dateline-missing',
      'headline-too-long',
      'kicker-too-long',
      'embargo-active'
    ])
    expect(runPreflight(a, ctx()).every((f) => f.severity === 'warning')).toBe(true)
    expect(codes(article({ embargoedUntil: '2024-05-01T06:00:00+02:00' }))).toEqual([])
  })

  it('reports an image whose asset is not in the library as an error', () => {
    const findings = runPreflight(
      article({
        lead: { assetId: 'd'.repeat(64), caption: 'x', credit: 'y', photographer: null, alt: 'z' }
      }),
      ctx()
    )
    expect(findings).toMatchObject([{ code: 'asset-missing', severity: 'error' }])
  })

  it('writes messages in the UI language', () => {
    const [en] = runPreflight(article({ headline: null }), ctx('en'))
    const [de] = runPreflight(article({ headline: null }), ctx('de'))
    expect(en.message).toBe('The article has no headline.')
    expect(de.message).toBe('Der Artikel hat keine Überschrift.')
    const [tooLong] = runPreflight(article({ headline: 'x'.repeat(66) }), ctx('de'))
    expect(tooLong.message).toBe('Die Überschrift ist 2 Zeichen länger als das Limit von 64.')
  })

  it('has a message in both languages for every finding code', async () => {
    const { en } = await import('../i18n/en')
    const { de } = await import('../i18n/de')
    for (const code of FINDING_CODES) {
      expect((en.preflight as Record<string, string>)[code], code).toBeTruthy()
      expect((de.preflight as Record<string, string>)[code], code).toBeTruthy()
    }
  })
})
