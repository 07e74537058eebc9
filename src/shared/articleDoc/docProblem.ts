import * as Y from 'yjs'
import {
  articleSchema,
  defaultArticleFields,
  type Article,
  type ArticlePatch,
  type PmNode
} from '../article'
import { articlePatchProblem, type ArticleInputProblem } from '../editor/articleCheck'
import {
  ARTICLE_DOC_FIELDS,
  ARTICLE_DOC_META,
  ARTICLE_DOC_PARTS,
  ARTICLE_DOC_BODY,
  ArticleDocError,
  readArticle,
  FIELD_KEYS,
  nullMarker,
  TEXT_FIELDS
} from './articleDoc'

const USER_FIELDS = Object.keys(defaultArticleFields()) as Array<keyof ArticlePatch>
const KNOWN_FIELD_KEYS = new Set<string>([...FIELD_KEYS, ...TEXT_FIELDS.map(nullMarker)])
// Set once when a document is made; an update may not change them.
const FIXED_META = ['schemaVersion', 'id', 'createdAt'] as const

function firstSchemaIssue(article: Article): ArticleInputProblem | null {
  const parsed = articleSchema.safeParse(article)
  if (parsed.success) return null
  const issue = parsed.error.issues[0]
  return {
    field: issue?.path.length ? issue.path.join('.') : 'article',
    message: issue?.message ?? 'invalid'
  }
}

function read(doc: Y.Doc, body?: PmNode): Article | ArticleInputProblem {
  try {
    const meta = doc.getMap<unknown>(ARTICLE_DOC_META)
    const createdAt = meta.get('createdAt')
    const stamp = { revision: 0, updatedAt: typeof createdAt === 'string' ? createdAt : '' }
    return readArticle(doc, stamp, body)
  } catch (error) {
    if (error instanceof ArticleDocError) return { field: error.field, message: error.reason }
    throw error
  }
}

function isProblem(value: Article | ArticleInputProblem): value is ArticleInputProblem {
  return 'field' in value && 'message' in value && !('id' in value)
}

/** The user fields of `after` that differ from `before` (all of them without a `before`). */
function changedFields(after: Article, before: Article | null): ArticlePatch {
  const out: Record<string, unknown> = {}
  for (const key of USER_FIELDS) {
    if (!before || JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      out[key] = after[key]
    }
  }
  return out as ArticlePatch
}

function unknownPart(doc: Y.Doc): ArticleInputProblem | null {
  for (const name of doc.share.keys()) {
    if (!(ARTICLE_DOC_PARTS as readonly string[]).includes(name)) {
      return { field: name, message: 'is not a part of an article document' }
    }
  }
  for (const key of doc.getMap<unknown>(ARTICLE_DOC_FIELDS).keys()) {
    if (!KNOWN_FIELD_KEYS.has(key)) return { field: key, message: 'is not an article field' }
  }
  return null
}

/**
 * Why the document is not a valid article, or null: its layout, then the one article check
 * (`articlePatchProblem`: every user field by the article schema with the input rules, the body
 * against the editor schema), then the library's own values (id, dates, publication record).
 * Strict: a value stored before an input rule existed (a control character in an old headline)
 * is reported too; `updateProblem` judges only what an update changes.
 */
export function docProblem(doc: Y.Doc): ArticleInputProblem | null {
  const layout = unknownPart(doc)
  if (layout) return layout
  const article = read(doc)
  if (isProblem(article)) return article
  return articlePatchProblem(changedFields(article, null)) ?? firstSchemaIssue(article)
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

interface Shadow {
  /** A copy of the document, kept in step with it between checks. */
  copy: Y.Doc
  /** The copy's state (structs and deletions) when it was last known to equal the document. */
  state: Y.Snapshot
  /** The article the copy held then (or why it held none). */
  article: Article | ArticleInputProblem
}

// One copy per document, reused while the document changes only by updates this check accepted
// (the hub's steady state: check, then apply): copying a 20,000-word document costs more than
// checking a keystroke. Any other change to the document is caught by comparing snapshots.
const shadows = new WeakMap<Y.Doc, Shadow>()

function freshShadow(doc: Y.Doc): Shadow {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return { copy, state: Y.snapshot(copy), article: read(copy) }
}

function shadowOf(doc: Y.Doc): Shadow {
  const now = Y.snapshot(doc)
  const known = shadows.get(doc)
  if (known && Y.equalSnapshots(now, known.state)) return known
  if (known) {
    // The document moved on (a local edit, an update applied without a check): catch up.
    Y.applyUpdate(known.copy, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(known.copy)))
    if (Y.equalSnapshots(now, Y.snapshot(known.copy))) {
      const caughtUp = { ...known, state: now, article: read(known.copy) }
      shadows.set(doc, caughtUp)
      return caughtUp
    }
  }
  const fresh = freshShadow(doc)
  shadows.set(doc, fresh)
  return fresh
}

