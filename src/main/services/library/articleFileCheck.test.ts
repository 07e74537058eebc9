import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultArticleFields, type PmNode } from '../../../shared/article'
import { openServices } from '..'
import { ArticleFileError, articleFromFile } from './articleFile'

const id = '0c9dfa0a-dbee-417b-8944-c1d2cdde806d'
const stored = {
  ...defaultArticleFields(),
  schemaVersion: 1,
  id,
  revision: 2,
  createdAt: '2023-01-02T10:00:00+01:00',
  updatedAt: '2023-01-02T11:00:00+01:00',
  headline: 'Sonde landet auf dem Mars'
}

function readAs(article: Record<string, unknown>): () => unknown {
  return () => articleFromFile({ schemaVersion: 1, article }, 'mars.json')
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-file-check-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('article files pass the article check when read', () => {
  it('refuses an unknown time zone, naming the file and the field', () => {
    const read = readAs({ ...stored, timeZone: 'Mars/Olympus_Mons' })
    expect(read).toThrow(ArticleFileError)
    expect(read).toThrow(
      'mars.json is not a valid article (timeZone: "Mars/Olympus_Mons" is not a time zone (use an IANA name like Europe/Berlin))'
    )
  })

  it('refuses impossible dates, also in a file migrated from before schema versions', () => {
    expect(() =>
      articleFromFile(
        { ...stored, schemaVersion: undefined, publishedAt: '2024-02-30T10:00:00+02:00' },
        'alt.json'
      )
    ).toThrow(/publishedAt: "2024-02-30T10:00:00\+02:00" is not a calendar date/)
    expect(readAs({ ...stored, embargoedUntil: '2024-01-01T10:00:00+99:99' })).toThrow(
      /has offset \+99:99/
    )
  })

  it('refuses a body 100,000 levels deep without overflowing, and unknown node types', () => {
    let node: PmNode = { type: 'paragraph' }
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] }
    expect(readAs({ ...stored, body: { type: 'doc', content: [node] } })).toThrow(
      /body: the body is nested more than 200 levels deep/
    )
    expect(readAs({ ...stored, body: { type: 'doc', content: [{ type: 'iframe' }] } })).toThrow(
      /unknown node type "iframe"/
    )
  })

  it('the library quarantines such a file unchanged and keeps working', async () => {
    const libraryDir = join(dir, 'library')
    await mkdir(join(libraryDir, 'articles'), { recursive: true })
    const bytes = JSON.stringify({
      schemaVersion: 1,
      article: { ...stored, timeZone: 'Mars/Olympus_Mons' }
    })
    await writeFile(join(libraryDir, 'articles', `${id}.json`), bytes)
    const services = await openServices({ libraryDir, version: 't', systemLocale: 'de' })
    try {
      expect(await services.articles.list()).toEqual([])
      const problems = services.articles.problems()
      expect(problems.map((p) => p.message).join('\n')).toContain('Mars/Olympus_Mons')
      const moved = (await readdir(join(libraryDir, 'quarantine'))).find((f) => f.startsWith(id))
      expect(await readFile(join(libraryDir, 'quarantine', moved!), 'utf8')).toBe(bytes)
      const created = await services.articles.create({ headline: 'Neu' })
      expect((await services.articles.get(created.id)).headline).toBe('Neu')
    } finally {
      await services.close()
    }
  })
})
