// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { getFindReplaceState } from './findReplace'
import { doc, paragraph, text } from './__fixtures__/bodies'
import { createTestEditor } from './__fixtures__/testEditor'

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

function start(): Editor {
  editor = createTestEditor(
    doc(
      paragraph(
        text('Die Kanzlerin sprach. Die '),
        text('Kanzlerin', [{ type: 'bold' }]),
        text(' ging.')
      ),
      paragraph(text('Kanzlerinnen und die kanzlerin.'))
    )
  )
  return editor
}

const selected = (ed: Editor): string =>
  ed.state.doc.textBetween(ed.state.selection.from, ed.state.selection.to)

describe('FindReplace', () => {
  it('setSearchTerm finds and highlights every match', () => {
    const ed = start()
    ed.commands.setSearchTerm('kanzlerin')
    expect(getFindReplaceState(ed.state).matches).toHaveLength(4)
    expect(ed.view.dom.querySelectorAll('.search-match')).toHaveLength(4)
    ed.commands.setSearchOptions({ wholeWord: true })
    expect(getFindReplaceState(ed.state).matches).toHaveLength(3)
    ed.commands.setSearchOptions({ caseSensitive: true })
    expect(getFindReplaceState(ed.state).options).toEqual({ wholeWord: true, caseSensitive: true })
    // Only the lower-case "kanzlerin." in the second paragraph is left.
    expect(getFindReplaceState(ed.state).matches).toHaveLength(1)
  })

  it('findNext and findPrevious select matches in order and wrap around', () => {
    const ed = start()
    ed.commands.setSearchTerm('Kanzlerin')
    ed.commands.setSearchOptions({ wholeWord: true })
    ed.commands.setTextSelection(1)
    const froms: number[] = []
    for (let i = 0; i < 4; i++) {
      ed.commands.findNext()
      expect(selected(ed).toLowerCase()).toBe('kanzlerin')
      froms.push(ed.state.selection.from)
      expect(getFindReplaceState(ed.state).current).toBe(i % 3)
    }
    expect(froms[3]).toBe(froms[0])
    ed.commands.findPrevious()
    expect(ed.state.selection.from).toBe(froms[2])
    expect(ed.view.dom.querySelectorAll('.search-match-current')).toHaveLength(1)
  })

  it('replaceNext replaces the selected match and moves on', () => {
    const ed = start()
    ed.commands.setSearchTerm('Kanzlerin')
    ed.commands.setSearchOptions({ wholeWord: true })
    ed.commands.setReplaceTerm('Ministerin')
    ed.commands.setTextSelection(1)
    ed.commands.findNext()
    expect(ed.commands.replaceNext()).toBe(true)
    expect(ed.state.doc.textContent).toContain('Die Ministerin sprach. Die Kanzlerin ging.')
    expect(selected(ed)).toBe('Kanzlerin')
    ed.commands.replaceNext()
    // The replacement keeps the marks of what it replaced.
    const bold = ed.getJSON().content![0]!.content!.find((n) => n.marks?.length)
    expect(bold).toMatchObject({ text: 'Ministerin', marks: [{ type: 'bold' }] })
  })

  it('replaceAll replaces every match in one undoable step', () => {
    const ed = start()
    ed.commands.setSearchTerm('kanzlerin')
    ed.commands.setSearchOptions({ wholeWord: true })
    ed.commands.setReplaceTerm('Ministerin')
    const before = ed.state.doc.textContent
    expect(ed.commands.replaceAll()).toBe(true)
    expect(ed.state.doc.textContent).toBe(
      'Die Ministerin sprach. Die Ministerin ging.Kanzlerinnen und die Ministerin.'
    )
    expect(getFindReplaceState(ed.state).matches).toHaveLength(0)
    ed.commands.undo()
    expect(ed.state.doc.textContent).toBe(before)
  })

  it('replaceAll with nothing found and clearSearch', () => {
    const ed = start()
    ed.commands.setSearchTerm('Bundestag')
    expect(ed.commands.replaceAll()).toBe(false)
    expect(ed.commands.replaceNext()).toBe(false)
    ed.commands.setSearchTerm('Kanzlerin')
    ed.commands.clearSearch()
    expect(getFindReplaceState(ed.state)).toMatchObject({ term: '', matches: [] })
    expect(ed.view.dom.querySelectorAll('.search-match')).toHaveLength(0)
  })

  it('matches follow the text as it is edited', () => {
    const ed = start()
    ed.commands.setSearchTerm('Kanzlerin')
    ed.commands.setSearchOptions({ wholeWord: true })
    ed.commands.setTextSelection(1)
    ed.commands.insertContent('Kanzlerin ')
    expect(getFindReplaceState(ed.state).matches).toHaveLength(4)
  })
})
