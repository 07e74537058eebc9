import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Finding, FindingWhere } from '../../../../shared/preflight/finding'
import {
  CHECK_FILTERS,
  filterCounts,
  filterFindings,
  groupFindings,
  type CheckFilter,
  type CheckItem,
  type CheckSection
} from './groupFindings'
import type { PreflightState } from './usePreflight'
import type { WordStop } from './wordPlaces'

/** One occurrence of a misspelt word: a place and which occurrence of the word in it. */
export type WordSpot = WordStop<FindingWhere>

/** What the panel asks of the desk around it. */
export interface PreflightActions {
  /** Move the focus to the input a finding points at (and select the word's occurrence). */
  jump(where: FindingWhere, word?: { word: string; nth: number }): void
  /** Every occurrence of a spelling finding's word, in reading order, as the text is now. */
  spotsOf(finding: Finding): WordSpot[]
  /** Replace the word at one occurrence with a suggestion. */
  replaceWord(spot: WordSpot, word: string, replacement: string): void
  /** Stop flagging the word at this one occurrence. */
  ignoreOnce(spot: WordSpot, word: string): void
  /** Add the word to the newsroom word list. */
  addWord(word: string): void
  /** Apply a finding's corrected text (typography), or null when it has no one-click fix. */
  fix: ((finding: Finding) => void) | null
}

interface PreflightPanelProps {
  state: PreflightState
  actions: PreflightActions
}

/** Entries rendered at first and per "show more": a pasted list of names can give 100,000. */
const PAGE = 200

const isFixable = (finding: Finding): boolean =>
  (finding.code as string) === 'typography' && typeof finding.suggestions?.[0] === 'string'

/**
 * The copy desk's checklist: a filter (all, errors, warnings, spelling), then collapsible
 * sections, errors first, an image's findings under its name, one entry per misspelt word that
 * walks through its places on repeated clicks, with its suggestions as buttons. The list scrolls
 * on its own, so it never pushes the rest of the side column away.
 */
