import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { appErrorMessage } from '../../lib/bridgeError'
import { newsroom } from '../../lib/newsroom'
import { addToWordList, ignoreOnce, replaceWordAt } from './spellingActions'
import {
  closeSpellingMenu,
  spellingMenuRequest,
  subscribeSpellingMenu,
  type SpellingMenuRequest
} from './spellingMenuStore'
import './spelling.css'

/**
 * The spelling menu of the desk (one for the body and every field): mounted once, it shows
 * whenever a right click, the Menu key or Shift+F10 lands on an underlined word.
 */
export function SpellingMenuHost(): React.JSX.Element | null {
  const request = useSyncExternalStore(subscribeSpellingMenu, spellingMenuRequest)
  if (!request) return null
  return createPortal(<SpellingMenu key={request.id} request={request} />, document.body)
}

const GAP = 4

function SpellingMenu({ request }: { request: SpellingMenuRequest }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const { place, anchor, language } = request
  const [suggestions, setSuggestions] = useState<string[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)
  const menuRef = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState({ left: anchor.left, top: anchor.bottom + GAP })

  useEffect(() => {
    let isLive = true
    void newsroom.checkSpelling({ text: place.word, language }).then((result) => {
      if (!isLive) return
      setSuggestions(result.ok ? (result.value[0]?.suggestions ?? []) : [])
    })
    return () => {
      isLive = false
    }
  }, [place.word, language])

  // Inside the window: above the word when there is no room below, never past the right edge.
  useLayoutEffect(() => {
    const menu = menuRef.current
    if (!menu) return
    const { width, height } = menu.getBoundingClientRect()
    const left = Math.max(GAP, Math.min(anchor.left, window.innerWidth - width - GAP))
    const below = anchor.bottom + GAP
    const top =
      below + height > window.innerHeight ? Math.max(GAP, anchor.top - height - GAP) : below
    setPosition((p) => (p.left === left && p.top === top ? p : { left, top }))
  }, [anchor, suggestions, error])

  // The first item takes the focus once the suggestions are there (the menu holds it before).
  useLayoutEffect(() => {
    const menu = menuRef.current
    if (!menu) return
    if (document.activeElement === menu || !menu.contains(document.activeElement)) {
      const first = menu.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')
      ;(suggestions === null ? menu : (first ?? menu)).focus()
    }
  }, [suggestions])

  useEffect(() => {
    const handleDown = (e: MouseEvent): void => {
      if (!menuRef.current?.contains(e.target as Node)) closeSpellingMenu()
    }
    const handleResize = (): void => closeSpellingMenu()
    document.addEventListener('mousedown', handleDown, true)
    window.addEventListener('resize', handleResize)
    return () => {
      document.removeEventListener('mousedown', handleDown, true)
      window.removeEventListener('resize', handleResize)
    }
  }, [])

  const closeAndReturn = (): void => {
    closeSpellingMenu()
    request.restoreFocus()
  }

  const handleReplace = (suggestion: string): void => {
    closeSpellingMenu()
    if (!replaceWordAt(place, suggestion)) request.restoreFocus()
  }

  const handleIgnore = (): void => {
    closeSpellingMenu()
    ignoreOnce(place)
    request.restoreFocus()
  }

  const handleAdd = async (): Promise<void> => {
    setBusy(true)
    const result = await addToWordList(place.word)
    setBusy(false)
    if (result.ok) closeAndReturn()
    else {
      const message = appErrorMessage(result.error, t, i18n.language)
      setError(t('spellingMenu.addFailed', { word: place.word, message }))
    }
  }

  const handleKeyDown = (e: React.KeyboardEvent): void => {
    const items = [
      ...(menuRef.current?.querySelectorAll<HTMLElement>(
        '[role="menuitem"]:not([aria-disabled="true"])'
      ) ?? [])
    ]
    const at = items.indexOf(document.activeElement as HTMLElement)
    const move = (to: number): void => {
      e.preventDefault()
      items[(to + items.length) % items.length]?.focus()
    }
    if (e.key === 'ArrowDown') move(at + 1)
    else if (e.key === 'ArrowUp') move(at < 0 ? items.length - 1 : at - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(items.length - 1)
    else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault()
      closeAndReturn()
    }
  }

  return (
    <div
      ref={menuRef}
      className="spelling-menu"
      role="menu"
      tabIndex={-1}
      aria-label={t('spellingMenu.label', { word: place.word })}
      style={{ left: position.left, top: position.top }}
      onKeyDown={handleKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {suggestions === null ? (
        <div className="spelling-menu-note" role="menuitem" aria-disabled="true">
          {t('spellingMenu.loading')}
        </div>
      ) : suggestions.length === 0 ? (
        <div className="spelling-menu-note" role="menuitem" aria-disabled="true">
          {t('spellingMenu.noSuggestions')}
        </div>
      ) : (
        suggestions.map((s) => (
          <button
            key={s}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="spelling-menu-item is-suggestion"
            onClick={() => handleReplace(s)}
          >
            {s}
          </button>
        ))
      )}
      <div className="spelling-menu-separator" role="separator" />
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className="spelling-menu-item"
        onClick={handleIgnore}
      >
        {t('spellingMenu.ignoreOnce')}
      </button>
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className="spelling-menu-item"
        aria-disabled={isBusy || undefined}
        onClick={() => void (isBusy ? undefined : handleAdd())}
      >
        {t('spellingMenu.addWord')}
      </button>
      {error && (
        <p className="spelling-menu-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
