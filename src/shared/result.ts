/** Error codes shared by IPC, the CLI (mapped to exit codes) and the renderer. */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'locked'
  | 'corrupt'
  | 'io'
  | 'forbidden'
  | 'internal'

export interface AppError {
  code: ErrorCode
  /** A user-readable message that says what went wrong and where. */
  message: string
  /** Optional structured detail (e.g. the current revision on a conflict). */
  detail?: Record<string, unknown>
}

/** The outcome of every bridge call: never a thrown error across the process boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(
  code: ErrorCode,
  message: string,
  detail?: Record<string, unknown>
): Result<T> {
  return { ok: false, error: detail ? { code, message, detail } : { code, message } }
}

/** An error that carries an ErrorCode through service code; handlers turn it into a Result. */
export class CopydeskError extends Error {
  readonly code: ErrorCode
  readonly detail?: Record<string, unknown>

  constructor(code: ErrorCode, message: string, detail?: Record<string, unknown>) {
    super(message)
    this.name = 'CopydeskError'
    this.code = code
    this.detail = detail
  }
}

/** CLI exit codes (a contract): 0 ok, 1 findings, 2 usage, 3 not found, 4 conflict/locked, 5 corrupt/io. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid-input':
      return 2
    case 'not-found':
      return 3
    case 'conflict':
    case 'locked':
      return 4
    case 'corrupt':
    case 'io':
    case 'internal':
    case 'forbidden':
      return 5
  }
}
