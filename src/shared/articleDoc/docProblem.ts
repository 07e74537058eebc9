import * as Y from 'yjs'
import { articleSchema, defaultArticleFields, type Article, type ArticlePatch } from '../article'
import { articlePatchProblem, type ArticleInputProblem } from '../editor/articleCheck'
import {
  ARTICLE_DOC_FIELDS,
  ARTICLE_DOC_META,
  ARTICLE_DOC_PARTS,
  ArticleDocError,
  docToArticle,
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

function read(doc: Y.Doc): Article | ArticleInputProblem {
  try {
    const meta = doc.getMap<unknown>(ARTICLE_DOC_META)
    const createdAt = meta.get('createdAt')
    return docToArticle(doc, {
      revision: 0,
      updatedAt: typeof createdAt === 'string' ? createdAt : ''
    })
  } catch (error) {
    if (error instanceof ArticleDocError) return { field: error.field, message: error.message }
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

/**
 * Why `update` must be refused for `doc`, or null when it may be logged and applied. The update
 * is applied to a copy (never to `doc`), and the result must still be an article: readable
 * bytes whose changes all build on what `doc` has, nothing outside the article layout, the same
 * id, creation time and schema version, the article schema over everything, and the one article
 * check (`articlePatchProblem`, input rules included) over every user field the update changes.
 * Values the update leaves alone are not judged by rules newer than they are.
 */
export function updateProblem(doc: Y.Doc, update: Uint8Array): ArticleInputProblem | null {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = read(copy)
  try {
    Y.applyUpdate(copy, update)
  } catch (error) {
    return { field: 'update', message: `is not a readable Yjs update (${errorText(error)})` }
  }
  if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null) {
    return {
      field: 'update',
      message: 'builds on changes this document does not have (an update is missing before it)'
    }
  }
  const layout = unknownPart(copy)
  if (layout) return layout
  const after = read(copy)
  if (isProblem(after)) return after
  const known = isProblem(before) ? null : before
  if (known) {
    for (const key of FIXED_META) {
      if (JSON.stringify(known[key]) !== JSON.stringify(after[key])) {
        return { field: key, message: 'cannot be changed once the article exists' }
      }
    }
  }
  return articlePatchProblem(changedFields(after, known)) ?? firstSchemaIssue(after)
}
