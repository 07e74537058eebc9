import type { Node as PmNodeType } from '@tiptap/pm/model'
import type { ArticleFields, ArticlePatch } from '../article'

/** How a search matches. */
export interface FindOptions {
  /** Only whole words: no letter, digit or `_` right before or after the match. @default false */
  wholeWord?: boolean
  /** Match upper and lower case exactly. @default false */
  caseSensitive?: boolean
}

/** A match in a plain string: UTF-16 offsets, `to` exclusive. */
export interface TextRange {
  from: number
  to: number
}

/** A match in the body: ProseMirror positions, usable as `TextSelection.create(doc, from, to)`. */
export type BodyMatch = TextRange

/** A match in a field: the field's path (see `searchableFields`) and offsets into its value. */
export interface FieldMatch extends TextRange {
  field: string
}

/** Field values by path, as `searchableFields` returns them. */
export type FieldValues = Record<string, string>

// Characters that are syntax in a `u`-mode regular expression (escaping anything else is an
// error there).
const REGEX_SYNTAX = /[.*+?^${}()|[\]\\/]/g
const WORD = '[\\p{L}\\p{N}_]'
// Inline leaves (hard breaks) stand in the searched text as a character no query contains, so a
// match never runs across a line break.
const LEAF = '\uFFFC'

/** The regular expression a query compiles to, or null for an empty query. */
export function searchPattern(query: string, options: FindOptions = {}): RegExp | null {
  if (query === '') return null
  let source = query.replace(REGEX_SYNTAX, '\\$&')
  if (options.wholeWord) source = `(?<!${WORD})${source}(?!${WORD})`
  return new RegExp(source, options.caseSensitive ? 'gu' : 'giu')
}

/** Every non-overlapping match of `query` in `text`, in order. */
export function findInText(text: string, query: string, options: FindOptions = {}): TextRange[] {
  const pattern = searchPattern(query, options)
  if (!pattern) return []
  const ranges: TextRange[] = []
  for (const match of text.matchAll(pattern)) {
    ranges.push({ from: match.index, to: match.index + match[0].length })
  }
  return ranges
}

/** `text` with every match replaced by `replacement` (taken literally), and how many there were. */
export function replaceInText(
  text: string,
  query: string,
  replacement: string,
  options: FindOptions = {}
): { text: string; count: number } {
  const pattern = searchPattern(query, options)
  if (!pattern) return { text, count: 0 }
  let count = 0
  const replaced = text.replace(pattern, () => {
    count++
    return replacement
  })
  return { text: replaced, count }
}

/**
 * Every match in a ProseMirror document, as document positions. Each textblock is searched as
 * one string, so a match may span bold or italic runs and links, but never two blocks or a hard
 * break. Captions and pull-quote text are textblocks too and are searched like paragraphs.
 */
export function findInDoc(doc: PmNodeType, query: string, options: FindOptions = {}): BodyMatch[] {
  const pattern = searchPattern(query, options)
  if (!pattern) return []
  const matches: BodyMatch[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    // Text characters and inline leaves both take exactly one position per UTF-16 unit / node,
    // so an offset into this string plus the block's content start is a document position.
    const text = node.textBetween(0, node.content.size, undefined, LEAF)
    const start = pos + 1
    for (const match of text.matchAll(pattern)) {
      matches.push({ from: start + match.index, to: start + match.index + match[0].length })
    }
    return false
  })
  return matches
}

/** Every match in the given field values, field by field in the order of the record. */
export function findInFields(
  fields: FieldValues,
  query: string,
  options: FindOptions = {}
): FieldMatch[] {
  const matches: FieldMatch[] = []
  for (const [field, value] of Object.entries(fields)) {
    for (const range of findInText(value, query, options)) matches.push({ field, ...range })
  }
  return matches
}

