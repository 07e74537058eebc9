/**
 * Opening the asset store: one scan of `assets/<ab>/<id>/asset.json` into memory. Measures
 * AssetStore.open for libraries of 300 and 3,000 assets against a bare baseline in the same run
 * (readdir + readFile of the same files, as many in flight, no parsing or validation). Prints median and p95 of
 * each and the ratio.
 *
 *   npx tsx bench/assets-open.ts [--runs N]
 */
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ASSET_SCHEMA_VERSION, type AssetRecord } from '../src/shared/asset'
import { assetDir } from '../src/main/services/assets/assetResolver'
import { AssetStore } from '../src/main/services/assets/assetStore'
import type { ArticleSource } from '../src/main/services/assets/assetUsage'

function record(id: string, n: number): AssetRecord {
  const text = (s: string): string =>
    `${s} ${n}: Kundgebung vor dem Rathaus in Zürich, Jörg’s Plakat`
  return {
    schemaVersion: ASSET_SCHEMA_VERSION,
    id,
    revision: 3,
    importedAt: '2024-05-02T14:30:00.000+02:00',
    updatedAt: '2024-05-02T15:00:00.000+02:00',
    originalName: `DSC_${n}.jpg`,
    originalFile: 'original.jpg',
    format: 'jpeg',
    fileSize: 4_800_000,
    width: 6000,
    height: 4000,
    orientation: 1,
    renditions: {
      thumb: { file: 'thumb.jpg', width: 320, height: 213 },
      preview: { file: 'preview.jpg', width: 1600, height: 1067 }
    },
    metadata: {
      caption: text('Caption'),
      headline: 'Großdemo',
      photographer: 'Jörg Müller',
      credit: 'dpa',
      source: 'dpa-Bildfunk',
      copyright: '© dpa',
      usageTerms: null,
      dateCreated: '2024-05-02T14:30:00+02:00',
      city: 'Zürich',
      country: 'Schweiz',
      alt: null
    },
    embedded: {
      caption: text('Embedded'),
      headline: 'Großdemo',
      photographer: 'Jörg Müller',
      credit: 'dpa',
      source: 'dpa-Bildfunk',
      copyright: '© dpa',
      usageTerms: null,
      dateCreated: '2024-05-02T14:30:00+02:00',
      city: 'Zürich',
      country: 'Schweiz',
      alt: null
    },
    focal: null,
    warnings: [],
    history: []
  }
}

function stats(values: number[]): { median: number; p95: number } {
  const s = [...values].sort((a, b) => a - b)
  const at = (p: number): number => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]
  return { median: at(0.5), p95: at(0.95) }
}

async function bareScan(library: string): Promise<number> {
  const root = join(library, 'assets')
  const files: string[] = []
  for (const shard of await readdir(root)) {
    if (shard.startsWith('.')) continue
    for (const id of await readdir(join(root, shard)))
      files.push(join(root, shard, id, 'asset.json'))
  }
  // The same 32 reads in flight as the store uses.
  let bytes = 0
  let next = 0
  const reader = async (): Promise<void> => {
    while (next < files.length) bytes += (await readFile(files[next++])).length
  }
  await Promise.all(Array.from({ length: 32 }, reader))
  return bytes
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } })
  const runs = Number(values.runs)
  const noArticles: ArticleSource = {
    list: async () => [],
    get: async () => {
      throw new Error('no articles in this bench')
    },
    save: async () => {
      throw new Error('no articles in this bench')
    }
  }
  const root = await mkdtemp(join(tmpdir(), 'copydesk-bench-open-'))
  try {
    for (const count of [300, 3000]) {
      const library = join(root, String(count))
      for (let n = 0; n < count; n++) {
        const id = createHash('sha256').update(`asset ${n}`).digest('hex')
        const dir = assetDir(library, id)
        await mkdir(dir, { recursive: true })
        await writeFile(join(dir, 'asset.json'), JSON.stringify(record(id, n), null, 2))
      }
      const bare: number[] = []
      const open: number[] = []
      for (let r = 0; r < runs; r++) {
        let t = performance.now()
        await bareScan(library)
        bare.push(performance.now() - t)
        t = performance.now()
        const store = await AssetStore.open(library, { articles: noArticles })
        open.push(performance.now() - t)
        if (store.size !== count) throw new Error(`loaded ${store.size} of ${count}`)
        await store.close()
      }
      const b = stats(bare)
      const o = stats(open)
      console.log(
        `${String(count).padStart(5)} assets: open median ${o.median.toFixed(1)} ms, p95 ${o.p95.toFixed(1)} ms;` +
          ` bare read median ${b.median.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms;` +
          ` ratio ${(o.median / b.median).toFixed(2)}`
      )
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
