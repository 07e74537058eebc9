import { describe, expect, it } from 'vitest'
import type { PmNode } from '../article'
import { plainTextOf } from '../articleText'
import {
  CLIPBOARD_SAMPLE_BODY,
  GOOGLE_DOCS_CLIPBOARD_HTML,
  WORD_CLIPBOARD_HTML,
  WORD_LIST_VARIANTS_BODY,
  WORD_LIST_VARIANTS_CLIPBOARD_HTML
} from './clipboardSamples'
import { bodyProblem } from './extensions'
import { HOSTILE_HTML, HOSTILE_MARKERS } from './hostileHtml'
import { HTML_MAX_DEPTH, HtmlTooDeepError, sanitizeHtml, sanitizeHtmlToDoc } from './sanitizeHtml'
import { ASSET_A } from './__fixtures__/bodies'

const clean = (html: string): PmNode => sanitizeHtmlToDoc(html)
const links = (node: PmNode): string[] => {
  const out: string[] = []
  const walk = (n: PmNode): void => {
    for (const m of n.marks ?? []) if (m.type === 'link') out.push(String(m.attrs?.href))
    n.content?.forEach(walk)
  }
  walk(node)
  return out
}

describe('hostile corpus', () => {
  it('has at least 30 payloads', () => {
    expect(HOSTILE_HTML.length).toBeGreaterThanOrEqual(30)
  })

  it.each(HOSTILE_HTML.map((p) => [p.name, p] as const))('%s', (_name, payload) => {
    const body = clean(payload.html)
    expect(bodyProblem(body)).toBeNull()
    const stored = JSON.stringify(body).toLowerCase()
    for (const marker of payload.forbidden ?? HOSTILE_MARKERS) {
      expect(stored).not.toContain(marker.toLowerCase())
    }
    const text = plainTextOf(body)
    for (const keep of payload.keeps ?? []) expect(text).toContain(keep)
    expect(links(body)).toEqual(payload.keepsLink ? [payload.keepsLink] : [])
    // The HTML form carries no element or attribute beyond the allowed ones.
    const html = sanitizeHtml(payload.html)
    const tags = [...html.matchAll(/<([a-z0-9]+)([^>]*)>/g)]
    for (const [, tag, attrs] of tags) {
      expect([
        'p',
        'h2',
        'h3',
        'strong',
        'em',
        'a',
        'ul',
        'ol',
        'li',
        'blockquote',
        'br'
      ]).toContain(tag)
      expect(attrs!.replace(/ href="https:\/\/example\.com\/"/, '')).toBe('')
    }
  })
})

describe('clipboard from word processors', () => {
  it('Word: headings, bold, italic, link, nested mso-list bullets, numbered list; no image, no <o:p>', () => {
    expect(clean(WORD_CLIPBOARD_HTML)).toEqual(CLIPBOARD_SAMPLE_BODY)
  })

  it('Word: lists whose marker is plain text (Word for Mac, List Bullet styles) lose the marker', () => {
    const body = clean(WORD_LIST_VARIANTS_CLIPBOARD_HTML)
    expect(body).toEqual(WORD_LIST_VARIANTS_BODY)
    expect(plainTextOf(body)).not.toMatch(/[•·§]|^o\s|^\d\./m)
  })

  it('Word: a list item that starts with a word, a number or a dash keeps it', () => {
    const html =
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·&nbsp;&nbsp;</span>o2-Vertrag gekündigt</p>" +
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·&nbsp;&nbsp;</span>3. Liga steigt ab</p>" +
      '<p class=MsoNormal>- kein Aufzählungszeichen von Word</p>'
    expect(plainTextOf(clean(html))).toBe(
      'o2-Vertrag gekündigt\n\n3. Liga steigt ab\n\n- kein Aufzählungszeichen von Word'
    )
  })

  it('Google Docs: the docs-internal-guid <b> is not bold; styled spans are; lists nest', () => {
    expect(clean(GOOGLE_DOCS_CLIPBOARD_HTML)).toEqual(CLIPBOARD_SAMPLE_BODY)
  })

  it('Google Docs: a bold paste keeps its bold inside the non-bold wrapper', () => {
    const html =
      '<b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-weight:700">Alles fett</span></p></b>'
    expect(clean(html)).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Alles fett', marks: [{ type: 'bold' }] }]
        }
      ]
    })
  })
})

