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
