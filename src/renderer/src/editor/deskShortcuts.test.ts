// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it } from 'vitest'
import { sharedExtensions } from '../../../shared/editor/extensions'
import { isTypedAtCaret } from './deskShortcuts'

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
  document.body.replaceChildren()
})

function start(): Editor {
  const element = document.createElement('div')
  document.body.append(element)
  editor = new Editor({
    element,
    extensions: sharedExtensions(),
    content: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Der Kanzler sprach' }] }]
    }
  })
  return editor
}

/** Puts the DOM's selection over `length` characters of the paragraph's text from `offset`. */
function domSelect(ed: Editor, offset: number, length = 0): void {
  const text = ed.view.dom.querySelector('p')!.firstChild!
  const range = document.createRange()
  range.setStart(text, offset)
  range.setEnd(text, offset + length)
  const selection = document.getSelection()!
  selection.removeAllRanges()
  selection.addRange(range)
}

const key = (init: KeyboardEventInit): KeyboardEvent => new KeyboardEvent('keydown', init)

describe('isTypedAtCaret', () => {
  it('is true for a printable character with both selections collapsed', () => {
    const ed = start()
    ed.view.dispatch(ed.state.tr.setSelection(TextSelection.create(ed.state.doc, 4)))
    domSelect(ed, 3)
    expect(isTypedAtCaret(ed.view, key({ key: 'a' }))).toBe(true)
    expect(isTypedAtCaret(ed.view, key({ key: 'Ä', shiftKey: true }))).toBe(true)
    expect(isTypedAtCaret(ed.view, key({ key: ' ' }))).toBe(true)
    expect(isTypedAtCaret(ed.view, key({ key: '😀' }))).toBe(true)
  })

  it('is false for keys keymaps handle, shortcuts, and any selection that is a range', () => {
    const ed = start()
    ed.view.dispatch(ed.state.tr.setSelection(TextSelection.create(ed.state.doc, 4)))
    domSelect(ed, 3)
    expect(isTypedAtCaret(ed.view, key({ key: 'Enter' }))).toBe(false)
    expect(isTypedAtCaret(ed.view, key({ key: 'Backspace' }))).toBe(false)
    expect(isTypedAtCaret(ed.view, key({ key: 'k', ctrlKey: true }))).toBe(false)
    expect(isTypedAtCaret(ed.view, key({ key: 'k', metaKey: true }))).toBe(false)
    expect(isTypedAtCaret(ed.view, key({ key: 'q', altKey: true }))).toBe(false)
    // The keyboard extended the DOM's selection and the editor has not heard of it yet.
    domSelect(ed, 3, 5)
    expect(isTypedAtCaret(ed.view, key({ key: 'a' }))).toBe(false)
    // The editor's selection is a range.
    domSelect(ed, 3)
    ed.view.dispatch(ed.state.tr.setSelection(TextSelection.create(ed.state.doc, 2, 6)))
    domSelect(ed, 3)
    expect(isTypedAtCaret(ed.view, key({ key: 'a' }))).toBe(false)
  })
})
