import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleLanguage } from '../../../../shared/article'
import { type BodyStats, createBodyStatsCounter } from '../../../../shared/editor/bodyStats'

function sameStats(a: BodyStats | null, b: BodyStats): boolean {
  return (
    a !== null &&
    a.words === b.words &&
    a.characters === b.characters &&
    a.charactersWithoutSpaces === b.charactersWithoutSpaces &&
    a.readingMinutes === b.readingMinutes
  )
}

/**
 * Words, characters (with and without spaces) and reading time of the body, live. Counts at most
 * once per animation frame, after the editor's `update` (a counter that re-counts only the
 * blocks that changed), and re-renders only this line, never the editor.
 */
export function BodyStatsLine({
  editor,
  language
}: {
  editor: Editor
  language: ArticleLanguage
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [stats, setStats] = useState<BodyStats | null>(null)

  useEffect(() => {
    const count = createBodyStatsCounter(language)
    let frame = 0
    let task: ReturnType<typeof setTimeout> | null = null
    const run = (): void => {
      task = null
      const next = count(editor.state.doc)
      setStats((previous) => (sameStats(previous, next) ? previous : next))
    }
    // At most once per frame, and after the frame that shows the keystroke (the task after the
    // animation frame), so counting never delays what the reporter sees typed.
    const schedule = (): void => {
      if (frame !== 0 || task !== null) return
      frame = requestAnimationFrame(() => {
        frame = 0
        task = setTimeout(run, 0)
      })
    }
    // The first count of a long article waits until the editor is up and idle.
    const first = setTimeout(run, 150)
    editor.on('update', schedule)
    return () => {
      editor.off('update', schedule)
      clearTimeout(first)
      if (frame) cancelAnimationFrame(frame)
      if (task) clearTimeout(task)
    }
  }, [editor, language])

  if (!stats) return <p className="body-stats" />
  const number = new Intl.NumberFormat(i18n.language === 'de' ? 'de-DE' : 'en-GB')
  return (
    <p className="body-stats">
      <span>{t('desk.words', { count: stats.words, formatted: number.format(stats.words) })}</span>
      <span>
        {t('desk.characters', {
          count: stats.characters,
          formatted: number.format(stats.characters)
        })}
      </span>
      <span>
        {t('desk.charactersWithoutSpaces', {
          formatted: number.format(stats.charactersWithoutSpaces)
        })}
      </span>
      <span>{t('desk.readingTime', { count: stats.readingMinutes })}</span>
    </p>
  )
}
