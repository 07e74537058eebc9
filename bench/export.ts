/**
 * Export of an article with a gallery of 100 photos of about 5 MB each (issue 6), beside
 * `zip -0 -r` of the same files (originals + the preview, thumbnail and 16:9 and 1:1 crop
 * renditions the package holds) in the same run, 15 rounds unless told. Prints seconds (median, p95 over the rounds),
 * peak RSS of each, and the export/zip ratio per round: its median and p95 (goal ≤ 1.5).
 *
 *   npx tsx bench/export.ts [--count N] [--rounds N]
 *
 * The photos carry GPS and serial numbers in EXIF, so every original really goes through the
 * byte-level cleaning. Photos and the library are made once and cached in
 * $TMPDIR/copydesk-bench-export/ (about 1.5 GB; the run needs 3 GB free and says so otherwise).
 * Each export runs in a child process of its own (its peak RSS); zip runs under /usr/bin/time.
 */
import { execFile, fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { link, mkdir, readdir, readFile, rm, statfs, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import sharp from 'sharp'
import type { ImageUse } from '../src/shared/article'
import { openServices } from '../src/main/services'
import { assetDir } from '../src/main/services/assets/assetResolver'
import { exportPackage } from '../src/main/services/export/exportPackage'

const run = promisify(execFile)
const ROOT = join(tmpdir(), 'copydesk-bench-export')
const WIDTH = 3600
const HEIGHT = 2400
const MIN_FREE_BYTES = 3 * 1024 ** 3

interface ChildResult {
  seconds: number
  preflightColdSeconds: number
  peakRssMb: number
  bytes: number
  files: number
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

async function photos(count: number): Promise<string[]> {
  const dir = join(ROOT, 'photos')
  await mkdir(dir, { recursive: true })
  const have = new Set(await readdir(dir))
  const files: string[] = []
  for (let n = 0; n < count; n++) {
    const name = `photo-${String(n).padStart(3, '0')}.jpg`
    files.push(join(dir, name))
    if (have.has(name)) continue
    // Noise at high quality: JPEGs of about 5 MB that do not compress further, as photos.
    const image = await sharp({
      create: {
        width: WIDTH,
        height: HEIGHT,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 100 + (n % 50), sigma: 30 }
      }
    })
      .jpeg({ quality: 90 })
      .withExif({
        IFD0: { Make: 'Canon', Model: 'EOS R5', Copyright: '© dpa' },
        IFD2: { BodySerialNumber: `0930210${n}`, CameraOwnerName: 'Bench' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: `52/1 ${n % 60}/1 0/1` }
      })
      .toBuffer()
    await writeFile(join(dir, name), image)
    process.stderr.write(`\rgenerating photos ${n + 1}/${count}`)
  }
  process.stderr.write('\n')
  return files
}

/** The library with the article (made once; reused while the photo count matches). */
async function library(
  count: number
): Promise<{ dir: string; articleId: string; assetIds: string[] }> {
  const dir = join(ROOT, `library-${count}`)
  const marker = join(dir, 'bench.json')
  if (existsSync(marker)) return { dir, ...JSON.parse(await readFile(marker, 'utf8')) }
  await rm(dir, { recursive: true, force: true })
  const files = await photos(count)
  const s = await openServices({ libraryDir: dir, version: 'bench', systemLocale: 'de' })
  try {
    const assetIds: string[] = []
    const results = await s.assets.import(
      files.map((path) => ({ name: path.split('/').pop()!, path })),
      { onProgress: (n, total) => process.stderr.write(`\rimporting ${n}/${total}`) }
    )
    process.stderr.write('\n')
    for (const [i, r] of results.entries()) {
      if (!('assetId' in r)) throw new Error(r.error)
      assetIds.push(r.assetId)
      const current = await s.assets.get(r.assetId)
      await s.assets.update(r.assetId, current.revision, {
        caption: `Bild ${i + 1}: Blick über die Stadt`,
        credit: 'dpa',
        alt: `Stadtansicht ${i + 1}`
      })
    }
    const use = (assetId: string): ImageUse => ({
      assetId,
      caption: null,
      credit: null,
      photographer: null,
      alt: null
    })
    const article = await s.articles.create({
      headline: 'Die Stadt von oben',
      bylines: ['Anna Beispiel'],
      dateline: { place: 'Berlin', source: 'dpa' },
      lead: use(assetIds[0]),
      galleries: [{ id: 'bench', name: 'Foto-Serie', items: assetIds.map(use) }]
    })
    const state = { articleId: article.id, assetIds }
    await writeFile(marker, JSON.stringify(state))
    return { dir, ...state }
  } finally {
    await s.close()
  }
}

/**
 * The same image files the package holds, hard-linked into `stage/images/` for zip: original,
 * preview, thumbnail and the two stored crops of each photo (the export copies those too).
 */
async function stage(lib: string, assetIds: string[]): Promise<string> {
  const dir = join(ROOT, 'stage')
  await rm(dir, { recursive: true, force: true })
  await mkdir(join(dir, 'images'), { recursive: true })
  for (const [i, id] of assetIds.entries()) {
    const base = String(i + 1).padStart(3, '0')
    const folder = assetDir(lib, id)
    await link(join(folder, 'original.jpg'), join(dir, 'images', `${base}.jpg`))
    await link(join(folder, 'preview.jpg'), join(dir, 'images', `${base}-preview.jpg`))
    await link(join(folder, 'thumb.jpg'), join(dir, 'images', `${base}-thumb.jpg`))
    await link(join(folder, 'crop-16x9.jpg'), join(dir, 'images', `${base}-16x9.jpg`))
    await link(join(folder, 'crop-1x1.jpg'), join(dir, 'images', `${base}-1x1.jpg`))
  }
  return dir
}

async function zipBaseline(
  stageDir: string,
  out: string
): Promise<{ seconds: number; peakRssMb: number }> {
  await rm(out, { force: true })
  const started = performance.now()
  const { stderr } = await run(
    '/usr/bin/time',
    ['-f', '%M', 'zip', '-0', '-q', '-r', out, 'images'],
    {
      cwd: stageDir
    }
  )
  const seconds = (performance.now() - started) / 1000
  return { seconds, peakRssMb: Number(stderr.trim().split('\n').pop()) / 1024 }
}

function exportInChild(lib: string, articleId: string, out: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1], ['--child', lib, articleId, out], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    child.once('message', (m) => resolve(m as ChildResult))
    child.once('error', reject)
    child.once('exit', (code) => code !== 0 && reject(new Error(`export child exited ${code}`)))
  })
}

