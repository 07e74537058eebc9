import { parseDocument } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import type { ArticleFields } from '../article'
import {
  newsArticleJsonLd,
  renderArticleDocument,
  renderArticleHtml,
  type ArticleAssetInfo,
  type RenderArticleOptions,
  type RenderableArticle
} from './renderArticle'
import { ASSET_A, ASSET_B } from './__fixtures__/bodies'

const ASSET_C = 'c'.repeat(64)
const HOSTILE = '<img src=x onerror=alert(1)>'
const BREAKOUT = '"><script>alert(1)</script>'

const assets: Record<string, ArticleAssetInfo> = {
  [ASSET_A]: {
    caption: 'Asset-Bildtext',
    credit: 'Reuters',
    alt: 'Asset alt',
    width: 1600,
    height: 900
  },
  [ASSET_B]: { caption: null, credit: 'dpa', photographer: 'Kay Nietfeld', alt: null },
  [ASSET_C]: { caption: BREAKOUT, credit: HOSTILE, alt: BREAKOUT }
}

const options: RenderArticleOptions = {
  imageSrc: (id, rendition) => `images/${id}/${rendition}.jpg`,
  asset: (id) => assets[id]
}

function article(overrides: Partial<ArticleFields> = {}): RenderableArticle {
  return {
    language: 'de',
    timeZone: 'Europe/Berlin',
    kicker: 'Streit um Haushalt',
    headline: 'Koalition einigt sich auf Kompromiss',
    teaser: 'Nach zwölf Stunden steht der Entwurf.',
    bylines: ['Anna Beispiel', 'Max Muster', 'Eva Probe'],
    dateline: { place: 'Berlin', source: 'dpa' },
    publishedAt: '2024-05-02T14:30:00+02:00',
    lead: {
      assetId: ASSET_A,
      caption: 'Im Bundestag: Der Kanzler verteidigt den Entwurf.',
      credit: null,
      photographer: null,
      alt: null
    },
    galleries: [
      {
        id: 'g1',
        name: 'Die Debatte',
        items: [
          { assetId: ASSET_A, caption: null, credit: null, photographer: null, alt: null },
          {
            assetId: ASSET_B,
            caption: 'Zweites Bild',
            credit: null,
            photographer: null,
            alt: 'Alt zwei'
          }
        ]
      },
      {
        id: 'g2',
        name: null,
        items: [{ assetId: ASSET_C, caption: null, credit: null, photographer: null, alt: null }]
      },
      { id: 'g3', name: null, items: [] }
    ],
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Der Bundestag hat ' },
            { type: 'text', text: 'abgestimmt', marks: [{ type: 'bold' }] },
            { type: 'text', text: '.' }
          ]
        },
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Reaktionen' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Mehr beim ' },
            {
              type: 'text',
              text: 'Bundestag',
              marks: [{ type: 'link', attrs: { href: 'https://www.bundestag.de/' } }]
            },
            { type: 'text', text: ' und ' },
            {
              type: 'text',
              text: 'hier',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]
            },
            { type: 'text', text: '.' }
          ]
        },
        {
          type: 'figure',
          attrs: {
            nodeId: 'fig00001',
            assetId: ASSET_B,
            credit: null,
            photographer: null,
            alt: 'Blick'
          },
          content: [{ type: 'figureCaption', content: [{ type: 'text', text: HOSTILE }] }]
        },
        {
          type: 'pullQuote',
          content: [
            { type: 'pullQuoteText', content: [{ type: 'text', text: 'Wir haben uns geeinigt.' }] },
            { type: 'pullQuoteAttribution', content: [{ type: 'text', text: BREAKOUT }] }
          ]
        }
      ]
    },
    ...overrides
  }
}

interface El {
  type: string
  name?: string
  attribs?: Record<string, string>
  children?: El[]
  data?: string
}
function elements(html: string): El[] {
  const out: El[] = []
  const walk = (n: El): void => {
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') out.push(n)
    n.children?.forEach(walk)
  }
  walk(parseDocument(html) as unknown as El)
  return out
}
function text(n: El): string {
  return n.type === 'text' ? (n.data ?? '') : (n.children ?? []).map(text).join('')
}
const byClass = (html: string, cls: string): El[] =>
  elements(html).filter((e) => (e.attribs?.class ?? '').split(' ').includes(cls))
