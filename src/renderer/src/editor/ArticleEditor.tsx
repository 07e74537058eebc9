import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
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
import { CharCounter } from '../components/CharCounter'
import { ChipListInput } from '../components/ChipListInput'
import { call, newsroom } from '../lib/newsroom'
import { useSettings } from '../lib/settingsContext'
import { ZonedDateTimeField } from './fields/ZonedDateTimeField'
import { SaveStatus } from './SaveStatus'
import { useAutosave } from './useAutosave'

interface ArticleEditorProps {
  articleId: string
  onBack(): void
}

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

/** The editable text and list fields, as the form holds them. */
interface FormFields {
  kicker: string
  headline: string
  teaser: string
  bylines: string[]
  place: string
  source: string
  language: ArticleLanguage
  timeZone: string
  status: ArticleStatus
  publishedAt: string | null
  embargoedUntil: string | null
  slugline: string
  tags: string[]
  edNote: string
  notes: string
}

function formFieldsOf(article: Article): FormFields {
  return {
    kicker: article.kicker ?? '',
    headline: article.headline ?? '',
    teaser: article.teaser ?? '',
    bylines: article.bylines,
    place: article.dateline.place ?? '',
    source: article.dateline.source ?? '',
    language: article.language,
    timeZone: article.timeZone,
    status: article.status,
    publishedAt: article.publishedAt,
    embargoedUntil: article.embargoedUntil,
    slugline: article.slugline ?? '',
    tags: article.tags,
    edNote: article.edNote ?? '',
    notes: article.notes ?? ''
  }
}

function nullIfBlank(value: string): string | null {
  return value.trim() === '' ? null : value
}

function patchOf(f: FormFields): ArticlePatch {
  return {
    kicker: nullIfBlank(f.kicker),
    headline: nullIfBlank(f.headline),
    teaser: nullIfBlank(f.teaser),
    bylines: f.bylines,
    dateline: { place: nullIfBlank(f.place), source: nullIfBlank(f.source) },
    language: f.language,
    timeZone: f.timeZone,
    status: f.status,
    publishedAt: f.publishedAt,
    embargoedUntil: f.embargoedUntil,
    slugline: nullIfBlank(f.slugline),
    tags: f.tags,
    edNote: nullIfBlank(f.edNote),
    notes: nullIfBlank(f.notes)
  }
}

const TIME_ZONES: string[] = (() => {
  const all = Intl.supportedValuesOf?.('timeZone') ?? []
  const preferred = ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'Europe/London', 'UTC']
  return [...preferred, ...all.filter((z) => !preferred.includes(z))]
})()

function useKnownBylines(): string[] {
  const [names, setNames] = useState<string[]>([])
  useEffect(() => {
    void newsroom.listArticles({}).then((result) => {
      if (!result.ok) return
      const all = new Set(result.value.flatMap((a) => a.bylines))
      setNames([...all].sort((a, b) => a.localeCompare(b, 'de')))
    })
  }, [])
  return names
}

type CountedField = 'kicker' | 'headline' | 'teaser'

function EditorDesk({ article, onBack }: { article: Article; onBack(): void }): React.JSX.Element {
  const { t } = useTranslation()
  const settings = useSettings()
  const knownBylines = useKnownBylines()
  const [fields, setFields] = useState<FormFields>(() => formFieldsOf(article))
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

  const collect = (): ArticlePatch => ({
    ...patchOf(fieldsRef.current),
    ...(editor ? { body: editor.getJSON() } : {})
  })
  const autosave = useAutosave(article.id, article.revision, collect)

  const update = (patch: Partial<FormFields>): void => {
    setFields((f) => {
      const next = { ...f, ...patch }
      fieldsRef.current = next
      return next
    })
    autosave.controller.markDirty()
  }

  const chipLabels = useMemo(
    () => ({
      remove: (name: string) => t('editor.remove', { name }),
      moveEarlier: (name: string) => t('editor.moveEarlier', { name }),
      moveLater: (name: string) => t('editor.moveLater', { name })
    }),
    [t]
  )

  const countedField = (name: CountedField): React.JSX.Element => {
    const id = `field-${name}`
    const limit = settings.limits[name]
    const props = {
      id,
      value: fields[name],
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        update({ [name]: e.target.value }),
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
        {input}
      </div>
    )
  }

  const textInput = (name: 'place' | 'source' | 'slugline', label: string): React.JSX.Element => (
    <div className="field">
      <label htmlFor={`field-${name}`} className="field-label">
        {label}
      </label>
      <input
        id={`field-${name}`}
        className="input"
        value={fields[name]}
        onChange={(e) => update({ [name]: e.target.value })}
      />
    </div>
  )

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
          {countedField('kicker')}
          {countedField('headline')}
          {countedField('teaser')}
          <div className="field">
            <span className="field-label">{t('editor.body')}</span>
            <EditorContent editor={editor} className="body-frame" />
          </div>
        </div>
        <aside className="editor-side" aria-label={t('editor.sectionFiling')}>
          <h2 className="side-title">{t('editor.sectionPeople')}</h2>
          <div className="field">
            <label htmlFor="field-bylines" className="field-label">
              {t('editor.bylines')}
            </label>
            <ChipListInput
              id="field-bylines"
              values={fields.bylines}
              onChange={(bylines) => update({ bylines })}
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

          <h2 className="side-title">{t('editor.sectionTiming')}</h2>
          <ZonedDateTimeField
            id="field-published"
            label={t('editor.publishedAt')}
            value={fields.publishedAt}
            timeZone={fields.timeZone}
            onChange={(publishedAt) => update({ publishedAt })}
          />
          <ZonedDateTimeField
            id="field-embargo"
            label={t('editor.embargoedUntil')}
            value={fields.embargoedUntil}
            timeZone={fields.timeZone}
            onChange={(embargoedUntil) => update({ embargoedUntil })}
          />
          <div>
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
              <label htmlFor="field-timezone" className="field-label">
                {t('editor.timeZone')}
              </label>
              <select
                id="field-timezone"
                value={fields.timeZone}
                onChange={(e) => update({ timeZone: e.target.value })}
              >
                {TIME_ZONES.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            </div>
          </div>

          <h2 className="side-title">{t('editor.sectionFiling')}</h2>
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
          {textInput('slugline', t('editor.slugline'))}
          <div className="field">
            <label htmlFor="field-tags" className="field-label">
              {t('editor.tags')}
            </label>
            <ChipListInput
              id="field-tags"
              values={fields.tags}
              onChange={(tags) => update({ tags })}
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
              onChange={(e) => update({ edNote: e.target.value })}
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
              onChange={(e) => update({ notes: e.target.value })}
            />
          </div>
        </aside>
      </div>
    </section>
  )
}
