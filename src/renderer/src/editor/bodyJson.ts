import type { Node as PmNodeType } from '@tiptap/pm/model'
import type { PmNode } from '../../../shared/article'

/**
 * A serialiser for the autosave: `toJson(editor.state.doc)` gives what `doc.toJSON()` gives, but
 * keeps the JSON of each top-level block by node identity. ProseMirror shares unchanged blocks
 * between document versions, so a save after typing in one paragraph of a long article builds
 * the JSON of that paragraph only and reuses the others. The returned objects are shared between
 * saves: callers must not change them (the bridge only serialises them).
 */
export function createBodyJsonCache(): (doc: PmNodeType) => PmNode {
  let cache = new WeakMap<PmNodeType, PmNode>()
  return (doc) => {
    const content: PmNode[] = []
    const next = new WeakMap<PmNodeType, PmNode>()
    doc.forEach((block) => {
      let json = cache.get(block)
      if (!json) json = block.toJSON() as PmNode
      next.set(block, json)
      content.push(json)
    })
    // Only the blocks of this version stay cached, so removed blocks are not kept alive.
    cache = next
    const out: PmNode = { type: doc.type.name }
    if (Object.keys(doc.attrs).length > 0) out.attrs = doc.attrs
    if (content.length > 0) out.content = content
    return out
  }
}
