import type { AssetSummary } from '../../../../shared/asset'
import type { Result } from '../../../../shared/result'

/** What the store knows about one asset. */
export type AssetEntry =
  | { status: 'loading' }
  | { status: 'ready'; asset: AssetSummary }
  | { status: 'missing'; message: string }

/** A small cache of asset records, shared by every figure, slot and strip of the desk. */
export interface AssetInfoStore {
  /** The entry for an asset, starting a fetch the first time it is asked for. */
  get(id: string): AssetEntry
  /** The asset if it is loaded (no fetch): what the preview's `asset()` callback needs. */
  peek(id: string): AssetSummary | undefined
  /** Fetches the asset again (after the photo desk changed it). */
  refresh(id: string): Promise<void>
  /** Puts a record the caller already has (e.g. after an edit) into the cache. */
  put(asset: AssetSummary): void
  /** Calls `listener` whenever any entry changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** Changes whenever any entry changes (a snapshot key for `useSyncExternalStore`). */
  version(): number
}

/**
 * A store over `fetchAsset` (the bridge's `getAsset` in the app). Each id is fetched once, however
 * many views ask for it at the same time; listeners hear about every answer. Entries are never
 * evicted: an article uses at most a few hundred images, and a record is a few hundred bytes.
 */
export function createAssetInfoStore(
  fetchAsset: (id: string) => Promise<Result<AssetSummary>>
): AssetInfoStore {
  const entries = new Map<string, AssetEntry>()
  const listeners = new Set<() => void>()
  let version = 0

  const set = (id: string, entry: AssetEntry): void => {
    entries.set(id, entry)
    version++
    for (const listener of [...listeners]) listener()
  }

  const load = async (id: string): Promise<void> => {
    let result: Result<AssetSummary>
    try {
      result = await fetchAsset(id)
    } catch (error) {
      result = { ok: false, error: { code: 'io', message: String(error) } }
    }
    set(
      id,
      result.ok
        ? { status: 'ready', asset: result.value }
        : { status: 'missing', message: result.error.message }
    )
  }

  return {
    get(id) {
      const entry = entries.get(id)
      if (entry) return entry
      const loading: AssetEntry = { status: 'loading' }
      // Not `set`: a render may call get(), and listeners must not fire during a render.
      entries.set(id, loading)
      void load(id)
      return loading
    },
    peek(id) {
      const entry = entries.get(id)
      return entry?.status === 'ready' ? entry.asset : undefined
    },
    refresh: load,
    put(asset) {
      set(asset.id, { status: 'ready', asset })
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    version: () => version
  }
}
