import {
  ASSET_TEXT_FIELDS,
  ASSET_TEXT_MAX,
  assetRecordSchema,
  type AssetMetadata,
  type AssetRecord
} from '../../../shared/asset'

/** Longest original file name a record keeps (the schema's limit). */
const NAME_MAX = 1000
const SNIPPET = 30

const FIELD_NAMES: Record<string, string> = {
  caption: 'caption',
  headline: 'headline',
  photographer: 'photographer',
  credit: 'credit',
  source: 'source',
  copyright: 'copyright notice',
  usageTerms: 'usage terms',
  dateCreated: 'date created',
  city: 'city',
  country: 'country',
  alt: 'alt text',
  originalName: 'file name'
}

function count(n: number): string {
  return n.toLocaleString('en-GB')
}

// Never ends between the two halves of a surrogate pair; prefers a word boundary near the end.
function cutPoint(value: string, max: number): number {
  let end = max
  const code = value.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  const space = value.lastIndexOf(' ', end)
  return space > end - 100 && space > 0 ? space : end
}

/**
 * `value` cut to `max` characters (an ellipsis marks the cut) and a warning saying what was left
 * out; `value` itself with no warning when it fits.
 */
export function limitText(
  field: string,
  value: string,
  max = ASSET_TEXT_MAX
): { text: string; warning: string | null } {
  if (value.length <= max) return { text: value, warning: null }
  const end = cutPoint(value, max - 1)
  const text = `${value.slice(0, end).trimEnd()}…`
  const rest = value.slice(end).trimStart()
  const before = value.slice(Math.max(0, end - SNIPPET), end).trimStart()
  const after = rest.slice(0, SNIPPET).trimEnd()
  const warning =
    `the ${FIELD_NAMES[field] ?? field} had ${count(value.length)} characters, more than the ` +
    `${count(max)} a photo's text may have: it was cut after “…${before}”, leaving out the last ` +
    `${count(value.length - end)} characters (from “${after}…”)`
  return { text, warning }
}

/** Metadata whose every field fits the schema, and a warning per field that had to be cut. */
export function limitMetadata(metadata: AssetMetadata): {
  metadata: AssetMetadata
  warnings: string[]
} {
  const out = { ...metadata }
  const warnings: string[] = []
  for (const field of ASSET_TEXT_FIELDS) {
    const value = out[field]
    if (value === null) continue
    const { text, warning } = limitText(field, value)
    out[field] = text
    if (warning) warnings.push(warning)
  }
  return { metadata: out, warnings }
}

/** A file name the record can keep (the schema allows 1,000 characters). */
export function limitName(name: string): string {
  return limitText('originalName', name, NAME_MAX).text
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Text fields in a record that are too long for the schema, cut in place; what was cut.
function cutLongText(record: Record<string, unknown>): string[] {
  const warnings: string[] = []
  const cut = (holder: Record<string, unknown>, key: string, max: number): void => {
    const value = holder[key]
    if (typeof value !== 'string' || value.length <= max) return
    const limited = limitText(key, value, max)
    holder[key] = limited.text
    if (limited.warning) warnings.push(limited.warning)
  }
  cut(record, 'originalName', NAME_MAX)
  const blocks = [record.metadata, record.embedded]
  if (Array.isArray(record.history)) {
    for (const edit of record.history) if (isObject(edit)) blocks.push(edit.previous)
  }
  for (const block of blocks) {
    if (!isObject(block)) continue
    for (const field of ASSET_TEXT_FIELDS) cut(block, field, ASSET_TEXT_MAX)
  }
  return warnings
}

/**
 * An `asset.json`'s content checked against the schema. A record whose only fault is text
 * longer than the schema allows (as imports before the limit wrote them) is read with that text
 * cut and a warning per cut field added to its warnings, so the photo stays usable; the file is
 * rewritten only by the next edit. Anything else is an error naming the first problem.
 */
export function parseAssetRecord(
  json: unknown
): { ok: true; record: AssetRecord } | { ok: false; problem: string } {
  const parsed = assetRecordSchema.safeParse(json)
  if (parsed.success) return { ok: true, record: parsed.data }
  if (isObject(json)) {
    const copy = structuredClone(json)
    const cuts = cutLongText(copy)
    if (cuts.length > 0) {
      const again = assetRecordSchema.safeParse(copy)
      if (again.success) {
        const record = again.data
        return { ok: true, record: { ...record, warnings: [...record.warnings, ...cuts] } }
      }
    }
  }
  const issue = parsed.error.issues[0]
  return { ok: false, problem: `${issue?.path.join('.') || 'record'}: ${issue?.message}` }
}
