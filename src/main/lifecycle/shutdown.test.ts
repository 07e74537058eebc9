import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Channels } from '../../shared/channels'
import type { Article } from '../../shared/article'
import type { FlushRequest } from '../../shared/events'
import type { SaveAck } from '../../shared/ipc'
import { openIpcClient, type IpcClient } from '../ipc/__fixtures__/ipcClient'
import { openServices } from '../services'
import { WindowCloseGuard } from './closeGuard'
import { FlushBroker } from './flushBroker'
import { QuitSequence, shutDown, type FlushTarget } from './shutdown'

let client: IpcClient | null = null
afterEach(async () => {
  await client?.close()
  client = null
})

async function storedHeadline(c: IpcClient, id: string): Promise<string | null> {
  const file = JSON.parse(await readFile(join(c.libraryDir, 'articles', `${id}.json`), 'utf8')) as {
    article: Article
  }
  return file.article.headline
}

/**
 * A renderer as main sees it: it holds unsaved text and, asked to flush, saves it through the
 * handler table and answers on `app:flushed`, exactly as the real renderer's bridge does.
 */
function rendererHolding(
  c: IpcClient,
  article: Article,
  unsaved: string,
  opts: { saveDelayMs?: number; answer?: boolean } = {}
): FlushTarget & { requests: FlushRequest[] } {
  const requests: FlushRequest[] = []
  return {
    name: 'window 1',
    requests,
    send: (request) => {
      requests.push(request)
      if (opts.answer === false) return
      void (async () => {
        await new Promise((r) => setTimeout(r, opts.saveDelayMs ?? 0))
        const saved = await c.call<SaveAck>(Channels.articlesSave, {
          id: article.id,
          baseRevision: article.revision,
          patch: { headline: unsaved }
        })
        await c.call(Channels.appFlushed, {
          requestId: request.requestId,
          saved: saved.ok,
          ...(saved.ok ? {} : { message: saved.error.message })
        })
      })()
    }
  }
}

describe('quitting keeps the last keystroke', () => {
  it('asks the renderer to save, waits for the durable answer, closes the library, then quits', async () => {
    const flushes = new FlushBroker()
    const c = (client = await openIpcClient('copydesk-quit-', { shell: { flushes } }))
    const article = await c.value<Article>(Channels.articlesCreate, { headline: 'Gipfel' })
    const renderer = rendererHolding(c, article, 'Gipfel in Wladiwostok', { saveDelayMs: 50 })
    const order: string[] = []
    const log: string[] = []
    const sequence = new QuitSequence(
      async () => {
        const reports = await shutDown({
          broker: flushes,
          targets: [renderer],
          services: {
            close: async () => {
              order.push(`close (on disk: ${await storedHeadline(c, article.id)})`)
              await c.services.close()
            }
          },
          log: (m) => log.push(m)
        })
        order.push(`flushed: ${reports.map((r) => r.outcome.kind).join(',')}`)
      },
      () => order.push('quit'),
      (m) => log.push(m)
    )

    let prevented = 0
    sequence.beforeQuit(() => prevented++)
    // Cmd+Q pressed again while saving: held back too, and only one sequence runs.
    sequence.beforeQuit(() => prevented++)
    expect(prevented).toBe(2)
    expect(sequence.isQuitting).toBe(true)
    await expect.poll(() => order.includes('quit'), { timeout: 5_000 }).toBe(true)

    expect(renderer.requests.map((r) => r.reason)).toEqual(['quit'])
    expect(order).toEqual(['close (on disk: Gipfel in Wladiwostok)', 'flushed: saved', 'quit'])
    expect(log).toEqual([])
    // The second quit, from the sequence itself, is let through.
    sequence.beforeQuit(() => prevented++)
    expect(prevented).toBe(2)
    // The lock is released: another process can open the library now.
    const next = await openServices({ libraryDir: c.libraryDir, version: 't', systemLocale: 'de' })
    expect((await next.articles.get(article.id)).headline).toBe('Gipfel in Wladiwostok')
    await next.close()
  })

  it('waits for a save that is still in flight when the library closes', async () => {
    const c = (client = await openIpcClient('copydesk-quit-inflight-'))
    const article = await c.value<Article>(Channels.articlesCreate, { headline: 'A' })
    const body = {
      type: 'doc',
      content: Array.from({ length: 40_000 }, (_, i) => ({
        type: 'paragraph',
        content: [{ type: 'text', text: `Absatz ${i} mit etwas Text darin.` }]
      }))
    }
    const saving = c.call<SaveAck>(Channels.articlesSave, {
      id: article.id,
      baseRevision: article.revision,
      patch: { headline: 'Letzte Fassung', body }
    })
    await c.services.close()
    // On disk, and in the list index, by the time close resolves.
    expect(await storedHeadline(c, article.id)).toBe('Letzte Fassung')
    expect((await saving).ok).toBe(true)
    const reopened = await openServices({
      libraryDir: c.libraryDir,
      version: 't',
      systemLocale: 'de'
    })
    expect((await reopened.articles.list({})).map((a) => a.headline)).toEqual(['Letzte Fassung'])
    await reopened.close()
    // A save that comes after the close is refused, never half-written.
    const late = await c.call<SaveAck>(Channels.articlesSave, {
      id: article.id,
      baseRevision: article.revision + 1,
      patch: { headline: 'zu spät' }
    })
    expect(late.ok).toBe(false)
    expect(await storedHeadline(c, article.id)).toBe('Letzte Fassung')
  })

  it('a renderer that never answers does not keep the app from quitting', async () => {
    const flushes = new FlushBroker()
    const c = (client = await openIpcClient('copydesk-quit-hung-', { shell: { flushes } }))
    const article = await c.value<Article>(Channels.articlesCreate, { headline: 'A' })
    const hung = rendererHolding(c, article, 'never saved', { answer: false })
    const log: string[] = []
    const started = Date.now()
    const reports = await shutDown({
      broker: flushes,
      targets: [hung],
      services: c.services,
      timeoutMs: 300,
      log: (m) => log.push(m)
    })
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(reports).toEqual([{ target: 'window 1', outcome: { kind: 'timeout', afterMs: 300 } }])
    expect(log.join('\n')).toMatch(/window 1: no answer to the save request within 300 ms/)
    expect(flushes.pending).toBe(0)
    // Its late answer is ignored rather than matched to anything else.
    const late = await c.call<{ accepted: boolean }>(Channels.appFlushed, {
      requestId: hung.requests[0]?.requestId,
      saved: true
    })
    expect(late).toEqual({ ok: true, value: { accepted: false } })
  })

  it('a renderer that is gone is reported, and the quit goes on', async () => {
    const flushes = new FlushBroker()
    const log: string[] = []
    let closed = false
    const reports = await shutDown({
      broker: flushes,
      targets: [
        {
          name: 'window 2',
          send: () => {
            throw new Error('Object has been destroyed')
          }
        }
      ],
      services: { close: async () => void (closed = true) },
      log: (m) => log.push(m)
    })
    expect(reports[0]?.outcome.kind).toBe('unreachable')
    expect(closed).toBe(true)
    expect(log.join('\n')).toMatch(/window 2: could not ask the editor to save/)
  })
})

