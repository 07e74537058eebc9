import * as Y from 'yjs'
import {
  ARTICLE_SCHEMA_VERSION,
  defaultArticleFields,
  type Article,
  type ArticleFields,
  type ArticlePatch,
  type Gallery,
  type ImageUse,
  type PmNode
} from '../article'
import { bodySchema, canonicalBody } from '../editor/extensions'
import { readBody, stableJson, writeBody } from './bodyFragment'
import { isPositionKey, keyBetween, spreadKeys } from './positionKey'
import { setTextMinimal } from './setTextMinimal'

/** The name of the body's `Y.XmlFragment`: TipTap's Collaboration extension gets `field: 'body'`. */
export const ARTICLE_DOC_BODY = 'body'
/** The `Y.Map` of the fields people edit (texts, choices, lists, lead, galleries). */
export const ARTICLE_DOC_FIELDS = 'fields'
/** The `Y.Map` of what the library owns: plain values, last writer wins. */
export const ARTICLE_DOC_META = 'meta'
/** Every top-level part of an article document. */
export const ARTICLE_DOC_PARTS = [ARTICLE_DOC_META, ARTICLE_DOC_FIELDS, ARTICLE_DOC_BODY] as const

/** Nullable one-field texts, each a `Y.Text` in the fields map. */
export const TEXT_FIELDS = ['kicker', 'headline', 'teaser', 'slugline', 'edNote', 'notes'] as const
/** Fields chosen from a list or typed whole (a date): plain values in the fields map. */
export const CHOICE_FIELDS = [
  'status',
  'language',
  'timeZone',
  'publishedAt',
  'embargoedUntil'
] as const
/** The per-use overrides of an image, each a `Y.Text` in the image's map. */
export const IMAGE_USE_TEXTS = ['caption', 'credit', 'photographer', 'alt'] as const
/** Library-owned metadata kept as plain values (`revision` and `updatedAt` are not kept). */
export const META_KEYS = [
  'schemaVersion',
  'id',
  'createdAt',
  'importedFrom',
  'publication'
] as const
/** The keys the fields map may hold (text fields also carry their null marker). */
export const FIELD_KEYS = [
  ...TEXT_FIELDS,
  ...CHOICE_FIELDS,
  'dateline',
  'bylines',
  'tags',
  'lead',
  'galleries'
] as const

/** The transaction origin of a conversion from a JSON article. */
export const ARTICLE_DOC_CONVERSION = 'articleDoc:conversion'

// Every conversion of a new document runs as this client, so two processes that turn the same
// JSON article into a document at once make byte-identical updates and merging them changes
// nothing. The document then takes a random id for everything after.
const CONVERSION_CLIENT_ID = 1

type YMap = Y.Map<unknown>

/** A document that cannot be read as an article: which part and why. */
export class ArticleDocError extends Error {
  constructor(
    /** The part of the article (dotted path). */
    readonly field: string,
    /** What is wrong with it, as a sentence after the field name. */
    readonly reason: string
  ) {
    super(`${field}: ${reason}`)
    this.name = 'ArticleDocError'
  }
}

/** The key of the marker that tells an empty text field holding null from one holding "". */
export function nullMarker(key: string): string {
  return `${key}:null`
}

// Yjs encodes text as UTF-8, where half a surrogate pair cannot go: it arrives as U+FFFD. Writing
// it so up front keeps the document in memory equal to what its updates give everywhere else.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** A copy of a JSON value whose strings are well-formed UTF-16 (lone surrogates as U+FFFD). */
function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD') as T
  if (Array.isArray(value)) return value.map(wellFormed) as T
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) out[key] = wellFormed(v)
    return out as T
  }
  return value
}

function randomClientId(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!
}

function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b)
}

// ---- writing ----------------------------------------------------------------------------------

function textAt(map: YMap, key: string): Y.Text {
  const current = map.get(key)
  if (current instanceof Y.Text) return current
  const text = new Y.Text()
  map.set(key, text)
  return text
}

/**
 * Writes a nullable text into its `Y.Text` (created once and kept, so people typing into an empty
 * field at the same time merge) and its null marker: null is an empty text with the marker set.
 */
function writeNullableText(map: YMap, key: string, value: string | null): void {
  setTextMinimal(textAt(map, key), value ?? '')
  const marker = nullMarker(key)
  if (value === null) {
    if (map.get(marker) !== true) map.set(marker, true)
  } else if (map.has(marker)) {
    map.delete(marker)
  }
}

