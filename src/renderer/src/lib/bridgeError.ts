import type { TFunction } from 'i18next'
import type { AppError, ErrorCode } from '../../../shared/result'

/**
 * A refusal from main, as the contract says it: the code (`conflict`, `not-found`, …), the
 * user-readable message and any detail (a conflict's current revision, an export's findings).
 */
export class BridgeError extends Error {
  readonly code: ErrorCode
  readonly detail: Record<string, unknown> | undefined

  constructor(error: AppError) {
    super(error.message)
    this.name = 'BridgeError'
    this.code = error.code
    this.detail = error.detail
  }
}

/** The words to show for a failure: a bridge refusal's message, else the error's own. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

/** The contract's code of a failure, or null when it did not come from main. */
export function errorCode(error: unknown): ErrorCode | null {
  return error instanceof BridgeError ? error.code : null
}

const KNOWN_CODES: readonly string[] = [
  'invalid-input',
  'not-found',
  'conflict',
  'locked',
  'corrupt',
  'io',
  'forbidden',
  'internal'
] satisfies ErrorCode[]

/**
 * A refusal from main (a Result's error, an export job's error) as a sentence in the interface
 * language: the core's messages are English and written for logs and the CLI, so the German
 * interface says it by the error's code instead. The English interface adds the core's own words
 * where they name what to fix (an input that was refused).
 */
export function appErrorMessage(
  error: { code: string; message: string },
  t: TFunction,
  language: string
): string {
  const code = KNOWN_CODES.includes(error.code) ? error.code : 'unknown'
  const sentence = t(`errors.code.${code}`)
  if (code === 'invalid-input' && !language.startsWith('de')) return `${sentence} ${error.message}`
  return sentence
}

/**
 * Why something failed, as a sentence in the interface language (see appErrorMessage); anything
 * that did not come from the core (a lost connection, a bug) reads as unexpected.
 */
export function userMessage(error: unknown, t: TFunction, language: string): string {
  if (error instanceof BridgeError) return appErrorMessage(error, t, language)
  return t('errors.code.unknown')
}