describe('closing a window', () => {
  it('holds the close until the renderer has saved, then lets it through', async () => {
    const flushes = new FlushBroker()
    const c = (client = await openIpcClient('copydesk-close-', { shell: { flushes } }))
    const article = await c.value<Article>(Channels.articlesCreate, { headline: 'A' })
    const renderer = rendererHolding(c, article, 'Schlagzeile fertig', { saveDelayMs: 30 })
    let closes = 0
    const guard = new WindowCloseGuard(
      { ...renderer, close: () => void closes++ },
      {
        broker: flushes,
        isQuitting: () => false,
        confirmDiscard: async () => true,
        log: () => undefined
      }
    )
    let prevented = 0
    guard.handleClose(() => prevented++)
    guard.handleClose(() => prevented++)
    expect(prevented).toBe(2)
    await expect.poll(() => closes, { timeout: 5_000 }).toBe(1)
    expect(await storedHeadline(c, article.id)).toBe('Schlagzeile fertig')
    expect(renderer.requests).toHaveLength(1)
    // The window's own second close passes.
    guard.handleClose(() => prevented++)
    expect(prevented).toBe(2)
  })

  it('keeps the window open when the save failed and the user does not discard', async () => {
    const flushes = new FlushBroker()
    const c = (client = await openIpcClient('copydesk-close-failed-', { shell: { flushes } }))
    const article = await c.value<Article>(Channels.articlesCreate, { headline: 'A' })
    // Changed elsewhere in between: this renderer's save is refused as a conflict.
    await c.value(Channels.articlesSave, {
      id: article.id,
      baseRevision: article.revision,
      patch: { headline: 'from the CLI' }
    })
    const renderer = rendererHolding(c, article, 'mine')
    const asked: string[] = []
    let closes = 0
    const guard = new WindowCloseGuard(
      { ...renderer, close: () => void closes++ },
      {
        broker: flushes,
        isQuitting: () => false,
        confirmDiscard: async (message) => {
          asked.push(message)
          return false
        },
        log: () => undefined
      }
    )
    guard.handleClose(() => undefined)
    await expect.poll(() => asked.length, { timeout: 5_000 }).toBe(1)
    expect(asked[0]).toMatch(/changed elsewhere/)
    expect(closes).toBe(0)
    // Asked again on the next close: nothing is discarded without the user's word.
    guard.handleClose(() => undefined)
    await expect.poll(() => asked.length, { timeout: 5_000 }).toBe(2)
    expect(closes).toBe(0)
  })

  it('lets a window go at once while the app quits (the quit sequence saved it)', () => {
    let prevented = 0
    const guard = new WindowCloseGuard(
      { name: 'w', send: () => undefined, close: () => undefined },
      {
        broker: new FlushBroker(),
        isQuitting: () => true,
        confirmDiscard: async () => true,
        log: () => undefined
      }
    )
    guard.handleClose(() => prevented++)
    expect(prevented).toBe(0)
  })
})
