/**
 * Two editor windows on one article, through one handler table each over the same services (as
 * Electron would run them): 1,000 interleaved saves, every one based on what its window last
 * knew. A save on a stale revision must be refused as a conflict; none may silently overwrite.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article } from '../../shared/article'
import { Channels, type Channel } from '../../shared/channels'
import type { SaveAck } from '../../shared/ipc'
import type { Result } from '../../shared/result'
import { openIpcClient, type IpcClient } from './__fixtures__/ipcClient'

let ipc: IpcClient

beforeEach(async () => {
  ipc = await openIpcClient('copydesk-two-writers-')
})
afterEach(async () => {
  await ipc.close()
})

interface Window {
  name: string
  call: (channel: Channel, input?: unknown) => Promise<Result<unknown>>
  known: number
}

function window(name: string): Window {
  return { name, known: 1, call: ipc.otherWindow() }
}

describe('two writers on one article', () => {
  it(
    '1,000 interleaved saves: every stale save refused, none silently overwrites',
    { timeout: 60_000 },
    async () => {
      const a = window('A')
      const b = window('B')
      const created = (await a.call(Channels.articlesCreate, {
        headline: 'Start'
      })) as Result<Article>
      if (!created.ok) throw new Error(created.error.message)
      const id = created.value.id
      const accepted: { by: string; base: number; revision: number; headline: string }[] = []
      const refused: { by: string; base: number; current: number }[] = []
      let seed = 5
      const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647

      const save = async (w: Window, n: number): Promise<void> => {
        const base = w.known
        const headline = `${w.name} ${n}`
        const result = (await w.call(Channels.articlesSave, {
          id,
          baseRevision: base,
          patch: { headline }
        })) as Result<SaveAck>
        if (result.ok) {
          accepted.push({ by: w.name, base, revision: result.value.revision, headline })
          w.known = result.value.revision
          return
        }
        expect(result.error.code).toBe('conflict')
        refused.push({ by: w.name, base, current: result.error.detail?.currentRevision as number })
        // "Reload theirs": the window takes the stored article and carries on from it.
        const reloaded = (await w.call(Channels.articlesGet, { id })) as Result<Article>
        if (!reloaded.ok) throw new Error(reloaded.error.message)
        w.known = reloaded.value.revision
      }

      let n = 0
      while (n < 1000) {
        const r = random()
        if (r < 0.5 && n <= 998) {
          // Both windows save at once, usually from the same revision: one of them must lose.
          await Promise.all([save(a, n++), save(b, n++)])
        } else {
          await save(r < 0.75 ? a : b, n++)
        }
      }

      expect(accepted.length + refused.length).toBe(1000)
      expect(refused.length).toBeGreaterThan(100)
      // Each accepted save was based on the revision right before it: nothing was skipped over.
      for (const s of accepted) expect(s.revision).toBe(s.base + 1)
      const revisions = accepted.map((s) => s.revision).sort((x, y) => x - y)
      expect(revisions).toEqual(Array.from({ length: accepted.length }, (_, i) => i + 2))
      // Each refused save really was stale.
      for (const s of refused) expect(s.current).toBeGreaterThan(s.base)
      const final = (await a.call(Channels.articlesGet, { id })) as Result<Article>
      if (!final.ok) throw new Error(final.error.message)
      const last = accepted.reduce((x, y) => (y.revision > x.revision ? y : x))
      expect(final.value).toMatchObject({ revision: 1 + accepted.length, headline: last.headline })
    }
  )
})
