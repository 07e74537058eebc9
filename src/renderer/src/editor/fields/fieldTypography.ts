import { createContext, useContext, useRef } from 'react'
import type { ArticleLanguage } from '../../../../shared/article'
import { typographyAtCaret } from '../../../../shared/editor/typographyText'
import { useSettings } from '../../lib/settingsContext'

/**
 * The language of the article being edited, for the text fields' typography; null outside an
 * article (the fields then type plainly).
 */
export const ArticleLanguageContext = createContext<ArticleLanguage | null>(null)

type TextInput = HTMLInputElement | HTMLTextAreaElement

export interface FieldTypographyHandlers {
  onInput(event: React.FormEvent<TextInput>): void
  onKeyDown(event: React.KeyboardEvent<TextInput>): void
}

interface Replacement {
  input: TextInput
  from: number
  to: number
  original: string
  insert: string
  /** The field's value and caret just before the replacement. */
  before: string
  caret: number
}

// The characters after which a rule can apply: quotes, the third dot, the space after a dash.
const TRIGGERS = new Set(['"', "'", '.', ' '])

/** Replaces a range as if typed, so the browser's own undo (Ctrl+Z) steps back through it. */
function typeOver(input: TextInput, from: number, to: number, text: string): void {
  input.setSelectionRange(from, to)
  if (document.execCommand('insertText', false, text)) return
  // Where the editing command is unavailable the replacement still lands, without its undo step.
  input.setRangeText(text, from, to, 'end')
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

/**
 * The body's typography for a plain text field (kicker, headline, teaser, captions, credits): the
 * handlers to spread on an `<input>` or `<textarea>`. A typed straight quote becomes the
 * article language's mark, `...` an ellipsis, ` - ` between words an en dash. Each replacement
 * is a step of its own in the field's undo (Ctrl+Z brings the straight character back), and
 * Backspace right after it restores what was typed, as in the body. Off when the user switched
 * typography off in the settings, and outside an article.
 */
export function useFieldTypography(): FieldTypographyHandlers {
  const language = useContext(ArticleLanguageContext)
  const { smartTypography } = useSettings()
  const last = useRef<Replacement | null>(null)
  // While Backspace puts the straight character back, its input must not be replaced again.
  const isRestoring = useRef(false)
  const isOn = smartTypography && language !== null

  return {
    onInput: (event) => {
      const replaced = last.current
      last.current = null
      const native = event.nativeEvent as InputEvent
      if (
        native.inputType === 'historyUndo' &&
        replaced?.input === event.currentTarget &&
        replaced.before === event.currentTarget.value
      ) {
        // Undo selects the straight characters it brought back; typing on would replace them.
        event.currentTarget.setSelectionRange(replaced.caret, replaced.caret)
        return
      }
      if (!isOn || isRestoring.current || native.inputType !== 'insertText' || native.isComposing)
        return
      if (native.data === null || !TRIGGERS.has(native.data)) return
      const input = event.currentTarget
      const value = input.value
      const caret = input.selectionStart
      if (caret === null || caret !== input.selectionEnd) return
      const edit = typographyAtCaret(value, caret, language)
      if (!edit) return
      // After React has taken the typed character, so the replacement is an input of its own.
      queueMicrotask(() => {
        if (input.value !== value || input.selectionStart !== caret) return
        typeOver(input, edit.from, edit.to, edit.insert)
        last.current = {
          input,
          from: edit.from,
          to: edit.from + edit.insert.length,
          original: value.slice(edit.from, edit.to),
          insert: edit.insert,
          before: value,
          caret
        }
      })
    },
    onKeyDown: (event) => {
      const replaced = last.current
      if (!replaced || event.key !== 'Backspace') return
      last.current = null
      const input = event.currentTarget
      const isRightAfter =
        replaced.input === input &&
        input.selectionStart === replaced.to &&
        input.selectionEnd === replaced.to &&
        input.value.slice(replaced.from, replaced.to) === replaced.insert
      if (!isRightAfter || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      event.preventDefault()
      isRestoring.current = true
      try {
        typeOver(input, replaced.from, replaced.to, replaced.original)
      } finally {
        isRestoring.current = false
      }
    }
  }
}
