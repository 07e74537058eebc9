import type { Gallery, ImageUse } from '../../../../shared/article'

/** The per-use overrides a reporter edits beside an image (null = the asset's own value). */
export type ImageOverride = 'caption' | 'credit' | 'photographer' | 'alt'

/** A new use of an asset, with no overrides: the asset's own caption, credit and alt text show. */
export function newImageUse(assetId: string): ImageUse {
  return { assetId, caption: null, credit: null, photographer: null, alt: null }
}

/** The use with one override changed; blank text clears it (back to the asset's value). */
export function withOverride(use: ImageUse, key: ImageOverride, value: string): ImageUse {
  return { ...use, [key]: value.trim() === '' ? null : value }
}

function mapGallery(
  galleries: readonly Gallery[],
  id: string,
  change: (gallery: Gallery) => Gallery
): Gallery[] {
  return galleries.map((g) => (g.id === id ? change(g) : g))
}

/** Appends an empty gallery. */
export function addGallery(
  galleries: readonly Gallery[],
  id: string,
  name: string | null = null
): Gallery[] {
  return [...galleries, { id, name, items: [] }]
}

/** Removes a gallery (its images stay in the asset store). */
export function removeGallery(galleries: readonly Gallery[], id: string): Gallery[] {
  return galleries.filter((g) => g.id !== id)
}

/** Sets a gallery's internal name (blank = none). */
export function renameGallery(galleries: readonly Gallery[], id: string, name: string): Gallery[] {
  return mapGallery(galleries, id, (g) => ({ ...g, name: name.trim() === '' ? null : name }))
}

/** Adds assets to a gallery at `at` (default: the end), in the order given. */
export function addItems(
  galleries: readonly Gallery[],
  id: string,
  assetIds: readonly string[],
  at?: number
): Gallery[] {
  return mapGallery(galleries, id, (g) => {
    const index = at === undefined ? g.items.length : Math.max(0, Math.min(at, g.items.length))
    // concat, not splice(...spread): a spread of thousands of picked photos overflows the stack.
    const items = g.items.slice(0, index).concat(assetIds.map(newImageUse), g.items.slice(index))
    return { ...g, items }
  })
}

/** Removes the image at `index` from a gallery. */
export function removeItem(galleries: readonly Gallery[], id: string, index: number): Gallery[] {
  return mapGallery(galleries, id, (g) => ({ ...g, items: g.items.filter((_, i) => i !== index) }))
}

/**
 * Moves the image at `from` so it ends up at index `to` (clamped to the strip); the others keep
 * their order. Unchanged galleries come back as they were.
 */
export function moveItem(
  galleries: readonly Gallery[],
  id: string,
  from: number,
  to: number
): Gallery[] {
  return mapGallery(galleries, id, (g) => {
    const target = Math.max(0, Math.min(to, g.items.length - 1))
    if (from < 0 || from >= g.items.length || target === from) return g
    const items = [...g.items]
    const [moved] = items.splice(from, 1)
    items.splice(target, 0, moved!)
    return { ...g, items }
  })
}

/** Changes one override of the image at `index`. */
export function updateItem(
  galleries: readonly Gallery[],
  id: string,
  index: number,
  key: ImageOverride,
  value: string
): Gallery[] {
  return mapGallery(galleries, id, (g) => ({
    ...g,
    items: g.items.map((item, i) => (i === index ? withOverride(item, key, value) : item))
  }))
}

/**
 * Stable React keys for a strip of images: the asset id plus how often it occurred before, so
 * the same photo twice gets two keys and a moved image keeps its key (and its DOM node).
 */
export function itemKeys(items: readonly ImageUse[]): string[] {
  const seen = new Map<string, number>()
  return items.map((item) => {
    const n = seen.get(item.assetId) ?? 0
    seen.set(item.assetId, n + 1)
    return `${item.assetId}#${n}`
  })
}
