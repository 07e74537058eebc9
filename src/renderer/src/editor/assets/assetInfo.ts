import { useSyncExternalStore } from 'react'
import type { AssetSummary } from '../../../../shared/asset'
import { newsroom } from '../../lib/newsroom'
import { type AssetEntry, type AssetInfoStore, createAssetInfoStore } from './assetInfoStore'

/** The desk's one store, over the bridge. */
export const assetInfo: AssetInfoStore = createAssetInfoStore((id) => newsroom.getAsset({ id }))

/** The entry for one asset, re-rendering when it arrives or changes. */
export function useAssetEntry(id: string, store: AssetInfoStore = assetInfo): AssetEntry {
  return useSyncExternalStore(store.subscribe, () => store.get(id))
}

/** The asset record once loaded (undefined while loading or when missing). */
export function useAsset(id: string, store: AssetInfoStore = assetInfo): AssetSummary | undefined {
  const entry = useAssetEntry(id, store)
  return entry.status === 'ready' ? entry.asset : undefined
}

/** Re-renders whenever any asset in the store changes; returns the store's version. */
export function useAssetStoreVersion(store: AssetInfoStore = assetInfo): number {
  return useSyncExternalStore(store.subscribe, store.version)
}
