import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface ErrorBoundaryProps {
  /** A new key (another route, another article) clears a caught error and renders again. */
  resetKey: string
  /** What stands in for the failed children; `retry` renders them once more. */
  fallback: (error: Error, retry: () => void) => ReactNode
  children: ReactNode
}

interface ErrorBoundaryState {
  error: Error | null
  key: string
}

/**
 * Catches an error thrown while rendering one screen, so a bad value in one article shows a
 * message in that screen instead of leaving the whole window blank (React unmounts the entire
 * tree on an uncaught render error, and a reload renders the same data again).
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { error: null, key: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState
  ): Partial<ErrorBoundaryState> | null {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey }
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is where a developer (and the Electron log) finds the component stack.
    console.error('A screen failed to render:', error, info.componentStack)
  }

  private readonly retry = (): void => this.setState({ error: null })

  render(): ReactNode {
    return this.state.error
      ? this.props.fallback(this.state.error, this.retry)
      : this.props.children
  }
}

export interface ScreenErrorProps {
  error: Error
  /** The sentence that says what could not be shown. */
  message: string
  onRetry: () => void
  /** Leaves the failed screen (to the library); left out on the library itself. */
  onBack?: () => void
}

/** The message a failed screen shows: what failed, the technical detail, and a way out. */
export function ScreenError({
  error,
  message,
  onRetry,
  onBack
}: ScreenErrorProps): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <section
      className="screen-error notice notice-warn"
      role="alert"
      aria-labelledby="screen-error-title"
    >
      <h1 id="screen-error-title">{t('screenError.title')}</h1>
      <p>{message}</p>
      <p className="muted">{t('screenError.detail', { message: error.message })}</p>
      <div className="head-actions">
        {onBack && (
          <button type="button" className="primary" onClick={onBack}>
            {t('app.back')}
          </button>
        )}
        <button type="button" className="ghost" onClick={onRetry}>
          {t('screenError.retry')}
        </button>
      </div>
    </section>
  )
}
