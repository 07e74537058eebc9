import { createHash } from 'node:crypto'
import type { Article } from '../../../shared/article'
import type { AssetRecord } from '../../../shared/asset'

/** What a receiver never sees of an article, or what changes without its content changing. */
const NOT_EXPORTED = new Set([
  'status',
  'notes',
  'revision',
  'createdAt',
  'updatedAt',
  'importedFrom',
  'publication',
  'schemaVersion'
])

/** Sorted keys, so the same content always gives the same text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])])
    )
  }
  return value
}

/**
 * A SHA-256 of what a receiver gets: the article's fields as exported (not its status, its
 * internal notes, revision or times) and the texts and files of the pictures it uses. Two exports
 * with the same hash are the same version; the second is a resend.
 */
export function exportContentHash(
  article: Article,
  records: ReadonlyMap<string, AssetRecord>
): string {
  const exported = Object.fromEntries(
    Object.entries(article).filter(([key]) => !NOT_EXPORTED.has(key))
  )
  const pictures = [...records.values()]
    .map((r) => ({
      id: r.id,
      metadata: r.metadata,
      focal: (r as { focal?: unknown }).focal ?? null
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
  return createHash('sha256')
    .update(JSON.stringify(canonical({ exported, pictures })))
    .digest('hex')
}
