import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../shared/ipc'
import type { Settings, SettingsPatch } from '../../shared/settings'
import { uiLanguageFor } from '../../shared/i18n'
import { ErrorBoundary, ScreenError } from './components/ErrorBoundary'
import { ArticleEditor } from './editor/ArticleEditor'
import { AssetDeskView } from './features/assets/AssetDeskView'
import { DocxNotesBanner } from './features/docx/DocxNotesBanner'
import { MenuDocxImport } from './features/docx/MenuDocxImport'
import { LibraryView } from './features/library/LibraryView'
import { SettingsDialog } from './features/settings/SettingsDialog'
import { call, newsroom } from './lib/newsroom'
import { useDiscardLeftDrafts } from './lib/leftDrafts'
import { SettingsContext } from './lib/settingsContext'
import { useHashRoute } from './lib/useHashRoute'

export function App(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [route, navigate] = useHashRoute()
  useDiscardLeftDrafts(route)
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [settings, setSettings] = useState<Settings | null>(null)
  const [isSettingsOpen, setSettingsOpen] = useState(false)

  useEffect(() => {
    void Promise.all([call(newsroom.appInfo()), call(newsroom.getSettings())]).then(([i, s]) => {
      setInfo(i)
      setSettings(s)
    })
  }, [])

  useEffect(() => {
    if (!info || !settings) return
    const language = settings.uiLanguage ?? uiLanguageFor(info.systemLocale || navigator.language)
    void i18n.changeLanguage(language)
    document.documentElement.lang = language
  }, [info, settings, i18n])

  const handleSettingsChange = useCallback(async (patch: SettingsPatch) => {
    setSettings(await call(newsroom.setSettings(patch)))
  }, [])

  if (!info || !settings) return <div className="app-loading" aria-busy="true" />

  return (
    <SettingsContext.Provider value={settings}>
      <div className="app">
        <header className="app-bar">
          <button
            type="button"
            className="brand"
            onClick={() => navigate({ name: 'library' })}
            aria-label={t('app.library')}
          >
            <span className="brand-mark" aria-hidden="true">
              C
            </span>
            {t('app.name')}
          </button>
          <nav className="app-bar-actions">
            <button
              type="button"
              className="ghost nav-tab"
              aria-current={route.name === 'library' ? 'page' : undefined}
              onClick={() => navigate({ name: 'library' })}
            >
              {t('library.title')}
            </button>
            <button
              type="button"
              className="ghost nav-tab"
              aria-current={route.name === 'assets' ? 'page' : undefined}
              onClick={() => navigate({ name: 'assets' })}
            >
              {t('assets.nav')}
            </button>
            <button type="button" className="ghost" onClick={() => setSettingsOpen(true)}>
              {t('app.settings')}
            </button>
          </nav>
        </header>
        <main className="app-main">
          <ErrorBoundary
            resetKey={route.name === 'article' ? `article:${route.id}` : route.name}
            fallback={(error, retry) => (
              <ScreenError
                error={error}
                message={t(route.name === 'article' ? 'screenError.article' : 'screenError.screen')}
                onRetry={retry}
                onBack={route.name === 'library' ? undefined : () => navigate({ name: 'library' })}
              />
            )}
          >
            {route.name === 'library' ? (
              <LibraryView onOpen={(id) => navigate({ name: 'article', id })} />
            ) : route.name === 'assets' ? (
              <AssetDeskView onOpenArticle={(id) => navigate({ name: 'article', id })} />
            ) : (
              <>
                <DocxNotesBanner articleId={route.id} />
                <ArticleEditor
                  key={route.id}
                  articleId={route.id}
                  onBack={() => navigate({ name: 'library' })}
                  onOpen={(id) => navigate({ name: 'article', id })}
                />
              </>
            )}
          </ErrorBoundary>
        </main>
        <MenuDocxImport onOpen={(id) => navigate({ name: 'article', id })} />
        {isSettingsOpen && (
          <ErrorBoundary
            resetKey="settings"
            fallback={(error, retry) => (
              <ScreenError
                error={error}
                message={t('screenError.screen')}
                onRetry={retry}
                onBack={() => setSettingsOpen(false)}
              />
            )}
          >
            <SettingsDialog
              info={info}
              settings={settings}
              onChange={handleSettingsChange}
              onClose={() => setSettingsOpen(false)}
            />
          </ErrorBoundary>
        )}
      </div>
    </SettingsContext.Provider>
  )
}
