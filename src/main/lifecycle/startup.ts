import { CopydeskError } from '../../shared/result'

/**
 * Opens the library, retrying while another process holds its lock: a `copydesk` command writing
 * as the app starts usually finishes within a second or two. Other failures are not retried.
 */
export async function openWithRetry<T>(
  open: () => Promise<T>,
  opts: { retryForMs: number; intervalMs: number; sleep?: (ms: number) => Promise<void> }
): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const deadline = Date.now() + opts.retryForMs
  for (;;) {
    try {
      return await open()
    } catch (error) {
      const locked = error instanceof CopydeskError && error.code === 'locked'
      if (!locked || Date.now() + opts.intervalMs > deadline) throw error
      await sleep(opts.intervalMs)
    }
  }
}

/** The dialog a failed start shows before the app exits. */
export interface StartFailure {
  title: string
  message: string
  detail: string
}

interface LockHolder {
  pid: number
  host: string
  mode?: string
}

function holderOf(error: unknown): LockHolder | null {
  if (!(error instanceof CopydeskError) || error.code !== 'locked') return null
  const holder = error.detail?.['holder'] as Partial<LockHolder> | undefined
  if (!holder || typeof holder.pid !== 'number' || typeof holder.host !== 'string') return null
  return { pid: holder.pid, host: holder.host, mode: holder.mode }
}

/**
 * Words for a start that failed: a library held by another process names that process (pid and
 * host) and says what to do; anything else says which library and why.
 */
export function describeStartFailure(
  error: unknown,
  libraryDir: string,
  t: (key: string, params?: Record<string, string | number>) => string
): StartFailure {
  const holder = holderOf(error)
  if (holder) {
    const who = t(holder.mode === 'app' ? 'shell.holderApp' : 'shell.holderCommand', {
      pid: holder.pid,
      host: holder.host
    })
    return {
      title: t('shell.libraryInUseTitle'),
      message: t('shell.libraryInUse', { dir: libraryDir, holder: who }),
      detail: t('shell.libraryInUseDetail')
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  return {
    title: t('shell.startFailedTitle'),
    message: t('shell.startFailed', { dir: libraryDir }),
    detail: t('shell.startFailedDetail', { message })
  }
}
