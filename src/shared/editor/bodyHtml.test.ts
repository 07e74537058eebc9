import { describe, expect, it } from 'vitest'
import { renderBodyHtml } from './bodyHtml'
import { ASSET_A, doc, paragraph, text } from './__fixtures__/bodies'

describe('renderBodyHtml', () => {
  it('nests marks in schema order and keeps a link open across differently marked text', () => {
    const link = { type: 'link', attrs: { href: 'https://example.com/?a=1&b=2' } }
    const html = renderBodyHtml(
      doc(
        paragraph(
          text('ein ', [link]),
          text('fetter', [{ type: 'bold' }, link]),
          text(' Link', [link])
        )
      )
    )
    expect(html).toBe(
      '<p><a href="https://example.com/?a=1&amp;b=2">ein <strong>fetter</strong> Link</a></p>'
    )
  })

  it('renders a refused link as its text, and unknown marks and nodes as their text', () => {
    const html = renderBodyHtml(
      doc(
        paragraph(
          text('böse', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
          text(' unterstrichen', [{ type: 'underline' }])
        ),
        { type: 'codeBlock', content: [text('<b>kein Code</b>')] }
      )
    )
    expect(html).toBe('<p>böse unterstrichen</p>&lt;b&gt;kein Code&lt;/b&gt;')
  })

  it('writes XHTML line breaks when asked (NewsML-G2 inlineXML)', () => {
    const body = doc(paragraph(text('a'), { type: 'hardBreak' }, text('b')))
    expect(renderBodyHtml(body)).toBe('<p>a<br>b</p>')
    expect(renderBodyHtml(body, { xhtml: true, format: 'article' })).toBe('<p>a<br />b</p>')
  })

  it('article format: figures through the callback, no ids, no empty paragraphs', () => {
    const body = doc(
      { type: 'paragraph', attrs: { nodeId: 'p0000001' }, content: [text('Text')] },
      paragraph(),
      {
        type: 'figure',
        attrs: { nodeId: 'f0000001', assetId: ASSET_A, credit: 'dpa' },
        content: [{ type: 'figureCaption', content: [text('Bild')] }]
      }
    )
    expect(
      renderBodyHtml(body, {
        format: 'article',
        figure: (f) => `<figure>${f.caption}|${f.credit}|${f.nodeId}</figure>`
      })
    ).toBe('<p>Text</p><figure>Bild|dpa|f0000001</figure>')
    expect(renderBodyHtml(body, { format: 'article' })).toBe('<p>Text</p>')
    expect(renderBodyHtml(body, { format: 'article', nodeIds: true })).toContain(
      '<p data-node-id="p0000001">'
    )
  })
})
