// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleLanguage } from '../article'
import { typographicQuote } from './typography'
import { doc, paragraph } from './__fixtures__/bodies'
import { createTestEditor, press, typeText } from './__fixtures__/testEditor'

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

function typed(input: string, language: ArticleLanguage = 'de', typography = true): string {
  editor?.destroy()
  editor = createTestEditor(doc(paragraph()), { language, typography })
  editor.commands.setTextSelection(1)
  typeText(editor, input)
  return editor.state.doc.textContent
}

describe('typographic quotes as you type', () => {
  it.each([
    [
      'de',
      `Er sagte: "Wir haben's geschafft" und 'gut'.`,
      'Er sagte: „Wir haben’s geschafft“ und ‚gut‘.'
    ],
    ['de-AT', `"Servus"`, '„Servus“'],
    ['de-CH', `Er sagte: "Wir haben's" und 'gut'.`, 'Er sagte: «Wir haben’s» und ‹gut›.'],
    ['en-GB', `She said "it's 'fine'" today.`, 'She said “it’s ‘fine’” today.'],
    ['en-US', `"Yes"`, '“Yes”']
  ] as const)('%s', (language, input, expected) => {
    expect(typed(input, language)).toBe(expected)
  })

  it('opens after an opening bracket or dash and at the start of a block', () => {
    expect(typed(`("Klammer") – "Strich"`)).toBe('(„Klammer“) – „Strich“')
  })

  it('nests single quotes inside double quotes in German', () => {
    expect(typed(`"Er rief 'Halt' und ging"`)).toBe('„Er rief ‚Halt‘ und ging“')
  })
})

describe('dashes and ellipses', () => {
  it('turns " - " between words into an en dash', () => {
    expect(typed('Berlin - Die Koalition')).toBe('Berlin – Die Koalition')
  })

  it('leaves hyphens in words and number ranges alone', () => {
    expect(typed('E-Mail, 10-12 Uhr')).toBe('E-Mail, 10-12 Uhr')
  })

  it('leaves "- " at the start of a block to the bullet-list shortcut', () => {
    typed('- Punkt')
    expect(editor!.getJSON().content![0]!.type).toBe('bulletList')
    expect(editor!.state.doc.textContent).toBe('Punkt')
  })

  it('turns three dots into an ellipsis', () => {
    expect(typed('Und dann...')).toBe('Und dann…')
  })
})

describe('switching', () => {
  it('does nothing when switched off', () => {
    expect(typed(`"Gerade" - ...`, 'de', false)).toBe(`"Gerade" - ...`)
  })

  it('setTypography switches it live and changes the language', () => {
    typed('"A" ')
    editor!.commands.setTypography({ enabled: false })
    typeText(editor!, '"B" ')
    editor!.commands.setTypography({ enabled: true, language: 'de-CH' })
    typeText(editor!, '"C"')
    expect(editor!.state.doc.textContent).toBe('„A“ "B" «C»')
  })

  it('Backspace right after a replacement restores the straight character', () => {
    typed('Text "')
    expect(editor!.state.doc.textContent).toBe('Text „')
    press(editor!, 'Backspace')
    expect(editor!.state.doc.textContent).toBe('Text "')
  })
})

describe('typographicQuote', () => {
  it.each([
    ['"', '', 'de', '„'],
    ['"', 'Wort', 'de', '“'],
    ["'", 'geht', 'de', '’'],
    ["'", 'Er rief ‚Halt', 'de', '‘'],
    ["'", ' ', 'en-GB', '‘'],
    ["'", 'don', 'en-US', '’'],
    ['"', 'x', 'de-CH', '»']
  ] as const)('%s after %j in %s is %s', (quote, before, language, expected) => {
    expect(typographicQuote(quote, before, language)).toBe(expected)
  })
})
