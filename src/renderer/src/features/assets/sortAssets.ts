import type { AssetSummary } from '../../../../shared/asset'

/** The photo desk's orders: import time either way, file name, or when the photo was taken. */
export const ASSET_SORTS = ['newest', 'oldest', 'name', 'taken'] as const
export type AssetSort = (typeof ASSET_SORTS)[number]

type Sortable = Pick<AssetSummary, 'id' | 'importedAt' | 'originalName' | 'metadata'>

/**
 * A date taken as text that sorts in time order (`20240501143000`), read from the forms the
 * files carry: ISO 8601, EXIF's `2024:05:01 14:30:00`, IPTC's `20240501`; null if none.
 */
export function takenKey(value: string | null): string | null {
  const m = /^(\d{4})[-:]?(\d{2})?[-:]?(\d{2})?(?:[T ](\d{2}):?(\d{2})?:?(\d{2})?)?/.exec(
    value?.trim() ?? ''
  )
  if (!m) return null
  return [m[1], m[2] ?? '01', m[3] ?? '01', m[4] ?? '00', m[5] ?? '00', m[6] ?? '00'].join('')
}

const names = new Intl.Collator(['de', 'en'], { numeric: true, sensitivity: 'base' })

function newestFirst(a: Sortable, b: Sortable): number {
  if (a.importedAt !== b.importedAt) return b.importedAt < a.importedAt ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * The assets in the chosen order (a new array). Ties, and photos without a date taken (which go
 * last), fall back to newest import first, so the order is the same on every refresh.
 */
export function sortAssets<T extends Sortable>(assets: readonly T[], sort: AssetSort): T[] {
  const list = [...assets]
  switch (sort) {
    case 'newest':
      return list.sort(newestFirst)
    case 'oldest':
      return list.sort((a, b) => newestFirst(b, a))
    case 'name':
      return list.sort((a, b) => names.compare(a.originalName, b.originalName) || newestFirst(a, b))
    case 'taken': {
      const keys = new Map(list.map((a) => [a.id, takenKey(a.metadata.dateCreated)]))
      return list.sort((a, b) => {
        const ka = keys.get(a.id) ?? null
        const kb = keys.get(b.id) ?? null
        if (ka === kb) return newestFirst(a, b)
        if (ka === null) return 1
        if (kb === null) return -1
        return ka < kb ? 1 : -1
      })
    }
  }
}
