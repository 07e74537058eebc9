/**
 * The update log on real files with real Yjs updates: round trips, appends seen by another
 * instance, compaction carrying what the compactor had not read, a torn tail cut off, a damaged
 * record quarantined with a message naming file and offset, and a damaged snapshot left alone.
 */
import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CopydeskError } from '../../../shared/result'
import { makeTempDir, removeTempDir, rejection } from '../library/__fixtures__/libraryFixture'
import { applyNews, docFrom, markersOf, pushMarker } from './__fixtures__/markerDoc'
import { frameRecord, HEADER_BYTES } from './recordFrame'
import { UpdateLog } from './updateLog'

const ARTICLE = '0f8c2d7e-5b1a-4c3e-9d2f-6a7b8c9d0e1f'

let library = ''
beforeEach(async () => {
  library = await makeTempDir('copydesk-updatelog-')
})
afterEach(async () => {
  await removeTempDir(library)
})

async function writerWith(name: string, count: number): Promise<{ log: UpdateLog; doc: Y.Doc }> {
  const log = await UpdateLog.open(library, ARTICLE)
  const doc = docFrom(await log.read())
  for (let i = 0; i < count; i++) await log.append(pushMarker(doc, `${name}-${i}`))
  return { log, doc }
}

function logFile(gen = 0): string {
  return join(library, 'docs', ARTICLE, `log-${gen}.bin`)
}

