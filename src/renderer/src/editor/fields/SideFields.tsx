import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  oneLineText,
  type ArticleLanguage,
  type ArticleStatus
} from '../../../../shared/article'
import { ChipListInput } from '../../components/ChipListInput'
import { newsroom } from '../../lib/newsroom'
import type { DeskFields } from '../deskFields'
import { ZonedDateTimeField } from './ZonedDateTimeField'
import { currentTimeZoneName, timeZoneChoices } from '../../../../shared/timeZoneNames'
import { isValidTimeZone } from '../../../../shared/zonedTime'

// Under current IANA names (Europe/Kyiv), whatever ICU still calls them.
const KNOWN_TIME_ZONES: readonly string[] = Intl.supportedValuesOf?.('timeZone') ?? []

// The byline suggestions read the whole library list: only the part that shows bylines asks,
// so opening the desk does not list the library once per side section.
function useKnownBylines(isShown: boolean): string[] {
  const [names, setNames] = useState<string[]>([])
  useEffect(() => {
    if (!isShown) return
    void newsroom.listArticles({}).then((result) => {
      if (!result.ok) return
      const all = new Set(result.value.flatMap((a) => a.bylines))
      setNames([...all].sort((a, b) => a.localeCompare(b, 'de')))
    })
  }, [isShown])
  return names
}

interface SideFieldsProps {
  fields: DeskFields
  onChange(change: Partial<DeskFields>): void
  /** One group only (the desk shows each in its own section, which carries the title). */
  part?: 'people' | 'timing' | 'filing'
}

/**
 * The filing fields beside the body: bylines (ordered, with names used before as suggestions),
 * dateline, publication and embargo times in the article's time zone, language, status,
 * slugline, tags, the note to the desk and internal notes.
 */
export function SideFields({ fields, onChange, part }: SideFieldsProps): React.JSX.Element {
  const { t } = useTranslation()
  const knownBylines = useKnownBylines(!part || part === 'people')
  const chipLabels = useMemo(
    () => ({
      remove: (name: string) => t('editor.remove', { name }),
      moveEarlier: (name: string) => t('editor.moveEarlier', { name }),
      moveLater: (name: string) => t('editor.moveLater', { name })
    }),
    [t]
  )

  const textInput = (name: 'place' | 'source' | 'slugline', label: string): React.JSX.Element => (
    <div className="field">
      <label htmlFor={`field-${name}`} className="field-label">
        {label}
      </label>
      <input
        id={`field-${name}`}
        className="input"
        value={fields[name]}
        onChange={(e) => onChange({ [name]: oneLineText(e.target.value) })}
      />
    </div>
  )

  return (
    <>
      {(!part || part === 'people') && (
        <>
          {!part && <h2 className="side-title">{t('editor.sectionPeople')}</h2>}
          <div className="field">
            <label htmlFor="field-bylines" className="field-label">
              {t('editor.bylines')}
            </label>
            <ChipListInput
              id="field-bylines"
              values={fields.bylines}
              onChange={(bylines) => onChange({ bylines })}
              suggestions={knownBylines}
              placeholder={t('editor.addName')}
              labels={chipLabels}
              isOrdered
            />
          </div>
          <div className="field-row">
            {textInput('place', t('editor.datelinePlace'))}
            {textInput('source', t('editor.datelineSource'))}
          </div>
        </>
      )}

      {(!part || part === 'timing') && (
        <>
          {!part && <h2 className="side-title">{t('editor.sectionTiming')}</h2>}
          <ZonedDateTimeField
            id="field-published"
            label={t('editor.publishedAt')}
            value={fields.publishedAt}
            timeZone={fields.timeZone}
            onChange={(publishedAt) => onChange({ publishedAt })}
          />
          <ZonedDateTimeField
            id="field-embargo"
            label={t('editor.embargoedUntil')}
            value={fields.embargoedUntil}
            timeZone={fields.timeZone}
            onChange={(embargoedUntil) => onChange({ embargoedUntil })}
          />
        </>
      )}

      {(!part || part === 'filing') && (
        <>
          {!part && <h2 className="side-title">{t('editor.sectionFiling')}</h2>}
          <div className="field-row">
            <div className="field">
              <label htmlFor="field-language" className="field-label">
                {t('editor.language')}
              </label>
              <select
                id="field-language"
                value={fields.language}
                onChange={(e) => onChange({ language: e.target.value as ArticleLanguage })}
              >
                {ARTICLE_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`languages.${l}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="field-timezone" className="field-label">
                {t('editor.timeZone')}
              </label>
              <select
                id="field-timezone"
                value={currentTimeZoneName(fields.timeZone, isValidTimeZone)}
                onChange={(e) => onChange({ timeZone: e.target.value })}
              >
                {timeZoneChoices(KNOWN_TIME_ZONES, isValidTimeZone, fields.timeZone).map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="field-status" className="field-label">
              {t('editor.status')}
            </label>
            <select
              id="field-status"
              value={fields.status}
              onChange={(e) => onChange({ status: e.target.value as ArticleStatus })}
            >
              {ARTICLE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {textInput('slugline', t('editor.slugline'))}
          <div className="field">
            <label htmlFor="field-tags" className="field-label">
              {t('editor.tags')}
            </label>
            <ChipListInput
              id="field-tags"
              values={fields.tags}
              onChange={(tags) => onChange({ tags })}
              placeholder={t('editor.tagsHint')}
              labels={chipLabels}
            />
          </div>
          <div className="field">
            <label htmlFor="field-ednote" className="field-label">
              {t('editor.edNote')}
            </label>
            <textarea
              id="field-ednote"
              rows={2}
              value={fields.edNote}
              onChange={(e) => onChange({ edNote: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="field-notes" className="field-label">
              {t('editor.notes')}
            </label>
            <textarea
              id="field-notes"
              rows={3}
              className="notes"
              value={fields.notes}
              onChange={(e) => onChange({ notes: e.target.value })}
            />
          </div>
        </>
      )}
    </>
  )
}