function descendants(root: El): El[] {
  const out: El[] = []
  const walk = (n: El): void => {
    if (n.type === 'tag') out.push(n)
    n.children?.forEach(walk)
  }
  root.children?.forEach(walk)
  return out
}
const byClassIn = (root: El, cls: string): El[] =>
  descendants(root).filter((e) => (e.attribs?.class ?? '').split(' ').includes(cls))

describe('renderArticleHtml', () => {
  const html = renderArticleHtml(article(), options)

  it('renders the parts in house order', () => {
    const order = ['date-line', 'headline', 'lead', 'teaser', 'gallery', 'body', 'byline']
    const positions = order.map((cls) => html.indexOf(`class="${cls}"`))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('shows the date line, Kicker: Headline, teaser and byline in German', () => {
    expect(text(byClass(html, 'date-line')[0]!)).toBe('Donnerstag, 2. Mai 2024')
    expect(byClass(html, 'date-line')[0]!.children![0]!.attribs?.datetime).toBe(
      '2024-05-02T14:30:00+02:00'
    )
    expect(text(byClass(html, 'headline')[0]!)).toBe(
      'Streit um Haushalt: Koalition einigt sich auf Kompromiss'
    )
    expect(text(byClass(html, 'kicker')[0]!)).toBe('Streit um Haushalt:')
    expect(text(byClass(html, 'teaser')[0]!)).toBe('Nach zwölf Stunden steht der Entwurf.')
    expect(text(byClass(html, 'byline')[0]!)).toBe('Von Anna Beispiel, Max Muster und Eva Probe')
  })

  it('renders the lead with the caption override and the asset’s credit in the house style', () => {
    const lead = byClass(html, 'lead')[0]!
    const img = elements(renderArticleHtml(article(), options)).find((e) => e.name === 'img')!
    expect(img.attribs).toMatchObject({
      src: `images/${ASSET_A}/preview.jpg`,
      alt: 'Asset alt',
      width: '1600',
      height: '900'
    })
    const caption = lead.children!.find((c) => c.name === 'figcaption')!
    expect(text(caption)).toBe(
      'Im Bundestag: Der Kanzler verteidigt den Entwurf. (Quelle: Reuters)'
    )
  })

  it('labels each gallery and shows its images with effective captions; empty galleries are left out', () => {
    const galleries = byClass(html, 'gallery')
    expect(galleries).toHaveLength(2)
    expect(text(byClass(html, 'gallery-label')[0]!)).toBe('Foto-Serie mit 2 Bildern')
    expect(text(byClass(html, 'gallery-label')[1]!)).toBe('Foto-Serie mit 1 Bild')
    // The gallery's name is the desk's internal label: never in what readers get.
    expect(html).not.toContain('Die Debatte')
    expect(byClass(html, 'gallery-name')).toHaveLength(0)
    const captions = byClass(html, 'gallery-item').map((f) =>
      text(f.children!.find((c) => c.name === 'figcaption')!)
    )
    expect(captions).toEqual([
      'Asset-Bildtext (Quelle: Reuters)',
      'Zweites Bild (Quelle: dpa)',
      `${BREAKOUT} (Quelle: ${HOSTILE})`
    ])
  })

  it('shows a gallery as a slideshow with positions and thumbnails that link to each picture, without script', () => {
    const gallery = byClass(html, 'gallery')[0]!
    const slides = byClassIn(gallery, 'gallery-slide')
    expect(slides.map((s) => s.attribs?.id)).toEqual(['gallery-1-1', 'gallery-1-2'])
    expect(byClassIn(gallery, 'gallery-position').map(text)).toEqual(['1 / 2', '2 / 2'])
    const region = byClassIn(gallery, 'gallery-slides')[0]!
    expect(region.attribs).toMatchObject({
      tabindex: '0',
      'aria-label': 'Foto-Serie mit 2 Bildern'
    })
    const thumbLinks = descendants(gallery).filter((e) => e.name === 'a')
    expect(thumbLinks.map((a) => a.attribs?.href)).toEqual(['#gallery-1-1', '#gallery-1-2'])
    expect(thumbLinks[0]!.attribs?.['aria-label']).toMatch(/^1 \/ 2/)
    const thumbImg = thumbLinks[0]!.children!.find((c) => c.name === 'img')!
    expect(thumbImg.attribs?.src).toContain('thumb')
    // The second gallery is numbered on its own, so ids never collide.
    expect(byClass(html, 'gallery-slide').map((s) => s.attribs?.id)).toContain('gallery-2-1')
  })

  it('renders the body with the dateline, marks, safe links only, figures and pull quotes', () => {
    const body = byClass(html, 'body')[0]!
    const paragraphs = body.children!.filter((c) => c.name === 'p')
    expect(text(paragraphs[0]!)).toBe('Berlin (dpa) – Der Bundestag hat abgestimmt.')
    expect(paragraphs).toHaveLength(2) // the empty paragraph is left out
    const anchors = descendants(body).filter((e) => e.name === 'a')
    expect(anchors.map((a) => a.attribs)).toEqual([{ href: 'https://www.bundestag.de/' }])
    expect(text(paragraphs[1]!)).toBe('Mehr beim Bundestag und hier.')
    const figure = byClass(html, 'figure')[0]!
    expect(text(figure.children!.find((c) => c.name === 'figcaption')!)).toBe(
      `${HOSTILE} (Quelle: dpa)`
    )
    expect(figure.children!.find((c) => c.name === 'img')!.attribs?.alt).toBe('Blick')
    expect(text(byClass(html, 'pull-quote')[0]!)).toBe(`Wir haben uns geeinigt.${BREAKOUT}`)
  })

  it('escapes every hostile text: no element or attribute comes from the content', () => {
    const tags = new Set(elements(html).map((e) => e.name))
    expect([...tags].sort()).toEqual(
      [
        'a',
        'article',
        'blockquote',
        'div',
        'figcaption',
        'figure',
        'h1',
        'h2',
        'img',
        'li',
        'ol',
        'p',
        'section',
        'span',
        'strong',
        'time'
      ].sort()
    )
    for (const el of elements(html)) {
      for (const name of Object.keys(el.attribs ?? {})) {
        expect([
          'class',
          'lang',
          'src',
          'alt',
          'width',
          'height',
          'loading',
          'decoding',
          'href',
          'datetime',
          'data-node-id',
          'id',
          'tabindex',
          'aria-label',
          'aria-labelledby'
        ]).toContain(name)
      }
    }
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&quot;&gt;&lt;script&gt;')
  })

  it('speaks English: date, gallery label, credit template and byline', () => {
    const en = renderArticleHtml(article({ language: 'en-GB' }), options)
    expect(text(byClass(en, 'date-line')[0]!)).toBe('Thursday 2 May 2024')
    expect(text(byClass(en, 'gallery-label')[0]!)).toBe('Gallery: 2 photos')
    expect(text(byClass(en, 'gallery-label')[1]!)).toBe('Gallery: 1 photo')
    expect(text(byClass(en, 'lead')[0]!.children!.find((c) => c.name === 'figcaption')!)).toBe(
      'Im Bundestag: Der Kanzler verteidigt den Entwurf. (Photo: Reuters)'
    )
    expect(text(byClass(en, 'byline')[0]!)).toBe('By Anna Beispiel, Max Muster and Eva Probe')
    const us = renderArticleHtml(article({ language: 'en-US' }), options)
    expect(text(byClass(us, 'date-line')[0]!)).toBe('Thursday, May 2, 2024')
  })

  it('uses the credit template setting and the requested rendition', () => {
    const custom = renderArticleHtml(article(), {
      ...options,
      creditTemplate: 'Foto: {credit}',
      rendition: 'original'
    })
    expect(custom).toContain('<span class="credit">Foto: Reuters</span>')
    expect(custom).toContain(`images/${ASSET_A}/original.jpg`)
  })

  it('leaves out what is empty: no date, no kicker, no lead, no byline', () => {
    const bare = renderArticleHtml(
      article({
        publishedAt: null,
        kicker: null,
        lead: null,
        bylines: [],
        teaser: ' ',
        galleries: [],
        dateline: { place: null, source: null }
      }),
      options
    )
    expect(bare).not.toContain('date-line')
    expect(bare).not.toContain('kicker')
    expect(bare).not.toContain('class="lead"')
    expect(bare).not.toContain('byline')
    expect(bare).not.toContain('teaser')
    expect(text(byClass(bare, 'headline')[0]!)).toBe('Koalition einigt sich auf Kompromiss')
  })

  it('keeps node ids on body blocks only when asked', () => {
    expect(html).not.toContain('data-node-id')
    expect(renderArticleHtml(article(), { ...options, nodeIds: true })).toContain(
      'data-node-id="fig00001"'
    )
  })
})

describe('renderArticleDocument', () => {
  const page = renderArticleDocument(
    {
      ...article(),
      id: '0b7e1c2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      createdAt: '2024-05-01T08:00:00+02:00',
      updatedAt: '2024-05-02T15:00:00+02:00'
    },
    options
  )

  it('is a standalone page: doctype, lang, charset, title, embedded stylesheet', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="de">')).toBe(true)
    expect(page).toContain('<meta charset="utf-8">')
    expect(text(elements(page).find((e) => e.name === 'title')!)).toBe(
      'Streit um Haushalt: Koalition einigt sich auf Kompromiss'
    )
    expect(elements(page).filter((e) => e.name === 'style')).toHaveLength(1)
  })

  it('makes no external requests: every src and href is relative or a link', () => {
    for (const el of elements(page)) {
      if (el.attribs?.src) expect(el.attribs.src).toMatch(/^images\//)
      if (el.attribs?.href && el.name !== 'a')
        expect(el.attribs.href).not.toMatch(/^[a-z]+:|^\/\//i)
    }
  })

  it('carries NewsArticle JSON-LD with < escaped inside', () => {
    const scripts = elements(page).filter((e) => e.name === 'script')
    expect(scripts).toHaveLength(1)
    expect(scripts[0]!.attribs?.type).toBe('application/ld+json')
    const raw = text(scripts[0]!)
    expect(raw).not.toContain('<')
    expect(raw).toContain('\\u003c')
    const ld = JSON.parse(raw) as Record<string, unknown>
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Koalition einigt sich auf Kompromiss',
      alternativeHeadline: 'Streit um Haushalt',
      description: 'Nach zwölf Stunden steht der Entwurf.',
      inLanguage: 'de',
      identifier: 'urn:uuid:0b7e1c2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
      datePublished: '2024-05-02T14:30:00+02:00',
      dateModified: '2024-05-02T15:00:00+02:00',
      dateCreated: '2024-05-01T08:00:00+02:00',
      dateline: 'Berlin (dpa)',
      author: [
        { '@type': 'Person', name: 'Anna Beispiel' },
        { '@type': 'Person', name: 'Max Muster' },
        { '@type': 'Person', name: 'Eva Probe' }
      ],
      image: [
        `images/${ASSET_A}/preview.jpg`,
        `images/${ASSET_B}/preview.jpg`,
        `images/${ASSET_C}/preview.jpg`
      ]
    })
    expect(ld.articleBody).toContain(HOSTILE)
    expect(ld.wordCount).toEqual(expect.any(Number))
  })

  it('links a relative stylesheet instead, and refuses one that would leave the package', () => {
    const linked = renderArticleDocument(article(), {
      ...options,
      stylesheet: { href: 'article.css' }
    })
    expect(linked).toContain('<link rel="stylesheet" href="article.css">')
    expect(linked).not.toContain('<style>')
    for (const href of [
      'https://cdn.example/x.css',
      '//cdn.example/x.css',
      '/abs.css',
      '../up.css',
      'a b.css'
    ]) {
      expect(() => renderArticleDocument(article(), { ...options, stylesheet: { href } })).toThrow(
        /relative path/
      )
    }
  })

  it('an embedded stylesheet cannot close its element', () => {
    const evil = renderArticleDocument(article(), {
      ...options,
      stylesheet: { css: 'p{}</style><script>alert(1)</script>' }
    })
    expect(elements(evil).filter((e) => e.name === 'script')).toHaveLength(1)
  })

  it('newsArticleJsonLd leaves out what the article lacks', () => {
    const ld = newsArticleJsonLd(
      article({
        kicker: null,
        teaser: null,
        bylines: [],
        lead: null,
        galleries: [],
        dateline: { place: null, source: null }
      }),
      options
    )
    expect(Object.keys(ld)).not.toContain('alternativeHeadline')
    expect(Object.keys(ld)).not.toContain('author')
    expect(Object.keys(ld)).not.toContain('dateline')
    expect(ld.image).toEqual([`images/${ASSET_B}/preview.jpg`])
  })
})
