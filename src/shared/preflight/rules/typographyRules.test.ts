import { describe, expect, it } from 'vitest'
import {
  defaultArticleFields,
  type Article,
  type ArticleLanguage,
  type ImageUse,
  type PmNode
} from '../../article'
import { fixTypography } from '../../editor/typography'
import { DEFAULT_SETTINGS } from '../../settings'
import { runPreflight, type PreflightAsset, type PreflightContext } from '../runPreflight'

const PLAIN = 'a'.repeat(64)
const QUOTED = 'b'.repeat(64)

const assets: Record<string, PreflightAsset> = {
  [PLAIN]: {
    width: 3000,
    caption: 'Der Hafen',
    credit: 'dpa',
    photographer: null,
    alt: 'x',
    usageTerms: null
  },
  // The photo desk's own caption, which a use without an override prints.
  [QUOTED]: {
    width: 3000,
    caption: 'Der "Goldene Horn" - Hafen...',
    credit: 'dpa',
    photographer: null,
    alt: 'x',
    usageTerms: null
  }
}

function use(assetId: string, caption: string | null = null): ImageUse {
  return { assetId, caption, credit: null, photographer: null, alt: null }
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
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { nodeId: 'p1' }, content: [{ type: 'text', text: 'Ruhig.' }] }
      ]
    },
    ...patch
  }
}

function typography(a: Article, language: 'de' | 'en' = 'en'): ReturnType<typeof runPreflight> {
  const ctx: PreflightContext = {
    asset: (id) => assets[id],
    settings: DEFAULT_SETTINGS,
    language,
    now: new Date('2024-05-02T12:00:00+02:00')
  }
  return runPreflight(a, ctx).filter((f) => f.code === 'typography')
}

describe('typography in the head fields', () => {
  it('finds straight quotes, a spaced hyphen and three dots, one finding per field', () => {
    const findings = typography(
      article({
        kicker: 'Gipfel...',
        headline: '"Gipfel" in Wladiwostok - Tag 1',
        teaser: "Kim's Zug kam an."
      })
    )
    expect(findings.map((f) => [f.severity, f.where, f.suggestions, f.message])).toEqual([
      ['warning', { field: 'kicker' }, ['Gipfel…'], 'Kicker: three dots for an ellipsis (…).'],
      [
        'warning',
        { field: 'headline' },
        ['„Gipfel“ in Wladiwostok – Tag 1'],
        'Headline: straight quotation marks or apostrophes, a hyphen for a dash (–).'
      ],
      [
        'warning',
        { field: 'teaser' },
        ['Kim’s Zug kam an.'],
        'Teaser: straight quotation marks or apostrophes.'
      ]
    ])
  })

  it('corrects per article language: German, Swiss German, English', () => {
    const cases: [ArticleLanguage, string][] = [
      ['de', '„Gipfel“ und ‚so‘'],
      ['de-AT', '„Gipfel“ und ‚so‘'],
      ['de-CH', '«Gipfel» und ‹so›'],
      ['en-GB', '“Gipfel” und ‘so’'],
      ['en-US', '“Gipfel” und ‘so’']
    ]
    for (const [language, expected] of cases) {
      const [finding] = typography(article({ language, headline: `"Gipfel" und 'so'` }))
      expect(finding?.suggestions, language).toEqual([expected])
    }
  })

  it('writes the message in the interface language', () => {
    const [finding] = typography(article({ headline: '"Gipfel" - heute...' }), 'de')
    expect(finding?.message).toBe(
      'Überschrift: gerade Anführungszeichen oder Apostrophe, Bindestrich statt Gedankenstrich (–), drei Punkte statt Auslassungspunkten (…).'
    )
  })

  it('is silent on text in house style, number ranges, hyphenated words and web addresses', () => {
    expect(
      typography(
        article({
          kicker: 'E-Mail-Affäre',
          headline: '„Gipfel“ – 10-12 Uhr…',
          teaser: 'Alles unter https://example.org/a-b/...?x=1'
        })
      )
    ).toEqual([])
  })

  it('suggests a text the check then accepts', () => {
    const headline = `"'Halt', rief er" - und ging...`
    const [finding] = typography(article({ headline }))
    const fixed = finding!.suggestions![0]!
    expect(fixed).toBe(fixTypography(headline, 'de'))
    expect(typography(article({ headline: fixed }))).toEqual([])
  })
})

