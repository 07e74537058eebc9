/**
 * The library's full-text index: folded terms → the articles (and fields) that contain them.
 *
 * Why not MiniSearch: at the library size the issue sets (10,000 articles of 1,000–5,000 words)
 * MiniSearch, measured here, holds ~1 GB of heap (a Map per term and field), needs ~9 s to
 * serialise and ~3 s per 2,500 articles to load its JSON, and re-adding one 5,000-word article
 * took up to 160 ms. This index keeps the same model (per-field matches, prefix search, folding)
 * in typed arrays: a sorted term list, one posting list per term, loaded from one binary file in
 * tens of milliseconds, and updated per save by the few terms that changed.
 *
 * A posting is `ordinal * 64 + fieldMask`: the article's ordinal in this index and one bit per
 * field that holds the term. Posting lists are sorted by ordinal.
 */
import { endianness } from 'node:os'
import { queryVariants, termsOf, wordsOf } from '../../../shared/textFold'

/** The fields searched, in bit order. */
export const SEARCH_FIELDS = [
  'headline',
  'kicker',
  'teaser',
  'bylines',
  'captions',
  'body'
] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]

/** The searchable text of one article, per field. */
export type SearchDocument = Record<SearchField, string>

/** One article found by a query. */
export interface SearchHit {
  id: string
  score: number
  /** The fields in which the query matched, in {@link SEARCH_FIELDS} order. */
  fields: SearchField[]
}

/** The snapshot file is not a search index this code can read. */
export class SearchIndexFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SearchIndexFormatError'
  }
}

const FIELD_WEIGHTS: Record<SearchField, number> = {
  headline: 5,
  kicker: 3,
  teaser: 2,
  bylines: 3,
  captions: 1.5,
  body: 1
}
// Six field bits below the ordinal: `p >>> 6` is the ordinal, `p & 63` the field mask.
const MASK_SLOTS = 64
const MAX_MASK = (1 << SEARCH_FIELDS.length) - 1
const PREFIX_FACTOR = 0.7
const MAGIC = 0x58534443 // 'CDSX' little-endian
const FORMAT_VERSION = 1
const TERM_CACHE_SIZE = 16

const maskWeights = (() => {
  const weights = new Float64Array(MAX_MASK + 1)
  for (let mask = 1; mask <= MAX_MASK; mask++) {
    let best = 0
    SEARCH_FIELDS.forEach((field, bit) => {
      if (mask & (1 << bit)) best = Math.max(best, FIELD_WEIGHTS[field])
    })
    weights[mask] = best
  }
  return weights
})()

/** Term → field mask of one document. */
export function termMasksOf(doc: SearchDocument): Map<string, number> {
  const masks = new Map<string, number>()
  SEARCH_FIELDS.forEach((field, bit) => {
    const text = doc[field]
    if (!text) return
    for (const term of termsOf(text)) masks.set(term, (masks.get(term) ?? 0) | (1 << bit))
  })
  return masks
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] as string) < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of the posting of `ordinal` in a sorted list, or `-(insertion point) - 1`. */
function findPosting(list: ArrayLike<number>, ordinal: number): number {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const o = (list[mid] as number) >>> 6
    if (o < ordinal) lo = mid + 1
    else if (o > ordinal) hi = mid - 1
    else return mid
  }
  return -lo - 1
}

function align4(n: number): number {
  return (n + 3) & ~3
}

/** The in-memory full-text index; see the module comment. */
export class SearchIndex {
  // Documents by ordinal; a removed document leaves '' behind until the next encode().
  private docIds: string[] = []
  private stamps: string[] = []
  private readonly ordinalOf = new Map<string, number>()
  // The base: what the last snapshot held, sorted terms with their posting ranges.
  private baseTerms: string[] = []
  private baseOffsets: Uint32Array<ArrayBufferLike> = new Uint32Array(1)
  private basePostings: Uint32Array<ArrayBufferLike> = new Uint32Array(0)
  // Terms changed since the base (and terms the base lacks): their whole posting list.
  private readonly changed = new Map<string, number[]>()
  private addedTerms: string[] = []
  // Term masks of recently indexed documents, so the next save of one diffs without re-reading.
  private readonly termCache = new Map<string, { stamp: string; masks: Map<string, number> }>()
  // Articles put or removed since the index was loaded or last encoded.
  private readonly pending = new Set<string>()
  // Ordinals of removed documents still present in posting lists (dropped at encode()).
  private dead = 0