export function PreflightPanel({ state, actions }: PreflightPanelProps): React.JSX.Element {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<CheckFilter>('all')
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const [shown, setShown] = useState<Record<string, number>>({})
  // The occurrence of each misspelt word the writer last jumped to.
  const [spotOf, setSpotOf] = useState<Record<string, number>>({})

  const counts = useMemo(() => filterCounts(state.findings), [state.findings])
  const sections = useMemo(
    () => groupFindings(filterFindings(state.findings, filter)),
    [state.findings, filter]
  )
  const errors = state.findings.filter((f) => f.severity === 'error').length
  const warnings = state.findings.length - errors

  const toggle = (key: string): void =>
    setCollapsed((set) => {
      const next = new Set(set)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })

  const handleWordClick = (finding: Finding): void => {
    const word = finding.word ?? ''
    const spots = actions.spotsOf(finding)
    if (spots.length === 0) {
      actions.jump(finding.where)
      return
    }
    const next = ((spotOf[word] ?? -1) + 1) % spots.length
    setSpotOf((s) => ({ ...s, [word]: next }))
    const spot = spots[next]!
    actions.jump(spot.where, { word, nth: spot.nth })
  }

  /** The occurrence the suggestion buttons act on: the one last jumped to, else the first. */
  const currentSpot = (finding: Finding): WordSpot | undefined => {
    const spots = actions.spotsOf(finding)
    return spots[Math.min(spotOf[finding.word ?? ''] ?? 0, spots.length - 1)]
  }

  const renderFinding = (finding: Finding, isInGroup: boolean): React.JSX.Element => {
    const word = finding.word
    const spellingSpot = word !== undefined ? spotOf[word] : undefined
    const total = finding.count ?? 1
    const severity = finding.severity === 'error' ? t('checks.error') : t('checks.warning')
    // Under its image's name, a finding need not name the image again ("has no credit."); its
    // accessible name still says it all, severity first, even where the badge is not shown.
    const shortMessage =
      isInGroup && finding.subject && finding.message.startsWith(finding.subject)
        ? finding.message.slice(finding.subject.length).replace(/^[\s:,]+/u, '')
        : null
    return (
      <div className={`check check-${finding.severity}${isInGroup ? ' in-group' : ''}`}>
        <button
          type="button"
          className="check-jump"
          onClick={() => (word ? handleWordClick(finding) : actions.jump(finding.where))}
        >
          <span className="check-badge">{severity}</span>
          <span className="check-message">
            {shortMessage === null ? (
              finding.message
            ) : (
              <>
                <span className="sr-only">
                  {finding.message.slice(0, finding.message.length - shortMessage.length)}
                </span>
                {shortMessage}
              </>
            )}
            {finding.count !== undefined && finding.count > 1 && (
              <span className="check-count"> {t('checks.occurrences', { count: total })}</span>
            )}
            {spellingSpot !== undefined && total > 1 && (
              <span className="check-place">
                {' · '}
                {t('checks.place', { n: spellingSpot + 1, count: total })}
              </span>
            )}
          </span>
        </button>
        {word && renderSpellingActions(finding, word)}
        {isFixable(finding) && actions.fix && (
          <div className="check-extra">
            <button
              type="button"
              className="small check-action"
              title={t('checks.fixTo', { text: finding.suggestions?.[0] ?? '' })}
              onClick={() => actions.fix?.(finding)}
            >
              {t('checks.fix')}
            </button>
            <span className="muted check-fix-preview">{finding.suggestions?.[0]}</span>
          </div>
        )}
      </div>
    )
  }

  const renderSpellingActions = (finding: Finding, word: string): React.JSX.Element => {
    const suggestions = finding.suggestions ?? []
    const act = (run: (spot: WordSpot) => void): void => {
      const spot = currentSpot(finding)
      if (spot) run(spot)
    }
    return (
      <div className="check-extra check-actions">
        {suggestions.slice(0, 5).map((s) => (
          <button
            key={s}
            type="button"
            className="small check-action check-suggestion"
            aria-label={t('checks.replaceWith', { word: s })}
            onClick={() => act((spot) => actions.replaceWord(spot, word, s))}
          >
            {s}
          </button>
        ))}
        <button
          type="button"
          className="small ghost check-action"
          onClick={() => act((spot) => actions.ignoreOnce(spot, word))}
        >
          {t('checks.ignoreOnce')}
        </button>
        <button
          type="button"
          className="small ghost check-action"
          aria-label={t('checks.addWord', { word })}
          onClick={() => actions.addWord(word)}
        >
          {t('checks.addToList')}
        </button>
      </div>
    )
  }

  const renderItem = (item: CheckItem): React.JSX.Element | null => {
    if (item.kind === 'single') {
      // A word ignored at every place it stands is done with.
      if (item.finding.word && actions.spotsOf(item.finding).length === 0) return null
      return <li key={item.key}>{renderFinding(item.finding, false)}</li>
    }
    const key = `image:${item.key}`
    const isOpen = !collapsed.has(key)
    const worst = item.findings[0]!.severity
    return (
      <li key={item.key} className={`check-group check-group-${worst}`}>
        <button
          type="button"
          className="check-group-head"
          aria-expanded={isOpen}
          onClick={() => toggle(key)}
        >
          <span className="disclosure" aria-hidden="true">
            {isOpen ? '▾' : '▸'}
          </span>
          <span className="check-group-title">{item.subject}</span>{' '}
          <span className="check-count">
            · {t('checks.imageChecks', { count: item.findings.length })}
          </span>
        </button>
        {isOpen && (
          <ul className="check-list nested">
            {item.findings.map((f, i) => (
              <li key={i}>{renderFinding(f, true)}</li>
            ))}
          </ul>
        )}
      </li>
    )
  }

  const renderSection = (section: CheckSection): React.JSX.Element => {
    const key = `section:${section.id}`
    const isOpen = !collapsed.has(key)
    const limit = shown[section.id] ?? PAGE
    const headId = `checks-section-${section.id}`
    return (
      <section key={section.id} className="check-section" aria-labelledby={headId}>
        <h3 className="check-section-title">
          <button
            type="button"
            id={headId}
            className="check-section-head"
            aria-expanded={isOpen}
            aria-controls={`${headId}-list`}
            onClick={() => toggle(key)}
          >
            <span className="disclosure" aria-hidden="true">
              {isOpen ? '▾' : '▸'}
            </span>
            {t(`checks.section_${section.id}`)}
            <span className="check-count"> ({section.count})</span>
          </button>
        </h3>
        <ul className="check-list" id={`${headId}-list`} hidden={!isOpen}>
          {isOpen && section.items.slice(0, limit).map(renderItem)}
        </ul>
        {isOpen && section.items.length > limit && (
          <button
            type="button"
            className="link-button small-text"
            onClick={() => setShown((s) => ({ ...s, [section.id]: limit + PAGE }))}
          >
            {t('checks.more', { count: Math.min(PAGE, section.items.length - limit) })}
          </button>
        )}
      </section>
    )
  }

  return (
    <div className="checks">
      {/* The section's head shows the counts; this line announces them as they change. */}
      <p
        className={`checks-summary${state.findings.length > 0 ? ' sr-only' : ''}`}
        aria-live="polite"
      >
        {state.kind === 'running' && state.findings.length === 0
          ? t('checks.running')
          : state.findings.length === 0
            ? t('checks.none')
            : [
                errors ? t('checks.errors', { count: errors }) : null,
                warnings ? t('checks.warnings', { count: warnings }) : null
              ]
                .filter(Boolean)
                .join(' · ')}
      </p>
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {t('checks.failed', { message: state.message })}
        </p>
      )}
      {state.findings.length > 0 && (
        <>
          <div className="check-filters" role="group" aria-label={t('checks.show')}>
            {CHECK_FILTERS.map((f) => (
              <button
                key={f}
                type="button"
                className={`check-filter${filter === f ? ' is-current' : ''}`}
                aria-pressed={filter === f}
                disabled={f !== 'all' && counts[f] === 0}
                onClick={() => setFilter(f)}
              >
                {t(`checks.filter_${f}`, { count: counts[f] })}
              </button>
            ))}
          </div>
          {/* Keyboard users scroll it too: a scrolling region takes the focus. */}
          <div className="check-scroll" role="group" aria-label={t('checks.list')} tabIndex={0}>
            {sections.length === 0 ? (
              <p className="muted small-text">{t('checks.nothingHere')}</p>
            ) : (
              sections.map(renderSection)
            )}
          </div>
        </>
      )}
    </div>
  )
}
