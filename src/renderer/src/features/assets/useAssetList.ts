import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AssetListFilter, AssetSummary } from '../../../../shared/asset'
import { userMessage } from '../../lib/bridgeError'
import { call, newsroom } from '../../lib/newsroom'
import { sortAssets, type AssetSort } from './sortAssets'

export type MissingFilter = NonNullable<AssetListFilter['missing']>[number]

export interface AssetCounts {
  total: number
  credit: number
  caption: number
  alt: number
  unused: number
}

export interface AssetList {
  /** The assets the filters and search let through; null until the first answer. */
  assets: AssetSummary[] | null
  /** The whole library, for the counts beside the filters; null until it has loaded. */
  all: AssetSummary[] | null
  error: string | null
  counts: AssetCounts
  missing: MissingFilter[]
  unused: boolean
  query: string
  /** The grid's order (the filters and search keep it). */
  sort: AssetSort
  isFiltered: boolean
  setQuery(query: string): void
  setSort(sort: AssetSort): void
  toggleMissing(key: MissingFilter): void
  toggleUnused(): void
  clearFilters(): void
  /** Asks the store again (after an import, an attach, anything that changes the library). */
  refresh(): void
  /** Puts an asset's new state in place without asking the store. */
  replace(next: AssetSummary): void
  /** Takes a deleted asset out without asking the store. */
  remove(id: string): void
}

function replaceIn(list: AssetSummary[] | null, next: AssetSummary): AssetSummary[] | null {
  return list && list.map((a) => (a.id === next.id ? next : a))
}

/**
 * The photo desk's grid contents: the filtered list (search debounced by 200 ms and folded by the
 * store as the library search folds, answers for an older filter dropped) in the chosen order,
 * and the whole library for the counts, both reloaded on `refresh()`.
 */
export function useAssetList(): AssetList {
  const [all, setAll] = useState<AssetSummary[] | null>(null)
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const [error, setError] = useState<string | null>(null)
  const [missing, setMissing] = useState<MissingFilter[]>([])
  const [unused, setUnused] = useState(false)
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<AssetSort>('newest')
  const [fetched, setAssets] = useState<AssetSummary[] | null>(null)
  const [debouncedQuery, setDebouncedQuery] = useState('')
  const [version, setVersion] = useState(0)

  useEffect(() => {
    const timer = setTimeout(() => setDebouncedQuery(query.trim()), 200)
    return () => clearTimeout(timer)
  }, [query])

  const isFiltered = missing.length > 0 || unused || debouncedQuery !== ''

  useEffect(() => {
    let isCurrent = true
    const filter: AssetListFilter = {}
    if (missing.length) filter.missing = missing
    if (unused) filter.unused = true
    if (debouncedQuery) filter.query = debouncedQuery
    call(newsroom.listAssets(filter))
      .then((list) => {
        if (!isCurrent) return
        setAssets(list)
        setError(null)
      })
      .catch((e: unknown) => isCurrent && setError(userMessage(e, t, language)))
    return () => {
      isCurrent = false
    }
  }, [missing, unused, debouncedQuery, version, t, language])

  // The whole library, for the counts beside the filters.
  useEffect(() => {
    let isCurrent = true
    call(newsroom.listAssets())
      .then((list) => isCurrent && setAll(list))
      .catch(() => undefined)
    return () => {
      isCurrent = false
    }
  }, [version])

  const assets = useMemo(() => fetched && sortAssets(fetched, sort), [fetched, sort])

  const counts = useMemo((): AssetCounts => {
    const list = all ?? []
    return {
      total: list.length,
      credit: list.filter((a) => !a.metadata.credit).length,
      caption: list.filter((a) => !a.metadata.caption).length,
      alt: list.filter((a) => !a.metadata.alt).length,
      unused: list.filter((a) => a.usage.length === 0).length
    }
  }, [all])

  const toggleMissing = useCallback(
    (key: MissingFilter): void =>
      setMissing((m) => (m.includes(key) ? m.filter((x) => x !== key) : [...m, key])),
    []
  )
  const toggleUnused = useCallback((): void => setUnused((u) => !u), [])
  const clearFilters = useCallback((): void => {
    setMissing([])
    setUnused(false)
    setQuery('')
  }, [])
  const refresh = useCallback((): void => setVersion((v) => v + 1), [])
  const replace = useCallback((next: AssetSummary): void => {
    setAssets((list) => replaceIn(list, next))
    setAll((list) => replaceIn(list, next))
  }, [])
  const remove = useCallback((id: string): void => {
    setAssets((list) => list && list.filter((a) => a.id !== id))
    setAll((list) => list && list.filter((a) => a.id !== id))
  }, [])

  return {
    assets,
    all,
    error,
    counts,
    missing,
    unused,
    query,
    sort,
    isFiltered,
    setQuery,
    setSort,
    toggleMissing,
    toggleUnused,
    clearFilters,
    refresh,
    replace,
    remove
  }
}
