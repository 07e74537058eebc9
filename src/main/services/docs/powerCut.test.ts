/**
 * Power cuts while a writer appends and compacts, on LazyFS (../shared/tools/lazyfs): the writer
 * (__fixtures__/appendLoop.ts) is SIGKILLed at a random moment and everything it wrote without
 * fsync is dropped, as a power cut drops it. Then the log opens as a new process would open it:
 * no corrupt log, nothing quarantined, every acknowledged update there. Skips, saying why, where
 * /dev/fuse or the LazyFS binary is missing.
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lazyFsUnavailable, mountLazyFs, type LazyFs } from '../library/__fixtures__/lazyFs'
import { makeTempDir, removeTempDir } from '../library/__fixtures__/libraryFixture'
import { reopenAndCheck, runWriter } from './__fixtures__/writerProcess'

const CUTS = 16
const ARTICLE = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b'
const unavailable = lazyFsUnavailable()
if (unavailable) console.warn(`docs/powerCut.test: skipped: ${unavailable}`)

let base = ''
let lazy: LazyFs | null = null

beforeAll(async () => {
  if (unavailable) return
  base = await makeTempDir('copydesk-logpowercut-')
  lazy = await mountLazyFs(base)
}, 90_000)
afterAll(async () => {
  await lazy?.unmount()
  if (base) await removeTempDir(base)
})

/** Names and sizes of the article's files: a cut that drops unsynced writes changes them. */
async function folderState(library: string): Promise<string> {
  const dir = join(library, 'docs', ARTICLE)
  const names = (await readdir(dir).catch(() => [] as string[])).sort()
  const sizes = await Promise.all(
    names.map((n) =>
      stat(join(dir, n)).then(
        (s) => s.size,
        () => -1
      )
    )
  )
  return names.map((n, i) => `${n}:${sizes[i]}`).join(' ')
}

describe('update log under power cuts (LazyFS)', () => {
  it.skipIf(unavailable !== null)(
    `loses no acknowledged update and corrupts no log in ${CUTS} cuts`,
    { timeout: 180_000 },
    async () => {
      const fs = lazy as LazyFs
      const library = join(fs.mount, 'library')
      const acked = new Set<string>()
      let ackedInCuts = 0
      let dropped = 0
      const failures: string[] = []
      for (let i = 0; i < CUTS; i++) {
        const run = await runWriter(library, ARTICLE, 'w', {
          killAfterMs: 50 + Math.floor(Math.random() * 400),
          compactEvery: 7
        })
        const before = await folderState(library)
        await fs.clearCache()
        if ((await folderState(library)) !== before) dropped++
        for (const marker of run.acked) acked.add(marker)
        ackedInCuts += run.acked.length > 0 ? 1 : 0
        const checked = await reopenAndCheck(library, ARTICLE, acked)
        if (checked.corrupt) failures.push(`cut ${i}: ${checked.corrupt}`)
        if (checked.lost.length) failures.push(`cut ${i}: lost ${checked.lost.join(', ')}`)
        if (checked.quarantined.length)
          failures.push(`cut ${i}: quarantined ${checked.quarantined}`)
      }
      console.info(
        `docs/powerCut.test: ${CUTS} cuts, ${acked.size} acknowledged updates, ` +
          `${dropped} cuts dropped unsynced writes`
      )
      expect(failures).toEqual([])
      // The cuts must land while appends run and actually drop data, or this proves nothing.
      expect(ackedInCuts).toBeGreaterThan(CUTS / 2)
      expect(dropped).toBeGreaterThan(0)
    }
  )
})
