import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Channel } from '../../shared/channels'
import type { Result } from '../../shared/result'
import type { BoundHandler } from './handlerTable'

// Electron's ipcMain exists only inside an Electron process (no binary here), so this test stands
// in for it with a recorder of `handle`; the handler table and the sender check are the real ones.
const registered = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: (event: unknown, input: unknown) => Promise<unknown>) =>
      registered.set(channel, listener)
  }
}))

const { registerIpc } = await import('./registerIpc')
const { isTrustedSender } = await import('../window/senderPolicy')

const rendererUrl = 'app://copydesk/index.html'
const echo: BoundHandler = async (input) => ({ ok: true, value: input }) as Result<unknown>
const table = new Map<Channel, BoundHandler>([['app:info', echo]])

function frame(url: string, parent: object | null): { senderFrame: unknown } {
  return { senderFrame: { url, parent } }
}

beforeEach(() => {
  registered.clear()
})

describe('registerIpc', () => {
  it('runs the handler for the frame the given check trusts and refuses every other', async () => {
    registerIpc(table, (sender) => isTrustedSender(sender, { rendererUrl }))
    const listener = registered.get('app:info')
    if (!listener) throw new Error('app:info was not registered')

    expect(await listener(frame(rendererUrl, null), 'hallo')).toEqual({ ok: true, value: 'hallo' })
    const refused = {
      ok: false,
      error: { code: 'forbidden', message: 'Refused app:info from an untrusted frame' }
    }
    expect(await listener(frame(rendererUrl, {}), 'x')).toMatchObject(refused)
    expect(await listener(frame('https://example.com/', null), 'x')).toMatchObject(refused)
    expect(await listener({ senderFrame: null }, 'x')).toMatchObject(refused)
  })

  it('hands the check what it needs to decide: the URL and whether it is the main frame', async () => {
    const seen: unknown[] = []
    registerIpc(table, (sender) => {
      seen.push(sender)
      return false
    })
    await registered.get('app:info')?.(frame('app://copydesk/index.html#x', {}), undefined)
    await registered.get('app:info')?.({ senderFrame: null }, undefined)
    expect(seen).toEqual([{ url: 'app://copydesk/index.html#x', isMainFrame: false }, null])
  })
})
