import { Extension } from '@tiptap/core'
import { Fragment, type Node as PmNodeType, Slice } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import type { Step } from '@tiptap/pm/transform'
import type { PmNode } from '../article'

/**
 * The block types that carry a `nodeId`: the ones preflight findings point at (`where:
 * { nodeId }`: a figure without credit, a paragraph with a misspelling or a bad link) and the
 * ones a "jump to" must find again after the text around them changed. Inline content and the
 * parts inside figures and pull quotes are reached through their block.
 */
export const NODE_ID_TYPES = [
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'figure',
  'pullQuote'
] as const

/** The transaction meta key set on the editor's own id-assigning transactions. */
export const NODE_IDS_META = 'nodeIds'

const ID_TYPES = new Set<string>(NODE_ID_TYPES)
const NODE_ID = /^[a-z][a-z0-9]{5,31}$/
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** Whether a value is a well-formed node id (what `data-node-id` may carry). */
export function isNodeId(value: unknown): value is string {
  return typeof value === 'string' && NODE_ID.test(value)
}

/**
 * A fresh node id: 10 characters, a letter then letters and digits (also a valid HTML id),
 * from the platform's cryptographic random source (36^10 ≈ 3.7 × 10^15 values: collisions
 * within one article are negligible, and duplicates are repaired anyway).
 */
export function newNodeId(): string {
  const bytes = new Uint8Array(10)
  globalThis.crypto.getRandomValues(bytes)
  let id = ALPHABET[bytes[0]! % 26]!
  for (let i = 1; i < bytes.length; i++) id += ALPHABET[bytes[i]! % 36]
  return id
}

/**
 * A copy of a body (ProseMirror JSON) in which every block of the `NODE_ID_TYPES` has a unique
 * `nodeId`: missing or malformed ids are assigned, later duplicates replaced. Existing unique ids
 * are kept, so findings that point at them stay valid. The input is not changed.
 */
export function ensureNodeIds(doc: PmNode, generate: () => string = newNodeId): PmNode {
  const seen = new Set<string>()
  const walk = (node: PmNode): PmNode => {
    let attrs = node.attrs
    if (ID_TYPES.has(node.type)) {
      const id = attrs?.nodeId
      if (isNodeId(id) && !seen.has(id)) {
        seen.add(id)
      } else {
        let fresh = generate()
        while (seen.has(fresh)) fresh = generate()
        seen.add(fresh)
        attrs = { ...attrs, nodeId: fresh }
      }
    }
    const out: PmNode = { ...node }
    if (attrs) out.attrs = attrs
    if (node.content) out.content = node.content.map(walk)
    return out
  }
  return walk(doc)
}

/** Whether any block of the id types in the body lacks a unique, well-formed id. */
export function needsNodeIds(doc: PmNode): boolean {
  const seen = new Set<string>()
  const walk = (node: PmNode): boolean => {
    if (ID_TYPES.has(node.type)) {
      const id = node.attrs?.nodeId
      if (!isNodeId(id) || seen.has(id)) return true
      seen.add(id)
    }
    return (node.content ?? []).some(walk)
  }
  return walk(doc)
}

export interface NodeIdsOptions {
  /**
   * Makes a new id. Tests pass a counter; the default is `newNodeId`.
   * @default newNodeId
   */
  generateId: () => string
  /**
   * When the editor starts with blocks that lack ids, assign them in one transaction (tagged
   * with the `NODE_IDS_META` meta, not in the undo history, no `update` event). Prefer passing
   * content through `ensureNodeIds` before it reaches the editor: then no transaction is needed.
   * @default true
   */
  assignOnCreate: boolean
}

