/**
 * The article file format (`{ schemaVersion, article }`) and its migrations.
 *
 * Every file names the schema version it was written with. Older files are migrated step by step
 * when read (`migrations[n]` turns version n into n + 1); the migrated form reaches the disk with
 * the next save. A file from a newer Copydesk is refused, never rewritten.
 */
import {
  ARTICLE_SCHEMA_VERSION,
  articleSchema,
  defaultArticleFields,
  type Article
} from '../../../shared/article'

/** What one article file holds: lowdb's document. */
export interface ArticleFile {
  schemaVersion: number
  article: Article
}

/** Why a file could not be turned into an article. */
export class ArticleFileError extends Error {
  /** `invalid`: damaged or not an article. `newer`: written by a newer schema version. */
  readonly kind: 'invalid' | 'newer'

  constructor(kind: 'invalid' | 'newer', message: string) {
    super(message)
    this.name = 'ArticleFileError'
    this.kind = kind
  }
}

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Byline text as early drafts stored it (`Von Anna Beispiel und Max Muster`) → names. */
export function splitBylineText(text: string): string[] {
  return text
    .replace(/^\s*(von|by)\s+/i, '')
    .split(/\s*(?:,|;|&|\bund\b|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter(Boolean)
}

/**
 * Migrations by the version they read: each returns the file in the next version.
 * v0 → v1: files from before schema versions. They may hold the article at the top level, and
 * a single `byline` string instead of the `bylines` list; fields added since get their defaults.
 */
export const migrations: Record<number, (file: Json) => Json> = {
  0: (file) => {
    const source = isObject(file.article) ? file.article : file
    const { byline, ...rest } = source
    const article: Json = { ...defaultArticleFields(), ...rest, schemaVersion: 1 }
    if (!Array.isArray(rest.bylines)) {
      article.bylines = typeof byline === 'string' ? splitBylineText(byline) : []
    }
    return { schemaVersion: 1, article }
  }
}

/** What a raw file declares as its schema version: undefined when it declares none. */
function declaredVersion(raw: Json): unknown {
  if (raw.schemaVersion !== undefined) return raw.schemaVersion
  return isObject(raw.article) ? raw.article.schemaVersion : undefined
}

function isVersionNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
}

/**
 * The schema version a raw file declares (0 when it declares none, or declares something that
 * is not a version number; {@link articleFromFile} refuses the latter).
 */
export function schemaVersionOf(raw: unknown): number {
  if (!isObject(raw)) return 0
  const version = declaredVersion(raw)
  return isVersionNumber(version) ? version : 0
}

/**
 * Migrates and validates a parsed article file. `where` names the file in error messages.
 * Throws {@link ArticleFileError}.
 */
export function articleFromFile(raw: unknown, where: string): Article {
  if (!isObject(raw)) throw new ArticleFileError('invalid', `${where} does not hold an object`)
  const declared = declaredVersion(raw)
  // Only a file that declares nothing is from before schema versions; a version written as
  // text, negative or fractional is damage, and migrating it as v0 would hide that.
  if (declared !== undefined && !isVersionNumber(declared)) {
    throw new ArticleFileError(
      'invalid',
      `${where} is not a valid article (schemaVersion: ${JSON.stringify(declared)} is not a whole number of 0 or more)`
    )
  }
  let version = schemaVersionOf(raw)
  if (version > ARTICLE_SCHEMA_VERSION) {
    throw new ArticleFileError(
      'newer',
      `${where} was written by a newer Copydesk (schema ${version}; this version reads up to ${ARTICLE_SCHEMA_VERSION})`
    )
  }
  let file: Json = raw
  while (version < ARTICLE_SCHEMA_VERSION) {
    const step = migrations[version]
    if (!step)
      throw new ArticleFileError('invalid', `${where}: no migration from schema ${version}`)
    file = step(file)
    version++
  }
  const parsed = articleSchema.safeParse(file.article)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ArticleFileError(
      'invalid',
      `${where} is not a valid article (${issue?.path.join('.') || 'article'}: ${issue?.message ?? 'invalid'})`
    )
  }
  return parsed.data
}
