import { describe, expect, it } from 'vitest'
import type { PmNode } from '../article'
import { bodyProblem, bodySchema, canonicalBody } from './extensions'
import { ASSET_A, FULL_BODY, doc, paragraph, text } from './__fixtures__/bodies'

describe('bodySchema (built in Node, no DOM)', () => {
  it('has the article node and mark types and nothing else', () => {
    const schema = bodySchema()
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'blockquote',
        'bulletList',
        'doc',
        'figure',
        'figureCaption',
        'hardBreak',
        'heading',
        'listItem',
        'orderedList',
        'paragraph',
        'pullQuote',
        'pullQuoteAttribution',
        'pullQuoteText',
        'text'
      ].sort()
    )
    expect(Object.keys(schema.marks)).toEqual(['link', 'bold', 'italic'])
  })

  it('links carry only an href: no target, rel or class', () => {
    expect(Object.keys(bodySchema().marks.link!.spec.attrs ?? {})).toEqual(['href'])
  })

  it('accepts a body with every node', () => {
    expect(bodyProblem(FULL_BODY)).toBeNull()
  })

  it.each<[string, PmNode]>([
    ['an unknown node', doc({ type: 'image', attrs: { src: 'x' } })],
    ['an unknown mark', doc(paragraph(text('x', [{ type: 'underline' }])))],
    ['a figure without an asset id', doc({ type: 'figure', content: [{ type: 'figureCaption' }] })],
    [
      'a figure with a path as asset id',
      doc({ type: 'figure', attrs: { assetId: '../x' }, content: [{ type: 'figureCaption' }] })
    ],
    [
      'bold inside a caption',
      doc({
        type: 'figure',
        attrs: { assetId: ASSET_A },
        content: [{ type: 'figureCaption', content: [text('x', [{ type: 'bold' }])] }]
      })
    ],
    ['text directly in the document', doc(text('lose'))],
    [
      'a list item without a paragraph first',
      doc({
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'bulletList', content: [] }] }]
      })
    ]
  ])('names the problem with %s', (_name, body) => {
    expect(bodyProblem(body)).toEqual(expect.any(String))
  })

  it('canonical form fills in default attributes', () => {
    expect(canonicalBody(doc(paragraph(text('x'))))).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { nodeId: null }, content: [{ type: 'text', text: 'x' }] }
      ]
    })
  })
})