function writePlain(map: YMap, key: string, value: unknown): void {
  if (value === undefined) {
    if (map.has(key)) map.delete(key)
  } else if (!map.has(key) || !sameValue(map.get(key), value)) {
    map.set(key, structuredClone(value))
  }
}

function childMap(map: YMap, key: string): YMap {
  const current = map.get(key)
  if (current instanceof Y.Map) return current as YMap
  const created = new Y.Map<unknown>()
  map.set(key, created)
  return created
}

function childArray<T>(map: YMap, key: string): Y.Array<T> {
  const current = map.get(key)
  if (current instanceof Y.Array) return current as Y.Array<T>
  const created = new Y.Array<T>()
  map.set(key, created)
  return created
}

/** Common prefix and suffix of two lists by `same`. */
function listEnds<A, B>(
  have: A[],
  want: B[],
  same: (a: A, b: B) => boolean
): { prefix: number; suffix: number } {
  let prefix = 0
  while (prefix < have.length && prefix < want.length && same(have[prefix]!, want[prefix]!)) {
    prefix++
  }
  let suffix = 0
  while (
    suffix < have.length - prefix &&
    suffix < want.length - prefix &&
    same(have[have.length - 1 - suffix]!, want[want.length - 1 - suffix]!)
  ) {
    suffix++
  }
  return { prefix, suffix }
}

function writeBylines(list: Y.Array<Y.Text>, want: string[]): void {
  const have = list.toArray()
  const { prefix, suffix } = listEnds(have, want, (t, s) => t.toString() === s)
  const haveMid = have.length - prefix - suffix
  const wantMid = want.length - prefix - suffix
  // Entries at the same place are edited in place, so a fix elsewhere in a name survives.
  const paired = Math.min(haveMid, wantMid)
  for (let i = 0; i < paired; i++) setTextMinimal(have[prefix + i]!, want[prefix + i]!)
  if (haveMid > paired) list.delete(prefix + paired, haveMid - paired)
  if (wantMid > paired) {
    list.insert(
      prefix + paired,
      want.slice(prefix + paired, prefix + wantMid).map((s) => new Y.Text(s))
    )
  }
}

function writeTags(list: Y.Array<string>, want: string[]): void {
  const have = list.toArray()
  const { prefix, suffix } = listEnds(have, want, (a, b) => a === b)
  const haveMid = have.length - prefix - suffix
  if (haveMid > 0) list.delete(prefix, haveMid)
  const added = want.slice(prefix, want.length - suffix)
  if (added.length) list.insert(prefix, added)
}

function writeImageUse(map: YMap, use: ImageUse): void {
  writePlain(map, 'assetId', use.assetId)
  for (const key of IMAGE_USE_TEXTS) writeNullableText(map, key, use[key])
}

function writeLead(list: Y.Array<YMap>, want: ImageUse | null): void {
  const first = list.length > 0 ? list.get(0) : undefined
  if (want && first instanceof Y.Map && first.get('assetId') === want.assetId) {
    if (list.length > 1) list.delete(1, list.length - 1)
    writeImageUse(first, want)
    return
  }
  if (list.length) list.delete(0, list.length)
  if (want) {
    const map = new Y.Map<unknown>()
    list.push([map])
    writeImageUse(map, want)
  }
}

interface Positioned {
  map: YMap
  index: number
  pos: string
}

/** The maps of an ordered list in reading order: by position key, then by place in the array. */
function ordered(list: Y.Array<unknown>): Positioned[] {
  return list
    .toArray()
    .map((map, index) => ({
      map: map as YMap,
      index,
      pos: map instanceof Y.Map && typeof map.get('pos') === 'string' ? String(map.get('pos')) : ''
    }))
    .filter((p) => p.map instanceof Y.Map)
    .sort((a, b) => (a.pos < b.pos ? -1 : a.pos > b.pos ? 1 : a.index - b.index))
}

/** Indices (into `values`) of a longest strictly increasing subsequence. */
function increasingRun(values: string[]): Set<number> {
  const length = values.map(() => 1)
  const previous = values.map(() => -1)
  let best = -1
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j]! < values[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1
        previous[i] = j
      }
    }
    if (best < 0 || length[i]! > length[best]!) best = i
  }
  const out = new Set<number>()
  for (let i = best; i >= 0; i = previous[i]!) out.add(i)
  return out
}

/**
 * Makes an ordered list of maps hold `want`: items matched by key keep their map (and with it any
 * concurrent edit inside), the fewest items move (a new position key), new ones are appended to
 * the array with a key between their neighbours, the rest are deleted.
 */
