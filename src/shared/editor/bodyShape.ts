import type { PmNode } from '../article'

/*
 * The shape check every article body passes wherever it enters (IPC, package import, CLI, article
 * files on disk): plain ProseMirror JSON, node and mark names the shared editor schema knows, and
 * a nesting limit. It walks with an explicit stack and imports no TipTap, so `article.ts` can use
 * it in its zod schema (the preload and every other importer stay light) and a body nested
 * 100,000 deep is refused in linear time instead of overflowing a recursive parser.
 * `bodyShape.test.ts` keeps the name lists equal to `bodySchema()`.
 */

/** The node types of the body schema (`extensions.ts`). */
export const BODY_NODE_TYPES: readonly string[] = [
  'doc',
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'hardBreak',
  'text',
  'figure',
  'figureCaption',
  'pullQuote',
  'pullQuoteText',
  'pullQuoteAttribution'
]

/** The mark types of the body schema. */
export const BODY_MARK_TYPES: readonly string[] = ['link', 'bold', 'italic']

/**
 * The deepest body accepted, counted in nodes from `doc` (1) down to a text node. A news
 * article nests a dozen deep at most (a quote in a list in a list); 200 leaves room for any
 * real paste while keeping every recursive consumer (ProseMirror, React, the exporters) far
 * from its stack limit.
 */
export const BODY_MAX_DEPTH = 200

/** The most nodes a body may have: ten times the longest feature, still far from a problem. */
export const BODY_MAX_NODES = 500_000

/** Why a body is refused, and where (a path below the body, as zod reports it). */
export interface BodyShapeIssue {
  message: string
  path: (string | number)[]
}

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text'])
const nodeTypes = new Set(BODY_NODE_TYPES)
const markTypes = new Set(BODY_MARK_TYPES)

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function markIssue(mark: unknown): BodyShapeIssue | null {
  if (!isRecord(mark) || typeof mark.type !== 'string') {
    return { message: 'a mark must be an object with a "type"', path: [] }
  }
  if (!markTypes.has(mark.type)) {
    return {
      message: `unknown mark "${mark.type.slice(0, 64)}" (the editor knows ${BODY_MARK_TYPES.join(', ')})`,
      path: ['type']
    }
  }
  if (mark.attrs !== undefined && !isRecord(mark.attrs)) {
    return { message: 'mark attrs must be an object', path: ['attrs'] }
  }
  return null
}

/**
 * Why `value` is not an article body the editor can open, or null. Checks, without recursion:
 * every node is `{ type, attrs?, content?, marks?, text? }` with a node type of the schema, every
 * mark a mark of the schema, `text` only on text nodes (and required there), the root a `doc`,
 * at most {@link BODY_MAX_DEPTH} levels and {@link BODY_MAX_NODES} nodes. Which node may hold
 * which (content expressions) is ProseMirror's check (`bodyProblem`), run where TipTap is loaded.
 */
export function bodyShapeIssue(value: unknown): BodyShapeIssue | null {
  if (!isRecord(value) || value.type !== 'doc') {
    return { message: 'the body must be a ProseMirror document (type "doc")', path: [] }
  }
  // Each entry links to its parent: the path is only built for the one node that is refused.
  interface Entry {
    node: unknown
    depth: number
    up: Entry | null
    index: number
  }
  const pathOf = (entry: Entry, ...rest: (string | number)[]): (string | number)[] => {
    const path: (string | number)[] = []
    for (let e: Entry | null = entry; e?.up; e = e.up) path.unshift('content', e.index)
    return [...path, ...rest]
  }
  const stack: Entry[] = [{ node: value, depth: 1, up: null, index: 0 }]
  let count = 0
  while (stack.length) {
    const entry = stack.pop()!
    const { node, depth } = entry
    if (++count > BODY_MAX_NODES) {
      return { message: `the body has more than ${BODY_MAX_NODES} nodes`, path: [] }
    }
    if (depth > BODY_MAX_DEPTH) {
      return {
        message: `the body is nested more than ${BODY_MAX_DEPTH} levels deep`,
        path: []
      }
    }
    if (!isRecord(node) || typeof node.type !== 'string') {
      return { message: 'a node must be an object with a "type"', path: pathOf(entry) }
    }
    for (const key of Object.keys(node)) {
      if (!NODE_KEYS.has(key)) {
        return {
          message: `unexpected key "${key.slice(0, 64)}" in a node`,
          path: pathOf(entry, key)
        }
      }
    }
    if (!nodeTypes.has(node.type)) {
      return {
        message: `unknown node type "${node.type.slice(0, 64)}" (not in the editor schema)`,
        path: pathOf(entry, 'type')
      }
    }
    if (depth > 1 && node.type === 'doc') {
      return { message: 'a "doc" node can only be the root', path: pathOf(entry, 'type') }
    }
    if (node.attrs !== undefined && !isRecord(node.attrs)) {
      return { message: 'node attrs must be an object', path: pathOf(entry, 'attrs') }
    }
    if (node.type === 'text') {
      if (typeof node.text !== 'string' || node.text === '') {
        return { message: 'a text node needs non-empty "text"', path: pathOf(entry, 'text') }
      }
      if (node.content !== undefined) {
        return { message: 'a text node has no content', path: pathOf(entry, 'content') }
      }
    } else if (node.text !== undefined) {
      return { message: `a "${node.type}" node has no "text"`, path: pathOf(entry, 'text') }
    }
    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks)) {
        return { message: 'marks must be a list', path: pathOf(entry, 'marks') }
      }
      for (let i = 0; i < node.marks.length; i++) {
        const issue = markIssue(node.marks[i])
        if (issue) return { message: issue.message, path: pathOf(entry, 'marks', i, ...issue.path) }
      }
    }
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) {
        return { message: 'content must be a list', path: pathOf(entry, 'content') }
      }
      // Children pushed in reverse, so the first problem in document order is reported.
      for (let i = node.content.length - 1; i >= 0; i--) {
        stack.push({ node: node.content[i], depth: depth + 1, up: entry, index: i })
      }
    }
  }
  return null
}

/** The nesting depth of a body (doc = 1), measured without recursion. */
export function bodyDepth(doc: PmNode): number {
  let max = 0
  const stack: [PmNode, number][] = [[doc, 1]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (depth > max) max = depth
    for (const child of node.content ?? []) stack.push([child, depth + 1])
  }
  return max
}
