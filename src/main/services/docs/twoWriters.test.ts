/**
 * Two processes append 1,000 updates each to one article at the same time, each compacting every
 * 100 of its appends after merging what the other wrote: afterwards both sets are in the log, and
 * the document is the same whichever order its records are applied in.
 */
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, removeTempDir } from '../library/__fixtures__/libraryFixture'
import { docFrom, markersOf } from './__fixtures__/markerDoc'
import { runWriter } from './__fixtures__/writerProcess'
import { UpdateLog } from './updateLog'

const ARTICLE = '7d4e2a10-1c3b-4f5a-8e6d-9b0a1c2d3e4f'
const EACH = 1000

let library = ''
beforeAll(async () => {
  library = await makeTempDir('copydesk-twowriters-')
})
afterAll(async () => {
  await removeTempDir(library)
})

function shuffled<T>(items: T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

describe('two writers on one article', () => {
  it(
    `keeps both sets of ${EACH} updates, merged the same in any order`,
    { timeout: 240_000 },
    async () => {
      const [a, b] = await Promise.all([
        runWriter(library, ARTICLE, 'a', { count: EACH, compactEvery: 100 }),
        runWriter(library, ARTICLE, 'b', { count: EACH, compactEvery: 100 })
      ])
      expect(a?.acked).toHaveLength(EACH)
      expect(b?.acked).toHaveLength(EACH)
      const log = await UpdateLog.open(library, ARTICLE)
      const contents = await log.read()
      // Compactions happened while both wrote.
      expect(contents.generation).toBeGreaterThan(1)
      const inOrder = docFrom(contents)
      const markers = markersOf(inOrder)
      expect(markers).toHaveLength(2 * EACH)
      expect(new Set(markers)).toEqual(new Set([...(a?.acked ?? []), ...(b?.acked ?? [])]))
      const reversed = docFrom(contents, (u) => [...u].reverse())
      const random = docFrom(contents, shuffled)
      for (const other of [reversed, random]) {
        expect(Y.encodeStateVector(other)).toEqual(Y.encodeStateVector(inOrder))
        expect(markersOf(other)).toEqual(markers)
      }
      // The snapshot alone and the updates alone, applied to separate documents and then to each
      // other, meet in the same state too.
      const updatesFirst = new Y.Doc()
      for (const u of shuffled(contents.updates)) Y.applyUpdate(updatesFirst, u)
      if (contents.snapshot) Y.applyUpdate(updatesFirst, contents.snapshot)
      expect(markersOf(updatesFirst)).toEqual(markers)
    }
  )
})