  /** Articles indexed. */
  get size(): number {
    return this.ordinalOf.size
  }

  /** Articles put or removed since the index was loaded or last encoded. */
  get pendingChanges(): number {
    return this.pending.size
  }

  /** The version stamp an article was indexed at, if it is indexed. */
  stampOf(id: string): string | undefined {
    const ordinal = this.ordinalOf.get(id)
    return ordinal === undefined ? undefined : this.stamps[ordinal]
  }

  /** Ids of every indexed article. */
  ids(): string[] {
    return [...this.ordinalOf.keys()]
  }

  /**
   * Indexes `doc` as article `id` at version `stamp`. When `previous` is the document indexed
   * for `id` (same stamp as stored), only the terms that differ are touched; otherwise the old
   * entry is dropped and the article is indexed afresh.
   */
  put(
    id: string,
    stamp: string,
    doc: SearchDocument,
    previous?: { stamp: string; doc: SearchDocument }
  ): void {
    this.putMasks(
      id,
      stamp,
      termMasksOf(doc),
      previous && (() => termMasksOf(previous.doc)),
      previous?.stamp
    )
    this.pending.add(id)
  }

  private putMasks(
    id: string,
    stamp: string,
    masks: Map<string, number>,
    previousMasks?: () => Map<string, number>,
    previousStamp?: string
  ): void {
    const ordinal = this.ordinalOf.get(id)
    let oldMasks: Map<string, number> | undefined
    if (ordinal !== undefined) {
      const indexedStamp = this.stamps[ordinal]
      const cached = this.termCache.get(id)
      if (cached && cached.stamp === indexedStamp) oldMasks = cached.masks
      else if (previousMasks && previousStamp === indexedStamp) oldMasks = previousMasks()
    }
    if (ordinal !== undefined && oldMasks) {
      for (const [term, mask] of masks) {
        if (oldMasks.get(term) !== mask) this.setPosting(term, ordinal, mask)
      }
      for (const term of oldMasks.keys()) {
        if (!masks.has(term)) this.setPosting(term, ordinal, 0)
      }
      this.stamps[ordinal] = stamp
    } else {
      if (ordinal !== undefined) this.drop(id, ordinal)
      const fresh = this.docIds.length
      if (fresh >= 2 ** 26) throw new Error('search index: too many article versions')
      this.docIds.push(id)
      this.stamps.push(stamp)
      this.ordinalOf.set(id, fresh)
      for (const [term, mask] of masks) this.setPosting(term, fresh, mask)
    }
    this.termCache.delete(id)
    this.termCache.set(id, { stamp, masks })
    if (this.termCache.size > TERM_CACHE_SIZE) {
      this.termCache.delete(this.termCache.keys().next().value as string)
    }
  }

  /** Removes an article from the index (its postings are dropped at the next encode). */
  remove(id: string): void {
    const ordinal = this.ordinalOf.get(id)
    if (ordinal === undefined) return
    this.drop(id, ordinal)
    this.pending.add(id)
  }

  private drop(id: string, ordinal: number): void {
    this.dead++
    this.docIds[ordinal] = ''
    this.stamps[ordinal] = ''
    this.ordinalOf.delete(id)
    this.termCache.delete(id)
  }

  private baseIndexOf(term: string): number {
    const i = lowerBound(this.baseTerms, term)
    return this.baseTerms[i] === term ? i : -1
  }

  private mutablePostings(term: string): number[] {
    let list = this.changed.get(term)
    if (list) return list
    const i = this.baseIndexOf(term)
    if (i >= 0) {
      list = Array.from(
        this.basePostings.subarray(this.baseOffsets[i], this.baseOffsets[i + 1] as number)
      )
    } else {
      list = []
      this.addedTerms.splice(lowerBound(this.addedTerms, term), 0, term)
    }
    this.changed.set(term, list)
    return list
  }

  /** Sets (mask > 0) or clears (mask 0) the posting of `ordinal` under `term`. */
  private setPosting(term: string, ordinal: number, mask: number): void {
    const list = this.mutablePostings(term)
    const last = list.length ? (list[list.length - 1] as number) >>> 6 : -1
    if (ordinal > last) {
      if (mask) list.push(ordinal * MASK_SLOTS + mask)
      return
    }
    const at = findPosting(list, ordinal)
    if (at >= 0) {
      if (mask) list[at] = ordinal * MASK_SLOTS + mask
      else list.splice(at, 1)
    } else if (mask) {
      list.splice(-at - 1, 0, ordinal * MASK_SLOTS + mask)
    }
  }

