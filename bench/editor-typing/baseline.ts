/**
 * The baselines of bench/editor-typing.ts, built by that script with Vite into a temporary folder
 * and served on loopback: a bare TipTap StarterKit editor, and a plain `contenteditable` (no
 * editor at all: the floor), each over the same text as the bench article.
 */
import { Editor } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import type { PmNode } from '../../src/shared/article'

declare global {
  interface Window {
    /** Creates the bare editor over `body`; resolves with ms until it painted, ready for input. */
    setupBare(body: PmNode): Promise<number>
    /** Creates the plain contenteditable over the paragraphs; same timing. */
    setupPlain(paragraphs: string[]): Promise<number>
    benchEditor?: Editor
  }
}

const painted = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

window.setupBare = async (body) => {
  const root = document.getElementById('root')!
  root.replaceChildren()
  const started = performance.now()
  window.benchEditor = new Editor({
    element: root,
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] } })],
    content: body
  })
  await painted()
  return performance.now() - started
}

window.setupPlain = async (paragraphs) => {
  const root = document.getElementById('root')!
  root.replaceChildren()
  const started = performance.now()
  const div = document.createElement('div')
  div.contentEditable = 'true'
  div.className = 'plain'
  for (const text of paragraphs) {
    const p = document.createElement('p')
    p.textContent = text
    div.append(p)
  }
  root.append(div)
  await painted()
  return performance.now() - started
}
