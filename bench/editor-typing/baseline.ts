/**
 * The baselines of bench/editor-typing.ts, built by that script with Vite into a temporary folder
 * and served on loopback: a bare TipTap StarterKit editor, and a plain `contenteditable` (no
 * editor at all: the floor), each over the same text as the bench article.
 *
 * `?open=bare` or `?open=plain` opens one straight from the page's start (the cold open): the
 * page fetches the body from `body.json`, as the desk fetches the article from its core.
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

function textOf(node: PmNode): string {
  return (node.content ?? []).map((c) => c.text ?? textOf(c)).join('')
}

function createBare(body: PmNode): void {
  const root = document.getElementById('root')!
  window.benchEditor?.destroy()
  root.replaceChildren()
  window.benchEditor = new Editor({
    element: root,
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] } })],
    content: body
  })
}

function createPlain(paragraphs: string[]): void {
  const root = document.getElementById('root')!
  root.replaceChildren()
  const div = document.createElement('div')
  div.contentEditable = 'true'
  div.className = 'plain'
  for (const text of paragraphs) {
    const p = document.createElement('p')
    p.textContent = text
    div.append(p)
  }
  root.append(div)
}

window.setupBare = async (body) => {
  const started = performance.now()
  createBare(body)
  await painted()
  return performance.now() - started
}

window.setupPlain = async (paragraphs) => {
  const started = performance.now()
  createPlain(paragraphs)
  await painted()
  return performance.now() - started
}

const open = new URLSearchParams(location.search).get('open')
if (open === 'bare' || open === 'plain') {
  void fetch('body.json')
    .then((response) => response.json() as Promise<PmNode>)
    .then((body) => {
      if (open === 'bare') createBare(body)
      else createPlain((body.content ?? []).map(textOf))
    })
}
