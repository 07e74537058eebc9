/**
 * Keystroke work of the shared extensions beside a bare StarterKit editor, on the editor issue's
 * bench body (20,000 words, 60 figures), in happy-dom under Node: each "keystroke" goes through
 * `handleTextInput` (where input rules run) and `view.dispatch`, so it measures the
 * ProseMirror/TipTap side (plugins, appendTransaction, decorations, DOM update in happy-dom),
 * not the browser's layout and paint, which the Playwright bench measures in Chromium.
 *
 *   npx tsx bench/editorKeystroke.ts [--keys N]
 *
 * Prints median and p95 per keystroke, typing at the end and in the middle, and the ratio of
 * medians to the bare editor in the same run.
 */
import { parseArgs } from 'node:util'
import type { Editor as TiptapEditor } from '@tiptap/core'
import { Window } from 'happy-dom'
import type { PmNode } from '../src/shared/article'

const { values } = parseArgs({ options: { keys: { type: 'string', default: '300' } } })
const KEYS = Number(values.keys)

// TipTap needs a DOM: a happy-dom window provides the globals before TipTap is loaded.
const window = new Window()
const globals = globalThis as unknown as Record<string, unknown>
for (const key of [
  'window',
  'document',
  'navigator',
  'Node',
  'HTMLElement',
  'Element',
  'Text',
  'DocumentFragment',
  'getComputedStyle',
  'MutationObserver',
  'KeyboardEvent',
  'ClipboardEvent',
  'requestAnimationFrame',
  'cancelAnimationFrame'
]) {
  const value = (window as unknown as Record<string, unknown>)[key]
  if (value !== undefined && !(key in globals && key === 'navigator')) {
    Object.defineProperty(globalThis, key, { value, configurable: true, writable: true })
  }
}

const SENTENCES = [
  'Die Koalition hat sich nach zwölf Stunden auf einen Kompromiss im Haushaltsstreit geeinigt.',
  '„Wir haben uns geeinigt“, sagte der Kanzler am Donnerstag in Berlin vor der Presse.',
  'Die Opposition kritisierte den Entwurf als unsolide und kündigte Widerstand im Bundestag an.'
]

function benchBody(words: number, figures: number, withFigures: boolean): PmNode {
  const content: PmNode[] = []
  let count = 0
  let i = 0
  while (count < words) {
    const text = Array.from({ length: 5 }, () => SENTENCES[i++ % SENTENCES.length]).join(' ')
    count += text.split(/\s+/).length
    content.push({ type: 'paragraph', content: [{ type: 'text', text }] })
  }
  if (withFigures) {
    const every = Math.floor(content.length / figures)
    for (let f = figures - 1; f >= 0; f--) {
      content.splice((f + 1) * every, 0, {
        type: 'figure',
        attrs: { assetId: 'a'.repeat(64), credit: 'dpa' },
        content: [{ type: 'figureCaption', content: [{ type: 'text', text: 'Im Bundestag' }] }]
      })
    }
  }
  return { type: 'doc', content }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

function typeKeys(editor: TiptapEditor, at: 'end' | 'middle'): number[] {
  const { view } = editor
  const middle = view.state.doc.child(Math.floor(view.state.doc.childCount / 2))
  let pos = 0
  view.state.doc.forEach((node, offset) => {
    if (node === middle) pos = offset + 1 + Math.floor(node.content.size / 2)
  })
  if (at === 'end') pos = view.state.doc.content.size - 1
  editor.commands.setTextSelection(pos)
  const text = 'Und weiter geht es mit dem Text, "zitiert" - wie immer... '
  const times: number[] = []
  for (let k = 0; k < KEYS; k++) {
    const ch = text[k % text.length]!
    const start = performance.now()
    const { from, to } = view.state.selection
    const handled = view.someProp('handleTextInput', (f) =>
      f(view, from, to, ch, () => view.state.tr.insertText(ch, from, to))
    )
    if (!handled) view.dispatch(view.state.tr.insertText(ch, from, to))
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)
}

function run(name: string, make: () => TiptapEditor): Record<string, number[]> {
  const started = performance.now()
  const editor = make()
  const open = performance.now() - started
  const result = { end: typeKeys(editor, 'end'), middle: typeKeys(editor, 'middle') }
  console.log(`${name.padEnd(30)} open ${open.toFixed(0)} ms`)
  editor.destroy()
  return result
}

async function main(): Promise<void> {
  // Loaded after the globals above exist: TipTap and ProseMirror look for them at import time.
  const { Editor } = await import('@tiptap/core')
  const { default: StarterKit } = await import('@tiptap/starter-kit')
  const { sharedExtensions } = await import('../src/shared/editor/extensions')
  const { ensureNodeIds } = await import('../src/shared/editor/nodeIds')
  const bare = run(
    'bare StarterKit',
    () =>
      new Editor({
        extensions: [StarterKit.configure({ heading: { levels: [2, 3] } })],
        content: benchBody(20_000, 60, false)
      })
  )
  const shared = run(
    'sharedExtensions + 60 figures',
    () =>
      new Editor({
        extensions: sharedExtensions(),
        content: ensureNodeIds(benchBody(20_000, 60, true))
      })
  )

  for (const at of ['end', 'middle'] as const) {
    const b = bare[at]!
    const s = shared[at]!
    console.log(
      `typing at the ${at.padEnd(6)} bare median ${quantile(b, 0.5).toFixed(3)} ms p95 ${quantile(b, 0.95).toFixed(3)} ms | ` +
        `shared median ${quantile(s, 0.5).toFixed(3)} ms p95 ${quantile(s, 0.95).toFixed(3)} ms | ratio ${(quantile(s, 0.5) / quantile(b, 0.5)).toFixed(2)}×`
    )
  }
  await window.happyDOM.close()
}

void main()
