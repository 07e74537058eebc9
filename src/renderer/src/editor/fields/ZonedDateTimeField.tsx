import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  addDays,
  addMinutes,
  formatDateInput,
  formatTimeInput,
  inputLanguageOf,
  parseDateInput,
  parseTimeInput,
  type InputProblem
} from '../../../../shared/dateInput'
import { currentTimeZoneName } from '../../../../shared/timeZoneNames'
import {
  isValidTimeZone,
  wallTimeOf,
  wallTimeToIso,
  zoneOffsetMinutes
} from '../../../../shared/zonedTime'

interface ZonedDateTimeFieldProps {
  id: string
  label: string
  value: string | null
  timeZone: string
  onChange(value: string | null): void
}

type Part = 'date' | 'time'
interface Problem {
  part: Part
  key: InputProblem | 'needsDate'
  value: string
}

/** `UTC+2`, `UTC−3:30`, `UTC` for the zone's offset at `iso` (or now). */
function offsetLabel(timeZone: string, iso: string | null): string {
  const minutes = zoneOffsetMinutes(iso ? new Date(iso) : new Date(), timeZone)
  if (minutes === 0) return 'UTC'
  const abs = Math.abs(minutes)
  const rest = abs % 60
  return `UTC${minutes > 0 ? '+' : '−'}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`
}

/**
 * A date and a time as a clock in the article's time zone shows them, typed and shown in the
 * interface language (`02.05.2024`, `14:30` in German; `2 May 2024`, `2:30 pm` in English) rather
 * than in the operating system's locale, which the browser's own date inputs follow. A typed
 * value counts on Enter or when the field is left; what cannot be read is kept in the field with
 * a message and changes nothing. Arrow up/down step a day or five minutes. Stored as ISO-8601
 * with the zone's offset.
 */
export function ZonedDateTimeField({
  id,
  label,
  value,
  timeZone,
  onChange
}: ZonedDateTimeFieldProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const language = inputLanguageOf(i18n.language)
  const wall = value ? wallTimeOf(value, timeZone) : null
  // What is being typed, per part; null shows the stored value.
  const [drafts, setDrafts] = useState<Record<Part, string | null>>({ date: null, time: null })
  const [problem, setProblem] = useState<Problem | null>(null)
  const messageId = useId()
  const noteId = useId()

  const shown = (part: Part): string => {
    const draft = drafts[part]
    if (draft !== null) return draft
    if (!wall) return ''
    return part === 'date'
      ? formatDateInput(wall.date, language)
      : formatTimeInput(wall.time, language)
  }

  const store = (date: string, time: string): void => {
    setProblem(null)
    setDrafts({ date: null, time: null })
    onChange(wallTimeToIso({ date, time }, timeZone))
  }

  const commit = (part: Part): void => {
    const text = drafts[part]
    if (text === null) return
    const other = part === 'date' ? drafts.time : drafts.date
    if (part === 'date') {
      if (text.trim() === '') {
        setProblem(null)
        setDrafts({ date: null, time: null })
        if (value !== null) onChange(null)
        return
      }
      const date = parseDateInput(text)
      if (!date.ok) return setProblem({ part, key: date.problem, value: text.trim() })
      const time = other !== null && other.trim() !== '' ? parseTimeInput(other) : null
      if (time && !time.ok)
        return setProblem({ part: 'time', key: time.problem, value: other ?? '' })
      store(date.value, time?.value ?? wall?.time ?? '00:00')
      return
    }
    const dateText = other ?? (wall ? wall.date : null)
    if (dateText === null || dateText.trim() === '') {
      if (text.trim() === '') return setDrafts((d) => ({ ...d, time: null }))
      return setProblem({ part, key: 'needsDate', value: text.trim() })
    }
    const time = text.trim() === '' ? { ok: true as const, value: '00:00' } : parseTimeInput(text)
    if (!time.ok) return setProblem({ part, key: time.problem, value: text.trim() })
    // A date still being typed in the other input is committed together with the time.
    const date = other !== null ? parseDateInput(other) : { ok: true as const, value: dateText }
    if (!date.ok) return setProblem({ part: 'date', key: date.problem, value: other ?? '' })
    store(date.value, time.value)
  }

  const step = (part: Part, direction: 1 | -1): void => {
    let base = wall ?? { date: wallTimeOf(new Date().toISOString(), timeZone).date, time: '00:00' }
    const draft = drafts[part]
    if (draft !== null && draft.trim() !== '') {
      const typed = part === 'date' ? parseDateInput(draft) : parseTimeInput(draft)
      if (!typed.ok) return setProblem({ part, key: typed.problem, value: draft.trim() })
      base = { ...base, [part]: typed.value }
    }
    if (part === 'date') store(addDays(base.date, direction), base.time)
    else store(base.date, addMinutes(base.time, direction * 5))
  }

  const handleKeyDown =
    (part: Part) =>
    (e: React.KeyboardEvent<HTMLInputElement>): void => {
      if (e.key === 'Enter') {
        e.preventDefault()
        commit(part)
      } else if (e.key === 'Escape' && drafts[part] !== null) {
        e.preventDefault()
        e.stopPropagation()
        setDrafts((d) => ({ ...d, [part]: null }))
        setProblem(null)
      } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.altKey) {
        e.preventDefault()
        step(part, e.key === 'ArrowUp' ? 1 : -1)
      }
    }

  const message = problem
    ? problem.key === 'needsDate'
      ? t('dates.timeNeedsDate')
      : t(`dates.problem.${problem.part}.${problem.key}`, { value: problem.value })
    : null
  const zoneName = currentTimeZoneName(timeZone, isValidTimeZone)

  const input = (part: Part): React.JSX.Element => (
    <input
      id={part === 'date' ? id : `${id}-time`}
      type="text"
      inputMode={part === 'date' ? 'text' : 'numeric'}
      autoComplete="off"
      spellCheck={false}
      className={`input ${part}-input`}
      aria-label={`${label}: ${t(part === 'date' ? 'editor.date' : 'editor.time')}`}
      aria-invalid={problem?.part === part ? true : undefined}
      aria-describedby={problem?.part === part ? `${messageId} ${noteId}` : noteId}
      placeholder={t(part === 'date' ? 'dates.datePlaceholder' : 'dates.timePlaceholder')}
      title={t('dates.keyHint')}
      value={shown(part)}
      onChange={(e) => {
        const text = e.target.value
        setDrafts((d) => ({ ...d, [part]: text }))
      }}
      onBlur={() => commit(part)}
      onKeyDown={handleKeyDown(part)}
    />
  )

  return (
    <fieldset className="field datetime-field">
      <legend className="field-label">{label}</legend>
      <div className="datetime-row">
        {input('date')}
        {input('time')}
        {(value || drafts.date || drafts.time) && (
          <button
            type="button"
            className="ghost small"
            aria-label={`${label}: ${t('editor.clear')}`}
            title={t('editor.clear')}
            onClick={() => {
              setDrafts({ date: null, time: null })
              setProblem(null)
              onChange(null)
            }}
          >
            ×
          </button>
        )}
      </div>
      <p id={noteId} className="datetime-zone muted">
        {t('dates.zoneNote', { zone: zoneName, offset: offsetLabel(timeZone, value) })}
      </p>
      {message && (
        <p id={messageId} className="field-error" role="alert">
          {message}
        </p>
      )}
    </fieldset>
  )
}
