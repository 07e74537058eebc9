import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  type Article,
  type ArticleLanguage,
  type ArticlePatch,
  type ArticleStatus
} from '../../../shared/article'
import { call, newsroom } from '../lib/newsroom'
import { SaveStatus } from './SaveStatus'
import { useAutosave } from './useAutosave'

interface ArticleEditorProps {
  articleId: string
  onBack(): void
}

type TextField = 'kicker' | 'headline' | 'teaser'

/** Loads one article and shows its editing desk. */
export function ArticleEditor({ articleId, onBack }: ArticleEditorProps): React.JSX.Element {
  const { t } = useTranslation()
  const [article, setArticle] = useState<Article | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    call(newsroom.getArticle({ id: articleId }))
      .then(setArticle)
      .catch((e: Error) => setError(e.message))
  }, [articleId])

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
  return <EditorDesk article={article} onBack={onBack} />
}

function nullIfBlank(value: string): string | null {
  return value.trim() === '' ? null : value
}

function EditorDesk({ article, onBack }: { article: Article; onBack(): void }): React.JSX.Element {
  const { t } = useTranslation()
  const [fields, setFields] = useState({
    kicker: article.kicker ?? '',
    headline: article.headline ?? '',
    teaser: article.teaser ?? '',
    bylines: article.bylines.join(', '),
    place: article.dateline.place ?? '',
    source: article.dateline.source ?? '',
    language: article.language,
    status: article.status
  })
  const fieldsRef = useRef(fields)
  useLayoutEffect(() => {
    fieldsRef.current = fields
  })

  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] } })],
    content: article.body,
    shouldRerenderOnTransaction: false,
    // The CSP forbids injected <style>; TipTap's few rules live in styles.css.
    injectCSS: false,
    editorProps: { attributes: { 'aria-label': t('editor.body'), class: 'body-editor' } },
    onUpdate: () => autosave.controller.markDirty()
  })

  const collect = (): ArticlePatch => {
    const f = fieldsRef.current
    return {
      kicker: nullIfBlank(f.kicker),
      headline: nullIfBlank(f.headline),
      teaser: nullIfBlank(f.teaser),
      bylines: f.bylines
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
      dateline: { place: nullIfBlank(f.place), source: nullIfBlank(f.source) },
      language: f.language,
      status: f.status,
      ...(editor ? { body: editor.getJSON() } : {})
    }
  }
  const autosave = useAutosave(article.id, article.revision, collect)

  const update = (patch: Partial<typeof fields>): void => {
    setFields((f) => {
      const next = { ...f, ...patch }
      fieldsRef.current = next
      return next
    })
    autosave.controller.markDirty()
  }

  const textField = (name: TextField, multiline = false): React.JSX.Element => {
    const props = {
      id: `field-${name}`,
      value: fields[name],
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        update({ [name]: e.target.value }),
      className: `input input-${name}`,
      autoFocus: name === 'headline'
    }
    return (
      <div className="field">
        <label htmlFor={props.id} className="field-label">
          {t(`editor.${name}`)}
        </label>
        {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      </div>
    )
  }

  return (
    <section className="editor" aria-label={fields.headline || t('library.untitled')}>
      <div className="editor-toolbar">
        <button
          type="button"
          className="ghost"
          onClick={() => void autosave.controller.flush().then(onBack)}
        >
          ← {t('app.back')}
        </button>
        <SaveStatus state={autosave.state} />
      </div>
      <div className="editor-columns">
        <div className="editor-sheet">
          {textField('kicker')}
          {textField('headline')}
          {textField('teaser', true)}
          <div className="field">
            <span className="field-label">{t('editor.body')}</span>
            <EditorContent editor={editor} className="body-frame" />
          </div>
        </div>
        <aside className="editor-side" aria-label={t('editor.status')}>
          <div className="field">
            <label htmlFor="field-bylines" className="field-label">
              {t('editor.bylines')}
            </label>
            <input
              id="field-bylines"
              className="input"
              value={fields.bylines}
              placeholder={t('editor.bylinesHint')}
              onChange={(e) => update({ bylines: e.target.value })}
            />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="field-place" className="field-label">
                {t('editor.datelinePlace')}
              </label>
              <input
                id="field-place"
                className="input"
                value={fields.place}
                onChange={(e) => update({ place: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="field-source" className="field-label">
                {t('editor.datelineSource')}
              </label>
              <input
                id="field-source"
                className="input"
                value={fields.source}
                onChange={(e) => update({ source: e.target.value })}
              />
            </div>
          </div>
          <div className="field">
            <label htmlFor="field-language" className="field-label">
              {t('editor.language')}
            </label>
            <select
              id="field-language"
              value={fields.language}
              onChange={(e) => update({ language: e.target.value as ArticleLanguage })}
            >
              {ARTICLE_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="field-status" className="field-label">
              {t('editor.status')}
            </label>
            <select
              id="field-status"
              value={fields.status}
              onChange={(e) => update({ status: e.target.value as ArticleStatus })}
            >
              {ARTICLE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </aside>
      </div>
    </section>
  )
}
