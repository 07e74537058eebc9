import type { Editor } from '@tiptap/core'
import type { TFunction } from 'i18next'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleLanguage } from '../../../../shared/article'
import { type BodyStats, createBodyStatsCounter } from '../../../../shared/editor/bodyStats'

/** While typing goes on, the counts follow at most this often (ms). */
const STATS_INTERVAL_MS = 250

function sameStats(a: BodyStats | null, b: BodyStats): boolean {
  return (
    a !== null &&
    a.words === b.words &&
    a.characters === b.characters &&
    a.charactersWithoutSpaces === b.charactersWithoutSpaces &&
    a.readingMinutes === b.readingMinutes
  )
}

type Say = (key: string, options: Record<string, string | number>) => string

/**
 * `t` that translates a phrase again only when its values changed: while typing, mostly the
 * character count does, and each i18next lookup costs more than counting a changed block.
 */
function memoizedT(t: TFunction): Say {
  const last = new Map<string, { args: string; text: string }>()
  return (key, options) => {
    const args = JSON.stringify(options)
    const known = last.get(key)
    if (known?.args === args) return known.text
    const text = t(key, options)
    last.set(key, { args, text })
    return text
  }
}

/** The four texts of the line, in the interface language. */
function statsTexts(stats: BodyStats, say: Say, number: Intl.NumberFormat): string[] {
  return [
    say('desk.words', { count: stats.words, formatted: number.format(stats.words) }),
    say('desk.characters', {
      count: stats.characters,
      formatted: number.format(stats.characters)
    }),
    say('desk.charactersWithoutSpaces', {
      formatted: number.format(stats.charactersWithoutSpaces)
    }),
    say('desk.readingTime', { count: stats.readingMinutes })
  ]
}

/**
 * Words, characters (with and without spaces) and reading time of the body, live.
 *
 * The line is written straight into its spans, not through React state: any React commit while
 * the body has the focus makes React measure the selection across the whole contenteditable
 * (every text node of a 20,000-word body), which cost more than the counting itself. Counting
 * runs in a task of its own after the keystroke, at most every `STATS_INTERVAL_MS` while typing
 * goes on (a counter that re-counts only the blocks that changed), and once more after it stops.
 */
export function BodyStatsLine({
  editor,
  language
}: {
  editor: Editor
  language: ArticleLanguage
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const lineRef = useRef<HTMLParagraphElement>(null)

  useEffect(() => {
    const line = lineRef.current
    if (!line) return
    const count = createBodyStatsCounter(language)
    const number = new Intl.NumberFormat(i18n.language === 'de' ? 'de-DE' : 'en-GB')
    const say = memoizedT(t)
    let shown: BodyStats | null = null
    let timer: ReturnType<typeof setTimeout> | null = null
    let lastRun = -Infinity
    const run = (): void => {
      timer = null
      lastRun = performance.now()
      const next = count(editor.state.doc)
      if (sameStats(shown, next)) return
      shown = next
      const texts = statsTexts(next, say, number)
      if (line.children.length !== texts.length) {
        line.replaceChildren(...texts.map(() => document.createElement('span')))
      }
      texts.forEach((text, i) => {
        const span = line.children[i]!
        if (span.textContent !== text) span.textContent = text
      })
    }
    const schedule = (): void => {
      if (timer !== null) return
      timer = setTimeout(run, Math.max(0, lastRun + STATS_INTERVAL_MS - performance.now()))
    }
    // The first count of a long article waits until the editor is up and idle.
    timer = setTimeout(run, 150)
    editor.on('update', schedule)
    return () => {
      editor.off('update', schedule)
      if (timer !== null) clearTimeout(timer)
    }
  }, [editor, language, t, i18n.language])

  return <p className="body-stats" ref={lineRef} />
}