/** The field values with every match replaced, only the changed fields, and the total count. */
export function replaceInFields(
  fields: FieldValues,
  query: string,
  replacement: string,
  options: FindOptions = {}
): { values: FieldValues; changed: FieldValues; count: number } {
  const values: FieldValues = {}
  const changed: FieldValues = {}
  let count = 0
  for (const [field, value] of Object.entries(fields)) {
    const result = replaceInText(value, query, replacement, options)
    values[field] = result.text
    if (result.count > 0) {
      changed[field] = result.text
      count += result.count
    }
  }
  return { values, changed, count }
}

/**
 * Both halves of find-and-replace at once: matches in the body (document positions) and in the
 * fields (path + offsets).
 */
export function findMatches(
  doc: PmNodeType,
  fields: FieldValues,
  query: string,
  options: FindOptions = {}
): { body: BodyMatch[]; fields: FieldMatch[] } {
  return { body: findInDoc(doc, query, options), fields: findInFields(fields, query, options) }
}

/**
 * The article's searchable text fields by path, in reading order, leaving out empty ones:
 * `kicker`, `headline`, `teaser`, `bylines.<i>`, `dateline.place`, `dateline.source`,
 * `slugline`, `edNote`, `notes`, `lead.caption`, `galleries.<g>.items.<i>.caption` (caption
 * overrides only: an asset's own caption belongs to the asset, not to this article).
 */
export function searchableFields(article: ArticleFields): FieldValues {
  const values: FieldValues = {}
  const put = (path: string, value: string | null | undefined): void => {
    if (value) values[path] = value
  }
  put('kicker', article.kicker)
  put('headline', article.headline)
  put('teaser', article.teaser)
  article.bylines.forEach((name, i) => put(`bylines.${i}`, name))
  put('dateline.place', article.dateline.place)
  put('dateline.source', article.dateline.source)
  put('slugline', article.slugline)
  put('edNote', article.edNote)
  put('notes', article.notes)
  put('lead.caption', article.lead?.caption)
  article.galleries.forEach((gallery, g) =>
    gallery.items.forEach((item, i) => put(`galleries.${g}.items.${i}.caption`, item.caption))
  )
  return values
}

const TOP_LEVEL = ['kicker', 'headline', 'teaser', 'slugline', 'edNote', 'notes'] as const

/**
 * The patch that stores changed field values (paths as in `searchableFields`) into the article:
 * only the touched top-level fields appear in it. A value that became blank is stored as null
 * (bylines that became blank are removed). Unknown paths are ignored.
 */
export function patchFromFieldValues(article: ArticleFields, changed: FieldValues): ArticlePatch {
  const patch: ArticlePatch = {}
  const blankToNull = (v: string): string | null => (v.trim() === '' ? null : v)
  for (const key of TOP_LEVEL) {
    const value = changed[key]
    if (value !== undefined) patch[key] = blankToNull(value)
  }
  const bylineKeys = Object.keys(changed).filter((k) => /^bylines\.\d+$/.test(k))
  if (bylineKeys.length) {
    patch.bylines = article.bylines
      .map((name, i) => changed[`bylines.${i}`] ?? name)
      .map((name) => name.trim())
      .filter(Boolean)
  }
  if (changed['dateline.place'] !== undefined || changed['dateline.source'] !== undefined) {
    patch.dateline = {
      place: blankToNull(changed['dateline.place'] ?? article.dateline.place ?? ''),
      source: blankToNull(changed['dateline.source'] ?? article.dateline.source ?? '')
    }
  }
  if (article.lead && changed['lead.caption'] !== undefined) {
    patch.lead = { ...article.lead, caption: blankToNull(changed['lead.caption']) }
  }
  const galleryKey = /^galleries\.(\d+)\.items\.(\d+)\.caption$/
  if (Object.keys(changed).some((k) => galleryKey.test(k))) {
    patch.galleries = article.galleries.map((gallery, g) => ({
      ...gallery,
      items: gallery.items.map((item, i) => {
        const value = changed[`galleries.${g}.items.${i}.caption`]
        return value === undefined ? item : { ...item, caption: blankToNull(value) }
      })
    }))
  }
  return patch
}
