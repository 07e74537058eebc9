import { articlePatchSchema, type ArticlePatch } from '../article'
import { bodyProblem } from './extensions'

/** Why article input is refused: the field (dotted path) and a sentence about the value. */
export interface ArticleInputProblem {
  field: string
  message: string
}

/**
 * The one check of article input, wherever it enters (IPC create and save, `copydesk new`,
 * package import): every field by the article schema (time zone known to `Intl`, timestamps real
 * dates with real offsets, body shape and depth), then the body against the editor schema itself
 * (which node may hold which). Returns the first problem, or null.
 */
export function articlePatchProblem(patch: unknown): ArticleInputProblem | null {
  const parsed = articlePatchSchema.safeParse(patch)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      field: issue?.path.length ? issue.path.join('.') : 'article',
      message: issue?.message ?? 'invalid'
    }
  }
  const body = (parsed.data as ArticlePatch).body
  if (body) {
    const problem = bodyProblem(body)
    if (problem) return { field: 'body', message: problem }
  }
  return null
}