describe('UpdateLog', () => {
  it('reads back every appended update in order, in a fresh instance', async () => {
    await writerWith('a', 5)
    const reopened = await UpdateLog.open(library, ARTICLE)
    const contents = await reopened.read()
    expect(contents.generation).toBe(0)
    expect(contents.snapshot).toBeNull()
    expect(contents.updates).toHaveLength(5)
    expect(markersOf(docFrom(contents))).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-4'])
  })

  it('refuses a folder name that is not an article id', async () => {
    const error = await rejection(UpdateLog.open(library, '../escape'))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toContain('../escape')
  })

  it('hands another instance only the updates it has not seen, never its own', async () => {
    const a = await writerWith('a', 2)
    const b = await writerWith('b', 0)
    expect(markersOf(b.doc)).toEqual(['a-0', 'a-1'])
    await b.log.append(pushMarker(b.doc, 'b-0'))
    await a.log.append(pushMarker(a.doc, 'a-2'))
    const forA = await a.log.readNew()
    expect(forA.reset).toBe(false)
    applyNews(a.doc, forA)
    expect(forA.updates).toHaveLength(1)
    const forB = await b.log.readNew()
    applyNews(b.doc, forB)
    expect(forB.updates).toHaveLength(1)
    expect(markersOf(a.doc).sort()).toEqual(['a-0', 'a-1', 'a-2', 'b-0'])
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
    expect((await a.log.readNew()).updates).toEqual([])
  })

  it('appends a batch as records of their own, and skips them for the writer only', async () => {
    const a = await writerWith('a', 1)
    const b = await writerWith('b', 0)
    await b.log.append(pushMarker(b.doc, 'b-0'))
    // a has not read b-0 yet: its batch lands behind it.
    await a.log.appendBatch(['a-1', 'a-2', 'a-3'].map((m) => pushMarker(a.doc, m)))
    const forA = await a.log.readNew()
    expect(forA.updates).toHaveLength(1)
    applyNews(a.doc, forA)
    const forB = await b.log.readNew()
    expect(forB.updates).toHaveLength(3)
    applyNews(b.doc, forB)
    expect(markersOf(b.doc)).toEqual(markersOf(a.doc))
    const contents = await (await UpdateLog.open(library, ARTICLE)).read()
    expect(contents.updates).toHaveLength(5)
  })

  it('notices another writer within a second through watch()', async () => {
    const a = await writerWith('a', 1)
    const b = await writerWith('b', 0)
    const seen: string[] = []
    const stop = b.log.watch(
      (news) => {
        applyNews(b.doc, news)
        seen.push(...markersOf(b.doc))
      },
      { intervalMs: 50 }
    )
    try {
      const t0 = Date.now()
      await a.log.append(pushMarker(a.doc, 'a-1'))
      while (!markersOf(b.doc).includes('a-1') && Date.now() - t0 < 1000) {
        await new Promise((r) => setTimeout(r, 10))
      }
      expect(markersOf(b.doc)).toEqual(['a-0', 'a-1'])
    } finally {
      stop()
    }
  })

  it('compacts to a snapshot and carries over what another process appended unseen', async () => {
    const a = await writerWith('a', 10)
    const b = await writerWith('b', 0)
    await b.log.append(pushMarker(b.doc, 'b-0'))
    await b.log.append(pushMarker(b.doc, 'b-1'))
    // a has not read b's two updates: its snapshot lacks them, so they must move to the new log.
    const result = await a.log.compact(Y.encodeStateAsUpdate(a.doc))
    expect(result).toMatchObject({ compacted: true, generation: 1, carried: 2 })
    expect((await readdir(join(library, 'docs', ARTICLE))).sort()).toEqual([
      'log-1.bin',
      'snapshot-1.bin'
    ])
    const contents = await (await UpdateLog.open(library, ARTICLE)).read()
    expect(contents.generation).toBe(1)
    expect(contents.updates).toHaveLength(2)
    expect(markersOf(docFrom(contents)).sort()).toEqual(
      [...Array.from({ length: 10 }, (_, i) => `a-${i}`), 'b-0', 'b-1'].sort()
    )
    // a learns b's updates from the new log; b learns that a compacted (a reset).
    applyNews(a.doc, await a.log.readNew())
    expect(markersOf(a.doc)).toContain('b-1')
    const forB = await b.log.readNew()
    expect(forB.reset).toBe(true)
    applyNews(b.doc, forB)
    expect(Y.encodeStateVector(b.doc)).toEqual(Y.encodeStateVector(a.doc))
    // b's view is a generation behind: its compaction is skipped, not applied over a's.
    const c = await writerWith('c', 0)
    await c.log.compact(Y.encodeStateAsUpdate(c.doc))
    expect(await b.log.compact(Y.encodeStateAsUpdate(b.doc))).toMatchObject({ compacted: false })
  })

  it('cuts off a torn tail (a write cut short) and appends after the good records', async () => {
    const { log, doc } = await writerWith('a', 3)
    const good = await readFile(logFile())
    // The first 20 bytes of the next record: header whole, payload cut short.
    await appendFile(logFile(), frameRecord(pushMarker(new Y.Doc(), 'torn')).subarray(0, 20))
    const contents = await (await UpdateLog.open(library, ARTICLE)).read()
    expect(markersOf(docFrom(contents))).toEqual(['a-0', 'a-1', 'a-2'])
    expect(await readFile(logFile())).toEqual(good)
    await log.append(pushMarker(doc, 'a-3'))
    const again = await (await UpdateLog.open(library, ARTICLE)).read()
    expect(markersOf(docFrom(again))).toEqual(['a-0', 'a-1', 'a-2', 'a-3'])
  })

  it('treats a zero-filled tail (a file grown by a power cut before its data) as torn', async () => {
    const { log, doc } = await writerWith('a', 2)
    await appendFile(logFile(), Buffer.alloc(300))
    // The appending writer finds it first, under the lock, and cuts it before writing.
    await log.append(pushMarker(doc, 'a-2'))
    const contents = await (await UpdateLog.open(library, ARTICLE)).read()
    expect(markersOf(docFrom(contents))).toEqual(['a-0', 'a-1', 'a-2'])
  })

  it('quarantines a log damaged before its end, keeps the records before it and says where', async () => {
    await writerWith('a', 5)
    const bytes = await readFile(logFile())
    const frames: number[] = []
    for (let p = 0; p < bytes.length; p += HEADER_BYTES + bytes.readUInt32LE(p + 4)) frames.push(p)
    const third = frames[2] as number
    bytes[third + HEADER_BYTES + 3] ^= 0x40
    await writeFile(logFile(), bytes)
    const error = await rejection((await UpdateLog.open(library, ARTICLE)).read())
    expect(error).toBeInstanceOf(CopydeskError)
    expect(error.code).toBe('corrupt')
    expect(error.message).toContain(logFile())
    expect(error.message).toContain(`at offset ${third}`)
    expect(error.message).toContain('does not match its checksum')
    const [moved, ...more] = await readdir(join(library, 'quarantine'))
    expect(more).toEqual([])
    expect(error.message).toContain(join(library, 'quarantine', moved as string))
    expect(await readFile(join(library, 'quarantine', moved as string))).toEqual(bytes)
    const contents = await (await UpdateLog.open(library, ARTICLE)).read()
    expect(markersOf(docFrom(contents))).toEqual(['a-0', 'a-1'])
  })

  it('does not mistake a damaged length for a torn write', async () => {
    await writerWith('a', 4)
    const bytes = await readFile(logFile())
    const second = HEADER_BYTES + bytes.readUInt32LE(4)
    // A length pointing past the end would look torn if the header did not check itself.
    bytes.writeUInt32LE(1_000_000, second + 4)
    await writeFile(logFile(), bytes)
    const error = await rejection((await UpdateLog.open(library, ARTICLE)).read())
    expect(error.code).toBe('corrupt')
    expect(error.message).toContain(`at offset ${second}: the record header is damaged`)
  })

  it('leaves a damaged snapshot where it is and names it', async () => {
    const a = await writerWith('a', 3)
    await a.log.compact(Y.encodeStateAsUpdate(a.doc))
    const file = join(library, 'docs', ARTICLE, 'snapshot-1.bin')
    const bytes = await readFile(file)
    bytes[bytes.length - 2] ^= 0xff
    await writeFile(file, bytes)
    const error = await rejection((await UpdateLog.open(library, ARTICLE)).read())
    expect(error.code).toBe('corrupt')
    expect(error.message).toContain(`The snapshot ${file} is damaged at offset 0`)
    expect(await readFile(file)).toEqual(bytes)
  })
})
