import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../shared/article'
import { articleToDoc, docProblem, docToArticle } from '../../../shared/articleDoc'
import { fullArticle } from '../../../shared/articleDoc/__fixtures__/articles'
import { FULL_BODY } from '../../../shared/editor/__fixtures__/bodies'
import { canonicalBody } from '../../../shared/editor/extensions'
import { createNewsroomArticle } from '../export/__fixtures__/newsroomArticle'
import { openServices } from '..'
import { articleFromFile } from './articleFile'
import { bodyOf } from './__fixtures__/libraryFixture'
import { tempLibraries } from './__fixtures__/tempLibraries'

// The library's v1 JSON files are what becomes a document on first open: read back from the
// disk as the library reads them, converted, and converted back.

const stampOf = (a: Article): { revision: number; updatedAt: string } => ({
  revision: a.revision,
  updatedAt: a.updatedAt
})
const plainJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

describe('v1 JSON articles from a real library', () => {
  const libs = tempLibraries()

  it('become documents and convert back equal to the file the library wrote', async () => {
    const library = await libs.open()
    const full = fullArticle()
    const made = await library.create(
      {
        kicker: full.kicker,
        headline: full.headline,
        teaser: full.teaser,
        bylines: full.bylines,
        dateline: full.dateline,
        tags: full.tags,
        notes: full.notes,
        edNote: '',
        timeZone: 'Asia/Kolkata',
        publishedAt: '2024-05-02T14:30:00+05:30',
        // Saved as the editor saves it: canonical JSON.
        body: FULL_BODY,
        lead: full.lead,
        galleries: full.galleries
      },
      {
        importedFrom: { file: 'paket.zip', importedAt: '2024-05-01T09:00:00+02:00' },
        publication: full.publication!
      }
    )
    const plain = await library.create({ body: bodyOf('Nur ein Absatz', '') })
    await library.flush()
    for (const { id } of [made, plain]) {
      const raw = JSON.parse(await readFile(join(libs.dir, 'articles', `${id}.json`), 'utf8'))
      const fromFile = articleFromFile(raw, id)
      const back = docToArticle(articleToDoc(fromFile), stampOf(fromFile))
      expect(back).toStrictEqual({ ...fromFile, body: plainJson(canonicalBody(fromFile.body)) })
      expect(docProblem(articleToDoc(fromFile))).toBeNull()
    }
    const raw = JSON.parse(await readFile(join(libs.dir, 'articles', `${made.id}.json`), 'utf8'))
    expect(docToArticle(articleToDoc(raw.article), stampOf(raw.article))).toStrictEqual(raw.article)
  })

  it('include the newsroom article of the export tests (lead, gallery, body figures, hostile captions)', async () => {
    const services = await openServices({
      libraryDir: libs.dir,
      version: 'test',
      systemLocale: 'de-DE'
    })
    try {
      const { article } = await createNewsroomArticle(services, libs.dir)
      await services.articles.flush()
      const raw = JSON.parse(
        await readFile(join(libs.dir, 'articles', `${article.id}.json`), 'utf8')
      )
      const fromFile = articleFromFile(raw, article.id)
      expect(fromFile.lead?.caption).toContain('<script>')
      const back = docToArticle(articleToDoc(fromFile), stampOf(fromFile))
      expect(back).toStrictEqual({ ...fromFile, body: plainJson(canonicalBody(fromFile.body)) })
      expect(docProblem(articleToDoc(fromFile))).toBeNull()
    } finally {
      await services.close()
    }
  })
})
