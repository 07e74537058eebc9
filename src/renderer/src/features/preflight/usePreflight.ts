import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Finding } from '../../../../shared/preflight/finding'
import type { UiLanguage } from '../../../../shared/settings'
import { appErrorMessage } from '../../lib/bridgeError'
import { newsroom } from '../../lib/newsroom'

export type PreflightState =
  | { kind: 'running'; findings: Finding[] }
  | { kind: 'ready'; findings: Finding[] }
  | { kind: 'error'; message: string; findings: Finding[] }

/**
 * The checks for the saved state of an article, re-run whenever a save lands (`revision`
 * changes) — at most one run in flight; a newer revision wins.
 */
export function usePreflight(
  articleId: string,
  revision: number,
  language: UiLanguage
): PreflightState {
  const { t } = useTranslation()
  const [state, setState] = useState<PreflightState>({ kind: 'running', findings: [] })
  useEffect(() => {
    let isCurrent = true
    const timer = setTimeout(() => {
      setState((s) => ({ kind: 'running', findings: s.findings }))
      void newsroom.runPreflight({ id: articleId, language }).then((result) => {
        if (!isCurrent) return
        setState((s) =>
          result.ok
            ? { kind: 'ready', findings: result.value }
            : {
                kind: 'error',
                // The core's message is English; the panel speaks the interface language.
                message: appErrorMessage(result.error, t, language),
                findings: s.findings
              }
        )
      })
    }, 250)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [articleId, revision, language, t])
  return state
}