// Typing, deleting text and toggling marks cannot create a block, so the common keystroke
// skips the scan; anything else (split, paste, wrap, set content) rechecks the whole document.
// Steps are told apart by shape, not `instanceof`: a bundle may hold two copies of
// prosemirror-transform (ESM and CJS), and then every step would fail the class check.
function mayCreateBlocks(step: Step): boolean {
  const shape = step as unknown as { slice?: Slice; gapFrom?: number; mark?: unknown }
  if (shape.mark !== undefined && shape.slice === undefined) return false
  if (shape.slice === undefined || shape.gapFrom !== undefined) return true
  const { slice } = shape
  if (slice.openStart > 0 || slice.openEnd > 0) return true
  let hasBlock = false
  slice.content.forEach((node) => {
    if (!node.isInline) hasBlock = true
  })
  return hasBlock
}

function assignIds(doc: PmNodeType, tr: Transaction, generate: () => string): boolean {
  const seen = new Set<string>()
  let changed = false
  doc.descendants((node, pos) => {
    if (ID_TYPES.has(node.type.name)) {
      const id: unknown = node.attrs.nodeId
      if (isNodeId(id) && !seen.has(id)) {
        seen.add(id)
      } else {
        let fresh = generate()
        while (seen.has(fresh)) fresh = generate()
        seen.add(fresh)
        tr.setNodeAttribute(pos, 'nodeId', fresh)
        changed = true
      }
    }
    // Ids live on blocks only; their inline content never needs a visit.
    return !node.isTextblock
  })
  return changed
}

function withoutIds(fragment: Fragment): Fragment {
  const nodes: PmNodeType[] = []
  fragment.forEach((node) => {
    if (node.isText) {
      nodes.push(node)
      return
    }
    const attrs =
      ID_TYPES.has(node.type.name) && node.attrs.nodeId != null
        ? { ...node.attrs, nodeId: null }
        : node.attrs
    nodes.push(node.type.create(attrs, withoutIds(node.content), node.marks))
  })
  return Fragment.fromArray(nodes)
}

/**
 * Gives every block of the `NODE_ID_TYPES` a stable, unique `nodeId` attribute (rendered as
 * `data-node-id`), so preflight findings can say `where: { nodeId }` and the editor can jump to
 * the block later: ids survive edits around them, are not copied when a block is split (the new
 * half gets a fresh one), and pasted blocks always get fresh ids.
 */
export const NodeIds = Extension.create<NodeIdsOptions>({
  name: 'nodeIds',

  addOptions() {
    return { generateId: newNodeId, assignOnCreate: true }
  },

  addGlobalAttributes() {
    return [
      {
        types: [...NODE_ID_TYPES],
        attributes: {
          nodeId: {
            default: null,
            keepOnSplit: false,
            parseHTML: (el: HTMLElement) => {
              const id = el.getAttribute('data-node-id')
              return isNodeId(id) ? id : null
            },
            renderHTML: (attrs: Record<string, unknown>) =>
              isNodeId(attrs.nodeId) ? { 'data-node-id': attrs.nodeId } : {}
          }
        }
      }
    ]
  },

  onCreate() {
    if (!this.options.assignOnCreate) return
    const { state, view } = this.editor
    const tr = state.tr
    if (!assignIds(state.doc, tr, this.options.generateId)) return
    // Not an edit: no undo step, and no `update` event (which would mark the draft unsaved);
    // the ids are saved with the next real change.
    tr.setMeta('addToHistory', false)
      .setMeta('preventUpdate', true)
      .setMeta(NODE_IDS_META, 'create')
    view.dispatch(tr)
  },

  addProseMirrorPlugins() {
    const generate = this.options.generateId
    return [
      new Plugin({
        key: new PluginKey('nodeIds'),
        props: {
          transformPasted: (slice) =>
            new Slice(withoutIds(slice.content), slice.openStart, slice.openEnd)
        },
        appendTransaction: (transactions, _oldState, newState) => {
          const relevant = transactions.some(
            (tr) => tr.docChanged && !tr.getMeta(NODE_IDS_META) && tr.steps.some(mayCreateBlocks)
          )
          if (!relevant) return null
          const tr = newState.tr
          if (!assignIds(newState.doc, tr, generate)) return null
          return tr.setMeta(NODE_IDS_META, 'assign')
        }
      })
    ]
  }
})