function writeOrdered<T>(
  list: Y.Array<YMap>,
  want: T[],
  keyOfWanted: (item: T) => string,
  keyOfMap: (map: YMap) => string,
  sameContent: (map: YMap, item: T) => boolean,
  write: (map: YMap, item: T) => void
): void {
  const current = ordered(list as Y.Array<unknown>)
  // Items with the same key (one photo twice in a gallery) pair up by equal content first, so a
  // reorder moves their maps rather than swapping their captions; the rest pair up in order.
  const matched: Array<Positioned | null> = want.map(() => null)
  const taken = new Set<Positioned>()
  for (const exact of [true, false]) {
    want.forEach((item, i) => {
      if (matched[i]) return
      const key = keyOfWanted(item)
      const found = current.find(
        (p) => !taken.has(p) && keyOfMap(p.map) === key && (!exact || sameContent(p.map, item))
      )
      if (found) {
        matched[i] = found
        taken.add(found)
      }
    })
  }
  const kept = new Set(matched.filter((p): p is Positioned => p !== null))
  const gone = current.filter((p) => !kept.has(p)).map((p) => p.index)
  for (const index of gone.sort((a, b) => b - a)) list.delete(index, 1)

  // Only well-formed keys can stay: there must be room before and between them (a key that is
  // empty or ends in 0, written by some other program, gets a new one).
  const stays = [...matched.entries()].filter(
    ([, p]) => p !== null && isPositionKey(p.pos)
  ) as Array<[number, Positioned]>
  const anchors = increasingRun(stays.map(([, p]) => p.pos))
  const anchorAt = new Map<number, string>()
  stays.forEach(([i, p], k) => {
    if (anchors.has(k)) anchorAt.set(i, p.pos)
  })
  // A fresh list gets evenly spread keys instead of the ever longer ones appending makes.
  const fresh = current.length === 0 ? spreadKeys(want.length) : null
  let before: string | null = null
  for (let i = 0; i < want.length; i++) {
    let map = matched[i]?.map
    const anchor = anchorAt.get(i)
    if (anchor !== undefined) {
      before = anchor
    } else {
      let next: string | null = null
      for (let j = i + 1; j < want.length && next === null; j++) next = anchorAt.get(j) ?? null
      const pos: string = fresh ? fresh[i]! : keyBetween(before, next)
      if (!map) {
        map = new Y.Map<unknown>()
        list.push([map])
      }
      if (map.get('pos') !== pos) map.set('pos', pos)
      before = pos
    }
    write(map!, want[i]!)
  }
}

function writeGallery(map: YMap, gallery: Gallery): void {
  writePlain(map, 'id', gallery.id)
  writeNullableText(map, 'name', gallery.name)
  writeOrdered(
    childArray<YMap>(map, 'items'),
    gallery.items,
    (use) => use.assetId,
    (m) => String(m.get('assetId')),
    (m, use) => {
      try {
        return sameValue(readImageUse(m, 'item'), use)
      } catch {
        return false
      }
    },
    writeImageUse
  )
}

function writeFields(fields: YMap, patch: ArticlePatch): void {
  for (const key of TEXT_FIELDS) {
    const value = patch[key]
    if (value !== undefined) writeNullableText(fields, key, value)
  }
  for (const key of CHOICE_FIELDS) {
    if (patch[key] !== undefined) writePlain(fields, key, patch[key])
  }
  if (patch.dateline) {
    const dateline = childMap(fields, 'dateline')
    writeNullableText(dateline, 'place', patch.dateline.place)
    writeNullableText(dateline, 'source', patch.dateline.source)
  }
  if (patch.bylines) writeBylines(childArray<Y.Text>(fields, 'bylines'), patch.bylines)
  if (patch.tags) writeTags(childArray<string>(fields, 'tags'), patch.tags)
  if (patch.lead !== undefined) writeLead(childArray<YMap>(fields, 'lead'), patch.lead)
  if (patch.galleries) {
    writeOrdered(
      childArray<YMap>(fields, 'galleries'),
      patch.galleries,
      (g) => g.id,
      (m) => String(m.get('id')),
      () => false,
      writeGallery
    )
  }
}

function fieldsOf(article: Article): ArticleFields {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(defaultArticleFields())) out[key] = article[key as keyof Article]
  return out as ArticleFields
}

/**
 * Writes `article` into a document: into `doc` as minimal changes (a history version restored
 * into a live document), or into a new document. A new document is made the same way every time
 * (a fixed client id for the conversion, a random one after), so the same JSON article converted
 * by two processes gives identical updates that merge into one copy, not two.
 * One transaction (origin `origin`, by default `ARTICLE_DOC_CONVERSION`). `revision` and
 * `updatedAt` are not stored: the writer keeps them (see README). Half a surrogate pair in a
 * string becomes U+FFFD (UTF-8, which Yjs updates use, cannot carry it). Throws, before changing
 * anything, when the body is not a document of the body schema.
 */
