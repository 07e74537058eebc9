import { describe, expect, it } from 'vitest'
import { ARTICLE_SCHEMA_VERSION, defaultArticleFields } from '../../../shared/article'
import { ArticleFileError, articleFromFile, schemaVersionOf, splitBylineText } from './articleFile'

const id = '0c9dfa0a-dbee-417b-8944-c1d2cdde806d'
const base = {
  id,
  revision: 3,
  createdAt: '2023-01-02T10:00:00+01:00',
  updatedAt: '2023-01-02T11:00:00+01:00',
  headline: 'Alte Meldung'
}

describe('article file migrations', () => {
  it('reads a v0 file (no schemaVersion, byline string) as a current article', () => {
    const article = articleFromFile(
      { article: { ...base, byline: 'Von Anna Beispiel und Max Muster' } },
      'old.json'
    )
    expect(article).toMatchObject({
      schemaVersion: ARTICLE_SCHEMA_VERSION,
      id,
      revision: 3,
      headline: 'Alte Meldung',
      bylines: ['Anna Beispiel', 'Max Muster'],
      status: 'draft',
      language: 'de',
      galleries: []
    })
    expect(article).not.toHaveProperty('byline')
  })

  it('reads a v0 file that holds the article at the top level', () => {
    const article = articleFromFile({ ...base, byline: 'Anna Beispiel, Max Muster' }, 'bare.json')
    expect(article.bylines).toEqual(['Anna Beispiel', 'Max Muster'])
    expect(schemaVersionOf({ ...base })).toBe(0)
  })

  it('refuses a file from a newer schema without touching it, naming the file', () => {
    const raw = { schemaVersion: ARTICLE_SCHEMA_VERSION + 1, article: { ...base } }
    const before = JSON.stringify(raw)
    expect(() => articleFromFile(raw, 'future.json')).toThrow(/future\.json.*newer Copydesk/)
    expect(JSON.stringify(raw)).toBe(before)
  })

  it('names the file and the bad field of an invalid article', () => {
    let error: unknown
    try {
      articleFromFile(
        {
          schemaVersion: 1,
          article: { ...defaultArticleFields(), ...base, schemaVersion: 1, revision: -1 }
        },
        'x.json'
      )
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ArticleFileError)
    expect((error as ArticleFileError).kind).toBe('invalid')
    expect((error as Error).message).toMatch(/x\.json is not a valid article \(revision:/)
    expect(() => articleFromFile([1, 2], 'y.json')).toThrow(/y\.json does not hold an object/)
  })

  it('refuses a schemaVersion that is text, negative, fractional or null, naming file and value', () => {
    const article = { ...defaultArticleFields(), ...base, schemaVersion: 1 }
    const cases: [unknown, string][] = [
      ['1', '"1"'],
      [-1, '-1'],
      [1.5, '1.5'],
      [null, 'null'],
      [{ major: 1 }, '{"major":1}']
    ]
    for (const [schemaVersion, shown] of cases) {
      let error: unknown
      try {
        articleFromFile({ schemaVersion, article }, 'v.json')
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(ArticleFileError)
      expect((error as ArticleFileError).kind).toBe('invalid')
      expect((error as Error).message).toBe(
        `v.json is not a valid article (schemaVersion: ${shown} is not a whole number of 0 or more)`
      )
    }
    // Declared inside the article only (as some early files did): judged the same way.
    expect(() =>
      articleFromFile({ article: { ...article, schemaVersion: '1' } }, 'w.json')
    ).toThrow(
      'w.json is not a valid article (schemaVersion: "1" is not a whole number of 0 or more)'
    )
  })

  it('splits byline text on commas, "und", "and" and "&"', () => {
    expect(splitBylineText('By Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe'])
    expect(splitBylineText('A. Beispiel & B. Muster; C. Dritte')).toEqual([
      'A. Beispiel',
      'B. Muster',
      'C. Dritte'
    ])
  })
})
