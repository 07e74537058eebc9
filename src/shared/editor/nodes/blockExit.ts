import type { Node as PmNodeType, ResolvedPos } from '@tiptap/pm/model'
import { NodeSelection, TextSelection, type Transaction } from '@tiptap/pm/state'

/** An ancestor of a position: the node, where it starts, and its depth. */
export interface AncestorAt {
  node: PmNodeType
  pos: number
  depth: number
}

/** The closest ancestor of `$pos` with the given node type name, or null. */
export function ancestorNamed($pos: ResolvedPos, name: string): AncestorAt | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth)
    if (node.type.name === name) return { node, pos: $pos.before(depth), depth }
  }
  return null
}

/**
 * Puts the cursor in the block after the node at `pos`: into an empty paragraph that is already
 * there, else into a new one inserted right after it (the way leaving a caption with Enter feels
 * in a word processor: the next thing typed is body text, not an edit of what follows).
 */
export function cursorAfterNode(tr: Transaction, pos: number): Transaction {
  const node = tr.doc.nodeAt(pos)
  if (!node) return tr
  const after = pos + node.nodeSize
  const next = tr.doc.nodeAt(after)
  if (next && next.type.name === 'paragraph' && next.content.size === 0) {
    return tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView()
  }
  const paragraph = tr.doc.type.schema.nodes.paragraph
  if (!paragraph) return tr
  tr.insert(after, paragraph.create())
  return tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView()
}

/** Selects the whole node at `pos` (as clicking it would). */
export function selectNodeAt(tr: Transaction, pos: number): Transaction {
  return tr.setSelection(NodeSelection.create(tr.doc, pos)).scrollIntoView()
}

/** Selects the text inside the textblock that contains `$pos` (Ctrl+A that stays inside). */
export function selectTextblock(tr: Transaction, $pos: ResolvedPos): Transaction {
  return tr.setSelection(TextSelection.create(tr.doc, $pos.start(), $pos.end()))
}

/** Plain text for a one-line field: line breaks and runs of whitespace become single spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ')
}
