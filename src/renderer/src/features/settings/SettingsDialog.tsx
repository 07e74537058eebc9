import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo, Settings, UiLanguage } from '../../../../shared/ipc'

interface SettingsDialogProps {
  info: AppInfo
  settings: Settings
  onChange(patch: Partial<Settings>): Promise<void>
  onClose(): void
}

/** Interface language (follow the OS or pick one) and where the library lives. */
export function SettingsDialog({
  info,
  settings,
  onChange,
  onClose
}: SettingsDialogProps): React.JSX.Element {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="settings-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id="settings-title">{t('settings.title')}</h2>
      <label className="field">
        <span className="field-label">{t('settings.uiLanguage')}</span>
        <select
          value={settings.uiLanguage ?? ''}
          onChange={(e) =>
            void onChange({ uiLanguage: (e.target.value || null) as UiLanguage | null })
          }
        >
          <option value="">{t('settings.followSystem', { locale: info.systemLocale })}</option>
          <option value="de">{t('settings.german')}</option>
          <option value="en">{t('settings.english')}</option>
        </select>
      </label>
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
