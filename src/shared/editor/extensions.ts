import { type AnyExtension, type Extensions, getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import StarterKit from '@tiptap/starter-kit'
import type { ArticleLanguage, PmNode } from '../article'
import { ArticleLink } from './articleLink'
import { bodyShapeIssue } from './bodyShape'
import { FindReplace, type FindReplaceOptions } from './findReplace'
import { NodeIds, type NodeIdsOptions } from './nodeIds'
import { Figure, FigureCaption } from './nodes/figure'
import { PullQuote, PullQuoteAttribution, PullQuoteText } from './nodes/pullQuote'
import { PasteSanitizer } from './pasteSanitizer'
import { Typography } from './typography'

export interface SharedExtensionsOptions {
  /**
   * The article language: picks the quotation marks of the typography rules.
   * @default 'de'
   */
  language?: ArticleLanguage
  /**
   * Typographic quotes, dashes and ellipses as you type (switch live with `setTypography`).
   * @default true
   */
  typography?: boolean
  /**
   * Stable `nodeId`s on blocks; options for tests (a deterministic `generateId`).
   * @default {}
   */
  nodeIds?: Partial<NodeIdsOptions>
  /**
   * Find-and-replace commands and highlights; false leaves them out.
   * @default {}
   */
  findReplace?: Partial<FindReplaceOptions> | false
  /**
   * Undo history; false for an editor whose history lives elsewhere.
   * @default true
   */
  undoRedo?: boolean
  /**
   * Replacements for the shared nodes with the same name and schema, typically the renderer's
   * versions with node views: `{ figure: Figure.extend({ addNodeView: () => ... }) }`.
   * @default {}
   */
  nodeViews?: { figure?: AnyExtension; pullQuote?: AnyExtension }
}

/**
 * Every extension of the article body, in one list for the editor (renderer), the CLI and the
 * export (Node): StarterKit trimmed to what a news article has (paragraphs, h2/h3, bold, italic,
 * links, bullet and numbered lists, block quotes, hard breaks, undo) plus the figure and pull
 * quote nodes, stable node ids, the paste sanitiser, typography and find-and-replace. No code, code blocks,
 * horizontal rules, strike-through or underline: house style has none, and the sanitiser drops
 * them on paste.
 *
 * The schema does not depend on the options, so a body written with one set of options is valid
 * for every other.
 */
export function sharedExtensions(options: SharedExtensionsOptions = {}): Extensions {
  const extensions: Extensions = [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: false,
      undoRedo: options.undoRedo === false ? false : {}
    }),
    ArticleLink,
    options.nodeViews?.figure ?? Figure,
    FigureCaption,
    options.nodeViews?.pullQuote ?? PullQuote,
    PullQuoteText,
    PullQuoteAttribution,
    NodeIds.configure(options.nodeIds ?? {}),
    PasteSanitizer,
    Typography.configure({
      language: options.language ?? 'de',
      enabled: options.typography ?? true
    })
  ]
  if (options.findReplace !== false) {
    extensions.push(FindReplace.configure(options.findReplace ?? {}))
  }
  return extensions
}

let schema: Schema | null = null

/** The ProseMirror schema of an article body (built once; works in Node without a DOM). */
export function bodySchema(): Schema {
  schema ??= getSchema(sharedExtensions())
  return schema
}

/**
 * Why a body is not a valid document of the schema (unknown node or mark, missing asset id,
 * content in the wrong place), or null when it is. For the library to check bodies it is handed.
 */
export function bodyProblem(doc: PmNode): string | null {
  // The shape check first: ProseMirror's parser recurses and would overflow on a deep body.
  const shape = bodyShapeIssue(doc)
  if (shape) return shape.message
  try {
    bodySchema().nodeFromJSON(doc).check()
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/** A body in the schema's canonical JSON form (default attributes filled in, marks ordered). */
export function canonicalBody(doc: PmNode): PmNode {
  return bodySchema().nodeFromJSON(doc).toJSON() as PmNode
}
