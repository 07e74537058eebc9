import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Article } from '../../../shared/article'
import { userMessage } from '../lib/bridgeError'
import { call, newsroom } from '../lib/newsroom'
import { createArticleLoader } from './articleLoad'
import { EditorDesk } from './EditorDesk'

/** The desk's article fetches; main.tsx starts the one the address names before React mounts. */
export const articleLoader = createArticleLoader((input) => newsroom.getArticle(input))

interface ArticleEditorProps {
  articleId: string
  onBack(): void
  onOpen(id: string): void
}

/** Loads one article and shows its editing desk. */
export function ArticleEditor({
  articleId,
  onBack,
  onOpen
}: ArticleEditorProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [article, setArticle] = useState<Article | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loads, setLoads] = useState(0)
  // The message is worded when the load fails; a language switch is no reason to load again.
  const wording = useRef({ t, language: i18n.language })
  useLayoutEffect(() => {
    wording.current = { t, language: i18n.language }
  })

  useEffect(() => {
    call(articleLoader.load(articleId))
      .then(setArticle)
      .catch((e: unknown) => setError(userMessage(e, wording.current.t, wording.current.language)))
  }, [articleId, loads])

  if (error) {
    return (
      <div className="editor-error" role="alert">
        <p>{t('editor.loadFailed', { message: error })}</p>
        <button type="button" onClick={onBack}>
          {t('app.back')}
        </button>
      </div>
    )
  }
  if (!article) return <div className="editor-loading" aria-busy="true" />
  return (
    <EditorDesk
      // A reload mounts a fresh desk: the editor starts from what the library holds now.
      key={`${article.id}:${article.revision}:${loads}`}
      article={article}
      onBack={onBack}
      onOpen={onOpen}
      onReload={() => setLoads((n) => n + 1)}
    />
  )
}
