import { describe, expect, it } from 'vitest'
import type { PmNode } from '../article'
import { plainTextOf } from '../articleText'
import { bodyFromHtml, bodyFromMarkdown } from './bodyFiles'
import { bodyProblem } from './extensions'
import { isNodeId, needsNodeIds } from './nodeIds'
import { ASSET_A, withoutNodeIds } from './__fixtures__/bodies'

const MARKDOWN = `# Koalition einigt sich

**Berlin.** Nach langen Verhandlungen hat die Koalition einen *Kompromiss* gefunden,
teilte der [Bundestag](https://www.bundestag.de/) mit.

## Die Punkte

- Mehr Geld für Schulen
  - vor allem für Ganztagsschulen
- Weniger neue Schulden

1. Erstens
2. Zweitens

> „Wir haben uns geeinigt“, sagte der Kanzler.

![Bild](https://evil.example/x.png) [böse](javascript:alert(1)) <script>alert(1)</script>

\`\`\`
Code bleibt Text
\`\`\`

---

#### Kleiner Titel
`

describe('bodyFromMarkdown', () => {
  const body = bodyFromMarkdown(MARKDOWN)

  it('is a valid body with node ids on every block', () => {
    expect(bodyProblem(body)).toBeNull()
    expect(needsNodeIds(body)).toBe(false)
    expect(isNodeId(body.content![0]!.attrs?.nodeId)).toBe(true)
  })

  it('keeps headings, bold, italic, links, nested lists, numbered lists and quotes', () => {
    expect(withoutNodeIds(body).content!.slice(0, 3)).toEqual([
      {
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: 'Koalition einigt sich' }]
      },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Berlin.', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' Nach langen Verhandlungen hat die Koalition einen ' },
          { type: 'text', text: 'Kompromiss', marks: [{ type: 'italic' }] },
          { type: 'text', text: ' gefunden, teilte der ' },
          {
            type: 'text',
            text: 'Bundestag',
            marks: [{ type: 'link', attrs: { href: 'https://www.bundestag.de/' } }]
          },
          { type: 'text', text: ' mit.' }
        ]
      },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Die Punkte' }] }
    ])
    const types = body.content!.map((n) => n.type)
    expect(types).toEqual([
      'heading',
      'paragraph',
      'heading',
      'bulletList',
      'orderedList',
      'blockquote',
      'paragraph',
      'paragraph',
      'heading'
    ])
    const list = body.content![3]!
    expect(list.content![0]!.content!.map((n) => n.type)).toEqual(['paragraph', 'bulletList'])
    expect(body.content![8]!.attrs?.level).toBe(3)
  })

  it('drops images, unsafe links and raw scripts; code becomes plain text', () => {
    const json = JSON.stringify(body)
    expect(json).not.toContain('evil.example')
    expect(json).not.toContain('javascript')
    expect(json).not.toContain('script')
    const text = plainTextOf(body)
    expect(text).toContain('böse')
    expect(text).toContain('Code bleibt Text')
  })

  it('an empty file is an empty body', () => {
    expect(withoutNodeIds(bodyFromMarkdown(''))).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }]
    })
  })
})

describe('bodyFromHtml', () => {
  it('cleans an HTML file and keeps the editor’s own figures and pull quotes', () => {
    const body = bodyFromHtml(
      `\uFEFF<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>` +
        `<h1 onclick="x">Titel</h1><p>Absatz mit <a href="https://example.com/" target="_blank">Link</a></p>` +
        `<figure data-type="figure" data-asset-id="${ASSET_A}" data-credit="dpa"><figcaption>Bild</figcaption></figure>` +
        `<figure data-type="pullQuote"><blockquote>Zitat</blockquote><figcaption>Name</figcaption></figure>` +
        `<img src="https://evil.example/x.png"></body></html>`
    )
    expect(bodyProblem(body)).toBeNull()
    expect(needsNodeIds(body)).toBe(false)
    expect((withoutNodeIds(body) as PmNode).content).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Titel' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Absatz mit ' },
          {
            type: 'text',
            text: 'Link',
            marks: [{ type: 'link', attrs: { href: 'https://example.com/' } }]
          }
        ]
      },
      {
        type: 'figure',
        attrs: { assetId: ASSET_A, credit: 'dpa', photographer: null, alt: null },
        content: [{ type: 'figureCaption', content: [{ type: 'text', text: 'Bild' }] }]
      },
      {
        type: 'pullQuote',
        content: [
          { type: 'pullQuoteText', content: [{ type: 'text', text: 'Zitat' }] },
          { type: 'pullQuoteAttribution', content: [{ type: 'text', text: 'Name' }] }
        ]
      }
    ])
  })
})
