// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleLanguage, PmNode } from '../../../../shared/article'
import { sharedExtensions } from '../../../../shared/editor/extensions'
import { ensureNodeIds } from '../../../../shared/editor/nodeIds'
import { type SpellingHit, SpellingUnderlines } from './spellingUnderlines'

/** A checker at the service's edge: knows a few words per language, records what it was sent. */
function checker(known: Record<string, string[]>): {
  check: (text: string, language: ArticleLanguage) => Promise<SpellingHit[]>
  sent: { text: string; language: string }[]
} {
  const sent: { text: string; language: string }[] = []
  return {
    sent,
    check: async (text, language) => {
      sent.push({ text, language })
      const hits: SpellingHit[] = []
      for (const match of text.matchAll(/\p{L}+/gu)) {
        if (!known[language]!.includes(match[0].toLowerCase())) {
          hits.push({ start: match.index, end: match.index + match[0].length })
        }
      }
      return hits
    }
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20))
const p = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content })

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

function underlined(ed: Editor): string[] {
  return [...ed.view.dom.querySelectorAll('.spelling-error')].map((el) => el.textContent ?? '')
}

describe('spelling underlines', () => {
  it('underlines unknown words in every block, sends only changed blocks again, and follows the language', async () => {
    const c = checker({
      de: ['der', 'kanzler', 'sprach', 'im', 'bundestag', 'heute'],
      'en-GB': ['der', 'kanzler', 'sprach', 'im', 'bundestag', 'spoke']
    })
    editor = new Editor({
      extensions: [
        ...sharedExtensions(),
        SpellingUnderlines.configure({ check: c.check, delayMs: 0 })
      ],
      // As the desk passes it: with node ids, so the editor starts without a transaction.
      content: ensureNodeIds({
        type: 'doc',
        content: [
          p({ type: 'text', text: 'Der Kanzler sprach' }),
          p(
            { type: 'text', text: 'im ' },
            { type: 'text', text: 'Bundestgg', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'heute' }
          )
        ]
      })
    })
    await settle()
    expect(c.sent).toHaveLength(1)
    expect(underlined(editor)).toEqual(['Bundestgg'])

    // A typo typed into the first block: only that block goes to the checker.
    editor.commands.insertContentAt(19, ' Wrt')
    await settle()
    expect(c.sent[1]!.text).toBe('Der Kanzler sprach Wrt')
    expect(underlined(editor)).toEqual(['Wrt', 'Bundestgg'])

    // Another language: everything is checked again there.
    editor.commands.setSpellingLanguage('en-GB')
    await settle()
    expect(c.sent.at(-1)!.language).toBe('en-GB')
    expect(underlined(editor)).toEqual(['Wrt', 'Bundestgg', 'heute'])
  })

  it('underlines nothing when the check fails, and leaves the undo history alone', async () => {
    editor = new Editor({
      extensions: [
        ...sharedExtensions(),
        SpellingUnderlines.configure({ check: async () => null, delayMs: 0 })
      ],
      content: { type: 'doc', content: [p({ type: 'text', text: 'Wrt' })] }
    })
    await settle()
    expect(underlined(editor)).toEqual([])
    expect(editor.can().undo()).toBe(false)
  })
})
