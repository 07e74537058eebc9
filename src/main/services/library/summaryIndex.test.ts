import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IndexEntry } from './summaryIndex'
import { SummaryIndex } from './summaryIndex'

let dir: string

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'copydesk-index-')), 'index')
  await mkdir(dir)
})
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true })
})

function entry(id: string, revision: number): IndexEntry {
  return {
    stamp: `1-2-${revision}`,
    summary: {
      id,
      headline: `Headline ${revision}`,
      kicker: null,
      status: 'draft',
      bylines: [],
      updatedAt: '2024-05-02T14:30:00.000+02:00',
      wordCount: revision,
      revision
    }
  }
}

const open = (journalLimit = 1000) => SummaryIndex.load(dir, { writable: true, journalLimit })

describe('SummaryIndex', () => {
  it('removes at open what a writer killed while taking the index lock left, not a live one’s', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!
    const deadTemp = `summaries.lock.${dead}-0123abcd.tmp`
    const liveTemp = `summaries.lock.${process.ppid}-4567cdef.tmp`
    await writeFile(join(dir, deadTemp), '{}')
    await writeFile(join(dir, liveTemp), '{}')
    await open()
    const names = await readdir(dir)
    expect(names).not.toContain(deadTemp)
    expect(names).toContain(liveTemp)
  })

  it('appends one journal line per change and replays them at open', async () => {
    const { index, status } = await open()
    expect(status).toBe('missing')
    await index.put('a', entry('a', 1))
    await index.put('b', entry('b', 1))
    await index.put('a', entry('a', 2))
    await index.remove('b')
    const journal = await readFile(join(dir, 'journal-0.ndjson'), 'utf8')
    expect(journal.trim().split('\n')).toHaveLength(4)
    const reopened = await open()
    expect(reopened.status).toBe('ok')
    expect([...reopened.index.entries.keys()]).toEqual(['a'])
    expect(reopened.index.entries.get('a')?.summary.revision).toBe(2)
  })

  it('compacts into a snapshot and a fresh journal, losing nothing', async () => {
    const { index } = await open(3)
    for (let r = 1; r <= 3; r++) await index.put('a', entry('a', r))
    expect(index.compactionDue).toBe(true)
    await index.compact()
    await index.put('b', entry('b', 1))
    expect((await readdir(dir)).sort()).toEqual(['journal-1.ndjson', 'summaries.json'])
    const { index: reopened } = await open(3)
    expect(reopened.entries.get('a')?.summary.revision).toBe(3)
    expect(reopened.entries.get('b')?.summary.revision).toBe(1)
  })

  it('keeps appends made while a compaction runs', async () => {
    const { index } = await open()
    await index.put('a', entry('a', 1))
    const compaction = index.compact()
    const during = index.put('a', entry('a', 2))
    await Promise.all([compaction, during])
    const { index: reopened } = await open()
    expect(reopened.entries.get('a')?.summary.revision).toBe(2)
  })

  it('recovers from a compaction cut off before and after its snapshot', async () => {
    const { index } = await open()
    await index.put('a', entry('a', 1))
    await index.put('b', entry('b', 1))
    // Cut before the snapshot: appends already went to journal-1, no snapshot written yet.
    await writeFile(
      join(dir, 'journal-1.ndjson'),
      `${JSON.stringify({ op: 'put', id: 'a', entry: entry('a', 2) })}\n`
    )
    let reopened = (await open()).index
    expect(reopened.entries.get('a')?.summary.revision).toBe(2)
    expect(reopened.entries.get('b')?.summary.revision).toBe(1)
    // Cut after the snapshot but before the old journal was deleted.
    await writeFile(
      join(dir, 'summaries.json'),
      JSON.stringify({ format: 1, nextGen: 1, entries: [['b', entry('b', 1)]] })
    )
    reopened = (await open()).index
    expect(reopened.entries.get('a')?.summary.revision).toBe(2)
    expect(reopened.entries.has('b')).toBe(true)
    expect(await readdir(dir)).not.toContain('journal-0.ndjson')
  })

  it('reports a damaged snapshot, still replays the journal, and skips torn lines', async () => {
    const { index } = await open()
    await index.put('a', entry('a', 1))
    await writeFile(join(dir, 'summaries.json'), '{"format":1,"entr')
    await writeFile(
      join(dir, 'journal-0.ndjson'),
      `${await readFile(join(dir, 'journal-0.ndjson'), 'utf8')}{"op":"pu`
    )
    const { index: reopened, status, detail } = await open()
    expect(status).toBe('damaged')
    expect(detail).toContain('summaries.json')
    expect(reopened.entries.get('a')?.summary.revision).toBe(1)
  })

  it('never writes when opened read-only', async () => {
    const { index } = await SummaryIndex.load(dir, { writable: false })
    await index.put('a', entry('a', 1))
    await index.compact()
    expect(await readdir(dir)).toEqual([])
    expect(index.entries.has('a')).toBe(true)
  })
})
