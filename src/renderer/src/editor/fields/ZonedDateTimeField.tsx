import { useTranslation } from 'react-i18next'
import { wallTimeOf, wallTimeToIso } from '../../../../shared/zonedTime'

interface ZonedDateTimeFieldProps {
  id: string
  label: string
  value: string | null
  timeZone: string
  onChange(value: string | null): void
}

/** A date and a time as a clock in the article's time zone shows them; stored as ISO with offset. */
export function ZonedDateTimeField({
  id,
  label,
  value,
  timeZone,
  onChange
}: ZonedDateTimeFieldProps): React.JSX.Element {
  const { t } = useTranslation()
  const wall = value ? wallTimeOf(value, timeZone) : { date: '', time: '' }
  const handle = (date: string, time: string): void => {
    if (!date) return onChange(null)
    onChange(wallTimeToIso({ date, time: time || '00:00' }, timeZone))
  }
  return (
    <fieldset className="field datetime-field">
      <legend className="field-label">{label}</legend>
      <div className="datetime-row">
        <input
          id={id}
          type="date"
          className="input"
          aria-label={`${label}: ${t('editor.date')}`}
          value={wall.date}
          onChange={(e) => handle(e.target.value, wall.time)}
        />
        <input
          type="time"
          className="input"
          aria-label={`${label}: ${t('editor.time')}`}
          value={wall.time}
          disabled={!wall.date}
          onChange={(e) => handle(wall.date, e.target.value)}
        />
        {value && (
          <button
            type="button"
            className="ghost small"
            aria-label={`${label}: ${t('editor.clear')}`}
            title={t('editor.clear')}
            onClick={() => onChange(null)}
          >
            ×
          </button>
        )}
      </div>
    </fieldset>
  )
}