async function child(lib: string, articleId: string, out: string): Promise<void> {
  const s = await openServices({ libraryDir: lib, version: 'bench', systemLocale: 'de' })
  try {
    await rm(out, { force: true })
    const article = await s.articles.get(articleId)
    let started = performance.now()
    // Cold preflight (spelling worker and dictionary start): the app has them warm already.
    await s.preflight.check(article, { language: 'de' })
    const preflightColdSeconds = (performance.now() - started) / 1000
    started = performance.now()
    // force: the bench article has no body text, which the checks now call an error; they
    // still run in full, as in every export.
    const result = await exportPackage(s, articleId, out, { markExported: false, force: true })
    const seconds = (performance.now() - started) / 1000
    process.send?.({
      seconds,
      preflightColdSeconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      bytes: result.bytes,
      files: result.files.length + 1
    } satisfies ChildResult)
  } finally {
    await s.close()
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const [lib, articleId, out] = process.argv.slice(3)
    await child(lib, articleId, out)
    return
  }
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '15' }
    }
  })
  const count = Number(values.count)
  const rounds = Number(values.rounds)
  await mkdir(ROOT, { recursive: true })
  const fs = await statfs(ROOT)
  const free = fs.bavail * fs.bsize
  if (free < MIN_FREE_BYTES) {
    console.log(
      `Not enough free disk space in ${ROOT}: ${(free / 1024 ** 3).toFixed(1)} GB free, the bench ` +
        `needs 3 GB (${count} photos of ~5 MB, their library copy and two packages per round). ` +
        `Free some space or set TMPDIR to a roomier disk; nothing was written.`
    )
    process.exitCode = 1
    return
  }
  const lib = await library(count)
  const zipOut = join(ROOT, 'baseline.zip')
  const exportOut = join(ROOT, 'export.zip')

  // A library made before crops were stored at import has none: its first export makes and
  // stores them (what an old library pays once), and is reported on its own.
  const missing = (
    await Promise.all(
      lib.assetIds.map((id) =>
        readFile(join(assetDir(lib.dir, id), 'crops.json')).then(
          () => 0,
          () => 1
        )
      )
    )
  ).reduce((a: number, b: number) => a + b, 0)
  // One warm-up of each, so both read the photos from the page cache.
  const first = await exportInChild(lib.dir, lib.articleId, exportOut)
  if (missing > 0) {
    console.log(
      `first export of a library without stored crops (${missing} photos): ${first.seconds.toFixed(2)} s (they are stored now)`
    )
  }
  const stageDir = await stage(lib.dir, lib.assetIds)
  await zipBaseline(stageDir, zipOut)
  const zips: { seconds: number; peakRssMb: number }[] = []
  const exports: ChildResult[] = []
  for (let r = 0; r < rounds; r++) {
    zips.push(await zipBaseline(stageDir, zipOut))
    exports.push(await exportInChild(lib.dir, lib.articleId, exportOut))
    process.stderr.write(`\rround ${r + 1}/${rounds}`)
  }
  process.stderr.write('\n')

  const zipSizes = (await run('stat', ['-c', '%s', zipOut])).stdout.trim()
  const zipS = zips.map((z) => z.seconds)
  const expS = exports.map((e) => e.seconds)
  // Each round's pair ran back to back: their ratio is less disturbed by other load on the
  // machine than the ratio of two medians.
  const ratios = exports.map((e, i) => e.seconds / zips[i].seconds)
  const fmt = (n: number): string => n.toFixed(2)
  console.log(
    `Export of ${count} photos (~${(Number(zipSizes) / 1024 ** 2 / count).toFixed(1)} MB per photo with renditions), ${rounds} rounds`
  )
  console.log(
    `  zip -0 -r   median ${fmt(percentile(zipS, 50))} s  p95 ${fmt(percentile(zipS, 95))} s  peak RSS ${fmt(Math.max(...zips.map((z) => z.peakRssMb)))} MB  (${(Number(zipSizes) / 1024 ** 2).toFixed(0)} MB)`
  )
  console.log(
    `  export      median ${fmt(percentile(expS, 50))} s  p95 ${fmt(percentile(expS, 95))} s  peak RSS ${fmt(Math.max(...exports.map((e) => e.peakRssMb)))} MB  (${(exports[0].bytes / 1024 ** 2).toFixed(0)} MB, ${exports[0].files} files)`
  )
  console.log(
    `  cold preflight before the first export (spelling worker start): median ${fmt(
      percentile(
        exports.map((e) => e.preflightColdSeconds),
        50
      )
    )} s (not in the export time)`
  )
  console.log(
    `  ratio export/zip per round: median ${percentile(ratios, 50).toFixed(2)}, p95 ${percentile(ratios, 95).toFixed(2)} ` +
      `(rounds: ${ratios.map((r) => r.toFixed(2)).join(' ')}; goal ≤ 1.5)`
  )
  await rm(zipOut, { force: true })
  await rm(exportOut, { force: true })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
