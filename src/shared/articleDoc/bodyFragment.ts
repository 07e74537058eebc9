import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { PmMark, PmNode } from '../article'

// The body is stored exactly as y-tiptap's binding stores a ProseMirror document (so TipTap's
// Collaboration extension edits it as it is): each node an XmlElement named after its type with
// its non-null attributes, each run of text nodes one XmlText whose formatting attributes are the
// marks (mark name -> mark attrs, `{}` for a mark without attrs; the body schema has no marks that
// overlap themselves, so no hashed names). Writing compares with what is there and changes only
// what differs: blocks are matched by node id, text by common prefix and suffix, so a concurrent
// edit elsewhere keeps its Y items and survives the merge.

type Attrs = Record<string, unknown>

/** One run of formatted text as Y.Text deltas carry it. */
interface TextRun {
  insert: string
  attributes: Attrs
}

/** A child as the fragment holds it: a run of text nodes, or an element. */
type Child = { kind: 'text'; runs: TextRun[] } | { kind: 'element'; node: PmNode }

function marksToAttributes(marks: PmMark[] | undefined): Attrs {
  const out: Attrs = {}
  for (const mark of marks ?? []) out[mark.type] = mark.attrs ?? {}
  return out
}

function childrenOf(node: PmNode): Child[] {
  const out: Child[] = []
  for (const child of node.content ?? []) {
    if (child.type === 'text') {
      const run = { insert: child.text ?? '', attributes: marksToAttributes(child.marks) }
      if (run.insert === '') continue
      const last = out[out.length - 1]
      if (last?.kind === 'text') last.runs.push(run)
      else out.push({ kind: 'text', runs: [run] })
    } else {
      out.push({ kind: 'element', node: child })
    }
  }
  return out
}

/** A stable string for attribute values (key order does not matter). */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined'
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  const obj = value as Attrs
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
    .join(',')}}`
}

/** The attributes a node keeps in Y: the non-null ones (y-tiptap drops nulls the same way). */
function storedAttrs(node: PmNode): Attrs {
  const out: Attrs = {}
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value !== null && value !== undefined) out[key] = value
  }
  return out
}

function createText(runs: TextRun[]): Y.XmlText {
  const text = new Y.XmlText()
  text.applyDelta(runs.map((r) => ({ insert: r.insert, attributes: { ...r.attributes } })))
  return text
}

function createElement(node: PmNode): Y.XmlElement {
  const element = new Y.XmlElement(node.type)
  for (const [key, value] of Object.entries(storedAttrs(node))) {
    element.setAttribute(key, value as string)
  }
  element.insert(0, childrenOf(node).map(createChild))
  return element
}

function createChild(child: Child): Y.XmlText | Y.XmlElement {
  return child.kind === 'text' ? createText(child.runs) : createElement(child.node)
}

// The token two children must share to be the same child: the node type and, where the block
// has one, its node id (text runs all match each other).
function tokenOfY(item: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (item instanceof Y.XmlText) return '#text'
  if (item instanceof Y.XmlElement) {
    const id = item.getAttribute('nodeId') as unknown
    return typeof id === 'string' ? `${item.nodeName}#${id}` : item.nodeName
  }
  return '#other'
}

function tokenOfChild(child: Child): string {
  if (child.kind === 'text') return '#text'
  const id = child.node.attrs?.nodeId
  return typeof id === 'string' ? `${child.node.type}#${id}` : child.node.type
}

// Above this many cells the middle of a child list is replaced instead of aligned.
const MAX_ALIGN_CELLS = 4_000_000

/** Pairs of equal tokens in order (longest common subsequence). */
function align(a: string[], b: string[]): Array<[number, number]> {
  const n = a.length
  const m = b.length
  if (n === 0 || m === 0 || n * m > MAX_ALIGN_CELLS) return []
  const table = new Uint32Array((n + 1) * (m + 1))
  const at = (i: number, j: number): number => i * (m + 1) + j
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[at(i, j)] =
        a[i] === b[j]
          ? table[at(i + 1, j + 1)]! + 1
          : Math.max(table[at(i + 1, j)]!, table[at(i, j + 1)]!)
    }
  }
  const pairs: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j])
      i++
      j++
    } else if (table[at(i + 1, j)]! >= table[at(i, j + 1)]!) i++
    else j++
  }
  return pairs
}

type Parent = Y.XmlFragment | Y.XmlElement

/** Makes the children of `parent` those of `target`, keeping every child that matches. */
function updateChildren(parent: Parent, target: Child[]): void {
  const current = parent.toArray()
  const have = current.map(tokenOfY)
  const want = target.map(tokenOfChild)
  let start = 0
  while (start < have.length && start < want.length && have[start] === want[start]) start++
  let end = 0
  while (
    end < have.length - start &&
    end < want.length - start &&
    have[have.length - 1 - end] === want[want.length - 1 - end]
  ) {
    end++
  }
  const middle = align(have.slice(start, have.length - end), want.slice(start, want.length - end))
  const pairs: Array<[number, number]> = []
  for (let i = 0; i < start; i++) pairs.push([i, i])
  for (const [i, j] of middle) pairs.push([start + i, start + j])
  for (let k = end; k > 0; k--) pairs.push([have.length - k, want.length - k])
  // From the end backwards, so the indices still to be handled do not move.
  let haveEnd = have.length
  let wantEnd = want.length
  for (let p = pairs.length; p >= 0; p--) {
    const [hi, wi] = p === 0 ? [-1, -1] : pairs[p - 1]!
    const removeCount = haveEnd - hi - 1
    if (removeCount > 0) parent.delete(hi + 1, removeCount)
    if (wantEnd - wi - 1 > 0) {
      parent.insert(hi + 1, target.slice(wi + 1, wantEnd).map(createChild))
    }
    if (p > 0) updateChild(current[hi]!, target[wi]!)
    haveEnd = hi
    wantEnd = wi
  }
}

