import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { userMessage } from '../../lib/bridgeError'

interface ConflictBannerProps {
  /** Throw away what is on screen and load the saved article. */
  onReloadTheirs(): void
  /** Save what is on screen as a new article and open it. */
  onKeepMine(): Promise<void>
}

/** Shown when a save was refused because the article changed elsewhere: nothing is overwritten. */
export function ConflictBanner({
  onReloadTheirs,
  onKeepMine
}: ConflictBannerProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="conflict-banner" role="alert">
      <strong>{t('conflict.title')}</strong>
      <p>{t('conflict.text')}</p>
      <div className="conflict-actions">
        <button type="button" onClick={onReloadTheirs}>
          {t('conflict.reloadTheirs')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() =>
            void onKeepMine().catch((e: unknown) =>
              setError(t('conflict.copyFailed', { message: userMessage(e, t, i18n.language) }))
            )
          }
        >
          {t('conflict.keepMine')}
        </button>
      </div>
      {error && <p className="error">{error}</p>}
    </div>
  )
}
