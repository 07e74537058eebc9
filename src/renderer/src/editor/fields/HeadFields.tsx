import { useTranslation } from 'react-i18next'
import { oneLineText } from '../../../../shared/article'
import { CharCounter } from '../../components/CharCounter'
import { useSettings } from '../../lib/settingsContext'
import type { DeskFields } from '../deskFields'
import { SpellingField } from '../spelling/SpellingField'
import { useFieldTypography } from './fieldTypography'

type CountedField = 'kicker' | 'headline' | 'teaser'

interface HeadFieldsProps {
  fields: Pick<DeskFields, CountedField>
  onChange(change: Partial<DeskFields>): void
}

/**
 * Kicker, headline and teaser above the body, each with a counter against its limit from the
 * settings (a warning past it, never a hard stop). Enter in the one-line headline moves on.
 */
export function HeadFields({ fields, onChange }: HeadFieldsProps): React.JSX.Element {
  const { t } = useTranslation()
  const settings = useSettings()
  const typography = useFieldTypography()

  const countedField = (name: CountedField): React.JSX.Element => {
    const id = `field-${name}`
    const limit = settings.limits[name]
    const props = {
      ...typography,
      id,
      value: fields[name],
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        onChange({ [name]: name === 'teaser' ? e.target.value : oneLineText(e.target.value) }),
      className: `input input-${name}`,
      'aria-describedby': `${id}-count`,
      'aria-invalid': fields[name].length > limit ? true : undefined,
      autoFocus: name === 'headline'
    }
    const input =
      name === 'kicker' ? (
        <input type="text" {...props} />
      ) : (
        <textarea
          rows={name === 'headline' ? 1 : 3}
          {...props}
          onKeyDown={(e) => {
            typography.onKeyDown(e)
            // A headline is one line: Enter moves on instead of breaking it.
            if (name === 'headline' && e.key === 'Enter') {
              e.preventDefault()
              document.getElementById('field-teaser')?.focus()
            }
          }}
        />
      )
    return (
      <div className="field">
        <div className="field-head">
          <label htmlFor={id} className="field-label">
            {t(`editor.${name}`)}
          </label>
          <CharCounter id={`${id}-count`} count={[...fields[name]].length} limit={limit} />
        </div>
        <SpellingField value={fields[name]} spellKey={`field:${name}`}>
          {input}
        </SpellingField>
      </div>
    )
  }

  return (
    <>
      {countedField('kicker')}
      {countedField('headline')}
      {countedField('teaser')}
    </>
  )
}