function updateChild(item: Y.XmlElement | Y.XmlText | Y.XmlHook, target: Child): void {
  if (item instanceof Y.XmlText && target.kind === 'text') updateText(item, target.runs)
  else if (item instanceof Y.XmlElement && target.kind === 'element')
    updateElement(item, target.node)
}

function updateElement(element: Y.XmlElement, node: PmNode): void {
  const want = storedAttrs(node)
  const have = element.getAttributes() as Attrs
  for (const [key, value] of Object.entries(want)) {
    if (stableJson(have[key]) !== stableJson(value)) element.setAttribute(key, value as string)
  }
  for (const key of Object.keys(have)) if (!(key in want)) element.removeAttribute(key)
  updateChildren(element, childrenOf(node))
}

/** Where a run list changes its formatting: [start, end, key of the attributes] per run. */
function spans(runs: TextRun[]): Array<[number, number, string, Attrs]> {
  const out: Array<[number, number, string, Attrs]> = []
  let at = 0
  for (const run of runs) {
    out.push([at, at + run.insert.length, stableJson(run.attributes), run.attributes])
    at += run.insert.length
  }
  return out
}

/**
 * The stretches in [from, to) (positions of both texts) where the formatting differs, with the
 * formatting wanted there; `shift` maps a position of `have` to the same character in `want`.
 */
function formatChanges(
  have: TextRun[],
  want: TextRun[],
  from: number,
  to: number,
  shift: number
): Array<[number, number, Attrs, Attrs]> {
  const h = spans(have)
  const w = spans(want)
  const out: Array<[number, number, Attrs, Attrs]> = []
  let hi = 0
  let wi = 0
  let pos = from
  while (pos < to) {
    while (hi < h.length && h[hi]![1] <= pos) hi++
    while (wi < w.length && w[wi]![1] <= pos + shift) wi++
    const hs = h[hi]
    const ws = w[wi]
    if (!hs || !ws) break
    const next = Math.min(to, hs[1], ws[1] - shift)
    if (hs[2] !== ws[2]) out.push([pos, next, hs[3], ws[3]])
    pos = next
  }
  return out
}

/** The attribute changes that turn formatting `from` into `to` (null removes a mark). */
function formatDiff(from: Attrs, to: Attrs): Attrs {
  const out: Attrs = {}
  for (const key of Object.keys(from)) if (!(key in to)) out[key] = null
  for (const [key, value] of Object.entries(to)) {
    if (stableJson(from[key]) !== stableJson(value)) out[key] = value
  }
  return out
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** Lengths of the common prefix and suffix of two strings, never splitting a surrogate pair. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length)
  let prefix = 0
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  if (prefix > 0 && isHighSurrogate(a.charCodeAt(prefix - 1))) prefix--
  let suffix = 0
  while (
    suffix < max - prefix &&
    a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)
  ) {
    suffix++
  }
  if (suffix > 0 && isHighSurrogate(a.charCodeAt(a.length - 1 - suffix))) suffix--
  return { prefix, suffix }
}

function updateText(text: Y.XmlText, want: TextRun[]): void {
  const have: TextRun[] = (text.toDelta() as Array<{ insert: unknown; attributes?: Attrs }>)
    .filter((d) => typeof d.insert === 'string')
    .map((d) => ({ insert: d.insert as string, attributes: d.attributes ?? {} }))
  const haveText = have.map((r) => r.insert).join('')
  const wantText = want.map((r) => r.insert).join('')
  const { prefix, suffix } = commonEnds(haveText, wantText)
  const shift = wantText.length - haveText.length
  // Formatting of the kept ends first (the suffix in today's positions), then the new middle.
  const suffixFrom = haveText.length - suffix
  for (const [from, to, was, is] of formatChanges(have, want, suffixFrom, haveText.length, shift)) {
    text.format(from, to - from, formatDiff(was, is))
  }
  for (const [from, to, was, is] of formatChanges(have, want, 0, prefix, 0)) {
    text.format(from, to - from, formatDiff(was, is))
  }
  if (suffixFrom > prefix) text.delete(prefix, suffixFrom - prefix)
  let at = prefix
  for (const [start, end, , attrs] of spans(want)) {
    const from = Math.max(start, prefix)
    const to = Math.min(end, wantText.length - suffix)
    if (to <= from) continue
    text.insert(at, wantText.slice(from, to), { ...attrs })
    at += to - from
  }
}

/**
 * Makes `fragment` hold `body` (canonical ProseMirror JSON of the body schema), changing only
 * what differs. Call inside a transaction.
 */
export function writeBody(fragment: Y.XmlFragment, body: PmNode): void {
  updateChildren(fragment, childrenOf(body))
}

/**
 * The body as ProseMirror JSON, read by y-tiptap itself (`yXmlFragmentToProsemirrorJSON`, what the
 * editor binding reads): attributes as stored (null ones absent), marks from the text formatting.
 * Not yet canonical; throws on an item that is neither element nor text.
 */
export function readBody(fragment: Y.XmlFragment): PmNode {
  return yXmlFragmentToProsemirrorJSON(fragment) as PmNode
}
