import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Channels, type Channel, type SpellingFinding } from '../../shared/ipc'
import type { Result } from '../../shared/result'
import { openIpcClient, type IpcClient } from './__fixtures__/ipcClient'

let root: string
let ipc: IpcClient
const call = <T>(channel: Channel, input?: unknown): Promise<Result<T>> =>
  ipc.call<T>(channel, input)

beforeEach(async () => {
  ipc = await openIpcClient('copydesk-spelling-ipc-')
  root = ipc.root
})
afterEach(() => ipc.close())

describe('spelling channels', () => {
  it('checks a text, and takes a newsroom word into the library for every later check', async () => {
    const text = 'Trainerin Brandtner lobt die Mannschafft.'
    const before = await call<SpellingFinding[]>(Channels.spellingCheck, { text, language: 'de' })
    expect(before.ok && before.value.map((f) => [f.word, f.start, f.end])).toEqual([
      ['Brandtner', 10, 19],
      ['Mannschafft', 29, 40]
    ])
    expect(before.ok && before.value[1].suggestions).toContain('Mannschaft')

    expect(await call(Channels.spellingAddWord, { word: 'Brandtner' })).toEqual({
      ok: true,
      value: ['Brandtner']
    })
    expect(await call(Channels.spellingWords)).toEqual({ ok: true, value: ['Brandtner'] })
    const after = await call<SpellingFinding[]>(Channels.spellingCheck, { text, language: 'de' })
    expect(after.ok && after.value.map((f) => f.word)).toEqual(['Mannschafft'])
    const saved = JSON.parse(await readFile(join(root, 'library', 'wordlist.json'), 'utf8'))
    expect(saved.words).toEqual(['Brandtner'])

    expect(await call(Channels.spellingRemoveWord, { word: 'Brandtner' })).toEqual({
      ok: true,
      value: []
    })
  })

  it('adds a word like a dictionary word; an unknown model is refused with its reason', async () => {
    const text = 'Magadans Hafen'
    expect(
      await call(Channels.spellingAddWord, { word: 'Magadan', like: 'Hamburgg' })
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', detail: { reason: 'unknown-model', model: 'Hamburgg' } }
    })
    expect(await call(Channels.spellingWords)).toEqual({ ok: true, value: [] })
    expect(await call(Channels.spellingAddWord, { word: 'Magadan', like: 'Hamburg' })).toEqual({
      ok: true,
      value: ['Magadan']
    })
    const after = await call<SpellingFinding[]>(Channels.spellingCheck, { text, language: 'de' })
    expect(after).toEqual({ ok: true, value: [] })
  })

  it('leaves out suggestions when asked to (underlines while typing)', async () => {
    const quick = await call(Channels.spellingCheck, {
      text: 'Die Mannschafft',
      language: 'de',
      suggestions: false
    })
    expect(quick).toEqual({
      ok: true,
      value: [{ word: 'Mannschafft', start: 4, end: 15, suggestions: [] }]
    })
  })

  it('answers bad input with a clear invalid-input or not-found message', async () => {
    expect(await call(Channels.spellingCheck, { text: 'x', language: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('language') }
    })
    expect(await call(Channels.spellingAddWord, { word: 'Olaf Scholz' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('has a space') }
    })
    expect(await call(Channels.spellingRemoveWord, { word: 'Niemand' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('"Niemand"') }
    })
  })
})
