// @vitest-environment happy-dom
import { generateHTML, generateJSON } from '@tiptap/core'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it } from 'vitest'
import type { PmNode } from '../../article'
import { renderBodyHtml } from '../bodyHtml'
import { figuresOf, pullQuoteOf } from '../bodyNodes'
import { canonicalBody, sharedExtensions } from '../extensions'
import { sanitizeHtmlToDoc } from '../sanitizeHtml'
import {
  ASSET_A,
  ASSET_B,
  FULL_BODY,
  doc,
  paragraph,
  text,
  withoutNodeIds
} from '../__fixtures__/bodies'
import { createTestEditor, press } from '../__fixtures__/testEditor'
import type { Editor } from '@tiptap/core'

const extensions = sharedExtensions()
let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

function figureDoc(caption: string): PmNode {
  return doc(
    paragraph(text('Davor')),
    {
      type: 'figure',
      attrs: { assetId: ASSET_A, credit: 'dpa' },
      content: [
        caption ? { type: 'figureCaption', content: [text(caption)] } : { type: 'figureCaption' }
      ]
    },
    paragraph(text('Danach'))
  )
}

/** Position just inside the first figure's caption, at `offset`. */
function captionPos(ed: Editor, offset = 0): number {
  let pos = -1
  ed.state.doc.descendants((node, p) => {
    if (pos === -1 && node.type.name === 'figureCaption') pos = p + 1 + offset
    return pos === -1
  })
  return pos
}

describe('JSON → HTML → JSON', () => {
  it('TipTap renders and parses every node and mark of the schema back to the same JSON', () => {
    const html = generateHTML(FULL_BODY, extensions)
    expect(canonicalBody(generateJSON(html, extensions) as PmNode)).toEqual(
      canonicalBody(FULL_BODY)
    )
  })

  it('the figure renders as <figure data-type="figure"> with data attributes and a figcaption', () => {
    const html = generateHTML(figureDoc('Im Bundestag'), extensions)
    expect(html).toContain(
      `<figure data-type="figure" data-asset-id="${ASSET_A}" data-credit="dpa"><figcaption>Im Bundestag</figcaption></figure>`
    )
  })

  it('the pull quote renders as <figure data-type="pullQuote"> with blockquote and figcaption', () => {
    const html = generateHTML(FULL_BODY, extensions)
    expect(html).toContain(
      '<figure data-type="pullQuote" data-node-id="q00000001"><blockquote>Wir haben uns geeinigt.</blockquote><figcaption>Olaf Scholz</figcaption></figure>'
    )
  })

  it('the shared HTML writer (no DOM) produces HTML TipTap parses to the same JSON', () => {
    const html = renderBodyHtml(FULL_BODY, { format: 'editor' })
    expect(canonicalBody(generateJSON(html, extensions) as PmNode)).toEqual(
      canonicalBody(FULL_BODY)
    )
  })

  it('the sanitiser with editor nodes reads TipTap’s HTML back (node ids are not kept)', () => {
    const html = generateHTML(FULL_BODY, extensions)
    expect(canonicalBody(sanitizeHtmlToDoc(html, { keepEditorNodes: true }))).toEqual(
      canonicalBody(withoutNodeIds(FULL_BODY))
    )
  })

  it('a figure element with an invalid asset id is not a figure', () => {
    const json = generateJSON(
      '<figure data-type="figure" data-asset-id="../../etc/passwd"><figcaption>Text</figcaption></figure>',
      extensions
    ) as PmNode
    expect(json.content?.map((n) => n.type)).toEqual(['paragraph'])
    expect(figuresOf(json)).toEqual([])
  })

  it('reads figures and pull quotes out of body JSON', () => {
    expect(figuresOf(FULL_BODY)).toEqual([
      {
        assetId: ASSET_A,
        caption: 'Im Bundestag: „Wir haben uns geeinigt“',
        credit: 'dpa',
        photographer: 'Kay Nietfeld',
        alt: 'Blick in den Plenarsaal',
        nodeId: 'f00000001'
      },
      {
        assetId: ASSET_B,
        caption: null,
        credit: null,
        photographer: null,
        alt: null,
        nodeId: 'f00000002'
      }
    ])
    expect(pullQuoteOf(FULL_BODY.content![5]!)).toEqual({
      quote: 'Wir haben uns geeinigt.',
      attribution: 'Olaf Scholz',
      nodeId: 'q00000001'
    })
  })
})

