/**
 * Power cuts during the save loop, on LazyFS (../shared/tools/lazyfs): a child saves one article over and
 * over (__fixtures__/saveLoop.ts), is SIGKILLed at a random moment, and everything it wrote
 * without fsync is dropped, as a power cut drops it. Then the library opens as the app would:
 * every acknowledged save is there, every file parses, a newest history version the cut left
 * empty is rewritten from the article file, and every version offered for restoring reads.
 * Skips, saying why, where /dev/fuse or the LazyFS binary is missing.
 */
import { readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArticleLibrary } from './articleLibrary'
import { runAndKill, unparseableFiles } from './__fixtures__/crashRounds'
import { lazyFsUnavailable, mountLazyFs, type LazyFs } from './__fixtures__/lazyFs'
import { expectedHeadline, makeTempDir, removeTempDir } from './__fixtures__/libraryFixture'

const CUTS = 24
const unavailable = lazyFsUnavailable()
if (unavailable) console.warn(`powerCut.test: skipped: ${unavailable}`)

interface CutRound {
  /** Saves acknowledged in this round. */
  saves: number
  acked: number
  found: number
  /** History files that did not parse right after the cut (before the library opened). */
  damagedVersions: string[]
  repaired: number
  failures: string[]
}

let base: string
let lazy: LazyFs | null = null

beforeAll(async () => {
  if (unavailable) return
  base = await makeTempDir('copydesk-powercut-')
  lazy = await mountLazyFs(base)
}, 90_000)
afterAll(async () => {
  await lazy?.unmount()
  if (base) await removeTempDir(base)
})

async function historyFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  const root = join(dir, 'history')
  for (const id of await readdir(root).catch(() => [])) {
    for (const name of await readdir(join(root, id))) {
      if (!name.endsWith('.tmp')) out.push(join(root, id, name))
    }
  }
  return out
}

async function cutRound(fs: LazyFs, dir: string): Promise<CutRound> {
  const { start, acked } = await runAndKill(dir, 30 + Math.floor(Math.random() * 400))
  await fs.clearCache()
  const failures: string[] = []
  const damagedVersions: string[] = []
  for (const file of await historyFiles(dir)) {
    try {
      JSON.parse(await readFile(file, 'utf8'))
    } catch {
      damagedVersions.push(`${file} (${(await stat(file)).size} bytes)`)
    }
  }
  let found = 0
  let repaired = 0
  const library = await ArticleLibrary.open(dir, { log: (m) => failures.push(`log: ${m}`) })
  try {
    // Damaged files are moved to quarantine/ on purpose; everything else must parse.
    for (const bad of await unparseableFiles(dir)) {
      if (!bad.startsWith(join(dir, 'quarantine'))) failures.push(`does not parse: ${bad}`)
    }
    const [summary, ...more] = await library.list()
    if (more.length) failures.push(`expected one article, found ${more.length + 1}`)
    if (summary) {
      const article = await library.get(summary.id)
      found = article.revision
      if (article.headline !== expectedHeadline(found)) {
        failures.push(`revision ${found} holds "${article.headline}"`)
      }
      if (summary.revision !== found) failures.push(`list says ${summary.revision}, file ${found}`)
      const versions = await library.versions(summary.id)
      if (versions[0]?.revision !== found) {
        failures.push(`newest kept version is ${versions[0]?.revision}, the article ${found}`)
      }
      for (const v of versions) {
        const kept = await library.version(summary.id, v.versionId)
        if (kept.headline !== expectedHeadline(v.revision)) {
          failures.push(`version ${v.versionId} holds "${kept.headline}"`)
        }
      }
    }
    if (found < acked) failures.push(`lost acknowledged revision ${acked}: found ${found}`)
    for (const p of library.problems()) {
      if (p.kind === 'version-repaired') repaired++
      else failures.push(`problem: ${p.message}`)
    }
  } finally {
    await library.close()
  }
  return { saves: acked - start, acked, found, damagedVersions, repaired, failures }
}

describe('saves under power cuts (LazyFS)', () => {
  it.skipIf(unavailable !== null)(
    `loses no acknowledged save and leaves no damaged history version in ${CUTS} cuts`,
    { timeout: 180_000 },
    async () => {
      const fs = lazy as LazyFs
      const dir = join(fs.mount, 'library')
      const rounds: CutRound[] = []
      for (let i = 0; i < CUTS; i++) rounds.push(await cutRound(fs, dir))
      const acked = rounds.reduce((n, r) => n + r.saves, 0)
      const empty = rounds.reduce((n, r) => n + r.damagedVersions.length, 0)
      const repaired = rounds.reduce((n, r) => n + r.repaired, 0)
      console.info(
        `powerCut.test: ${CUTS} cuts, ${acked} acknowledged saves, ` +
          `${rounds.filter((r) => r.found < r.acked).length} lost, ` +
          `${empty} damaged history versions after the cuts, ${repaired} repaired`
      )
      expect(rounds.flatMap((r) => r.failures)).toEqual([])
      // The cuts must land while saves run, and they must actually drop data: otherwise this
      // test proves nothing.
      expect(rounds.filter((r) => r.saves > 0).length).toBeGreaterThan(CUTS / 2)
      expect(empty).toBeGreaterThan(0)
      expect(repaired).toBe(empty)
    }
  )
})
