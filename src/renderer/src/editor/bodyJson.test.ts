// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { PmNode } from '../../../shared/article'
import { sharedExtensions } from '../../../shared/editor/extensions'
import { createBodyJsonCache } from './bodyJson'

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

const ASSET = 'b'.repeat(64)
const paragraph = (text: string): PmNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text }]
})

function start(): Editor {
  let n = 0
  editor = new Editor({
    extensions: sharedExtensions({
      nodeIds: { generateId: () => `id${String(++n).padStart(6, '0')}` }
    }),
    content: {
      type: 'doc',
      content: [
        paragraph('Erster Absatz.'),
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [{ type: 'text', text: 'Zwischentitel' }]
        },
        {
          type: 'figure',
          attrs: { assetId: ASSET },
          content: [{ type: 'figureCaption', content: [{ type: 'text', text: 'Bildtext' }] }]
        },
        paragraph('Letzter Absatz.')
      ]
    }
  })
  return editor
}

describe('body JSON for the autosave', () => {
  it('is what doc.toJSON() gives, after every kind of edit', () => {
    const ed = start()
    const toJson = createBodyJsonCache()
    expect(toJson(ed.state.doc)).toEqual(ed.state.doc.toJSON())
    ed.commands.setTextSelection(ed.state.doc.content.size - 1)
    ed.commands.insertContent(' Mehr Text.')
    expect(toJson(ed.state.doc)).toEqual(ed.state.doc.toJSON())
    ed.commands.splitBlock()
    ed.commands.insertContent('Neu')
    ed.commands.setTextSelection({ from: 2, to: 7 })
    ed.commands.toggleBold()
    expect(toJson(ed.state.doc)).toEqual(ed.state.doc.toJSON())
    ed.commands.setContent({ type: 'doc', content: [] })
    expect(toJson(ed.state.doc)).toEqual(ed.state.doc.toJSON())
  })

  it('builds only the changed block again and reuses the others', () => {
    const ed = start()
    const toJson = createBodyJsonCache()
    const before = toJson(ed.state.doc).content!
    ed.commands.setTextSelection(ed.state.doc.content.size - 1)
    ed.commands.insertContent('!')
    const after = toJson(ed.state.doc).content!
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3))
    after.slice(0, 3).forEach((block, i) => expect(block).toBe(before[i]))
    expect(after[3]).not.toBe(before[3])
    expect(after[3]).toEqual(ed.state.doc.lastChild!.toJSON())
  })
})
