import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ArticlePatch } from '../../../shared/article'
import type { SaveAck } from '../../../shared/ipc'
import type { Result } from '../../../shared/result'
import { AutosaveController, type SaveState } from './autosaveController'

interface Call {
  patch: ArticlePatch
  base: number
  resolve(result: Result<SaveAck>): void
}

function setup(): {
  controller: AutosaveController
  calls: Call[]
  states: SaveState[]
  text: { value: string }
} {
  const calls: Call[] = []
  const states: SaveState[] = []
  const text = { value: '' }
  const controller = new AutosaveController({
    baseRevision: 1,
    delayMs: 800,
    save: (patch, base) => new Promise((resolve) => calls.push({ patch, base, resolve })),
    collect: () => ({ headline: text.value }),
    onState: (s) => states.push(s)
  })
  return { controller, calls, states, text }
}

const ack = (revision: number): Result<SaveAck> => ({
  ok: true,
  value: { id: 'x', revision, updatedAt: '2024-05-02T14:03:00+02:00' }
})

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('AutosaveController', () => {
  it('saves once, 800 ms after typing pauses, with what is on screen then', async () => {
    const { controller, calls, text } = setup()
    text.value = 'K'
    controller.markDirty()
    await vi.advanceTimersByTimeAsync(500)
    text.value = 'Ko'
    controller.markDirty()
    await vi.advanceTimersByTimeAsync(799)
    expect(calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(1)
    expect(calls[0].patch).toEqual({ headline: 'Ko' })
    expect(calls[0].base).toBe(1)
  })

  it('keeps typing made during a save and saves it next, based on the new revision', async () => {
    const { controller, calls, states, text } = setup()
    text.value = 'Koalition'
    controller.markDirty()
    await vi.advanceTimersByTimeAsync(800)
    text.value = 'Koalition einigt sich'
    controller.markDirty()
    calls[0].resolve(ack(2))
    await vi.advanceTimersByTimeAsync(0)
    expect(states.at(-1)).toEqual({ kind: 'dirty' })
    await vi.advanceTimersByTimeAsync(800)
    expect(calls).toHaveLength(2)
    expect(calls[1]).toMatchObject({ base: 2, patch: { headline: 'Koalition einigt sich' } })
    calls[1].resolve(ack(3))
    await vi.advanceTimersByTimeAsync(0)
    expect(states.at(-1)?.kind).toBe('saved')
    expect(controller.baseRevision).toBe(3)
    expect(text.value).toBe('Koalition einigt sich')
  })

  it('stops retrying after a conflict until resumed', async () => {
    const { controller, calls, states, text } = setup()
    text.value = 'mine'
    controller.markDirty()
    await vi.advanceTimersByTimeAsync(800)
    calls[0].resolve({ ok: false, error: { code: 'conflict', message: 'changed elsewhere' } })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(calls).toHaveLength(1)
    expect(states.at(-1)).toMatchObject({ kind: 'error', code: 'conflict' })
    controller.markDirty()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(calls).toHaveLength(1)
    controller.resume(7)
    await vi.advanceTimersByTimeAsync(800)
    expect(calls).toHaveLength(2)
    expect(calls[1].base).toBe(7)
  })

  it('retries after an I/O error and reports it', async () => {
    const { controller, calls, states, text } = setup()
    text.value = 'x'
    controller.markDirty()
    await vi.advanceTimersByTimeAsync(800)
    calls[0].resolve({ ok: false, error: { code: 'io', message: 'disk full' } })
    await vi.advanceTimersByTimeAsync(0)
    expect(states.at(-1)).toMatchObject({ kind: 'error', message: 'disk full' })
    await vi.advanceTimersByTimeAsync(800)
    expect(calls).toHaveLength(2)
  })

  it('flush saves immediately and resolves when written', async () => {
    const { controller, calls, text } = setup()
    text.value = 'quit now'
    controller.markDirty()
    const flushed = controller.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls).toHaveLength(1)
    calls[0].resolve(ack(2))
    await flushed
    expect(controller.hasUnsavedChanges).toBe(false)
  })

  it('a flush requested while a save runs waits for it, then saves what came after', async () => {
    const { controller, calls, text } = setup()
    text.value = 'Gipfel'
    controller.markDirty()
    await vi.advanceTimersByTimeAsync(800)
    expect(calls).toHaveLength(1)
    // Typed while the first save is on its way, then the window closes.
    text.value = 'Gipfel in Wladiwostok'
    controller.markDirty()
    let done = false
    const flushed = controller.flush().then(() => (done = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(calls).toHaveLength(1)
    calls[0].resolve(ack(2))
    await vi.advanceTimersByTimeAsync(0)
    expect(calls).toHaveLength(2)
    expect(calls[1]).toMatchObject({ base: 2, patch: { headline: 'Gipfel in Wladiwostok' } })
    expect(done).toBe(false)
    calls[1].resolve(ack(3))
    await flushed
    expect(controller.unsavedReason).toBeNull()
  })

  it('says why changes are still unsaved after a flush that could not save', async () => {
    const { controller, calls, text } = setup()
    text.value = 'mine'
    controller.markDirty()
    const flushed = controller.flush()
    await vi.advanceTimersByTimeAsync(0)
    calls[0].resolve({ ok: false, error: { code: 'conflict', message: 'changed elsewhere' } })
    await flushed
    expect(controller.unsavedReason).toBe('changed elsewhere')
  })
})
