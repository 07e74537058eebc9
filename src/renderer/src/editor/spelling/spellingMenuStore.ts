import type { ArticleLanguage } from '../../../../shared/article'
import type { WordPlace } from './spellingActions'

/** Where the menu opens: below the word (viewport coordinates). */
export interface MenuAnchor {
  left: number
  top: number
  bottom: number
}

/** One opening of the spelling menu on a misspelt word. */
export interface SpellingMenuRequest {
  id: number
  place: WordPlace
  anchor: MenuAnchor
  /** The article language (the suggestions come from its dictionary). */
  language: ArticleLanguage
  /** Puts the focus (and caret) back where it was when the menu opened. */
  restoreFocus(): void
}

let current: SpellingMenuRequest | null = null
let nextId = 1
const listeners = new Set<() => void>()

function notify(): void {
  for (const listener of [...listeners]) listener()
}

/** Opens the spelling menu (one at a time: a new one replaces the open one). */
export function openSpellingMenu(request: Omit<SpellingMenuRequest, 'id'>): void {
  current = { ...request, id: nextId++ }
  notify()
}

/** Closes the spelling menu, if open. */
export function closeSpellingMenu(): void {
  if (!current) return
  current = null
  notify()
}

/** The open menu's request (for useSyncExternalStore). */
export function spellingMenuRequest(): SpellingMenuRequest | null {
  return current
}

/** Subscribes to the menu opening and closing. */
export function subscribeSpellingMenu(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether a key press asks for the context menu: the Menu key or Shift+F10. */
export function isContextMenuKey(e: KeyboardEvent): boolean {
  if (e.key === 'ContextMenu') return !e.ctrlKey && !e.altKey && !e.metaKey
  return e.key === 'F10' && e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey
}

// The language the open article is checked in: the body's spelling extension sets it, and the
// text fields above and beside the body follow it.
let articleLanguage: ArticleLanguage = 'de'
const languageListeners = new Set<() => void>()

/** Sets the language the desk's fields are checked in (the body extension calls this). */
export function setDeskSpellingLanguage(language: ArticleLanguage): void {
  if (language === articleLanguage) return
  articleLanguage = language
  for (const listener of [...languageListeners]) listener()
}

/** The language the desk's fields are checked in. */
export function deskSpellingLanguage(): ArticleLanguage {
  return articleLanguage
}

/** Subscribes to language changes (for useSyncExternalStore). */
export function subscribeDeskSpellingLanguage(listener: () => void): () => void {
  languageListeners.add(listener)
  return () => languageListeners.delete(listener)
}
