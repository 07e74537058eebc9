import { useState } from 'react'
import { SpellingField } from '../spelling/SpellingField'
import { useFieldTypography } from './fieldTypography'

interface OverrideInputProps {
  label: string
  /** The override (null = none, so the asset's value applies). */
  value: string | null
  /** The asset's own value, shown greyed while there is no override. */
  inherited: string | null | undefined
  onChange(value: string): void
  className?: string
  id?: string
  multiline?: boolean
  /** Its `data-jump` key, which a finding's jump looks for (`lead:credit`, `node:ID:alt`). */
  jump?: string
  /** Underline unknown words (captions readers see), with the spelling menu on them. */
  hasSpelling?: boolean
}

/**
 * A labelled text input for a per-use override whose empty state shows the asset's value greyed (as its
 * placeholder). While focused it keeps its own draft: inside a node view the new value comes
 * back through a ProseMirror transaction a moment later, and a controlled input that waited for
 * it would lose the caret position on every keystroke.
 */
export function OverrideInput({
  label,
  value,
  inherited,
  onChange,
  className = 'input override-input',
  id,
  multiline = false,
  jump,
  hasSpelling = false
}: OverrideInputProps): React.JSX.Element {
  const [draft, setDraft] = useState<string | null>(null)
  const typography = useFieldTypography()
  const props = {
    ...typography,
    id,
    'data-jump': jump,
    className,
    value: draft ?? value ?? '',
    placeholder: inherited ?? '',
    onFocus: () => setDraft(value ?? ''),
    onBlur: () => setDraft(null),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setDraft(e.target.value)
      onChange(e.target.value)
    }
  }
  return (
    <label className="override">
      <span className="override-label">{label}</span>
      {hasSpelling ? (
        <SpellingField value={props.value} spellKey={jump ?? id ?? label}>
          {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
        </SpellingField>
      ) : multiline ? (
        <textarea rows={2} {...props} />
      ) : (
        <input type="text" {...props} />
      )}
    </label>
  )
}