describe('typography in captions', () => {
  it('checks the caption each use prints: its own, or the photo desk’s, pointing at the caption', () => {
    const body: PmNode = {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { nodeId: 'p1' }, content: [{ type: 'text', text: 'Text.' }] },
        {
          type: 'figure',
          attrs: { assetId: PLAIN, nodeId: 'fig-1' },
          content: [
            { type: 'figureCaption', content: [{ type: 'text', text: 'Der "neue" Hafen' }] }
          ]
        }
      ]
    }
    const findings = typography(
      article({
        lead: use(QUOTED),
        galleries: [
          {
            id: 'g1',
            name: 'Hafen',
            items: [use(PLAIN), use(PLAIN, "Kim's Schiff"), use(QUOTED, 'Ruhig.')]
          }
        ],
        body
      })
    )
    expect(findings.map((f) => [f.where, f.suggestions, f.subject, f.message])).toEqual([
      [
        { field: 'lead', part: 'caption' },
        ['Der „Goldene Horn“ – Hafen…'],
        'Lead image',
        'Lead image, caption: straight quotation marks or apostrophes, a hyphen for a dash (–), three dots for an ellipsis (…).'
      ],
      [
        { galleryId: 'g1', index: 1, part: 'caption' },
        ['Kim’s Schiff'],
        'Gallery Hafen, image 2',
        'Gallery Hafen, image 2, caption: straight quotation marks or apostrophes.'
      ],
      [
        { nodeId: 'fig-1', part: 'caption' },
        ['Der „neue“ Hafen'],
        'Body image 1',
        'Body image 1, caption: straight quotation marks or apostrophes.'
      ]
    ])
  })

  it('uses the article language for captions too', () => {
    const [finding] = typography(article({ language: 'de-CH', lead: use(PLAIN, '"Hafen"') }))
    expect(finding?.suggestions).toEqual(['«Hafen»'])
  })
})

describe('typography in the body', () => {
  it('checks paragraphs and subheadings, also in lists and quotations, one finding per block', () => {
    const body: PmNode = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2, nodeId: 'h1' },
          content: [{ type: 'text', text: 'Der "Gipfel"' }]
        },
        {
          type: 'paragraph',
          attrs: { nodeId: 'p1' },
          content: [
            { type: 'text', text: 'Er sagte: "' },
            { type: 'text', text: 'Wir', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' kommen" - ' },
            { type: 'hardBreak' },
            { type: 'text', text: 'sicher...' }
          ]
        },
        {
          type: 'paragraph',
          attrs: { nodeId: 'p2' },
          content: [{ type: 'text', text: 'Gut so.' }]
        },
        {
          type: 'blockquote',
          attrs: { nodeId: 'q1' },
          content: [
            {
              type: 'bulletList',
              attrs: { nodeId: 'l1' },
              content: [
                {
                  type: 'listItem',
                  attrs: { nodeId: 'li1' },
                  content: [
                    {
                      type: 'paragraph',
                      attrs: { nodeId: 'p3' },
                      content: [{ type: 'text', text: "geht's" }]
                    }
                  ]
                }
              ]
            }
          ]
        },
        {
          type: 'pullQuote',
          attrs: { nodeId: 'pq' },
          content: [
            { type: 'pullQuoteText', content: [{ type: 'text', text: '"Zitat"' }] },
            { type: 'pullQuoteAttribution', content: [{ type: 'text', text: 'Kim' }] }
          ]
        }
      ]
    }
    const findings = typography(article({ body }), 'de')
    expect(findings.map((f) => [f.where, f.suggestions, f.message])).toEqual([
      [
        { nodeId: 'h1' },
        ['Der „Gipfel“'],
        'Text, Zwischentitel 1: gerade Anführungszeichen oder Apostrophe.'
      ],
      [
        { nodeId: 'p1' },
        // The hard break counts as one character, as it does in the editor's positions.
        ['Er sagte: „Wir kommen“ – \nsicher…'],
        'Text, Absatz 1: gerade Anführungszeichen oder Apostrophe, Bindestrich statt Gedankenstrich (–), drei Punkte statt Auslassungspunkten (…).'
      ],
      [{ nodeId: 'p3' }, ['geht’s'], 'Text, Absatz 3: gerade Anführungszeichen oder Apostrophe.']
    ])
    // Findings come in reading order: head fields, images, body.
    const all = typography(article({ headline: '"A"', body }))
    expect(all.map((f) => f.where)).toEqual([
      { field: 'headline' },
      { nodeId: 'h1' },
      { nodeId: 'p1' },
      { nodeId: 'p3' }
    ])
  })

  it('points at the block by its path when it has no node id', () => {
    const body: PmNode = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A - B' }] }]
    }
    expect(typography(article({ body })).map((f) => f.where)).toEqual([{ nodeId: 'body/0' }])
  })
})
