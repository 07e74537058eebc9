import type { NewsroomApi } from '../../../shared/ipc'
import type { Result } from '../../../shared/result'
import { BridgeError } from './bridgeError'

/** The one import point for the bridge (Electron's preload or the test harness provides it). */
export const newsroom: NewsroomApi = window.newsroom

/** Unwraps a bridge Result, throwing a BridgeError with the user-readable message on failure. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new BridgeError(result.error)
  return result.value
}
