import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article } from '../../shared/article'
import { Channels, type Channel } from '../../shared/channels'
import type { Result } from '../../shared/result'
import type { Services } from '../services'
import { bodyOf } from '../services/library/__fixtures__/libraryFixture'
import { openIpcClient, type IpcClient } from './__fixtures__/ipcClient'

let ipc: IpcClient
let dir: string
let services: Services
const call = (channel: Channel, input?: unknown): Promise<Result<unknown>> =>
  ipc.call(channel, input)

/** Opens the library over IPC; again in the same folder when a test has changed its files. */
async function open(root?: string): Promise<void> {
  ipc = await openIpcClient('copydesk-library-ipc-', { root })
  dir = ipc.libraryDir
  services = ipc.services
}

async function value<T>(promise: Promise<Result<unknown>>): Promise<T> {
  const result = await promise
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

beforeEach(async () => {
  await open()
})
afterEach(async () => {
  await ipc.close()
})

describe('library channels', () => {
  it('discardIfEmpty removes an untouched draft and keeps one with text', async () => {
    const empty = await value<Article>(call(Channels.articlesCreate, {}))
    const written = await value<Article>(call(Channels.articlesCreate, { kicker: 'Gipfel' }))
    expect(await call(Channels.articlesDiscardIfEmpty, { id: empty.id })).toEqual({
      ok: true,
      value: { discarded: true }
    })
    expect(await call(Channels.articlesDiscardIfEmpty, { id: written.id })).toEqual({
      ok: true,
      value: { discarded: false }
    })
    const listed = await value<{ id: string }[]>(call(Channels.articlesList))
    expect(listed.map((a) => a.id)).toEqual([written.id])
    expect(await value(call(Channels.articlesTrash))).toEqual([])
    expect(await call(Channels.articlesDiscardIfEmpty, { id: 'not an id' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
  })

  it('delete, trash, restore and empty the trash', async () => {
    const a = await value<Article>(call(Channels.articlesCreate, { headline: 'Weg' }))
    expect(await call(Channels.articlesDelete, { id: a.id })).toEqual({
      ok: true,
      value: { id: a.id }
    })
    expect(await value(call(Channels.articlesList))).toEqual([])
    expect(await value(call(Channels.articlesTrash))).toEqual([
      expect.objectContaining({ id: a.id, headline: 'Weg' })
    ])
    expect(await value(call(Channels.articlesRestore, { id: a.id }))).toMatchObject({ id: a.id })
    expect(await call(Channels.articlesRestore, { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' }
    })
    await call(Channels.articlesDelete, { id: a.id })
    expect(await value(call(Channels.articlesEmptyTrash))).toEqual({ removed: 1 })
    expect(await call(Channels.articlesDelete, { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
  })

  it('duplicate, history, diff, restore a version and keep mine as a copy', async () => {
    const a = await value<Article>(call(Channels.articlesCreate, { headline: 'Eins' }))
    const copy = await value<Article>(call(Channels.articlesDuplicate, { id: a.id }))
    expect(copy).toMatchObject({ headline: 'Eins', status: 'draft' })
    expect(copy.id).not.toBe(a.id)
    await value(
      call(Channels.articlesSave, { id: a.id, baseRevision: 1, patch: { headline: 'Zwei' } })
    )
    const history = await value<{ versionId: string }[]>(
      call(Channels.articlesHistory, { id: a.id })
    )
    expect(history[0]).toMatchObject({ versionId: '2', current: true })
    const diff = await value(call(Channels.articlesDiff, { id: a.id, versionId: '2' }))
    expect(diff).toMatchObject({ fields: [], body: [] })
    const stale = await call(Channels.articlesRestoreVersion, {
      id: a.id,
      versionId: '2',
      baseRevision: 1
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const mine = await value<Article>(
      call(Channels.articlesSaveAsCopy, {
        id: a.id,
        patch: { headline: 'Meins', body: bodyOf('Text') }
      })
    )
    expect(mine).toMatchObject({ headline: 'Meins', status: 'draft' })
    expect(await value(call(Channels.articlesList, { query: 'meins' }))).toEqual([
      expect.objectContaining({ id: mine.id })
    ])
  })

  it('validates inputs and reports problems', async () => {
    const bad = await call(Channels.articlesDiff, { id: 'nope', versionId: '1' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const badVersion = await call(Channels.articlesDiff, {
      id: '0c9dfa0a-dbee-417b-8944-c1d2cdde806d',
      versionId: '../1'
    })
    expect(badVersion).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await value(call(Channels.libraryProblems))).toEqual([])
    const a = await value<Article>(call(Channels.articlesCreate, { headline: 'Heil' }))
    await services.close()
    await writeFile(join(dir, 'articles', `${a.id}.json`), 'kaputt')
    await open(ipc.root)
    expect(await value(call(Channels.libraryProblems))).toEqual([
      expect.objectContaining({ kind: 'quarantined', articleId: a.id, restoredFrom: '1' })
    ])
  })
})
