// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { PmNode } from '../../../../shared/article'
import { sharedExtensions } from '../../../../shared/editor/extensions'
import {
  clearIgnoredOnce,
  findWordPlace,
  ignoreOnce,
  isIgnoredAt,
  onSpellingChange,
  placeIdentity,
  replaceWordAt,
  wordOccurrences,
  type SpellingChange
} from './spellingActions'
import { SpellingUnderlines } from './spellingUnderlines'

const p = (nodeId: string, text: string): PmNode => ({
  type: 'paragraph',
  attrs: { nodeId },
  content: [{ type: 'text', text }]
})

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
  clearIgnoredOnce()
})

function bodyEditor(...content: PmNode[]): Editor {
  editor = new Editor({
    extensions: [
      ...sharedExtensions({ language: 'de', typography: false }),
      SpellingUnderlines.configure({
        delayMs: 0,
        // At the service's edge: "Tipfehler" and "Kimm" are the unknown words.
        check: async (text) =>
          [...text.matchAll(/Tipfehler|Kimm/g)].map((m) => ({
            start: m.index,
            end: m.index + m[0].length
          }))
      })
    ],
    content: { type: 'doc', content }
  })
  return editor
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30))
const underlined = (ed: Editor): string[] =>
  [...ed.view.dom.querySelectorAll('.spelling-error')].map((el) => el.textContent ?? '')

describe('wordOccurrences', () => {
  it('finds whole words only', () => {
    expect(wordOccurrences('Kim, Kimm und Kim.', 'Kim')).toEqual([0, 14])
    expect(wordOccurrences('Ökonom Ökonomin', 'Ökonom')).toEqual([0])
  })
})

describe('in the body', () => {
  it('replaces the word of a finding at its block, as one undoable step', async () => {
    const ed = bodyEditor(p('para000001', 'Ein Tipfehler hier.'), p('para000002', 'Kimm kam.'))
    const place = findWordPlace(ed, { nodeId: 'para000002' }, 'Kimm')
    expect(place).toMatchObject({ kind: 'body', word: 'Kimm' })
    expect(replaceWordAt(place!, 'Kim')).toBe(true)
    expect(ed.getText()).toContain('Kim kam.')
    // A place whose text changed since is refused instead of replacing something else.
    expect(replaceWordAt(place!, 'Kim')).toBe(false)
    ed.commands.undo()
    expect(ed.getText()).toContain('Kimm kam.')
  })

  it('ignores one occurrence only, and the underline of that one goes', async () => {
    const ed = bodyEditor(p('para000001', 'Tipfehler und Tipfehler.'))
    const heard: SpellingChange[] = []
    const unsubscribe = onSpellingChange((c) => heard.push(c))
    await settle()
    expect(underlined(ed)).toEqual(['Tipfehler', 'Tipfehler'])
    const first = findWordPlace(ed, { nodeId: 'para000001' }, 'Tipfehler')!
    expect(placeIdentity(first)).toEqual({ key: 'node:para000001', occurrence: 0 })
    ignoreOnce(first)
    expect(heard).toEqual([{ kind: 'ignored', word: 'Tipfehler' }])
    expect(underlined(ed)).toEqual(['Tipfehler'])
    // The finding's word is now found at its second place, which is still underlined.
    const second = findWordPlace(ed, { nodeId: 'para000001' }, 'Tipfehler')!
    expect(placeIdentity(second).occurrence).toBe(1)
    // Text typed before the block keeps the ignored place (keyed by node id, not position).
    ed.commands.insertContentAt(0, { type: 'paragraph', content: [{ type: 'text', text: 'Neu' }] })
    await settle()
    expect(underlined(ed)).toEqual(['Tipfehler'])
    ignoreOnce(findWordPlace(ed, { nodeId: 'para000001' }, 'Tipfehler')!)
    expect(findWordPlace(ed, { nodeId: 'para000001' }, 'Tipfehler')).toBeNull()
    expect(underlined(ed)).toEqual([])
    unsubscribe()
  })
})

describe('in a text field', () => {
  it('replaces through an input event React hears, and ignores per field', () => {
    const field = document.createElement('textarea')
    field.id = 'field-teaser'
    field.value = 'Ein Tipfehler, noch ein Tipfehler'
    document.body.append(field)
    const inputs: string[] = []
    field.addEventListener('input', () => inputs.push(field.value))
    const place = findWordPlace(
      editor ?? bodyEditor(p('para000001', 'x')),
      { field: 'teaser' },
      'Tipfehler'
    )
    expect(place).toMatchObject({ kind: 'field', start: 4, end: 13 })
    ignoreOnce(place!)
    expect(isIgnoredAt('id:field-teaser', field.value, 'Tipfehler', 4)).toBe(true)
    expect(isIgnoredAt('id:field-teaser', field.value, 'Tipfehler', 24)).toBe(false)
    const next = findWordPlace(editor!, { field: 'teaser' }, 'Tipfehler')!
    expect(replaceWordAt(next, 'Tippfehler')).toBe(true)
    expect(field.value).toBe('Ein Tipfehler, noch ein Tippfehler')
    expect(inputs.at(-1)).toBe('Ein Tipfehler, noch ein Tippfehler')
    field.remove()
  })
})