/**
 * Why `update` must be refused for `doc`, or null when it may be logged and applied. The update
 * is applied to a copy (never to `doc`), and the result must still be an article: readable
 * bytes whose changes all build on what `doc` has, nothing outside the article layout, the same
 * id, creation time and schema version, the article schema over everything, and the one article
 * check (`articlePatchProblem`, input rules included) over every user field the update changes.
 * Values the update leaves alone are not judged by rules newer than they are.
 * The copy is kept for the next check while `doc` changes only by the updates found valid.
 */
export function updateProblem(doc: Y.Doc, update: Uint8Array): ArticleInputProblem | null {
  const shadow = shadowOf(doc)
  // Whatever the outcome, the copy no longer equals the document until the update is applied.
  shadows.delete(doc)
  const result = check(shadow, update)
  if ('after' in result) {
    shadows.set(doc, { copy: shadow.copy, state: Y.snapshot(shadow.copy), article: result.after })
    return null
  }
  return result
}

/** The body's top-level blocks that are not in `before` (as many times as they are there). */
function newBlocks(after: PmNode, before: PmNode): PmNode[] {
  const old = new Map<string, number>()
  for (const block of before.content ?? []) {
    const key = JSON.stringify(block)
    old.set(key, (old.get(key) ?? 0) + 1)
  }
  return (after.content ?? []).filter((block) => {
    const key = JSON.stringify(block)
    const left = old.get(key) ?? 0
    if (left > 0) old.set(key, left - 1)
    return left === 0
  })
}

function check(shadow: Shadow, update: Uint8Array): ArticleInputProblem | { after: Article } {
  const { copy } = shadow
  const before = shadow.article
  const known = isProblem(before) ? null : before
  let bodyTouched = false
  const body = copy.getXmlFragment(ARTICLE_DOC_BODY)
  const touch = (): void => {
    bodyTouched = true
  }
  body.observeDeep(touch)
  try {
    Y.applyUpdate(copy, update)
  } catch (error) {
    return { field: 'update', message: `is not a readable Yjs update (${errorText(error)})` }
  } finally {
    body.unobserveDeep(touch)
  }
  if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null) {
    return {
      field: 'update',
      message: 'builds on changes this document does not have (an update is missing before it)'
    }
  }
  const layout = unknownPart(copy)
  if (layout) return layout
  // A body the update did not touch is the body the copy held before: not read again.
  const after = read(copy, known && !bodyTouched ? known.body : undefined)
  if (isProblem(after)) return after
  if (known) {
    for (const key of FIXED_META) {
      if (JSON.stringify(known[key]) !== JSON.stringify(after[key])) {
        return { field: key, message: 'cannot be changed once the article exists' }
      }
    }
  }
  const changed = changedFields(after, known)
  if (changed.body && known && (after.body.content?.length ?? 0) > 0) {
    // The schema checks each block on its own, so the new blocks are enough; the whole body's
    // shape (depth, size) is still checked with the article below.
    const blocks = newBlocks(after.body, known.body)
    changed.body = {
      type: 'doc',
      content: blocks.length ? blocks : after.body.content!.slice(0, 1)
    }
  }
  return articlePatchProblem(changed) ?? firstSchemaIssue(after) ?? { after }
}
