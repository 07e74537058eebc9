import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ARTICLE_SCHEMA_VERSION, defaultArticleFields, type Article } from '../../../shared/article'
import { HistoryStore } from './historyStore'

let dir: string
const id = '0c9dfa0a-dbee-417b-8944-c1d2cdde806d'

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-history-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function article(revision: number): Article {
  return {
    ...defaultArticleFields(),
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id,
    revision,
    headline: `Fassung ${revision}`,
    createdAt: '2024-05-02T14:30:00.000+02:00',
    updatedAt: '2024-05-02T14:30:00.000+02:00'
  }
}

const T0 = Date.parse('2024-05-02T12:00:00Z')

describe('HistoryStore', () => {
  it('keeps at most one version per minute while typing', async () => {
    const history = new HistoryStore(dir)
    // Saves every 5 s for 3 minutes: revisions 1..37.
    for (let r = 1; r <= 37; r++) await history.record(article(r), r, T0 + (r - 1) * 5000)
    const entries = await history.entries(id)
    // Windows start at 0 s, 60 s, 120 s, 180 s: four versions, each the last save of its window.
    expect(entries.map((e) => e.revision)).toEqual([12, 24, 36, 37])
    expect(entries.map((e) => (e.windowStartMs - T0) / 1000)).toEqual([0, 60, 120, 180])
    expect(await readdir(join(dir, id))).toHaveLength(4)
    // A fresh store reads the same from the file names alone.
    expect((await new HistoryStore(dir).entries(id)).map((e) => e.revision)).toEqual([
      12, 24, 36, 37
    ])
  })

  it('starts a separate version when asked, even inside the window', async () => {
    const history = new HistoryStore(dir)
    await history.record(article(1), 1, T0)
    await history.record(article(2), 1, T0 + 1000, { separate: true })
    await history.record(article(3), 1, T0 + 2000)
    expect((await history.entries(id)).map((e) => e.revision)).toEqual([1, 3])
  })

  it('keeps only the newest versions up to the limit', async () => {
    const history = new HistoryStore(dir, { limit: 5 })
    for (let r = 1; r <= 9; r++) await history.record(article(r), r, T0 + r * 61_000)
    expect((await history.entries(id)).map((e) => e.revision)).toEqual([5, 6, 7, 8, 9])
    expect(await readdir(join(dir, id))).toHaveLength(5)
    const newest = (await history.entries(id))[4]
    expect(await history.readRaw(newest!)).toMatchObject({ article: { headline: 'Fassung 9' } })
  })
})