  /** Whether this process changed the article since the index was loaded, merged or encoded. */
  isPending(id: string): boolean {
    return this.pending.has(id)
  }

  /**
   * Takes articles as another index holds them (read from the file another process wrote):
   * `take` lists the ids to copy from `other` (an id `other` lacks is removed here). These are not
   * this process's changes, so they do not count as pending.
   */
  takeFrom(other: SearchIndex, take: Iterable<string>): void {
    const wanted = new Map<number, Map<string, number>>()
    const gone: string[] = []
    for (const id of take) {
      const ordinal = other.ordinalOf.get(id)
      if (ordinal === undefined) gone.push(id)
      else wanted.set(ordinal, new Map())
    }
    if (wanted.size > 0) {
      // One pass over every posting of the other index collects the wanted articles' terms.
      const collect = (term: string, postings: ArrayLike<number>): void => {
        for (let k = 0; k < postings.length; k++) {
          const p = postings[k] as number
          const masks = wanted.get(p >>> 6)
          if (masks) masks.set(term, p & 63)
        }
      }
      for (let i = 0; i < other.baseTerms.length; i++) {
        const term = other.baseTerms[i] as string
        collect(
          term,
          other.changed.get(term) ??
            other.basePostings.subarray(other.baseOffsets[i], other.baseOffsets[i + 1] as number)
        )
      }
      for (const term of other.addedTerms) collect(term, other.changed.get(term) ?? [])
    }
    for (const [ordinal, masks] of wanted) {
      const id = other.docIds[ordinal] as string
      const stamp = other.stamps[ordinal] as string
      this.putMasks(id, stamp, masks)
      this.pending.delete(id)
    }
    for (const id of gone) {
      const ordinal = this.ordinalOf.get(id)
      if (ordinal !== undefined) this.drop(id, ordinal)
      this.pending.delete(id)
    }
  }

  /** Every posting list whose term starts with `prefix`, with whether the term equals it. */
  private *postingsWithPrefix(
    prefix: string
  ): Generator<{ exact: boolean; postings: ArrayLike<number> }> {
    for (let i = lowerBound(this.baseTerms, prefix); i < this.baseTerms.length; i++) {
      const term = this.baseTerms[i] as string
      if (!term.startsWith(prefix)) break
      const changed = this.changed.get(term)
      yield {
        exact: term === prefix,
        postings:
          changed ??
          this.basePostings.subarray(this.baseOffsets[i], this.baseOffsets[i + 1] as number)
      }
    }
    for (let i = lowerBound(this.addedTerms, prefix); i < this.addedTerms.length; i++) {
      const term = this.addedTerms[i] as string
      if (!term.startsWith(prefix)) break
      yield { exact: term === prefix, postings: this.changed.get(term) ?? [] }
    }
  }

  /**
   * Articles matching every word of `query` (each word as a prefix, folded, with its umlaut
   * spellings), best first: a match in the headline weighs more than one in the body, a whole
   * word more than a prefix, a rare term more than a common one.
   */
  search(query: string): SearchHit[] {
    const words = [...new Set(wordsOf(query))]
    if (words.length === 0) return []
    const n = this.docIds.length
    const live = this.ordinalOf.size || 1
    const score = new Float64Array(n)
    const fieldMask = new Uint8Array(n)
    const matchedWords = new Uint16Array(n)
    const best = new Float64Array(n)
    const touched: number[] = []
    for (const word of words) {
      touched.length = 0
      for (const variant of queryVariants(word)) {
        for (const { exact, postings } of this.postingsWithPrefix(variant)) {
          const idf = Math.log(1 + live / Math.max(1, postings.length))
          const factor = (exact ? 1 : PREFIX_FACTOR) * idf
          for (let k = 0; k < postings.length; k++) {
            const p = postings[k] as number
            const ordinal = p >>> 6
            if (ordinal >= n || this.docIds[ordinal] === '') continue
            const mask = p & 63
            const value = (maskWeights[mask] as number) * factor
            if (best[ordinal] === 0) touched.push(ordinal)
            if (value > (best[ordinal] as number)) best[ordinal] = value
            fieldMask[ordinal] = (fieldMask[ordinal] as number) | mask
          }
        }
      }
      for (const ordinal of touched) {
        score[ordinal] = (score[ordinal] as number) + (best[ordinal] as number)
        matchedWords[ordinal] = (matchedWords[ordinal] as number) + 1
        best[ordinal] = 0
      }
    }
    const hits: SearchHit[] = []
    for (let ordinal = 0; ordinal < n; ordinal++) {
      if (matchedWords[ordinal] !== words.length) continue
      const mask = fieldMask[ordinal] as number
      hits.push({
        id: this.docIds[ordinal] as string,
        score: score[ordinal] as number,
        fields: SEARCH_FIELDS.filter((_, bit) => mask & (1 << bit))
      })
    }
    return hits.sort((a, b) => b.score - a.score)
  }

