import { useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { Finding } from '../../../shared/preflight/finding'
import { ConflictBanner } from '../features/history/ConflictBanner'
import { PreflightPanel, type PreflightActions } from '../features/preflight/PreflightPanel'
import { usePreflight } from '../features/preflight/usePreflight'
import { wordStops } from '../features/preflight/wordPlaces'
import { uiLanguageFor } from '../../../shared/i18n'
import type { AutosaveController } from './autosaveController'
import { countWordAt, jumpTo, wordPlaceOf, type JumpContext, type SideSection } from './deskJump'
import {
  addToWordList,
  ignoreOnce,
  isIgnoredOnce,
  onSpellingChange,
  placeIdentity,
  replaceWordAt
} from './spelling/spellingActions'
import type { SaveStateSource } from './useAutosave'
import '../features/preflight/preflight.css'
import '../features/history/history.css'

/** How the checks reach into the desk: the jump, and fixes that change a field's value. */
export interface DeskChecksContext extends JumpContext {
  /**
   * Applies a finding's one-click fix (typography: its corrected text) to the place it points
   * at; null while no fix is available.
   */
  fix: ((finding: Finding) => void) | null
}

/**
 * The checks beside the editor. They re-run when a save lands (the revision changes), so only
 * this panel re-renders on saves, never the desk around the editor.
 */
export function DeskChecks({
  articleId,
  status,
  controller,
  context,
  isOpen,
  onToggle
}: {
  articleId: string
  status: SaveStateSource
  controller: AutosaveController
  context: DeskChecksContext
  isOpen: boolean
  onToggle(): void
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const revision = useSyncExternalStore(status.subscribe, () => controller.baseRevision)
  const [wordsAdded, setWordsAdded] = useState(0)
  const [, setIgnored] = useState(0)
  const state = usePreflight(articleId, revision + wordsAdded * 1e9, uiLanguageFor(i18n.language))
  useEffect(
    () =>
      onSpellingChange((change) =>
        change.kind === 'words' ? setWordsAdded((n) => n + 1) : setIgnored((n) => n + 1)
      ),
    []
  )
  const { editor } = context
  const actions: PreflightActions = {
    jump: (where, word) => void jumpTo(where, context, word),
    spotsOf: (finding) => {
      const word = finding.word ?? ''
      const spots = wordStops(finding.places ?? [finding.where], (where) =>
        countWordAt(where, word, editor)
      )
      return spots.filter((spot) => {
        const place = wordPlaceOf(spot.where, { word, nth: spot.nth }, editor)
        if (!place) return true
        const { key, occurrence } = placeIdentity(place)
        return !isIgnoredOnce(key, word, occurrence)
      })
    },
    replaceWord: (spot, word, replacement) =>
      void jumpTo(spot.where, context, { word, nth: spot.nth }).then(() => {
        const place = wordPlaceOf(spot.where, { word, nth: spot.nth }, editor)
        if (place) replaceWordAt(place, replacement)
      }),
    ignoreOnce: (spot, word) => {
      const place = wordPlaceOf(spot.where, { word, nth: spot.nth }, editor)
      if (place) ignoreOnce(place)
    },
    addWord: (word) => void addToWordList(word),
    fix: context.fix
  }
  const errors = state.findings.filter((f) => f.severity === 'error').length
  const warnings = state.findings.length - errors
  return (
    <SideSectionBox
      id="checks"
      title={t('checks.title')}
      isOpen={isOpen}
      onToggle={onToggle}
      badge={
        <span className="side-section-badge">
          {errors > 0 && (
            <span className="badge-error">{t('checks.errors', { count: errors })}</span>
          )}
          {warnings > 0 && (
            <span className="badge-warning">{t('checks.warnings', { count: warnings })}</span>
          )}
        </span>
      }
    >
      <PreflightPanel state={state} actions={actions} />
    </SideSectionBox>
  )
}

/**
 * A collapsible part of the side column: a heading whose button opens and closes it (keyboard
 * reachable, `aria-expanded`), and its content, kept mounted while closed so nothing typed in it
 * is lost and a jump can open it and find its inputs at once.
 */
export function SideSectionBox({
  id,
  title,
  badge,
  isOpen,
  onToggle,
  children
}: {
  id: SideSection
  title: string
  badge?: React.ReactNode
  isOpen: boolean
  onToggle(): void
  children: React.ReactNode
}): React.JSX.Element {
  const headId = `side-${id}-head`
  // Only the checks are a landmark ("Checks"): named regions around the fields would compete
  // with the fields' own labels ("Byline and dateline" against "Byline").
  return (
    <section
      className={`side-section side-section-${id}`}
      aria-label={id === 'checks' ? title : undefined}
    >
      <h2 className="side-section-title">
        <button
          type="button"
          id={headId}
          className="side-section-head"
          aria-expanded={isOpen}
          aria-controls={`side-${id}`}
          onClick={onToggle}
        >
          <span className="disclosure" aria-hidden="true">
            {isOpen ? '▾' : '▸'}
          </span>
          <span className="side-section-name">{title}</span>
          {badge}
        </button>
      </h2>
      <div id={`side-${id}`} className="side-section-body" hidden={!isOpen}>
        {children}
      </div>
    </section>
  )
}

/** The conflict banner, shown while the last save was refused as stale. */
export function DeskConflict({
  status,
  onReloadTheirs,
  onKeepMine
}: {
  status: SaveStateSource
  onReloadTheirs(): void
  onKeepMine(): Promise<void>
}): React.JSX.Element | null {
  const state = useSyncExternalStore(status.subscribe, status.get)
  if (state.kind !== 'error' || state.code !== 'conflict') return null
  return <ConflictBanner onReloadTheirs={onReloadTheirs} onKeepMine={onKeepMine} />
}

const SECTIONS_KEY = 'copydesk.closedSideSections'

function readClosed(): Set<SideSection> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(SECTIONS_KEY) ?? '[]')
    return new Set(Array.isArray(value) ? (value as SideSection[]) : [])
  } catch {
    return new Set()
  }
}

/**
 * Which side sections are open (all at first); a section the writer closed stays closed in the
 * next article and the next session.
 */
export function useSideSections(): {
  isOpen(id: SideSection): boolean
  toggle(id: SideSection): void
  open(id: SideSection): void
} {
  const [closed, setClosed] = useState<ReadonlySet<SideSection>>(readClosed)
  const change = (id: SideSection, isClosed: boolean): void =>
    setClosed((set) => {
      if (set.has(id) === isClosed) return set
      const next = new Set(set)
      if (isClosed) next.add(id)
      else next.delete(id)
      try {
        localStorage.setItem(SECTIONS_KEY, JSON.stringify([...next]))
      } catch {
        // A full or refused storage only costs the remembering.
      }
      return next
    })
  return {
    isOpen: (id) => !closed.has(id),
    toggle: (id) => change(id, !closed.has(id)),
    open: (id) => change(id, false)
  }
}
