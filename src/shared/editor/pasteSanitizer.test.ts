// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { PmNode } from '../article'
import { plainTextOf } from '../articleText'
import {
  CLIPBOARD_SAMPLE_BODY,
  GOOGLE_DOCS_CLIPBOARD_HTML,
  WORD_CLIPBOARD_HTML
} from './clipboardSamples'
import { canonicalBody } from './extensions'
import { HOSTILE_HTML, HOSTILE_MARKERS } from './hostileHtml'
import { ASSET_A, doc, paragraph, withoutNodeIds } from './__fixtures__/bodies'
import { createTestEditor } from './__fixtures__/testEditor'

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

function pasteInto(html: string): PmNode {
  editor = createTestEditor(doc(paragraph()))
  editor.commands.setTextSelection(1)
  editor.view.pasteHTML(html)
  return editor.getJSON() as PmNode
}

describe('paste goes through the sanitiser', () => {
  it.each(HOSTILE_HTML.map((p) => [p.name, p] as const))('%s', (_name, payload) => {
    const body = pasteInto(payload.html)
    const stored = JSON.stringify(body).toLowerCase()
    for (const marker of payload.forbidden ?? HOSTILE_MARKERS) {
      expect(stored).not.toContain(marker.toLowerCase())
    }
    for (const keep of payload.keeps ?? []) expect(plainTextOf(body)).toContain(keep)
  })

  it.each([
    ['Word', WORD_CLIPBOARD_HTML],
    ['Google Docs', GOOGLE_DOCS_CLIPBOARD_HTML]
  ])('a paste from %s keeps its structure', (_name, html) => {
    const body = pasteInto(html)
    expect(canonicalBody(withoutNodeIds(body))).toEqual(canonicalBody(CLIPBOARD_SAMPLE_BODY))
  })

  it('a figure copied from the editor can be pasted back', () => {
    const source = createTestEditor(doc(paragraph()))
    source.commands.insertFigure({ assetId: ASSET_A, caption: 'Bild', credit: 'dpa' })
    const html = source.getHTML()
    // Destroyed here: a live view's DOM observer would fire after the DOM environment is gone.
    source.destroy()
    const body = pasteInto(html)
    expect(body.content!.filter((n) => n.type === 'figure')).toHaveLength(1)
  })
})
