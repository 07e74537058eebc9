import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Finding, FindingWhere } from '../../../../shared/preflight/finding'
import { newsroom } from '../../lib/newsroom'
import type { PreflightState } from './usePreflight'

interface PreflightPanelProps {
  state: PreflightState
  /** Move the cursor to the field, node, gallery item or asset a finding points at. */
  onJump(where: FindingWhere): void
  /** After a word was added to the newsroom word list. */
  onWordAdded(): void
}

/** Entries rendered at first and per "show more": a pasted list of names can give 100,000. */
const PAGE = 200

/** The copy desk's checklist beside the editor: errors first, each one a button that jumps. */
export function PreflightPanel({
  state,
  onJump,
  onWordAdded
}: PreflightPanelProps): React.JSX.Element {
  const { t } = useTranslation()
  const [shown, setShown] = useState(PAGE)
  const errors = state.findings.filter((f) => f.severity === 'error')
  const warnings = state.findings.filter((f) => f.severity === 'warning')
  const ordered = [...errors, ...warnings]

  const handleAddWord = (finding: Finding): void => {
    if (!finding.word) return
    void newsroom.addSpellingWord({ word: finding.word }).then((r) => r.ok && onWordAdded())
  }

  return (
    <section className="checks" aria-labelledby="checks-title">
      <header className="checks-head">
        <h2 id="checks-title">{t('checks.title')}</h2>
        <p className="checks-summary" aria-live="polite">
          {state.kind === 'running' && ordered.length === 0
            ? t('checks.running')
            : ordered.length === 0
              ? t('checks.none')
              : [
                  errors.length ? t('checks.errors', { count: errors.length }) : null,
                  warnings.length ? t('checks.warnings', { count: warnings.length }) : null
                ]
                  .filter(Boolean)
                  .join(' · ')}
        </p>
      </header>
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {t('checks.failed', { message: state.message })}
        </p>
      )}
      {ordered.length > 0 && (
        <ul className="check-list">
          {ordered.slice(0, shown).map((finding, i) => (
            <li key={`${finding.code}-${i}`} className={`check check-${finding.severity}`}>
              <button type="button" className="check-jump" onClick={() => onJump(finding.where)}>
                <span className="check-badge">
                  {finding.severity === 'error' ? t('checks.error') : t('checks.warning')}
                </span>
                <span className="check-message">
                  {finding.message}
                  {finding.count !== undefined && finding.count > 1 && (
                    <span className="check-count">
                      {' '}
                      {t('checks.occurrences', { count: finding.count })}
                    </span>
                  )}
                </span>
              </button>
              {finding.code === 'spelling' && finding.word && (
                <div className="check-extra">
                  {finding.suggestions && finding.suggestions.length > 0 && (
                    <span className="muted">
                      {t('checks.suggestions', { list: finding.suggestions.join(', ') })}
                    </span>
                  )}
                  <button
                    type="button"
                    className="link-button small-text"
                    onClick={() => handleAddWord(finding)}
                  >
                    {t('checks.addWord', { word: finding.word })}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {ordered.length > shown && (
        <button
          type="button"
          className="link-button small-text"
          onClick={() => setShown((n) => n + PAGE)}
        >
          {t('checks.more', { count: Math.min(PAGE, ordered.length - shown) })}
        </button>
      )}
    </section>
  )
}