  /**
   * Serialises the index (dropping removed articles and renumbering the rest) and makes the
   * result the new in-memory base, so memory does not grow with the number of saves.
   */
  encode(): Uint8Array {
    const n = this.docIds.length
    const remap = new Int32Array(n).fill(-1)
    const docs: [string, string][] = []
    for (let ordinal = 0; ordinal < n; ordinal++) {
      const id = this.docIds[ordinal] as string
      if (id === '') continue
      remap[ordinal] = docs.length
      docs.push([id, this.stamps[ordinal] as string])
    }
    // Without removed documents the ordinals stay as they are: lists are copied, not filtered,
    // and runs of unchanged base terms are copied as one block.
    const identity = this.dead === 0
    const base = this.basePostings
    const baseOffsets = this.baseOffsets
    const changedBase = new Uint8Array(this.baseTerms.length)
    for (const term of this.changed.keys()) {
      const i = this.baseIndexOf(term)
      if (i >= 0) changedBase[i] = 1
    }
    const live = (list: ArrayLike<number>, from: number, to: number): number => {
      if (identity) return to - from
      let count = 0
      for (let k = from; k < to; k++) if ((remap[(list[k] as number) >>> 6] as number) >= 0) count++
      return count
    }
    // Merge base and added terms in sorted order; baseOf[t] is the base index of an unchanged
    // base term, -1 for a term whose list is in `lists[t]`.
    const terms: string[] = []
    const baseOf: number[] = []
    const lists: (ArrayLike<number> | null)[] = []
    let total = 0
    const take = (term: string, baseIndex: number, list: ArrayLike<number> | null): void => {
      const count =
        list === null
          ? live(base, baseOffsets[baseIndex] as number, baseOffsets[baseIndex + 1] as number)
          : live(list, 0, list.length)
      if (count === 0) return
      terms.push(term)
      baseOf.push(list === null ? baseIndex : -1)
      lists.push(list)
      total += count
    }
    let a = 0
    let b = 0
    while (a < this.baseTerms.length || b < this.addedTerms.length) {
      const baseTerm = this.baseTerms[a]
      const addedTerm = this.addedTerms[b]
      if (addedTerm === undefined || (baseTerm !== undefined && baseTerm < addedTerm)) {
        const term = baseTerm as string
        if (changedBase[a]) take(term, a, this.changed.get(term) ?? [])
        else take(term, a, null)
        a++
      } else {
        take(addedTerm, -1, this.changed.get(addedTerm) ?? [])
        b++
      }
    }
    const encoder = new TextEncoder()
    const headerBytes = encoder.encode(
      JSON.stringify({ docs, terms: terms.length, postings: total })
    )
    const termBytes = encoder.encode(terms.join('\n'))
    const headerStart = 12
    const termsStart = align4(headerStart + headerBytes.length) + 4
    const offsetsStart = align4(termsStart + termBytes.length)
    const postingsStart = offsetsStart + 4 * (terms.length + 1)
    const buffer = new ArrayBuffer(postingsStart + 4 * total)
    const bytes = new Uint8Array(buffer)
    const view = new DataView(buffer)
    view.setUint32(0, MAGIC, true)
    view.setUint32(4, FORMAT_VERSION, true)
    view.setUint32(8, headerBytes.length, true)
    bytes.set(headerBytes, headerStart)
    view.setUint32(termsStart - 4, termBytes.length, true)
    bytes.set(termBytes, termsStart)
    const offsets = new Uint32Array(buffer, offsetsStart, terms.length + 1)
    const postings = new Uint32Array(buffer, postingsStart, total)
    let at = 0
    for (let t = 0; t < terms.length;) {
      const bi = baseOf[t] as number
      if (identity && bi >= 0) {
        // A run of unchanged base terms occupies one contiguous block of the base.
        let u = t + 1
        while (u < terms.length && baseOf[u] === bi + (u - t)) u++
        const from = baseOffsets[bi] as number
        const to = baseOffsets[bi + (u - t)] as number
        for (let k = t; k < u; k++) offsets[k] = at + ((baseOffsets[bi + (k - t)] as number) - from)
        postings.set(base.subarray(from, to), at)
        at += to - from
        t = u
        continue
      }
      offsets[t] = at
      const source: ArrayLike<number> = bi >= 0 ? base : (lists[t] as ArrayLike<number>)
      const from = bi >= 0 ? (baseOffsets[bi] as number) : 0
      const to = bi >= 0 ? (baseOffsets[bi + 1] as number) : source.length
      for (let k = from; k < to; k++) {
        const p = source[k] as number
        const ordinal = remap[p >>> 6] as number
        if (ordinal >= 0) postings[at++] = ordinal * MASK_SLOTS + (p & 63)
      }
      t++
    }
    offsets[terms.length] = at
    this.adopt(docs, terms, offsets, postings)
    return bytes
  }

