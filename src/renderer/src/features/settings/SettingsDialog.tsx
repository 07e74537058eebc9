import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../../shared/ipc'
import type { Settings, SettingsPatch, UiLanguage } from '../../../../shared/settings'
import { userMessage } from '../../lib/bridgeError'
import { WordListSection } from './WordListSection'

interface SettingsDialogProps {
  info: AppInfo
  settings: Settings
  onChange(patch: SettingsPatch): Promise<void>
  onClose(): void
}

/** Interface language, length limits, credit style, typography, export options, library folder. */
export function SettingsDialog({
  info,
  settings,
  onChange,
  onClose
}: SettingsDialogProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [error, setError] = useState<string | null>(null)
  const [draft, setDraft] = useState(() => ({
    limits: { ...settings.limits },
    creditTemplates: { ...settings.creditTemplates },
    minImageWidth: settings.minImageWidth,
    packageBaseUrl: settings.packageBaseUrl ?? ''
  }))

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const save = (patch: SettingsPatch): void => {
    onChange(patch).then(
      () => setError(null),
      (e: unknown) => setError(userMessage(e, t, i18n.language))
    )
  }

  const limitInput = (key: keyof Settings['limits'], label: string): React.JSX.Element => (
    <label className="field compact">
      <span className="field-label">{label}</span>
      <input
        type="number"
        min={1}
        max={10000}
        className="input"
        value={draft.limits[key]}
        onChange={(e) =>
          setDraft((d) => ({ ...d, limits: { ...d.limits, [key]: Number(e.target.value) } }))
        }
        onBlur={() => save({ limits: draft.limits })}
      />
    </label>
  )

  const templateInput = (key: 'de' | 'en', label: string): React.JSX.Element => (
    <label className="field compact">
      <span className="field-label">{label}</span>
      <input
        className="input"
        value={draft.creditTemplates[key]}
        onChange={(e) =>
          setDraft((d) => ({
            ...d,
            creditTemplates: { ...d.creditTemplates, [key]: e.target.value }
          }))
        }
        onBlur={() => save({ creditTemplates: draft.creditTemplates })}
      />
    </label>
  )

  return (
    <dialog
      ref={dialogRef}
      className="dialog settings-dialog"
      aria-labelledby="settings-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id="settings-title">{t('settings.title')}</h2>
      <label className="field">
        <span className="field-label">{t('settings.uiLanguage')}</span>
        <select
          value={settings.uiLanguage ?? ''}
          onChange={(e) => save({ uiLanguage: (e.target.value || null) as UiLanguage | null })}
        >
          <option value="">{t('settings.followSystem', { locale: info.systemLocale })}</option>
          <option value="de">{t('settings.german')}</option>
          <option value="en">{t('settings.english')}</option>
        </select>
      </label>

      <fieldset className="settings-group">
        <legend className="field-label">{t('settings.limits')}</legend>
        <div className="field-row three">
          {limitInput('headline', t('settings.limitHeadline'))}
          {limitInput('teaser', t('settings.limitTeaser'))}
          {limitInput('kicker', t('settings.limitKicker'))}
        </div>
      </fieldset>

      <fieldset className="settings-group">
        <legend className="field-label">{t('settings.creditTemplates')}</legend>
        <div className="field-row">
          {templateInput('de', t('settings.creditTemplateDe'))}
          {templateInput('en', t('settings.creditTemplateEn'))}
        </div>
        <p className="muted small-text">{t('settings.creditTemplateHint')}</p>
      </fieldset>

      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.smartTypography}
          onChange={(e) => save({ smartTypography: e.target.checked })}
        />
        {t('settings.smartTypography')}
      </label>

      <div className="field-row">
        <label className="field compact">
          <span className="field-label">{t('settings.minImageWidth')}</span>
          <input
            type="number"
            min={1}
            className="input"
            value={draft.minImageWidth}
            onChange={(e) => setDraft((d) => ({ ...d, minImageWidth: Number(e.target.value) }))}
            onBlur={() => save({ minImageWidth: draft.minImageWidth })}
          />
        </label>
        <label className="field compact">
          <span className="field-label">{t('settings.packageBaseUrl')}</span>
          <input
            type="url"
            className="input"
            placeholder="https://cms.example.org/images/"
            value={draft.packageBaseUrl}
            onChange={(e) => setDraft((d) => ({ ...d, packageBaseUrl: e.target.value }))}
            onBlur={() => save({ packageBaseUrl: draft.packageBaseUrl.trim() || null })}
          />
        </label>
      </div>

      <WordListSection />

      {error && (
        <p role="alert" className="error">
          {t('settings.invalid', { message: error })}
        </p>
      )}

      <div className="field">
        <span className="field-label">{t('settings.libraryFolder')}</span>
        <code className="path">{info.libraryDir}</code>
      </div>
      <p className="muted">{t('settings.version', { version: info.version })}</p>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          {t('settings.close')}
        </button>
      </div>
    </dialog>
  )
}