describe('figure commands', () => {
  it('insertFigure puts a figure with caption and overrides into the body', () => {
    editor = createTestEditor(doc(paragraph(text('Text'))))
    editor.commands.setTextSelection(5)
    expect(
      editor.commands.insertFigure({
        assetId: ASSET_A,
        caption: ' Im  Bundestag ',
        credit: 'dpa',
        alt: ''
      })
    ).toBe(true)
    expect(figuresOf(editor.getJSON() as PmNode)).toEqual([
      expect.objectContaining({
        assetId: ASSET_A,
        caption: 'Im Bundestag',
        credit: 'dpa',
        photographer: null,
        alt: null
      })
    ])
  })

  it('insertFigure refuses an id that is not an asset id', () => {
    editor = createTestEditor(doc(paragraph(text('Text'))))
    expect(editor.commands.insertFigure({ assetId: 'not-an-asset' })).toBe(false)
    expect(figuresOf(editor.getJSON() as PmNode)).toEqual([])
  })

  it('updateFigure changes overrides and the caption of the figure the cursor is in', () => {
    editor = createTestEditor(figureDoc('Alt'))
    editor.commands.setTextSelection(captionPos(editor, 1))
    expect(
      editor.commands.updateFigure({ credit: 'Reuters', caption: 'Neu', photographer: 'A. B.' })
    ).toBe(true)
    expect(figuresOf(editor.getJSON() as PmNode)[0]).toMatchObject({
      caption: 'Neu',
      credit: 'Reuters',
      photographer: 'A. B.'
    })
    editor.commands.updateFigure({ credit: '', caption: null })
    expect(figuresOf(editor.getJSON() as PmNode)[0]).toMatchObject({ caption: null, credit: null })
  })

  it('updateFigure without a figure at the selection does nothing', () => {
    editor = createTestEditor(figureDoc('Alt'))
    editor.commands.setTextSelection(2)
    expect(editor.commands.updateFigure({ credit: 'x' })).toBe(false)
  })
})

describe('caption keyboard (house style)', () => {
  it('Enter leaves the caption into a new paragraph after the figure', () => {
    editor = createTestEditor(figureDoc('Bildtext'))
    editor.commands.setTextSelection(captionPos(editor, 3))
    expect(press(editor, 'Enter')).toBe(true)
    const { $from } = editor.state.selection
    expect($from.parent.type.name).toBe('paragraph')
    expect($from.parent.content.size).toBe(0)
    expect($from.index(0)).toBe(2) // paragraph, figure, new paragraph, "Danach"
    expect(figuresOf(editor.getJSON() as PmNode)[0]!.caption).toBe('Bildtext')
    expect(editor.state.doc.child(3).textContent).toBe('Danach')
  })

  it('Enter reuses an empty paragraph that already follows the figure', () => {
    editor = createTestEditor(
      doc(
        { type: 'figure', attrs: { assetId: ASSET_A }, content: [{ type: 'figureCaption' }] },
        paragraph()
      )
    )
    editor.commands.setTextSelection(captionPos(editor))
    press(editor, 'Enter')
    expect(editor.state.doc.childCount).toBe(2)
    expect(editor.state.selection.$from.index(0)).toBe(1)
  })

  it('Backspace in an empty caption selects the figure; a second Backspace deletes it', () => {
    editor = createTestEditor(figureDoc(''))
    editor.commands.setTextSelection(captionPos(editor))
    expect(press(editor, 'Backspace')).toBe(true)
    const selection = editor.state.selection
    expect(selection).toBeInstanceOf(NodeSelection)
    expect((selection as NodeSelection).node.type.name).toBe('figure')
    press(editor, 'Backspace')
    expect(figuresOf(editor.getJSON() as PmNode)).toEqual([])
    expect(editor.getText()).toContain('Davor')
    expect(editor.getText()).toContain('Danach')
  })

  it('Backspace at the start of a caption with text changes nothing', () => {
    editor = createTestEditor(figureDoc('Bildtext'))
    editor.commands.setTextSelection(captionPos(editor))
    const before = editor.getJSON()
    expect(press(editor, 'Backspace')).toBe(true)
    expect(editor.getJSON()).toEqual(before)
    expect(editor.state.selection).toBeInstanceOf(TextSelection)
  })

  it('Delete at the end of a caption does not pull the next paragraph in', () => {
    editor = createTestEditor(figureDoc('Bildtext'))
    editor.commands.setTextSelection(captionPos(editor, 'Bildtext'.length))
    const before = editor.getJSON()
    press(editor, 'Delete')
    expect(editor.getJSON()).toEqual(before)
  })

  it('Ctrl/Cmd+A selects the caption text only', () => {
    editor = createTestEditor(figureDoc('Bildtext'))
    editor.commands.setTextSelection(captionPos(editor, 2))
    press(editor, 'Mod-a')
    const { from, to } = editor.state.selection
    expect(editor.state.doc.textBetween(from, to)).toBe('Bildtext')
  })

  it('paste into a caption is one line of plain text, whatever the clipboard holds', () => {
    editor = createTestEditor(figureDoc('Bild'))
    editor.commands.setTextSelection(captionPos(editor, 4))
    editor.view.pasteHTML(
      '<p><strong>: fett</strong></p><p>und <a href="https://example.com/">zweiter</a> Absatz</p>'
    )
    const json = editor.getJSON() as PmNode
    expect(figuresOf(json)[0]!.caption).toBe('Bild: fett und zweiter Absatz')
    expect(json.content!.map((n) => n.type)).toEqual(['paragraph', 'figure', 'paragraph'])
    expect(JSON.stringify(json.content![1])).not.toContain('marks')
  })
})

