import type { PmNode } from '../../article'

/** Asset ids as the store makes them (SHA-256 hex). */
export const ASSET_A = 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778'
export const ASSET_B = 'b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecf'

export const text = (t: string, marks?: PmNode['marks']): PmNode =>
  marks ? { type: 'text', text: t, marks } : { type: 'text', text: t }
export const paragraph = (...content: PmNode[]): PmNode =>
  content.length ? { type: 'paragraph', content } : { type: 'paragraph' }
export const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content })

/** A body with every node and mark of the schema, ids included. */
export const FULL_BODY: PmNode = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      attrs: { nodeId: 'p00000001' },
      content: [
        text('Der '),
        text('Bundestag', [{ type: 'bold' }]),
        text(' hat '),
        text('nach langer Debatte', [{ type: 'bold' }, { type: 'italic' }]),
        text(' den '),
        text('Haushalt', [{ type: 'link', attrs: { href: 'https://www.bundestag.de/' } }]),
        text(' beschlossen.'),
        { type: 'hardBreak' },
        text('Zweite Zeile & <Sonderzeichen> "quoted"')
      ]
    },
    {
      type: 'heading',
      attrs: { nodeId: 'h00000001', level: 2 },
      content: [text('Zwischentitel')]
    },
    {
      type: 'heading',
      attrs: { nodeId: 'h00000002', level: 3 },
      content: [text('Unterzwischentitel')]
    },
    {
      type: 'figure',
      attrs: {
        nodeId: 'f00000001',
        assetId: ASSET_A,
        credit: 'dpa',
        photographer: 'Kay Nietfeld',
        alt: 'Blick in den Plenarsaal'
      },
      content: [
        { type: 'figureCaption', content: [text('Im Bundestag: „Wir haben uns geeinigt“')] }
      ]
    },
    {
      type: 'figure',
      attrs: { nodeId: 'f00000002', assetId: ASSET_B, credit: null, photographer: null, alt: null },
      content: [{ type: 'figureCaption' }]
    },
    {
      type: 'pullQuote',
      attrs: { nodeId: 'q00000001' },
      content: [
        { type: 'pullQuoteText', content: [text('Wir haben uns geeinigt.')] },
        { type: 'pullQuoteAttribution', content: [text('Olaf Scholz')] }
      ]
    },
    {
      type: 'bulletList',
      attrs: { nodeId: 'l00000001' },
      content: [
        {
          type: 'listItem',
          attrs: { nodeId: 'i00000001' },
          content: [{ type: 'paragraph', attrs: { nodeId: 'p00000002' }, content: [text('Eins')] }]
        }
      ]
    },
    {
      type: 'orderedList',
      attrs: { nodeId: 'l00000002', start: 3, type: null },
      content: [
        {
          type: 'listItem',
          attrs: { nodeId: 'i00000002' },
          content: [{ type: 'paragraph', attrs: { nodeId: 'p00000003' }, content: [text('Drei')] }]
        }
      ]
    },
    {
      type: 'blockquote',
      attrs: { nodeId: 'b00000001' },
      content: [{ type: 'paragraph', attrs: { nodeId: 'p00000004' }, content: [text('Zitat')] }]
    }
  ]
}

/** A copy of a body without any `nodeId` attributes (what the sanitiser produces). */
export function withoutNodeIds(node: PmNode): PmNode {
  const out: PmNode = { ...node }
  if (node.attrs) {
    const { nodeId: _drop, ...rest } = node.attrs
    void _drop
    if (Object.keys(rest).length) out.attrs = rest
    else delete out.attrs
  }
  if (node.content) out.content = node.content.map(withoutNodeIds)
  return out
}
