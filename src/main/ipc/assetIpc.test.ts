import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AssetSummary, AssetUse, ImportResult } from '../../shared/asset'
import { Channels, type Channel } from '../../shared/ipc'
import type { Result } from '../../shared/result'
import { openIpcClient, type IpcClient } from './__fixtures__/ipcClient'
import type { Services } from '../services'
import { jpeg } from '../services/assets/__fixtures__/corpus'

let services: Services
let ipc: IpcClient
const call = <T>(channel: Channel, input?: unknown): Promise<Result<T>> =>
  ipc.call<T>(channel, input)
const value = <T>(channel: Channel, input?: unknown): Promise<T> => ipc.value<T>(channel, input)

beforeEach(async () => {
  ipc = await openIpcClient('copydesk-asset-ipc-')
  services = ipc.services
})
afterEach(() => ipc.close())

describe('asset channels', () => {
  it('imports bytes and base64, lists, edits, undoes, tells usage and refuses deleting what is used', async () => {
    const a = await jpeg(40, 30)
    const b = await jpeg(41, 30)
    const imported = await value<ImportResult[]>(Channels.assetsImport, {
      files: [
        { name: 'a.jpg', bytes: new Uint8Array(a) },
        { name: 'b.jpg', base64: b.toString('base64') },
        { name: 'leer.jpg', base64: '' }
      ]
    })
    expect(imported).toEqual([
      { file: 'a.jpg', assetId: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { file: 'b.jpg', assetId: expect.stringMatching(/^[0-9a-f]{64}$/) },
      {
        file: 'leer.jpg',
        error: '“leer.jpg” is empty (0 bytes): there is no image in it',
        reason: 'empty'
      }
    ])
    const [idA, idB] = imported.map((r) => ('assetId' in r ? r.assetId : ''))

    const updated = await value<AssetSummary>(Channels.assetsUpdate, {
      id: idA,
      baseRevision: 1,
      patch: { caption: 'Bildtext', credit: 'dpa', alt: 'Beschreibung' }
    })
    expect(updated.metadata).toMatchObject({ caption: 'Bildtext', credit: 'dpa' })
    const stale = await call(Channels.assetsUpdate, { id: idA, baseRevision: 1, patch: {} })
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } })

    const missingCredit = await value<AssetSummary[]>(Channels.assetsList, { missing: ['credit'] })
    expect(missingCredit.map((s) => s.id)).toEqual([idB])
    expect(
      (await value<AssetSummary[]>(Channels.assetsList, { query: 'bildtext' })).map((s) => s.id)
    ).toEqual([idA])

    const article = await services.articles.create({ headline: 'Mit Bild' })
    await services.assets.attach(article.id, [idA], { kind: 'lead' })
    expect(await value<AssetUse[]>(Channels.assetsUsage, { id: idA })).toEqual([
      { articleId: article.id, headline: 'Mit Bild', role: 'lead' }
    ])
    expect(
      (await value<AssetSummary[]>(Channels.assetsList, { unused: true })).map((s) => s.id)
    ).toEqual([idB])
    expect(await call(Channels.assetsDelete, { id: idA })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('“Mit Bild”') }
    })
    expect(await value(Channels.assetsDelete, { id: idB })).toEqual({ id: idB })
    expect(await call(Channels.assetsGet, { id: idB })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })

    const undone = await value<AssetSummary>(Channels.assetsUndo, { id: idA, baseRevision: 2 })
    expect(undone.metadata).toMatchObject({ caption: null, credit: null, alt: null })
    expect((await value<AssetSummary>(Channels.assetsGet, { id: idA })).revision).toBe(3)
  })

  it.each([
    ['no files', { files: [] }],
    ['base64 that is not base64', { files: [{ name: 'x.jpg', base64: '***' }] }],
    [
      'bytes and base64 together',
      { files: [{ name: 'x.jpg', base64: '', bytes: new Uint8Array() }] }
    ],
    ['a path from the renderer', { files: [{ name: 'x.jpg', path: '/etc/passwd' }] }],
    ['an over-long base64 file', { files: [{ name: 'x.jpg', base64: 'A'.repeat(70_000_000) }] }]
  ])('refuses an import with %s', async (_label, input) => {
    expect(await call(Channels.assetsImport, input)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
  })

  it('refuses ids that are not asset ids and edits of fields that are not editable', async () => {
    expect(await call(Channels.assetsGet, { id: '../secret' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect(
      await call(Channels.assetsUpdate, {
        id: 'a'.repeat(64),
        baseRevision: 1,
        patch: { width: 5 }
      })
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await call(Channels.assetsUsage, { id: 'a'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
  })
})
