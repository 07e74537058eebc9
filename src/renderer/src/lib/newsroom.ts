import type { NewsroomApi } from '../../../shared/ipc'
import type { Result } from '../../../shared/result'

/** The one import point for the bridge (Electron's preload or the test harness provides it). */
export const newsroom: NewsroomApi = window.newsroom

/** Unwraps a bridge Result, throwing an Error with the user-readable message on failure. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
  return result.value
}
