import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  findInFields,
  replaceInFields,
  type FieldValues,
  type FindOptions
} from '../../../../shared/editor/findMatches'
import { selectFindState } from './findState'
import { fieldLabelKey, fieldInputId } from './fieldPaths'

interface FindReplacePanelProps {
  editor: Editor
  /** The search field's id (the desk focuses it on Mod-f). */
  inputId: string
  /** The article's searchable fields as they are on screen (`searchableFields`). */
  fieldValues: FieldValues
  /** Stores replaced field values (paths as in `searchableFields`). */
  onReplaceInFields(changed: FieldValues): void
  onClose(): void
}

/**
 * Find and replace across the body and the article's fields (headline, teaser, bylines,
 * captions…), whole word and case as options. The body's matches are highlighted in place and
 * stepped through with Enter / Shift+Enter; matches in fields are listed by field, and a click
 * selects the match in its field. Replace works on the current body match; Replace all on every
 * match in the body and the fields, the body in one undo step.
 */
export function FindReplacePanel({
  editor,
  inputId,
  fieldValues,
  onReplaceInFields,
  onClose
}: FindReplacePanelProps): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const body = useEditorState({ editor, selector: selectFindState })
  const [term, setTerm] = useState(body.term)
  const [replacement, setReplacement] = useState(body.replacement)
  const [options, setOptions] = useState<Required<FindOptions>>(body.options)
  const [report, setReport] = useState('')

  const fieldMatches = useMemo(
    () => findInFields(fieldValues, term, options),
    [fieldValues, term, options]
  )
  const byField = useMemo(() => {
    const counts = new Map<string, number>()
    for (const m of fieldMatches) counts.set(m.field, (counts.get(m.field) ?? 0) + 1)
    return [...counts.entries()]
  }, [fieldMatches])

  const close = (): void => {
    editor.commands.clearSearch()
    // Immediately (TipTap's focus command would wait a frame, then reset a moved caret).
    editor.view.focus()
    onClose()
  }
  const changeTerm = (value: string): void => {
    setTerm(value)
    setReport('')
    editor.commands.setSearchTerm(value)
  }
  const changeOptions = (change: FindOptions): void => {
    const next = { ...options, ...change }
    setOptions(next)
    editor.commands.setSearchOptions(next)
  }
  const changeReplacement = (value: string): void => {
    setReplacement(value)
    editor.commands.setReplaceTerm(value)
  }
  const replaceAll = (): void => {
    const inBody = body.count
    if (inBody) editor.commands.replaceAll()
    const fields = replaceInFields(fieldValues, term, replacement, options)
    if (fields.count) onReplaceInFields(fields.changed)
    setReport(t('desk.replacedReport', { body: inBody, fields: fields.count }))
    // The buttons go disabled with nothing left to replace: keep the focus in the panel.
    document.getElementById(inputId)?.focus()
  }
  const jumpToField = (path: string): void => {
    const input = document.getElementById(fieldInputId(path) ?? '')
    if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) return
    const match = fieldMatches.find((m) => m.field === path)
    input.focus()
    if (match) input.setSelectionRange(match.from, match.to)
  }

  const summary =
    term === ''
      ? ''
      : t('desk.matchSummary', {
          body: body.count,
          fields: fieldMatches.length,
          current: body.current >= 0 ? t('desk.matchCurrent', { n: body.current + 1 }) : ''
        })

  return (
    <div
      className="find-panel"
      role="search"
      aria-label={t('desk.findReplace')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          close()
        }
      }}
    >
      <div className="find-row">
        <label htmlFor={inputId} className="find-label">
          {t('desk.find')}
        </label>
        <input
          id={inputId}
          className="input"
          type="search"
          autoFocus
          value={term}
          onChange={(e) => changeTerm(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return
            e.preventDefault()
            if (e.shiftKey) editor.commands.findPrevious()
            else editor.commands.findNext()
          }}
        />
        <button
          type="button"
          className="small"
          onClick={() => editor.commands.findPrevious()}
          disabled={body.count === 0}
        >
          {t('desk.previous')}
        </button>
        <button
          type="button"
          className="small"
          onClick={() => editor.commands.findNext()}
          disabled={body.count === 0}
        >
          {t('desk.next')}
        </button>
        <button type="button" className="ghost small" onClick={close}>
          {t('desk.close')}
        </button>
      </div>
      <div className="find-row">
        <label htmlFor={`${id}-replace`} className="find-label">
          {t('desk.replaceWith')}
        </label>
        <input
          id={`${id}-replace`}
          className="input"
          type="text"
          value={replacement}
          onChange={(e) => changeReplacement(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return
            e.preventDefault()
            editor.commands.replaceNext()
          }}
        />
        <button
          type="button"
          className="small"
          onClick={() => editor.commands.replaceNext()}
          disabled={body.count === 0}
        >
          {t('desk.replace')}
        </button>
        <button
          type="button"
          className="small"
          onClick={replaceAll}
          disabled={body.count + fieldMatches.length === 0}
        >
          {t('desk.replaceAll')}
        </button>
      </div>
      <div className="find-row find-options">
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={options.wholeWord}
            onChange={(e) => changeOptions({ wholeWord: e.target.checked })}
          />
          {t('desk.wholeWord')}
        </label>
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={options.caseSensitive}
            onChange={(e) => changeOptions({ caseSensitive: e.target.checked })}
          />
          {t('desk.matchCase')}
        </label>
        <span className="find-summary" aria-live="polite">
          {report || summary}
        </span>
      </div>
      {byField.length > 0 && (
        <ul className="find-fields" aria-label={t('desk.matchesInFields')}>
          {byField.map(([path, count]) => (
            <li key={path}>
              {fieldInputId(path) ? (
                <button type="button" className="link-button" onClick={() => jumpToField(path)}>
                  {t(fieldLabelKey(path).key, fieldLabelKey(path).values)} ({count})
                </button>
              ) : (
                <span>
                  {t(fieldLabelKey(path).key, fieldLabelKey(path).values)} ({count})
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
