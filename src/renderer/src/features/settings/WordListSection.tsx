import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '../../../../shared/result'
import { appErrorMessage } from '../../lib/bridgeError'
import { newsroom } from '../../lib/newsroom'
import {
  addToWordList,
  onSpellingChange,
  removeFromWordList
} from '../../editor/spelling/spellingActions'
import '../../editor/spelling/spelling.css'

/**
 * The newsroom word list in the settings: every word, removable; a new word, optionally with
 * the forms of a dictionary word ("like Hamburg" gives Wladiwostok its genitive Wladiwostoks).
 */
export function WordListSection(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [words, setWords] = useState<string[] | null>(null)
  const [word, setWord] = useState('')
  const [like, setLike] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)

  useEffect(() => {
    let isLive = true
    void newsroom.spellingWords().then((r) => {
      if (isLive) setWords(r.ok ? r.value : [])
    })
    const unsubscribe = onSpellingChange((change) => {
      if (change.kind === 'words') setWords(change.words)
    })
    return () => {
      isLive = false
      unsubscribe()
    }
  }, [])

  const explain = (e: AppError): string => {
    const model = e.detail?.reason === 'unknown-model' ? e.detail.model : undefined
    if (typeof model === 'string') return t('spellingMenu.unknownModel', { model })
    return appErrorMessage(e, t, i18n.language)
  }

  const handleAdd = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (!word.trim() || isBusy) return
    setBusy(true)
    const result = await addToWordList(word.trim(), like.trim() || undefined)
    setBusy(false)
    if (!result.ok) {
      setError(explain(result.error))
      return
    }
    setError(null)
    setWord('')
    setLike('')
  }

  const handleRemove = async (w: string): Promise<void> => {
    const result = await removeFromWordList(w)
    setError(result.ok ? null : explain(result.error))
  }

  return (
    <fieldset className="settings-group word-list-settings">
      <legend className="field-label">{t('spellingMenu.wordList')}</legend>
      <p className="muted small-text">{t('spellingMenu.wordListHint')}</p>
      <form className="word-list-add" onSubmit={(e) => void handleAdd(e)}>
        <label className="field compact">
          <span className="field-label">{t('spellingMenu.newWord')}</span>
          <input className="input" value={word} onChange={(e) => setWord(e.target.value)} />
        </label>
        <label className="field compact">
          <span className="field-label">{t('spellingMenu.likeWord')}</span>
          <input
            className="input"
            placeholder="Hamburg"
            value={like}
            onChange={(e) => setLike(e.target.value)}
          />
        </label>
        <button type="submit" className="ghost" disabled={isBusy || !word.trim()}>
          {t('spellingMenu.add')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {words && words.length === 0 && <p className="muted small-text">{t('spellingMenu.empty')}</p>}
      {words && words.length > 0 && (
        <ul className="word-list" aria-label={t('spellingMenu.wordList')}>
          {words.map((w) => (
            <li key={w}>
              <span>{w}</span>
              <button
                type="button"
                className="link-button small-text"
                aria-label={t('spellingMenu.remove', { word: w })}
                onClick={() => void handleRemove(w)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
