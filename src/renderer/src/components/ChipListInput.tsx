import { useId, useState } from 'react'
import { oneLineText } from '../../../shared/article'

interface ChipListInputProps {
  id: string
  values: string[]
  onChange(values: string[]): void
  suggestions?: string[]
  placeholder: string
  labels: {
    remove(name: string): string
    moveEarlier(name: string): string
    moveLater(name: string): string
  }
  /** Whether the order matters (bylines) and can be changed. */
  isOrdered?: boolean
}

/**
 * A list of names as chips: Enter or comma adds, × removes, Alt+←/→ on a chip reorders;
 * suggestions come from a native datalist so the keyboard works as everywhere else.
 */
export function ChipListInput({
  id,
  values,
  onChange,
  suggestions = [],
  placeholder,
  labels,
  isOrdered = false
}: ChipListInputProps): React.JSX.Element {
  const [draft, setDraft] = useState('')
  const listId = useId()

  const add = (raw: string): void => {
    const names = oneLineText(raw)
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !values.includes(n))
    if (names.length) onChange([...values, ...names])
    setDraft('')
  }
  const move = (index: number, delta: number): void => {
    const target = index + delta
    if (target < 0 || target >= values.length) return
    const next = [...values]
    ;[next[index], next[target]] = [next[target], next[index]]
    onChange(next)
  }

  return (
    <div className="chip-input">
      {values.length > 0 && (
        <ul className="chips">
          {values.map((name, index) => (
            <li
              key={name}
              className="chip"
              tabIndex={isOrdered ? 0 : undefined}
              onKeyDown={(e) => {
                if (!isOrdered || !e.altKey) return
                if (e.key === 'ArrowLeft') move(index, -1)
                else if (e.key === 'ArrowRight') move(index, 1)
                else return
                e.preventDefault()
              }}
            >
              <span>{name}</span>
              {isOrdered && values.length > 1 && (
                <>
                  <button
                    type="button"
                    className="chip-button"
                    aria-label={labels.moveEarlier(name)}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ‹
                  </button>
                  <button
                    type="button"
                    className="chip-button"
                    aria-label={labels.moveLater(name)}
                    disabled={index === values.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ›
                  </button>
                </>
              )}
              <button
                type="button"
                className="chip-button"
                aria-label={labels.remove(name)}
                onClick={() => onChange(values.filter((v) => v !== name))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        className="input"
        value={draft}
        placeholder={placeholder}
        list={suggestions.length ? listId : undefined}
        onChange={(e) => {
          const value = e.target.value
          if (value.endsWith(',')) add(value)
          else setDraft(value)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft.trim()) {
            e.preventDefault()
            add(draft)
          } else if (e.key === 'Backspace' && draft === '' && values.length) {
            onChange(values.slice(0, -1))
          }
        }}
        onBlur={() => draft.trim() && add(draft)}
      />
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions
            .filter((s) => !values.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      )}
    </div>
  )
}
