// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { PmNode } from '../article'
import { FULL_BODY } from '../editor/__fixtures__/bodies'
import { counterIds, typeText } from '../editor/__fixtures__/testEditor'
import { sharedExtensions } from '../editor/extensions'
import { fullArticle } from './__fixtures__/articles'
import { ARTICLE_DOC_BODY, applyPatchToDoc, articleToDoc, docToArticle } from './articleDoc'
import { docProblem } from './docProblem'

// The body as TipTap's Collaboration extension edits it: an editor bound to `field: 'body'` of a
// converted document shows the article's body, and what it types is what docToArticle reads.

const STAMP = { revision: 3, updatedAt: '2024-05-02T15:00:00+02:00' }
// The editor adds a paragraph after a body that ends in another block (StarterKit's trailing
// node); a body that ends in a paragraph is shown exactly as stored.
const BODY: PmNode = {
  ...FULL_BODY,
  content: [
    ...FULL_BODY.content!,
    { type: 'paragraph', attrs: { nodeId: 'p00000009' }, content: [{ type: 'text', text: 'Ende' }] }
  ]
}
const article = (): ReturnType<typeof fullArticle> => ({ ...fullArticle(), body: BODY })
const editors: Editor[] = []
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

function boundEditor(doc: Y.Doc): Editor {
  const editor = new Editor({
    extensions: [
      ...sharedExtensions({ undoRedo: false, nodeIds: { generateId: counterIds() } }),
      Collaboration.configure({ document: doc, field: ARTICLE_DOC_BODY })
    ]
  })
  editors.push(editor)
  return editor
}

/** Puts the cursor at the end of the text of the top-level block `index`. */
function cursorAtEndOf(editor: Editor, index: number): void {
  let pos = 0
  editor.state.doc.forEach((node, offset, i) => {
    if (i === index) pos = offset + node.nodeSize - 1
  })
  editor.commands.setTextSelection(pos)
}

describe('the body under TipTap’s Collaboration extension', () => {
  it('shows the converted body unchanged, and the document stays as converted', () => {
    const doc = articleToDoc(article())
    const before = Y.encodeStateVector(doc)
    const editor = boundEditor(doc)
    expect(editor.getJSON()).toEqual(BODY)
    expect(docToArticle(doc, STAMP).body).toEqual(BODY)
    // Binding an editor wrote nothing back (no id repair, no normalisation).
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('gets what the editor adds on opening (a trailing paragraph) with the first edit', () => {
    const doc = articleToDoc(fullArticle())
    const editor = boundEditor(doc)
    expect(editor.getJSON().content).toHaveLength(FULL_BODY.content!.length + 1)
    // Opening alone writes nothing (the binding does not sync what it appends to a remote
    // change): the hub's document keeps the body as stored until somebody types.
    expect(docToArticle(doc, STAMP).body).toEqual(FULL_BODY)
    cursorAtEndOf(editor, 0)
    typeText(editor, '!')
    expect(docToArticle(doc, STAMP).body).toEqual(editor.getJSON())
  })

  it('reads back what two bound editors type into two paragraphs, merged', () => {
    const a = articleToDoc(article())
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const editorA = boundEditor(a)
    const editorB = boundEditor(b)
    cursorAtEndOf(editorA, 1)
    typeText(editorA, ' (neu)')
    cursorAtEndOf(editorB, 2)
    typeText(editorB, ' und mehr')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
    const body = docToArticle(a, STAMP).body
    expect(body).toEqual(editorA.getJSON())
    expect(editorB.getJSON()).toEqual(editorA.getJSON())
    const texts = body.content!.slice(1, 3).map((h) => h.content![0]!.text)
    expect(texts).toEqual(['Zwischentitel (neu)', 'Unterzwischentitel und mehr'])
    expect(docProblem(a)).toBeNull()
  })

  it('shows a patch applied to the document in the open editor, keeping its typing', () => {
    const doc = articleToDoc(article())
    const editor = boundEditor(doc)
    cursorAtEndOf(editor, 0)
    typeText(editor, ' Ende.')
    const body = docToArticle(doc, STAMP).body
    const patched: PmNode = {
      ...body,
      content: body.content!.map((node) =>
        node.attrs?.nodeId === 'h00000002'
          ? { ...node, content: [{ type: 'text', text: 'Neuer Unterzwischentitel' }] }
          : node
      )
    }
    applyPatchToDoc(doc, { body: patched }, 'cli')
    const json = editor.getJSON() as PmNode
    expect(json.content![2]!.content![0]!.text).toBe('Neuer Unterzwischentitel')
    expect(JSON.stringify(json.content![0])).toContain('Ende.')
    expect(json).toEqual(docToArticle(doc, STAMP).body)
  })
})
