// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it } from 'vitest'
import type { PmNode } from '../../../../shared/article'
import { sharedExtensions } from '../../../../shared/editor/extensions'
import { selectToolbarState } from './toolbarState'

const ASSET = 'a'.repeat(64)
let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

function start(content: PmNode[]): Editor {
  editor = new Editor({ extensions: sharedExtensions(), content: { type: 'doc', content } })
  return editor
}

const at = (ed: Editor, pos: number): void => {
  ed.view.dispatch(ed.state.tr.setSelection(TextSelection.create(ed.state.doc, pos)))
}
const state = (ed: Editor): ReturnType<typeof selectToolbarState> =>
  selectToolbarState({ editor: ed, transactionNumber: 0 })

describe('toolbar state', () => {
  it('reports the block type and marks at the cursor, and undo once something changed', () => {
    const ed = start([
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Zwischentitel' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'fett', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' normal' }
        ]
      }
    ])
    at(ed, 3)
    expect(state(ed)).toMatchObject({ block: 'heading2', isBold: false, canUndo: false })
    at(ed, 18)
    expect(state(ed)).toMatchObject({ block: 'paragraph', isBold: true, canFormat: true })
    ed.commands.insertContent('x')
    expect(state(ed).canUndo).toBe(true)
    ed.commands.undo()
    expect(state(ed).canRedo).toBe(true)
  })

  it('knows lists and quotes, and allows no formatting in a figure caption', () => {
    const ed = start([
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'eins' }] }]
          }
        ]
      },
      {
        type: 'figure',
        attrs: { assetId: ASSET },
        content: [{ type: 'figureCaption', content: [{ type: 'text', text: 'Der Dom' }] }]
      }
    ])
    at(ed, 4)
    expect(state(ed)).toMatchObject({
      isBulletList: true,
      isOrderedList: false,
      block: 'paragraph'
    })
    const captionPos = ed.state.doc.child(0).nodeSize + 3
    at(ed, captionPos)
    expect(ed.state.selection.$from.parent.type.name).toBe('figureCaption')
    expect(state(ed)).toMatchObject({ canFormat: false, canSetBlock: false, block: null })
  })

  it('answers at a caret as editor.isActive does, at every place of a mixed body', () => {
    const text = (t: string, marks?: string[]): PmNode => ({
      type: 'text',
      text: t,
      ...(marks
        ? {
            marks: marks.map((m) =>
              m === 'link' ? { type: m, attrs: { href: 'https://example.org/' } } : { type: m }
            )
          }
        : {})
    })
    const ed = start([
      {
        type: 'paragraph',
        content: [
          text('eins '),
          text('fett', ['bold']),
          text(' und '),
          text('kursiv', ['italic', 'bold'])
        ]
      },
      { type: 'heading', attrs: { level: 3 }, content: [text('Titel '), text('Link', ['link'])] },
      {
        type: 'blockquote',
        content: [
          {
            type: 'bulletList',
            content: [
              { type: 'listItem', content: [{ type: 'paragraph', content: [text('zitiert')] }] }
            ]
          }
        ]
      },
      {
        type: 'orderedList',
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: [text('erstens', ['bold'])] }]
          }
        ]
      },
      {
        type: 'pullQuote',
        content: [
          { type: 'pullQuoteText', content: [text('Ein Satz')] },
          { type: 'pullQuoteAttribution', content: [text('Sie')] }
        ]
      },
      {
        type: 'figure',
        attrs: { assetId: ASSET },
        content: [{ type: 'figureCaption', content: [text('Der Dom')] }]
      },
      { type: 'paragraph', content: [text('Ende')] }
    ])
    const names = ['bold', 'italic', 'link', 'bulletList', 'orderedList', 'blockquote', 'pullQuote']
    const keys = [
      'isBold',
      'isItalic',
      'isLink',
      'isBulletList',
      'isOrderedList',
      'isBlockquote',
      'isPullQuote'
    ] as const
    let places = 0
    for (let pos = 0; pos <= ed.state.doc.content.size; pos++) {
      if (!ed.state.doc.resolve(pos).parent.isTextblock) continue
      at(ed, pos)
      const expected = names.map((name) => ed.isActive(name))
      expect(
        keys.map((k) => state(ed)[k]),
        `at ${pos}`
      ).toEqual(expected)
      places++
    }
    expect(places).toBeGreaterThan(40)
    // Stored marks (Mod-b at a caret) count as TipTap counts them.
    at(ed, 3)
    ed.commands.toggleBold()
    expect(state(ed).isBold).toBe(true)
    expect(ed.isActive('bold')).toBe(true)
    // A range still gets TipTap's own answer.
    ed.commands.setTextSelection({ from: 2, to: 12 })
    expect(state(ed).isBold).toBe(ed.isActive('bold'))
  })
})