export function articleToDoc(
  article: Article,
  doc?: Y.Doc,
  origin: unknown = ARTICLE_DOC_CONVERSION
): Y.Doc {
  article = wellFormed(article)
  const body = canonicalBody(article.body)
  const target = doc ?? new Y.Doc()
  if (!doc) target.clientID = CONVERSION_CLIENT_ID
  target.transact(() => {
    const meta = target.getMap<unknown>(ARTICLE_DOC_META)
    for (const key of META_KEYS) writePlain(meta, key, article[key])
    const fields = target.getMap<unknown>(ARTICLE_DOC_FIELDS)
    writeFields(fields, fieldsOf(article))
    writeBody(target.getXmlFragment(ARTICLE_DOC_BODY), body)
  }, origin)
  if (!doc) target.clientID = randomClientId()
  return target
}

/** A new article's document: the values of a new draft, with `fields` given over them. */
export function emptyArticleDoc(
  init: { id: string; createdAt: string },
  fields: Partial<ArticleFields> = {}
): Y.Doc {
  return articleToDoc({
    ...defaultArticleFields(),
    ...fields,
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: init.id,
    revision: 0,
    createdAt: init.createdAt,
    updatedAt: init.createdAt
  })
}

/**
 * Applies a patch of user fields as the smallest change: texts through `setTextMinimal`, lists
 * changed only where they differ (gallery items matched by asset, galleries by id, moved by a new
 * position key), body blocks matched by node id so unchanged blocks keep their Y items and a
 * changed paragraph's text changes by its differing middle. Keys left out stay as they are.
 * One transaction with `origin`. Validate the patch first (`articlePatchProblem`): this throws,
 * before changing anything, only for a body the schema cannot read.
 */
export function applyPatchToDoc(doc: Y.Doc, patch: ArticlePatch, origin?: unknown): void {
  patch = wellFormed(patch)
  const body = patch.body ? canonicalBody(patch.body) : null
  doc.transact(() => {
    writeFields(doc.getMap<unknown>(ARTICLE_DOC_FIELDS), patch)
    if (body) writeBody(doc.getXmlFragment(ARTICLE_DOC_BODY), body)
  }, origin)
}

// ---- reading ----------------------------------------------------------------------------------

function readNullableText(map: YMap, key: string, field: string): string | null {
  const text = map.get(key)
  if (!(text instanceof Y.Text)) throw new ArticleDocError(field, 'is not a text')
  const value = text.toString()
  return value === '' && map.get(nullMarker(key)) === true ? null : value
}

function readMap(map: YMap, key: string, field: string): YMap {
  const value = map.get(key)
  if (!(value instanceof Y.Map)) throw new ArticleDocError(field, 'is missing')
  return value as YMap
}

function readArray(map: YMap, key: string, field: string): Y.Array<unknown> {
  const value = map.get(key)
  if (!(value instanceof Y.Array)) throw new ArticleDocError(field, 'is not a list')
  return value as Y.Array<unknown>
}

function readImageUse(map: unknown, field: string): ImageUse {
  if (!(map instanceof Y.Map)) throw new ArticleDocError(field, 'is not an image')
  const m = map as YMap
  const assetId = m.get('assetId')
  if (typeof assetId !== 'string') throw new ArticleDocError(`${field}.assetId`, 'is missing')
  return {
    assetId,
    caption: readNullableText(m, 'caption', `${field}.caption`),
    credit: readNullableText(m, 'credit', `${field}.credit`),
    photographer: readNullableText(m, 'photographer', `${field}.photographer`),
    alt: readNullableText(m, 'alt', `${field}.alt`)
  }
}

