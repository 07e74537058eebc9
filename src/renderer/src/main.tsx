import './lib/zodConfig'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n'
import './styles.css'
import { App, type Startup } from './App'
import { articleLoader } from './editor/ArticleEditor'
import { call, newsroom } from './lib/newsroom'
import { answerFlushRequests } from './lib/unsavedWork'
import { routeOf } from './lib/useHashRoute'

answerFlushRequests()

// Everything the first screen needs is asked for at once, before React starts: the app's info
// and settings, and the article when the address opens one.
const startup: Startup = Promise.all([call(newsroom.appInfo()), call(newsroom.getSettings())])
const route = routeOf(window.location.hash)
if (route.name === 'article') articleLoader.prefetch(route.id)

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App startup={startup} />
  </StrictMode>
)