describe('pull quote', () => {
  it('insertPullQuote inserts quote and attribution and puts the cursor at the end of the quote', () => {
    editor = createTestEditor(doc(paragraph(text('Text'))))
    editor.commands.setTextSelection(5)
    editor.commands.insertPullQuote({ quote: 'Wir schaffen das', attribution: 'Angela Merkel' })
    const json = editor.getJSON() as PmNode
    const node = json.content!.find((n) => n.type === 'pullQuote')!
    expect(pullQuoteOf(node)).toMatchObject({
      quote: 'Wir schaffen das',
      attribution: 'Angela Merkel'
    })
    const { $from } = editor.state.selection
    expect($from.parent.type.name).toBe('pullQuoteText')
    expect($from.parentOffset).toBe('Wir schaffen das'.length)
  })

  it('insertPullQuote without a quote takes the selected text', () => {
    editor = createTestEditor(doc(paragraph(text('Wir schaffen das'))))
    editor.commands.setTextSelection({ from: 1, to: 17 })
    editor.commands.insertPullQuote()
    const node = (editor.getJSON() as PmNode).content!.find((n) => n.type === 'pullQuote')!
    expect(pullQuoteOf(node)!.quote).toBe('Wir schaffen das')
  })

  it('Enter goes from the quote to the attribution, and from there out of the pull quote', () => {
    editor = createTestEditor(doc(paragraph(text('Text'))))
    editor.commands.setTextSelection(5)
    editor.commands.insertPullQuote({ quote: 'Zitat', attribution: '' })
    press(editor, 'Enter')
    expect(editor.state.selection.$from.parent.type.name).toBe('pullQuoteAttribution')
    editor.commands.insertContent('Sprecherin')
    press(editor, 'Enter')
    expect(editor.state.selection.$from.parent.type.name).toBe('paragraph')
    const node = (editor.getJSON() as PmNode).content!.find((n) => n.type === 'pullQuote')!
    expect(pullQuoteOf(node)).toMatchObject({ quote: 'Zitat', attribution: 'Sprecherin' })
  })

  it('Backspace at the start of the attribution goes back to the end of the quote', () => {
    editor = createTestEditor(doc(paragraph(text('Text'))))
    editor.commands.setTextSelection(5)
    editor.commands.insertPullQuote({ quote: 'Zitat', attribution: 'Name' })
    press(editor, 'Enter')
    editor.commands.setTextSelection(editor.state.selection.$from.start())
    press(editor, 'Backspace')
    const { $from } = editor.state.selection
    expect($from.parent.type.name).toBe('pullQuoteText')
    expect($from.parentOffset).toBe(5)
  })

  it('Backspace in an empty quote selects the pull quote', () => {
    editor = createTestEditor(doc(paragraph(text('Text'))))
    editor.commands.setTextSelection(5)
    editor.commands.insertPullQuote({ quote: '' })
    press(editor, 'Backspace')
    expect((editor.state.selection as NodeSelection).node?.type.name).toBe('pullQuote')
  })
})

describe('links', () => {
  it('setLink takes only allowed targets and stores nothing but the href', () => {
    editor = createTestEditor(doc(paragraph(text('Bundestag'))))
    editor.commands.setTextSelection({ from: 1, to: 10 })
    for (const href of [
      'javascript:alert(1)',
      '//evil.example/',
      'file:///etc/passwd',
      ' https://example.com/'
    ]) {
      expect(editor.commands.setLink({ href })).toBe(false)
    }
    expect(editor.commands.setLink({ href: 'https://www.bundestag.de/', target: '_blank' })).toBe(
      true
    )
    const marks = (editor.getJSON() as PmNode).content![0]!.content![0]!.marks
    expect(marks).toEqual([{ type: 'link', attrs: { href: 'https://www.bundestag.de/' } }])
    expect(editor.getHTML()).toContain('<a href="https://www.bundestag.de/">Bundestag</a>')
  })
})