function readFields(fields: YMap): ArticleFields {
  const plain = (key: string): unknown => {
    if (!fields.has(key)) throw new ArticleDocError(key, 'is missing')
    return structuredClone(fields.get(key))
  }
  const text = (key: string): string | null => readNullableText(fields, key, key)
  const dateline = readMap(fields, 'dateline', 'dateline')
  const bylines = readArray(fields, 'bylines', 'bylines')
    .toArray()
    .map((t, i) => {
      if (!(t instanceof Y.Text)) throw new ArticleDocError(`bylines.${i}`, 'is not a text')
      return t.toString()
    })
  const tags = readArray(fields, 'tags', 'tags')
    .toArray()
    .map((t, i) => {
      if (typeof t !== 'string') throw new ArticleDocError(`tags.${i}`, 'is not a tag')
      return t
    })
  // After concurrent picks of a lead the list can hold two: the first counts (the same on every
  // copy), and the next patch of the lead removes the others.
  const leads = readArray(fields, 'lead', 'lead')
  const galleries = ordered(readArray(fields, 'galleries', 'galleries')).map(
    ({ map }, g): Gallery => {
      const id = map.get('id')
      if (typeof id !== 'string') throw new ArticleDocError(`galleries.${g}.id`, 'is missing')
      return {
        id,
        name: readNullableText(map, 'name', `galleries.${g}.name`),
        items: ordered(readArray(map, 'items', `galleries.${g}.items`)).map((p, i) =>
          readImageUse(p.map, `galleries.${g}.items.${i}`)
        )
      }
    }
  )
  return {
    status: plain('status') as ArticleFields['status'],
    language: plain('language') as ArticleFields['language'],
    timeZone: plain('timeZone') as string,
    kicker: text('kicker'),
    headline: text('headline'),
    teaser: text('teaser'),
    bylines,
    dateline: {
      place: readNullableText(dateline, 'place', 'dateline.place'),
      source: readNullableText(dateline, 'source', 'dateline.source')
    },
    slugline: text('slugline'),
    tags,
    edNote: text('edNote'),
    notes: text('notes'),
    publishedAt: plain('publishedAt') as string | null,
    embargoedUntil: plain('embargoedUntil') as string | null,
    body: { type: 'doc' },
    lead: leads.length ? readImageUse(leads.get(0), 'lead') : null,
    galleries
  }
}

// Canonical JSON of blocks seen before, by their JSON as read: between two reads of a long body
// most blocks are unchanged, and building ProseMirror nodes is most of the cost of a read.
const canonicalBlocks = new Map<string, string>()
const CANONICAL_BLOCKS_MAX = 20_000

function canonicalBlock(block: PmNode): PmNode {
  const key = JSON.stringify(block)
  let canonical = canonicalBlocks.get(key)
  if (canonical === undefined) {
    canonical = JSON.stringify(bodySchema().nodeFromJSON(block).toJSON())
    if (canonicalBlocks.size >= CANONICAL_BLOCKS_MAX) canonicalBlocks.clear()
    canonicalBlocks.set(key, canonical)
  }
  // Parsed afresh each time: the caller owns what it gets (and gets plain objects, not
  // ProseMirror's prototype-less attribute objects).
  return JSON.parse(canonical) as PmNode
}

/** The body in the schema's canonical JSON (what the editor's `getJSON()` gives). */
export function docBody(doc: Y.Doc): PmNode {
  try {
    const raw = readBody(doc.getXmlFragment(ARTICLE_DOC_BODY))
    const content = (raw.content ?? []).map(canonicalBlock)
    return content.length ? { type: 'doc', content } : { type: 'doc' }
  } catch (error) {
    throw new ArticleDocError('body', error instanceof Error ? error.message : String(error))
  }
}

/**
 * The article a document holds, with the writer's `revision` and `updatedAt`. Every field comes
 * back as `articleToDoc` got it (null, "" and absent kept apart); the body in the schema's
 * canonical JSON, as the editor writes it. Not validated (see `docProblem`); throws an
 * `ArticleDocError` naming the part when the document does not have the article layout.
 */
export function docToArticle(doc: Y.Doc, stamp: { revision: number; updatedAt: string }): Article {
  return readArticle(doc, stamp)
}

/** `docToArticle`, taking the body from `body` when the caller knows it did not change. */
export function readArticle(
  doc: Y.Doc,
  stamp: { revision: number; updatedAt: string },
  body?: PmNode
): Article {
  const meta = doc.getMap<unknown>(ARTICLE_DOC_META)
  const fields = readFields(doc.getMap<unknown>(ARTICLE_DOC_FIELDS))
  fields.body = body ?? docBody(doc)
  for (const key of ['schemaVersion', 'id', 'createdAt'] as const) {
    if (!meta.has(key)) throw new ArticleDocError(key, 'is missing')
  }
  const article = {
    ...fields,
    schemaVersion: meta.get('schemaVersion'),
    id: meta.get('id'),
    revision: stamp.revision,
    createdAt: meta.get('createdAt'),
    updatedAt: stamp.updatedAt
  } as Article
  if (meta.has('publication')) {
    article.publication = structuredClone(meta.get('publication')) as Article['publication']
  }
  if (meta.has('importedFrom')) {
    article.importedFrom = structuredClone(meta.get('importedFrom')) as Article['importedFrom']
  }
  return article
}
