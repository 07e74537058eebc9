// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it } from 'vitest'
import type { PmNode } from '../../../../shared/article'
import { sharedExtensions } from '../../../../shared/editor/extensions'
import { figureInsertPosition, insertFigures, selectionInsertPosition } from './figureInsert'
import { trackPosition } from './trackPosition'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const p = (text: string): PmNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

function start(content: PmNode[]): Editor {
  editor = new Editor({ extensions: sharedExtensions(), content: { type: 'doc', content } })
  return editor
}
const types = (ed: Editor): string[] => {
  const out: string[] = []
  ed.state.doc.forEach((n) =>
    out.push(n.type.name === 'paragraph' ? n.textContent || '¶' : n.type.name)
  )
  return out
}

describe('inserting figures', () => {
  it('puts dropped figures between blocks, never inside a paragraph', () => {
    const ed = start([p('Erster Absatz'), p('Zweiter Absatz')])
    const doc = ed.state.doc
    expect(figureInsertPosition(doc, 1)).toBe(0)
    expect(figureInsertPosition(doc, 5)).toBe(doc.child(0).nodeSize)
    expect(figureInsertPosition(doc, 10_000)).toBe(doc.content.size)
    expect(insertFigures(ed, [A, B], 5)).toBe(true)
    expect(types(ed)).toEqual(['Erster Absatz', 'figure', 'figure', 'Zweiter Absatz'])
    // The cursor waits in the first new caption, and new figures got node ids.
    expect(ed.state.selection.$from.parent.type.name).toBe('figureCaption')
    const figure = ed.state.doc.child(1)
    expect(figure.attrs.assetId).toBe(A)
    expect(typeof figure.attrs.nodeId).toBe('string')
  })

  it('inserts from the toolbar after the block with the cursor, before an empty paragraph, after a figure', () => {
    const ed = start([p('Text'), { type: 'paragraph' }])
    ed.view.dispatch(ed.state.tr.setSelection(TextSelection.create(ed.state.doc, 3)))
    expect(selectionInsertPosition(ed.state)).toBe(ed.state.doc.child(0).nodeSize)
    const empty = ed.state.doc.child(0).nodeSize + 1
    ed.view.dispatch(ed.state.tr.setSelection(TextSelection.create(ed.state.doc, empty)))
    expect(selectionInsertPosition(ed.state)).toBe(empty - 1)
    insertFigures(ed, [A], selectionInsertPosition(ed.state))
    expect(types(ed)).toEqual(['Text', 'figure', '¶'])
    // Now in the caption: the next figure goes after this one.
    insertFigures(ed, [B], selectionInsertPosition(ed.state))
    expect(types(ed)).toEqual(['Text', 'figure', 'figure', '¶'])
    expect(ed.state.doc.child(2).attrs.assetId).toBe(B)
  })

  it('leaves a paragraph to write on after figures at the very end', () => {
    const ed = start([p('Schluss')])
    insertFigures(ed, [A], ed.state.doc.content.size)
    expect(types(ed)).toEqual(['Schluss', 'figure', '¶'])
  })

  it('maps the drop position through what was typed while the import ran', () => {
    const ed = start([p('Oben'), p('Unten')])
    const drop = ed.state.doc.child(0).nodeSize
    const tracker = trackPosition(ed, drop)
    ed.commands.insertContentAt(1, 'Ganz ')
    const cursor = ed.state.selection.from
    insertFigures(ed, [A], tracker.stop(), { select: false })
    expect(types(ed)).toEqual(['Ganz Oben', 'figure', 'Unten'])
    // The reporter typed on meanwhile: the cursor stays in their text.
    expect(ed.state.selection.from).toBe(cursor)
    expect(ed.state.selection.$from.parent.textContent).toBe('Ganz Oben')
  })
})
