/** The articles of the index writer processes (indexWriter.ts) and what tests check in them. */
import {
  ARTICLE_SCHEMA_VERSION,
  defaultArticleFields,
  type Article
} from '../../../../shared/article'
import { bodyOf } from './libraryFixture'

/** Articles per writer. */
export const ARTICLES_PER_WRITER = 6

/** The id of a writer's `k`th article: a UUID whose parts name the writer. */
export function articleIdOf(tag: number, k: number): string {
  return `${String(tag).padStart(8, '0')}-0000-4000-8000-${String(k).padStart(12, '0')}`
}

/** A word only revision `revision` of article `id` contains, for the search check. */
export function markerOf(id: string, revision: number): string {
  return `mark${id.slice(0, 8)}k${id.slice(-2)}q${revision}z`
}

/** The article file content of a revision. */
export function articleAt(id: string, revision: number, updatedAt: string): Article {
  return {
    ...defaultArticleFields(),
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id,
    revision,
    createdAt: '2024-05-02T12:00:00.000+02:00',
    updatedAt,
    headline: `Fassung ${revision} von ${id.slice(0, 8)}`,
    body: bodyOf(`Text der Fassung ${revision}`, markerOf(id, revision))
  }
}
