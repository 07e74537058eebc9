import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportResult } from '../../shared/asset'
import { Channels, type Channel, type SaveAck } from '../../shared/ipc'
import type { Result } from '../../shared/result'
import { openIpcClient, type IpcClient } from './__fixtures__/ipcClient'
import type { Services } from '../services'
import { jpeg } from '../services/assets/__fixtures__/corpus'

let services: Services
let ipc: IpcClient
const call = <T>(channel: Channel, input?: unknown): Promise<Result<T>> =>
  ipc.call<T>(channel, input)
const value = <T>(channel: Channel, input?: unknown): Promise<T> => ipc.value<T>(channel, input)

/** Imports `n` distinct JPEGs over the channel, as the photo desk does; returns their ids. */
async function importPhotos(n: number): Promise<string[]> {
  const files = await Promise.all(
    Array.from({ length: n }, async (_, i) => ({
      name: `foto-${i + 1}.jpg`,
      base64: (await jpeg(40 + i, 30)).toString('base64')
    }))
  )
  const results = await value<ImportResult[]>(Channels.assetsImport, { files })
  return results.map((r) => {
    if (!('assetId' in r)) throw new Error(r.error)
    return r.assetId
  })
}

beforeEach(async () => {
  ipc = await openIpcClient('copydesk-attach-ipc-')
  services = ipc.services
})
afterEach(() => ipc.close())

describe('assets:attach', () => {
  it('builds a named gallery in the given order and appends to it on the next call', async () => {
    const [a, b, c] = await importPhotos(3)
    const article = await services.articles.create({ headline: 'Streit um Haushalt' })

    const ack = await value<SaveAck>(Channels.assetsAttach, {
      articleId: article.id,
      assetIds: [c, a],
      target: 'gallery',
      galleryName: 'Bundestag'
    })
    expect(ack).toMatchObject({ id: article.id, revision: article.revision + 1 })
    await value(Channels.assetsAttach, {
      articleId: article.id,
      assetIds: [b],
      target: 'gallery',
      galleryName: 'Bundestag'
    })

    const saved = await services.articles.get(article.id)
    expect(saved.galleries).toHaveLength(1)
    expect(saved.galleries[0].name).toBe('Bundestag')
    expect(saved.galleries[0].items.map((i) => i.assetId)).toEqual([c, a, b])
    expect(saved.headline).toBe('Streit um Haushalt')
    const usage = await services.assets.usage(c)
    expect(usage).toEqual([
      expect.objectContaining({ articleId: article.id, role: 'gallery', galleryName: 'Bundestag' })
    ])
  })

  it('without a name fills the first gallery; a new name makes a second one', async () => {
    const [a, b] = await importPhotos(2)
    const article = await services.articles.create({ headline: 'Zwei Galerien' })
    await value(Channels.assetsAttach, { articleId: article.id, assetIds: [a], target: 'gallery' })
    await value(Channels.assetsAttach, { articleId: article.id, assetIds: [b], target: 'gallery' })
    await value(Channels.assetsAttach, {
      articleId: article.id,
      assetIds: [b],
      target: 'gallery',
      galleryName: 'Zweite'
    })
    const saved = await services.articles.get(article.id)
    expect(saved.galleries.map((g) => [g.name, g.items.map((i) => i.assetId)])).toEqual([
      [null, [a, b]],
      ['Zweite', [b]]
    ])
  })

  it('sets and replaces the lead image', async () => {
    const [a, b] = await importPhotos(2)
    const article = await services.articles.create({ headline: 'Aufmacher' })
    await value(Channels.assetsAttach, { articleId: article.id, assetIds: [a], target: 'lead' })
    await value(Channels.assetsAttach, { articleId: article.id, assetIds: [b], target: 'lead' })
    const saved = await services.articles.get(article.id)
    expect(saved.lead?.assetId).toBe(b)
    expect(await services.assets.usage(a)).toEqual([])
  })

  it('refuses two lead images, unknown assets and unknown articles, and changes nothing', async () => {
    const [a, b] = await importPhotos(2)
    const article = await services.articles.create({ headline: 'Unverändert' })
    expect(
      await call(Channels.assetsAttach, { articleId: article.id, assetIds: [a, b], target: 'lead' })
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(
      await call(Channels.assetsAttach, {
        articleId: article.id,
        assetIds: [a, 'f'.repeat(64)],
        target: 'gallery'
      })
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: `No asset with id ${'f'.repeat(64)}` }
    })
    expect(
      await call(Channels.assetsAttach, {
        articleId: '00000000-0000-4000-8000-000000000000',
        assetIds: [a],
        target: 'gallery'
      })
    ).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(
      await call(Channels.assetsAttach, { articleId: article.id, assetIds: [], target: 'gallery' })
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(
      await call(Channels.assetsAttach, {
        articleId: article.id,
        assetIds: ['../../etc/passwd'],
        target: 'gallery'
      })
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } })

    const saved = await services.articles.get(article.id)
    expect(saved.revision).toBe(article.revision)
    expect(saved.lead).toBeNull()
    expect(saved.galleries).toEqual([])
  })
})