describe('what is kept and how', () => {
  it('maps h1 to h2 and h4–h6 to h3', () => {
    const body = clean('<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>')
    expect(body.content!.map((n) => n.attrs?.level)).toEqual([2, 2, 3, 3, 3, 3])
  })

  it('keeps bold and italic from tags and styles, nested in the schema’s order', () => {
    const body = clean(
      '<p><em><strong>beides</strong></em> <span style="font-style:italic">kursiv</span></p>'
    )
    expect(body.content![0]!.content).toEqual([
      { type: 'text', text: 'beides', marks: [{ type: 'bold' }, { type: 'italic' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'kursiv', marks: [{ type: 'italic' }] }
    ])
  })

  it('keeps allowed links (trimmed) with their marks, text of refused ones', () => {
    const body = clean(
      '<p><a href=" https://example.com/a ">gut</a> <a href="mailto:desk@example.com"><b>Mail</b></a> <a href="/relativ">rel</a></p>'
    )
    expect(body.content![0]!.content).toEqual([
      {
        type: 'text',
        text: 'gut',
        marks: [{ type: 'link', attrs: { href: 'https://example.com/a' } }]
      },
      { type: 'text', text: ' ' },
      {
        type: 'text',
        text: 'Mail',
        marks: [{ type: 'link', attrs: { href: 'mailto:desk@example.com' } }, { type: 'bold' }]
      },
      { type: 'text', text: ' rel' }
    ])
  })

  it('keeps lists with start numbers and nested lists, and block quotes', () => {
    const body = clean(
      '<ol start="3" type="a"><li>drei<ul><li>innen</li></ul></li></ol><blockquote><p>Zitat</p>Rest</blockquote>'
    )
    expect(body).toEqual({
      type: 'doc',
      content: [
        {
          type: 'orderedList',
          attrs: { start: 3, type: 'a' },
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'drei' }] },
                {
                  type: 'bulletList',
                  content: [
                    {
                      type: 'listItem',
                      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'innen' }] }]
                    }
                  ]
                }
              ]
            }
          ]
        },
        {
          type: 'blockquote',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Zitat' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Rest' }] }
          ]
        }
      ]
    })
  })

  it('collapses HTML whitespace, keeps single no-break spaces, trims blocks, drops empty ones', () => {
    const body = clean(
      '<p>  Am\n  2.&nbsp;Mai   <b> fett </b> </p><p>&nbsp;</p><p> </p><div>\n</div>'
    )
    expect(body.content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Am 2.\u00a0Mai ' },
          { type: 'text', text: 'fett', marks: [{ type: 'bold' }] }
        ]
      }
    ])
  })

  it('turns <br> into hard breaks and two in a row into a new paragraph', () => {
    const body = clean('Zeile eins<br>Zeile zwei<br><br>Neuer Absatz<br>')
    expect(body.content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Zeile eins' },
          { type: 'hardBreak' },
          { type: 'text', text: 'Zeile zwei' }
        ]
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'Neuer Absatz' }] }
    ])
  })

  it('keeps the line breaks of <pre> and the text of code', () => {
    const body = clean('<pre><code>a  b\nc</code></pre>')
    expect(body.content![0]!.content).toEqual([
      { type: 'text', text: 'a  b' },
      { type: 'hardBreak' },
      { type: 'text', text: 'c' }
    ])
  })

  it('splits block-level containers (div, table cells) into paragraphs', () => {
    const body = clean(
      '<div>Eins<div>Zwei</div>Drei</div><table><tr><td>Zelle</td><td>Nachbar</td></tr></table>'
    )
    expect(plainTextOf(body).split('\n\n')).toEqual(['Eins', 'Zwei', 'Drei', 'Zelle', 'Nachbar'])
  })

  it('removes control characters but keeps umlauts and typographic characters', () => {
    expect(plainTextOf(clean('<p>Zü\u0000rich\u0007 „Zitat“ – …</p>'))).toBe('Zürich „Zitat“ – …')
  })

  it('returns a document with one empty paragraph for nothing usable', () => {
    expect(clean('<script>x</script>')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
    expect(clean('')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
  })

  it('drops editor figures by default and keeps them (checked) when asked', () => {
    const html = `<figure data-type="figure" data-asset-id="${ASSET_A}" data-credit="dpa" onclick="x"><img src="https://evil.example/x.png"><figcaption>Bild <b>text</b></figcaption></figure>`
    expect(clean(html)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
    expect(sanitizeHtmlToDoc(html, { keepEditorNodes: true }).content).toEqual([
      {
        type: 'figure',
        attrs: { nodeId: null, assetId: ASSET_A, credit: 'dpa', photographer: null, alt: null },
        content: [{ type: 'figureCaption', content: [{ type: 'text', text: 'Bild text' }] }]
      }
    ])
  })

  it('its HTML output is the editor’s format', () => {
    expect(
      sanitizeHtml(
        '<p class="x" style="color:red">A <a href="https://example.com/" target="_blank">b</a></p>'
      )
    ).toBe('<p>A <a href="https://example.com/">b</a></p>')
  })

  it('survives very deep nesting without overflowing the stack, and keeps its text', () => {
    const html = `${'<span>'.repeat(100_000)}tief${'</span>'.repeat(100_000)}<p>oben</p>`
    expect(plainTextOf(clean(html))).toBe('tief\n\noben')
  })

  it('keeps the words of a paste nested past the limit as plain text, without scripts', () => {
    const n = 300
    const html = `${'<div>'.repeat(n)}<p>ganz</p><script>alert(1)</script><p style="display:none">weg</p><p>unten</p>${'</div>'.repeat(n)}`
    expect(plainTextOf(clean(html))).toBe('ganz unten')
  })

  it('refuses instead when asked (body files), at any depth past the limit', () => {
    for (const n of [HTML_MAX_DEPTH + 5, 5000]) {
      const html = `${'<div>'.repeat(n)}Text${'</div>'.repeat(n)}`
      expect(() => sanitizeHtmlToDoc(html, { refuseTooDeep: true })).toThrow(HtmlTooDeepError)
    }
    const html = `${'<div>'.repeat(HTML_MAX_DEPTH - 1)}Text${'</div>'.repeat(HTML_MAX_DEPTH - 1)}`
    expect(plainTextOf(sanitizeHtmlToDoc(html, { refuseTooDeep: true }))).toBe('Text')
  })
})