  private adopt(
    docs: [string, string][],
    terms: string[],
    offsets: Uint32Array<ArrayBufferLike>,
    postings: Uint32Array<ArrayBufferLike>
  ): void {
    this.docIds = docs.map(([id]) => id)
    this.stamps = docs.map(([, stamp]) => stamp)
    this.ordinalOf.clear()
    this.docIds.forEach((id, ordinal) => this.ordinalOf.set(id, ordinal))
    this.baseTerms = terms
    this.baseOffsets = offsets
    this.basePostings = postings
    this.changed.clear()
    this.addedTerms = []
    this.pending.clear()
    this.dead = 0
  }

  /** Reads an index written by {@link encode}; throws {@link SearchIndexFormatError}. */
  static decode(input: Uint8Array): SearchIndex {
    if (endianness() !== 'LE') throw new SearchIndexFormatError('big-endian host')
    // Typed-array views need 4-byte alignment; small files from readFile may be pooled.
    const bytes = input.byteOffset % 4 === 0 ? input : input.slice()
    const fail = (why: string): never => {
      throw new SearchIndexFormatError(`search index is damaged: ${why}`)
    }
    if (bytes.length < 16) fail('too short')
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    if (view.getUint32(0, true) !== MAGIC) fail('not a Copydesk search index')
    if (view.getUint32(4, true) !== FORMAT_VERSION) fail('unknown format version')
    const headerLength = view.getUint32(8, true)
    const termsStart = align4(12 + headerLength) + 4
    if (termsStart > bytes.length) fail('header past the end')
    const decoder = new TextDecoder('utf-8', { fatal: true })
    let header: { docs: [string, string][]; terms: number; postings: number }
    try {
      header = JSON.parse(decoder.decode(bytes.subarray(12, 12 + headerLength)))
    } catch {
      return fail('header does not parse')
    }
    if (!Array.isArray(header.docs) || !Number.isInteger(header.terms)) fail('bad header')
    const termLength = view.getUint32(termsStart - 4, true)
    const offsetsStart = align4(termsStart + termLength)
    const postingsStart = offsetsStart + 4 * (header.terms + 1)
    if (postingsStart + 4 * header.postings !== bytes.length) fail('length does not match')
    const text = decoder.decode(bytes.subarray(termsStart, termsStart + termLength))
    const terms = header.terms === 0 ? [] : text.split('\n')
    if (terms.length !== header.terms) fail('term count does not match')
    const offsets = new Uint32Array(bytes.buffer, bytes.byteOffset + offsetsStart, terms.length + 1)
    const postings = new Uint32Array(
      bytes.buffer,
      bytes.byteOffset + postingsStart,
      header.postings
    )
    for (let t = 0; t < terms.length; t++) {
      if ((offsets[t] as number) > (offsets[t + 1] as number)) fail('offsets out of order')
    }
    if (offsets[terms.length] !== header.postings) fail('offsets do not cover the postings')
    const index = new SearchIndex()
    index.adopt(header.docs, terms, offsets, postings)
    return index
  }
}
