import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openServices, type Services } from '..'
import type { ImportResult } from '../../../shared/asset'

let dir: string
let services: Services | null = null

const open = async (): Promise<Services> =>
  (services = await openServices({
    libraryDir: join(dir, 'library'),
    version: 't',
    systemLocale: 'de'
  }))

async function photo(name: string): Promise<string> {
  const file = join(dir, name)
  await writeFile(
    file,
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6ea5' } })
      .jpeg()
      .toBuffer()
  )
  return file
}

function idOf(result: ImportResult | undefined): string {
  if (!result || 'error' in result) throw new Error(JSON.stringify(result))
  return result.assetId
}

const marked = (s: { text: string; marks: [number, number][] } | null): string[] =>
  s ? s.marks.map(([a, b]) => s.text.slice(a, b)) : []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-caption-search-'))
})
afterEach(async () => {
  await services?.close()
  services = null
  await rm(dir, { recursive: true, force: true })
})

describe('library search over photo-desk captions', () => {
  it('finds the article whose photo the photo desk captioned, with a snippet, after reopening', async () => {
    const s = await open()
    const article = await s.articles.create({ headline: 'Lage an der Donau' })
    const other = await s.articles.create({ headline: 'Haushalt' })
    const assetId = idOf(
      (await s.assets.import([{ name: 'a.jpg', path: await photo('a.jpg') }]))[0]
    )
    await s.assets.attach(article.id, [assetId], { kind: 'lead' })
    expect(await s.articles.searchArticles('Pegelstand')).toEqual([])

    const asset = await s.assets.get(assetId)
    await s.assets.update(assetId, asset.revision, {
      caption: 'Hochwasser in Passau: der Pegelstand steigt weiter'
    })
    const hits = await s.articles.searchArticles('pegelstand passau')
    expect(hits.map((h) => h.summary.id)).toEqual([article.id])
    expect(hits[0]?.fields).toEqual(['captions'])
    expect(hits[0]?.snippet).toMatchObject({
      field: 'captions',
      text: 'Hochwasser in Passau: der Pegelstand steigt weiter'
    })
    expect(marked(hits[0]!.snippet)).toEqual(['Passau', 'Pegelstand'])
    // The library list (what the app shows) carries the same snippet.
    const listed = await s.articles.list({ query: 'pegelstand' })
    expect(listed.map((a) => [a.id, a.snippet?.field])).toEqual([[article.id, 'captions']])
    expect(listed.some((a) => a.id === other.id)).toBe(false)

    // Undo takes the caption back out of the search.
    await s.assets.undo(assetId)
    expect(await s.articles.searchArticles('pegelstand')).toEqual([])
    const again = await s.assets.get(assetId)
    await s.assets.update(assetId, again.revision, { caption: 'Pegelstand in Passau' })
    await s.close()
    services = null

    // The index written at close holds it; a fresh open finds it without re-indexing.
    const reopened = await open()
    const found = await reopened.articles.searchArticles('pegelstand')
    expect(found.map((h) => h.summary.id)).toEqual([article.id])
    // The snippet reads the photo's caption although nothing was indexed in this session.
    expect(found[0]?.snippet).toMatchObject({ field: 'captions', text: 'Pegelstand in Passau' })
  })

  it('searches the article’s own caption where it overrides the photo desk’s', async () => {
    const s = await open()
    const article = await s.articles.create({ headline: 'Stadtrat' })
    const assetId = idOf(
      (await s.assets.import([{ name: 'b.jpg', path: await photo('b.jpg') }]))[0]
    )
    await s.assets.attach(article.id, [assetId], { kind: 'lead' })
    const current = await s.articles.get(article.id)
    await s.articles.save(article.id, current.revision, {
      lead: { ...current.lead!, caption: 'Sitzung im Rathaus' }
    })
    const asset = await s.assets.get(assetId)
    await s.assets.update(assetId, asset.revision, { caption: 'Marktplatz am Morgen' })
    expect((await s.articles.searchArticles('rathaus')).map((h) => h.summary.id)).toEqual([
      article.id
    ])
    expect(await s.articles.searchArticles('marktplatz')).toEqual([])
  })

  it('indexes photo-desk captions when a library without a search index is opened', async () => {
    const s = await open()
    const article = await s.articles.create({ headline: 'Ernte' })
    const assetId = idOf(
      (await s.assets.import([{ name: 'c.jpg', path: await photo('c.jpg') }]))[0]
    )
    await s.assets.attach(article.id, [assetId], { kind: 'gallery' })
    const asset = await s.assets.get(assetId)
    await s.assets.update(assetId, asset.revision, { caption: 'Mähdrescher bei Würzburg' })
    await s.close()
    services = null
    await rm(join(dir, 'library', 'index', 'search.bin'))

    const reopened = await open()
    const hits = await reopened.articles.searchArticles('maehdrescher wuerzburg')
    expect(hits.map((h) => h.summary.id)).toEqual([article.id])
    expect(marked(hits[0]!.snippet)).toEqual(['Mähdrescher', 'Würzburg'])
  })
})
