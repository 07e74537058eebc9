import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../shared/ipc'
import type { Settings, SettingsPatch } from '../../shared/settings'
import { uiLanguageFor } from '../../shared/i18n'
import { ErrorBoundary, ScreenError } from './components/ErrorBoundary'
import { ArticleEditor } from './editor/ArticleEditor'
import { DocxNotesBanner } from './features/docx/DocxNotesBanner'
import { MenuDocxImport } from './features/docx/MenuDocxImport'
import { LibraryView } from './features/library/LibraryView'
import { call, newsroom } from './lib/newsroom'
import { useDiscardLeftDrafts } from './lib/leftDrafts'
import { SettingsContext } from './lib/settingsContext'
import { useHashRoute } from './lib/useHashRoute'
import i18next from './i18n'
// The photo desk's styles hold rules the whole app uses (app bar, dialogs, import status): they
// stay in the first stylesheet while its script loads later.
import './features/assets/assets.css'

/** What the app needs before its first screen: asked for by main.tsx as the page starts. */
export type Startup = Promise<[AppInfo, Settings]>

// Screens and dialogs no first screen needs load when first shown, so opening an article (or the
// library) compiles and runs less script before it can be used.
const AssetDeskView = lazy(() =>
  import('./features/assets/AssetDeskView').then((m) => ({ default: m.AssetDeskView }))
)
const SettingsDialog = lazy(() =>
  import('./features/settings/SettingsDialog').then((m) => ({ default: m.SettingsDialog }))
)

async function applyLanguage(info: AppInfo, settings: Settings): Promise<void> {
  const language = settings.uiLanguage ?? uiLanguageFor(info.systemLocale || navigator.language)
  document.documentElement.lang = language
  if (i18next.language !== language) await i18next.changeLanguage(language)
}

export function App({ startup }: { startup: Startup }): React.JSX.Element {
  const { t } = useTranslation()
  const [route, navigate] = useHashRoute()
  useDiscardLeftDrafts(route)
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [settings, setSettings] = useState<Settings | null>(null)
  const [isSettingsOpen, setSettingsOpen] = useState(false)

  useEffect(() => {
    void startup.then(async ([i, s]) => {
      // In the interface language before the first screen renders: switching after it would
      // render the whole desk twice.
      await applyLanguage(i, s)
      setInfo(i)
      // Settings changed meanwhile are newer than the ones read at start.
      setSettings((current) => current ?? s)
    })
  }, [startup])

  useEffect(() => {
    if (info && settings) void applyLanguage(info, settings)
  }, [info, settings])

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
              <Suspense fallback={<div className="app-loading" aria-busy="true" />}>
                <AssetDeskView onOpenArticle={(id) => navigate({ name: 'article', id })} />
              </Suspense>
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
            <Suspense fallback={null}>
              <SettingsDialog
                info={info}
                settings={settings}
                onChange={handleSettingsChange}
                onClose={() => setSettingsOpen(false)}
              />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
    </SettingsContext.Provider>
  )
}
