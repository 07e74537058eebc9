// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { sharedExtensions } from '../../../shared/editor/extensions'
import { Figure } from '../../../shared/editor/nodes/figure'
import { BodyEventScope } from './bodyEventScope'

const ASSET = 'c'.repeat(64)
let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
  document.body.replaceChildren()
})

/** A figure view with an input of its own, as the desk's credit and alt inputs are. */
const FigureWithInput = Figure.extend({
  addNodeView() {
    return () => {
      const dom = document.createElement('figure')
      const input = document.createElement('input')
      input.className = 'credit'
      const contentDOM = document.createElement('figcaption')
      dom.append(input, contentDOM)
      return { dom, contentDOM, stopEvent: (event: Event) => event.target === input }
    }
  }
})

/** The editor inside a page element that records every event reaching it (React's root). */
function start(): { ed: Editor; heard: string[] } {
  const root = document.createElement('div')
  document.body.append(root)
  const heard: string[] = []
  for (const name of ['keydown', 'keypress', 'keyup', 'beforeinput', 'textInput', 'input']) {
    root.addEventListener(name, (e) => {
      const key = e instanceof KeyboardEvent ? `:${e.ctrlKey ? 'Ctrl+' : ''}${e.key}` : ''
      heard.push(`${name}${key}`)
    })
  }
  editor = new Editor({
    element: root,
    extensions: [...sharedExtensions({ nodeViews: { figure: FigureWithInput } }), BodyEventScope],
    content: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Der Kanzler sprach' }] },
        {
          type: 'figure',
          attrs: { assetId: ASSET },
          content: [{ type: 'figureCaption', content: [{ type: 'text', text: 'Bild' }] }]
        }
      ]
    }
  })
  return { ed: editor, heard }
}

describe('body event scope', () => {
  it('stops the events of a plain keystroke at the editor, after the editor had them', () => {
    const { ed, heard } = start()
    const atEditor: string[] = []
    ed.view.dom.addEventListener('keydown', (e) => atEditor.push(e.key))
    ed.view.dom.addEventListener('input', () => atEditor.push('input'))
    const dom = ed.view.dom
    dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true }))
    dom.dispatchEvent(new KeyboardEvent('keypress', { key: 'a', bubbles: true, cancelable: true }))
    dom.dispatchEvent(new InputEvent('beforeinput', { data: 'a', bubbles: true, cancelable: true }))
    dom.dispatchEvent(new InputEvent('input', { data: 'a', bubbles: true }))
    dom.dispatchEvent(new KeyboardEvent('keyup', { key: 'a', bubbles: true }))
    dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(heard).toEqual([])
    expect(atEditor).toEqual(['a', 'input', 'Enter'])
  })

  it('lets shortcuts with Ctrl or Cmd through to the page (the desk opens find on Mod-f)', () => {
    const { ed, heard } = start()
    const dom = ed.view.dom
    dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true }))
    dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', metaKey: true, bubbles: true }))
    expect(heard).toEqual(['keydown:Ctrl+f', 'keydown:f'])
  })

  it('lets events of inputs inside a node view through (their React handlers need them)', () => {
    const { ed, heard } = start()
    const input = ed.view.dom.querySelector('input.credit') as HTMLInputElement
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }))
    input.dispatchEvent(new InputEvent('input', { data: 'x', bubbles: true }))
    expect(heard).toEqual(['keydown:x', 'input'])
  })
})
