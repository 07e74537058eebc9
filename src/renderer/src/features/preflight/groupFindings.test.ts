import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../../shared/preflight/finding'
import { runPreflight, type PreflightContext } from '../../../../shared/preflight/runPreflight'
import { defaultArticleFields, type Article, type ImageUse } from '../../../../shared/article'
import { filterCounts, filterFindings, groupFindings, placeKey } from './groupFindings'
import { wordRanges, wordStops } from './wordPlaces'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)

function imageUse(assetId: string, over: Partial<ImageUse> = {}): ImageUse {
  return { assetId, caption: null, credit: null, photographer: null, alt: null, ...over }
}

/** A draft like the desk's reference story: empty byline, a lead and a gallery without credits. */
function draft(): Article {
  return {
    ...defaultArticleFields(),
    schemaVersion: 1,
    id: '00000000-0000-4000-8000-000000000001',
    revision: 1,
    createdAt: '2026-05-02T10:00:00.000Z',
    updatedAt: '2026-05-02T10:00:00.000Z',
    headline: 'Kim trifft Putin',
    teaser: 'Zwei Tage Gespräche.',
    bylines: [],
    lead: imageUse(A, { caption: 'Ankunft' }),
    galleries: [
      {
        id: 'g1',
        name: 'Gipfel',
        items: [
          imageUse(B, { caption: 'Szene 1' }),
          imageUse(A, { caption: 'Szene 2', credit: 'AP' })
        ]
      }
    ],
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Kim kam am Dienstag an.' }] },
        { type: 'figure', attrs: { ...imageUse(B), nodeId: 'figabc123' }, content: [] }
      ]
    }
  } as Article
}

const ctx: PreflightContext = {
  asset: () => ({
    width: 2000,
    caption: null,
    credit: null,
    photographer: null,
    alt: null,
    usageTerms: null
  }),
  settings: { limits: { headline: 64, teaser: 160, kicker: 40 }, minImageWidth: 1200 },
  language: 'en',
  now: new Date('2026-05-02T12:00:00Z')
}

function spelling(word: string, count: number): Finding {
  return {
    severity: 'warning',
    code: 'spelling',
    message: `Unknown word: ${word}`,
    where: { field: 'headline' },
    word,
    count,
    places: [{ field: 'headline' }]
  }
}

describe('groupFindings', () => {
  const findings = [...runPreflight(draft(), ctx), spelling('Kim', 5), spelling('Gipfeltrefen', 1)]

  it('puts errors first, each image under its name with its errors first, spelling last', () => {
    const sections = groupFindings(findings)
    expect(sections.map((s) => s.id)).toEqual(['errors', 'warnings', 'spelling'])
    const [errors, warnings, words] = sections
    const shape = errors!.items.map((item) =>
      item.kind === 'image'
        ? [item.subject, item.findings.map((f) => `${f.severity}:${f.code}`)]
        : item.finding.code
    )
    expect(shape).toEqual([
      'byline-missing',
      ['Lead image', ['error:credit-missing', 'warning:alt-missing']],
      ['Gallery Gipfel, image 1', ['error:credit-missing', 'warning:alt-missing']],
      ['Body image 1', ['error:caption-missing', 'error:credit-missing', 'warning:alt-missing']]
    ])
    // An image with warnings only stands on its own in the warnings; so does the dateline.
    expect(
      warnings!.items.map((i) => (i.kind === 'single' ? i.finding.message : i.subject))
    ).toEqual(['The dateline has no place.', 'Gallery Gipfel, image 2 has no alt text.'])
    expect(words!.items.map((i) => i.kind === 'single' && i.finding.word)).toEqual([
      'Kim',
      'Gipfeltrefen'
    ])
    // Errors count every error (the badge's figure), not the entries: 1 + 1 + 1 + 2.
    expect(sections.map((s) => s.count)).toEqual([5, 2, 2])
  })

  it('filters by kind and counts what each filter would show', () => {
    expect(filterCounts(findings)).toEqual({ all: 12, errors: 5, warnings: 5, spelling: 2 })
    expect(filterFindings(findings, 'errors').every((f) => f.severity === 'error')).toBe(true)
    expect(filterFindings(findings, 'warnings').some((f) => f.code === 'spelling')).toBe(false)
    expect(filterFindings(findings, 'spelling').map((f) => f.word)).toEqual(['Kim', 'Gipfeltrefen'])
    // Filtered to errors, an image keeps only its errors; one error left stands alone.
    const errorsOnly = groupFindings(filterFindings(findings, 'errors'))
    expect(errorsOnly.map((s) => s.id)).toEqual(['errors'])
    expect(errorsOnly[0]!.items.map((i) => i.kind)).toEqual(['single', 'single', 'single', 'image'])
    expect(groupFindings([])).toEqual([])
  })

  it('keys a place whatever input of it a finding names', () => {
    expect(placeKey({ nodeId: 'x1', part: 'credit' })).toBe(placeKey({ nodeId: 'x1' }))
    expect(placeKey({ galleryId: 'g', index: 2, part: 'alt' })).toBe('gallery:g:2')
    expect(placeKey({ field: 'lead', part: 'caption' })).toBe(placeKey({ lead: true }))
  })
})

describe('wordRanges and wordStops', () => {
  it('finds a word only as a whole word, umlauts and all', () => {
    const text = 'Kim traf Kims Bruder. Kimball? Nein: Kim. Über Kim-Il'
    expect(wordRanges(text, 'Kim')).toEqual([
      { from: 0, to: 3 },
      { from: 37, to: 40 },
      { from: 47, to: 50 }
    ])
    expect(wordRanges('Äpfel und Äpfelchen, Äpfel', 'Äpfel')).toEqual([
      { from: 0, to: 5 },
      { from: 21, to: 26 }
    ])
    expect(wordRanges('𝒜Kim Kim', 'Kim')).toEqual([{ from: 6, to: 9 }])
    expect(wordRanges('nothing', '')).toEqual([])
  })

  it('walks every occurrence of every place, a place off screen once', () => {
    const counts: Record<string, number> = { headline: 1, p1: 2, gallery: 0 }
    const stops = wordStops(['headline', 'p1', 'gallery'], (w) => counts[w]!)
    expect(stops).toEqual([
      { where: 'headline', nth: 0 },
      { where: 'p1', nth: 0 },
      { where: 'p1', nth: 1 },
      { where: 'gallery', nth: 0 }
    ])
  })
})
