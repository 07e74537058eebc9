import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Channels } from '../../shared/channels'
import type { Article } from '../../shared/article'
import { openServices } from '../services'
import { openIpcClient, type IpcClient } from './__fixtures__/ipcClient'
import type { BoundHandler } from './handlerTable'

let ipc: IpcClient
let call: (channel: string, input?: unknown) => ReturnType<BoundHandler>

beforeEach(async () => {
  ipc = await openIpcClient('copydesk-ipc-')
  call = (channel, input) => ipc.call(channel as never, input)
})
afterEach(async () => {
  await ipc.close()
})

describe('the handler table', () => {
  it('has exactly one handler per channel', () => {
    expect([...ipc.table.keys()].sort()).toEqual(Object.values(Channels).sort())
  })

  it('creates, saves and reads back an article', async () => {
    const created = await call(Channels.articlesCreate, { headline: 'Koalition einigt sich' })
    expect(created.ok).toBe(true)
    const article = (created as { value: Article }).value
    const saved = await call(Channels.articlesSave, {
      id: article.id,
      baseRevision: article.revision,
      patch: { kicker: 'Haushalt' }
    })
    expect(saved).toMatchObject({ ok: true, value: { revision: 2 } })
    const read = await call(Channels.articlesGet, { id: article.id })
    expect(read).toMatchObject({
      ok: true,
      value: { kicker: 'Haushalt', headline: 'Koalition einigt sich', revision: 2 }
    })
  })

  it('refuses a stale save as a conflict and keeps the newer text', async () => {
    const created = (await call(Channels.articlesCreate, {})) as { value: Article }
    const { id } = created.value
    await call(Channels.articlesSave, { id, baseRevision: 1, patch: { headline: 'first' } })
    const stale = await call(Channels.articlesSave, {
      id,
      baseRevision: 1,
      patch: { headline: 'second' }
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await call(Channels.articlesGet, { id })).toMatchObject({
      value: { headline: 'first', revision: 2 }
    })
  })

  it.each([
    [Channels.articlesGet, { id: '../../etc/passwd' }, 'id'],
    [Channels.articlesGet, undefined, 'input'],
    [
      Channels.articlesSave,
      { id: '0c9dfa0a-dbee-417b-8944-c1d2cdde806d', baseRevision: -1, patch: {} },
      'baseRevision'
    ],
    [Channels.articlesCreate, { headline: 42 }, 'headline'],
    [Channels.articlesCreate, { __proto__: { x: 1 }, evil: true }, 'input'],
    [Channels.settingsSet, { uiLanguage: 'fr' }, 'uiLanguage']
  ])('refuses invalid input on %s with a message naming %s', async (channel, input, where) => {
    const result = await call(channel, input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input')
      expect(result.error.message).toContain(channel)
      expect(result.error.message).toContain(where)
    }
  })

  it('answers not-found for an unknown article', async () => {
    const result = await call(Channels.articlesGet, { id: '0c9dfa0a-dbee-417b-8944-c1d2cdde806d' })
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('persists settings in the library', async () => {
    await call(Channels.settingsSet, { uiLanguage: 'de' })
    // Read-only: the services opened in beforeEach still own the library's lock.
    const reopened = await openServices({
      libraryDir: ipc.libraryDir,
      version: 'test',
      systemLocale: 'en',
      access: 'cli-read'
    })
    expect(reopened.settings.get().uiLanguage).toBe('de')
    expect(reopened.settings.get().limits.headline).toBe(64)
    await reopened.close()
  })
})
