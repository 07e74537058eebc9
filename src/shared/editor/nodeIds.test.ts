// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { PmNode } from '../article'
import { ensureNodeIds, isNodeId, needsNodeIds, newNodeId, NODE_IDS_META } from './nodeIds'
import { doc, paragraph, text } from './__fixtures__/bodies'
import { createTestEditor, press } from './__fixtures__/testEditor'

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

function ids(json: PmNode): (string | null)[] {
  const out: (string | null)[] = []
  const walk = (n: PmNode): void => {
    if (n.attrs && 'nodeId' in n.attrs) out.push((n.attrs.nodeId as string | null) ?? null)
    n.content?.forEach(walk)
  }
  walk(json)
  return out
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

describe('newNodeId', () => {
  it('makes well-formed ids that differ', () => {
    const made = new Set(Array.from({ length: 1000 }, newNodeId))
    expect(made.size).toBe(1000)
    for (const id of made) expect(isNodeId(id)).toBe(true)
  })
})

describe('ensureNodeIds', () => {
  it('assigns missing ids, keeps unique ones, replaces duplicates, and leaves the input alone', () => {
    const input = doc(
      { type: 'paragraph', attrs: { nodeId: 'keepme01' }, content: [text('a')] },
      { type: 'paragraph', attrs: { nodeId: 'keepme01' }, content: [text('b')] },
      paragraph(text('c')),
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('d'))] }] }
    )
    const copy = JSON.parse(JSON.stringify(input)) as PmNode
    let n = 0
    const out = ensureNodeIds(input, () => `gen${String(++n).padStart(4, '0')}`)
    expect(ids(out)).toEqual(['keepme01', 'gen0001', 'gen0002', 'gen0003', 'gen0004', 'gen0005'])
    expect(input).toEqual(copy)
    expect(needsNodeIds(input)).toBe(true)
    expect(needsNodeIds(out)).toBe(false)
  })

  it('replaces malformed ids (they would end up in data attributes)', () => {
    const out = ensureNodeIds(
      doc({ type: 'paragraph', attrs: { nodeId: '"><script>' }, content: [text('a')] }),
      () => 'fresh0001'
    )
    expect(ids(out)).toEqual(['fresh0001'])
  })
})

describe('NodeIds in the editor', () => {
  it('assigns ids to a body that has none when the editor starts, as no edit', async () => {
    editor = createTestEditor(doc(paragraph(text('Eins')), paragraph(text('Zwei'))))
    const metas: unknown[] = []
    let updates = 0
    editor.on('transaction', ({ transaction }) => metas.push(transaction.getMeta(NODE_IDS_META)))
    editor.on('update', () => updates++)
    await tick()
    expect(ids(editor.getJSON() as PmNode)).toEqual(['n00001', 'n00002'])
    expect(metas).toContain('create')
    expect(editor.can().undo()).toBe(false)
    // Not an edit: autosave (listening to `update`) does not see it.
    expect(updates).toBe(0)
  })

  it('gives the new half of a split paragraph a fresh id and keeps the first half’s', async () => {
    editor = createTestEditor(
      ensureNodeIds(doc(paragraph(text('Erster Zweiter'))), () => 'orig0001')
    )
    await tick()
    editor.commands.setTextSelection(8)
    press(editor, 'Enter')
    const json = editor.getJSON() as PmNode
    expect(json.content!.map((n) => n.content?.[0]?.text)).toEqual(['Erster ', 'Zweiter'])
    expect(ids(json)).toEqual(['orig0001', 'n00001'])
  })

  it('typing text keeps every id as it is', async () => {
    editor = createTestEditor(ensureNodeIds(doc(paragraph(text('Text'))), () => 'orig0001'))
    await tick()
    editor.commands.insertContent(' mehr')
    expect(ids(editor.getJSON() as PmNode)).toEqual(['orig0001'])
  })

  it('pasted blocks get fresh ids even when the clipboard carries ids of blocks in the body', async () => {
    editor = createTestEditor(ensureNodeIds(doc(paragraph(text('Eins'))), () => 'orig0001'))
    await tick()
    editor.commands.setTextSelection(5)
    editor.view.pasteHTML(
      '<p data-node-id="orig0001">Kopie</p><p data-node-id="orig0001">Noch eine</p>'
    )
    const all = ids(editor.getJSON() as PmNode)
    expect(all[0]).toBe('orig0001')
    expect(new Set(all).size).toBe(all.length)
    expect(all.every(isNodeId)).toBe(true)
  })

  it('content set later (reload) gets ids, and duplicates in it are repaired', async () => {
    editor = createTestEditor(doc(paragraph()))
    await tick()
    editor.commands.setContent(
      doc(
        { type: 'paragraph', attrs: { nodeId: 'same0001' }, content: [text('a')] },
        { type: 'paragraph', attrs: { nodeId: 'same0001' }, content: [text('b')] }
      )
    )
    const all = ids(editor.getJSON() as PmNode)
    expect(all[0]).toBe('same0001')
    expect(all[1]).not.toBe('same0001')
    expect(isNodeId(all[1])).toBe(true)
  })
})
