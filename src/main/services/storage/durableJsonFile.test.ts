import { readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { Low } from 'lowdb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CorruptFileError, DurableJSONFile } from './durableJsonFile'
import { DurableWriteError } from './durableWrite'
import {
  errnoError,
  makeTempDir,
  recordingFs,
  removeTempDir,
  tempLeftovers
} from './__fixtures__/recordingFs'

interface Desk {
  stories: { id: number; headline: string }[]
}

let dir: string
let file: string

beforeEach(async () => {
  dir = await makeTempDir()
  file = path.join(dir, 'desk.json')
})

afterEach(async () => {
  await removeTempDir(dir)
})

describe('DurableJSONFile with lowdb', () => {
  it('works as a lowdb adapter: defaults, write, update, read back', async () => {
    const db = new Low<Desk>(new DurableJSONFile<Desk>(file), { stories: [] })
    await db.read()
    expect(db.data).toEqual({ stories: [] })

    db.data.stories.push({ id: 1, headline: 'Council votes' })
    await db.write()
    await db.update((d) => {
      d.stories.push({ id: 2, headline: 'Flood warning' })
    })

    const again = new Low<Desk>(new DurableJSONFile<Desk>(file), { stories: [] })
    await again.read()
    expect(again.data.stories.map((s) => s.headline)).toEqual(['Council votes', 'Flood warning'])
    // Same on-disk format as lowdb's own JSONFile, so existing files stay readable either way.
    expect(await readFile(file, 'utf-8')).toBe(JSON.stringify(again.data, null, 2))
    expect(await tempLeftovers(dir)).toEqual([])
  })
})

describe('DurableJSONFile.read', () => {
  it('returns null when the file is missing', async () => {
    expect(await new DurableJSONFile<Desk>(file).read()).toBeNull()
  })

  it('throws CorruptFileError on invalid JSON and never touches the file', async () => {
    const garbage = '{"stories": [ {"id": 1, "headl'
    await writeFile(file, garbage)
    const adapter = new DurableJSONFile<Desk>(file)

    const err = await adapter.read().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(CorruptFileError)
    const corrupt = err as CorruptFileError
    expect(corrupt.file).toBe(file)
    expect(corrupt.cause).toBeInstanceOf(SyntaxError)
    expect(corrupt.message).toContain(file)

    // A Low whose read failed still holds its defaults; saving them must not clobber the file.
    const db = new Low<Desk>(adapter, { stories: [] })
    await expect(db.read()).rejects.toBeInstanceOf(CorruptFileError)
    await expect(db.write()).rejects.toBeInstanceOf(CorruptFileError)
    expect(await readFile(file, 'utf-8')).toBe(garbage)

    // Once the file is repaired (or moved aside) and read again, writes are allowed again.
    await writeFile(file, '{"stories":[]}')
    await db.read()
    db.data.stories.push({ id: 3, headline: 'Recovered' })
    await db.write()
    expect(JSON.parse(await readFile(file, 'utf-8'))).toEqual(db.data)
  })

  it('treats an empty file as corrupt rather than as missing', async () => {
    await writeFile(file, '')
    await expect(new DurableJSONFile<Desk>(file).read()).rejects.toBeInstanceOf(CorruptFileError)
    expect(await readFile(file, 'utf-8')).toBe('')
  })
})

describe('DurableJSONFile.write', () => {
  it('runs writes of one instance one at a time, in call order, each with its snapshot', async () => {
    let inFlight = 0
    let maxInFlight = 0
    const renamedSizes: number[] = []
    const rec = recordingFs((e) => {
      if (e.op === 'open' && e.detail === 'wx') maxInFlight = Math.max(maxInFlight, ++inFlight)
      if (e.op === 'rename') {
        inFlight--
        renamedSizes.push((JSON.parse(readFileSync(e.file, 'utf-8')) as Desk).stories.length)
      }
    })
    const adapter = new DurableJSONFile<Desk>(file, { fs: rec.fs })
    const data: Desk = { stories: [] }
    const writes: Promise<void>[] = []
    for (let i = 0; i < 20; i++) {
      data.stories.push({ id: i, headline: `v${i}` })
      writes.push(adapter.write(data))
    }
    await Promise.all(writes)
    expect(maxInFlight).toBe(1)
    expect(JSON.parse(await readFile(file, 'utf-8'))).toEqual(data)

    // Each save stored the data as it was at its own write() call, in call order.
    expect(renamedSizes).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    const temps = rec.ops('open').filter((e) => e.detail === 'wx')
    expect(new Set(temps.map((e) => e.file)).size).toBe(20)
  })

  it('lets a failed write reject alone and later writes proceed', async () => {
    let failNext = true
    const rec = recordingFs((e) => {
      if (e.op === 'writeFile' && failNext) {
        failNext = false
        throw errnoError('ENOSPC', 'write')
      }
    })
    const adapter = new DurableJSONFile<Desk>(file, { fs: rec.fs })
    const first = adapter.write({ stories: [{ id: 1, headline: 'lost' }] })
    const second = adapter.write({ stories: [{ id: 2, headline: 'kept' }] })
    await expect(first).rejects.toBeInstanceOf(DurableWriteError)
    await expect(first).rejects.toThrow(file)
    await second
    expect(JSON.parse(await readFile(file, 'utf-8'))).toEqual({
      stories: [{ id: 2, headline: 'kept' }]
    })
    expect(await tempLeftovers(dir)).toEqual([])
  })

  it('never lets two instances on one path share a temp file', async () => {
    const a = new DurableJSONFile<{ who: string; n: number }>(file)
    const b = new DurableJSONFile<{ who: string; n: number }>(file)
    const writes: Promise<void>[] = []
    for (let n = 0; n < 25; n++) writes.push(a.write({ who: 'a', n }), b.write({ who: 'b', n }))
    const results = await Promise.allSettled(writes)
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    const final = (await a.read()) ?? { who: '', n: -1 }
    // Each instance runs its own writes in order, so the survivor is one instance's last write.
    expect(final).toEqual({ who: final.who, n: 24 })
    expect(await tempLeftovers(dir)).toEqual([])
  })

  it('rejects data JSON cannot represent without writing anything', async () => {
    const adapter = new DurableJSONFile<unknown>(file)
    await expect(adapter.write(undefined)).rejects.toThrow(TypeError)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    await expect(adapter.write(cyclic)).rejects.toThrow(TypeError)
    expect(await adapter.read()).toBeNull()
  })

  it('gives a clear error when the folder is missing', async () => {
    const missing = path.join(dir, 'nope', 'desk.json')
    await expect(new DurableJSONFile<Desk>(missing).write({ stories: [] })).rejects.toThrow(
      `folder ${path.dirname(missing)} does not exist`
    )
  })
})
