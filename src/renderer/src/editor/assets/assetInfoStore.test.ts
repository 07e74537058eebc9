import { describe, expect, it } from 'vitest'
import type { AssetSummary } from '../../../../shared/asset'
import type { Result } from '../../../../shared/result'
import { createAssetInfoStore } from './assetInfoStore'

const ID = 'a'.repeat(64)

function summary(id: string, caption: string): AssetSummary {
  const text = {
    caption,
    headline: null,
    photographer: null,
    credit: 'Reuters',
    source: null,
    copyright: null,
    usageTerms: null,
    dateCreated: null,
    city: null,
    country: null,
    alt: null
  }
  return {
    schemaVersion: 1,
    id,
    revision: 1,
    importedAt: '2024-05-02T12:00:00.000Z',
    updatedAt: '2024-05-02T12:00:00.000Z',
    originalName: 'dom.jpg',
    originalFile: 'original.jpg',
    format: 'jpeg',
    fileSize: 1000,
    width: 64,
    height: 48,
    orientation: null,
    renditions: {
      thumb: { file: 'thumb.jpg', width: 64, height: 48 },
      preview: { file: 'preview.jpg', width: 64, height: 48 }
    },
    metadata: text,
    embedded: text,
    focal: null,
    warnings: [],
    usage: [],
    undoDepth: 0
  }
}

/** A fetcher over an in-memory library that counts the calls it answers. */
function library(records: Record<string, AssetSummary>): {
  fetch: (id: string) => Promise<Result<AssetSummary>>
  calls: string[]
} {
  const calls: string[] = []
  return {
    calls,
    fetch: async (id) => {
      calls.push(id)
      const record = records[id]
      return record
        ? { ok: true, value: record }
        : { ok: false, error: { code: 'not-found', message: `no asset ${id}` } }
    }
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

describe('asset info store', () => {
  it('fetches each asset once however many views ask, and tells listeners when it arrives', async () => {
    const lib = library({ [ID]: summary(ID, 'Der Dom') })
    const store = createAssetInfoStore(lib.fetch)
    let heard = 0
    store.subscribe(() => heard++)
    expect(store.get(ID)).toEqual({ status: 'loading' })
    expect(store.get(ID)).toEqual({ status: 'loading' })
    expect(store.peek(ID)).toBeUndefined()
    await settle()
    expect(lib.calls).toEqual([ID])
    expect(heard).toBe(1)
    const entry = store.get(ID)
    expect(entry.status === 'ready' && entry.asset.metadata.caption).toBe('Der Dom')
    expect(store.peek(ID)?.metadata.credit).toBe('Reuters')
  })

  it('remembers a missing asset with the message, and refresh fetches again', async () => {
    const records: Record<string, AssetSummary> = {}
    const lib = library(records)
    const store = createAssetInfoStore(lib.fetch)
    const version = store.version()
    store.get(ID)
    await settle()
    expect(store.get(ID)).toEqual({ status: 'missing', message: `no asset ${ID}` })
    expect(store.version()).toBeGreaterThan(version)
    records[ID] = summary(ID, 'Nachgereicht')
    await store.refresh(ID)
    expect(store.peek(ID)?.metadata.caption).toBe('Nachgereicht')
    expect(lib.calls).toEqual([ID, ID])
  })

  it('put replaces an entry and a bridge that throws counts as missing', async () => {
    const store = createAssetInfoStore(() => Promise.reject(new Error('harness gone')))
    store.get(ID)
    await settle()
    const entry = store.get(ID)
    expect(entry.status).toBe('missing')
    store.put(summary(ID, 'Neu'))
    expect(store.peek(ID)?.metadata.caption).toBe('Neu')
  })
})
