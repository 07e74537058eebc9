/**
 * A small longest-common-subsequence diff for the history view: paragraphs first, then words
 * inside a paragraph that was changed.
 */
import type { Article, PmNode } from '../../../shared/article'
import { articleFieldsSchema } from '../../../shared/article'
import { textBlocksOf } from '../../../shared/articleText'
import type { ArticleDiff, FieldChange, ParagraphChange, WordChange } from '../../../shared/library'

/** One run of a diff between two sequences. */
export interface DiffRun<T> {
  op: 'equal' | 'insert' | 'delete'
  items: T[]
}

// Above this many table cells (n × m) the diff gives up on alignment and reports a replacement,
// so a pathological pair of texts cannot stall the main process.
const MAX_CELLS = 4_000_000

function push<T>(runs: DiffRun<T>[], op: DiffRun<T>['op'], item: T): void {
  const last = runs[runs.length - 1]
  if (last && last.op === op) last.items.push(item)
  else runs.push({ op, items: [item] })
}

/** Runs that turn `a` into `b` (equal items kept, the rest deleted or inserted). */
export function diffSequences<T>(a: readonly T[], b: readonly T[]): DiffRun<T>[] {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const runs: DiffRun<T>[] = []
  for (let i = 0; i < start; i++) push(runs, 'equal', a[i] as T)
  const n = endA - start
  const m = endB - start
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) push(runs, 'delete', a[i] as T)
    for (let j = start; j < endB; j++) push(runs, 'insert', b[j] as T)
  } else if (n > 0 || m > 0) {
    // lcs[i][j]: LCS length of a[start+i..endA) and b[start+j..endB), row-major.
    const width = m + 1
    const lcs = new Uint32Array((n + 1) * width)
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] =
          a[start + i] === b[start + j]
            ? (lcs[(i + 1) * width + j + 1] as number) + 1
            : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number)
      }
    }
    let i = 0
    let j = 0
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        push(runs, 'equal', a[start + i] as T)
        i++
        j++
      } else if (
        i < n &&
        (j >= m || (lcs[(i + 1) * width + j] as number) >= (lcs[i * width + j + 1] as number))
      ) {
        // Deletions first, so a replaced paragraph reads as delete-then-insert and pairs up.
        push(runs, 'delete', a[start + i] as T)
        i++
      } else {
        push(runs, 'insert', b[start + j] as T)
        j++
      }
    }
  }
  for (let i = endA; i < a.length; i++) push(runs, 'equal', a[i] as T)
  return runs
}

const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length

/** Word-level changes inside one paragraph (whitespace kept with the words). */
export function diffWords(before: string, after: string): WordChange[] {
  const tokens = (s: string): string[] => s.split(/(\s+)/).filter((t) => t !== '')
  return diffSequences(tokens(before), tokens(after)).map((run) => ({
    op: run.op,
    text: run.items.join('')
  }))
}

// A body image in the block sequence: a character no typed text holds, then the asset id.
const IMAGE_MARK = '\uFFFC'
const imageOf = (block: string): string | null =>
  block.startsWith(IMAGE_MARK) ? block.slice(IMAGE_MARK.length) : null

function single(op: DiffRun<string>['op'], block: string): ParagraphChange {
  const assetId = imageOf(block)
  if (assetId !== null) return { op, before: null, after: null, assetId }
  return { op, before: op === 'insert' ? null : block, after: op === 'delete' ? null : block }
}

/**
 * The body as a reader meets it: text blocks in order, and each body image as a block of its own
 * (an image mark and its asset id) before its caption.
 */
export function readerBlocksOf(body: PmNode | null | undefined): string[] {
  const out: string[] = []
  for (const node of body?.content ?? []) {
    if (node.type === 'figure' && typeof node.attrs?.assetId === 'string') {
      out.push(IMAGE_MARK + node.attrs.assetId)
    }
    out.push(...textBlocksOf(node))
  }
  return out
}

/** Paragraph changes from `before` to `after`; a deletion next to an insertion is a change. */
export function diffParagraphs(before: string[], after: string[]): ParagraphChange[] {
  const out: ParagraphChange[] = []
  const runs = diffSequences(before, after)
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r] as DiffRun<string>
    const next = runs[r + 1]
    if (run.op === 'delete' && next?.op === 'insert') {
      const pairs = Math.min(run.items.length, next.items.length)
      for (let k = 0; k < pairs; k++) {
        const b = run.items[k] as string
        const a = next.items[k] as string
        if (imageOf(b) !== null || imageOf(a) !== null) {
          // An image replaced is one out and one in, never a word change.
          out.push(single('delete', b), single('insert', a))
        } else {
          out.push({ op: 'change', before: b, after: a, words: diffWords(b, a) })
        }
      }
      for (const b of run.items.slice(pairs)) out.push(single('delete', b))
      for (const a of next.items.slice(pairs)) out.push(single('insert', a))
      r++
      continue
    }
    for (const block of run.items) out.push(single(run.op, block))
  }
  return out
}

// Fields shown as text, whose changes are shown word by word.
const TEXT_FIELDS = new Set(['kicker', 'headline', 'teaser', 'slugline', 'edNote', 'notes'])

const FIELDS = Object.keys(articleFieldsSchema.shape).filter((f) => f !== 'body')

/** What changed from a kept version to the current article. */
export function diffArticles(version: Article, current: Article, versionId: string): ArticleDiff {
  const fields: FieldChange[] = []
  for (const field of FIELDS) {
    const before = (version as Record<string, unknown>)[field]
    const after = (current as Record<string, unknown>)[field]
    if (JSON.stringify(before) === JSON.stringify(after)) continue
    fields.push(
      TEXT_FIELDS.has(field)
        ? {
            field,
            before,
            after,
            words: diffWords(
              typeof before === 'string' ? before : '',
              typeof after === 'string' ? after : ''
            )
          }
        : { field, before, after }
    )
  }
  const body = diffParagraphs(readerBlocksOf(version.body), readerBlocksOf(current.body))
  let wordsAdded = 0
  let wordsRemoved = 0
  for (const p of body) {
    if (p.op === 'insert') wordsAdded += countWords(p.after ?? '')
    else if (p.op === 'delete') wordsRemoved += countWords(p.before ?? '')
    else if (p.op === 'change') {
      for (const w of p.words ?? []) {
        if (w.op === 'insert') wordsAdded += countWords(w.text)
        else if (w.op === 'delete') wordsRemoved += countWords(w.text)
      }
    }
  }
  return {
    id: current.id,
    versionId,
    fromRevision: version.revision,
    toRevision: current.revision,
    fields,
    body,
    wordsAdded,
    wordsRemoved
  }
}
