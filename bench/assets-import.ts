/**
 * Import of 100 JPEGs of 24 megapixels through the AssetStore, beside a bare sharp pipeline that
 * makes the same renditions (preview, thumbnail, 16:9 and 1:1 crops), in the same run. Prints images/s, the time between finished images
 * (median, p95),
 * event-loop lag (p50, p95, max) and peak RSS of each, and the store/bare time ratio.
 *
 * Goals (issue 5): ratio ≤ 1.3, peak RSS ≤ 600 MB, lag p95 < 50 ms.
 *
 *   npx tsx bench/assets-import.ts [--count N] [--rounds N]
 *
 * Each phase runs in a child process of its own (peak RSS per phase).
 *
 * The images are generated once and cached in $TMPDIR/copydesk-bench-assets-24mp/.
 */
import { fork } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { AssetStore } from '../src/main/services/assets/assetStore'
import { ArticleLibrary } from '../src/main/services/library/articleLibrary'

const WIDTH = 6000
const HEIGHT = 4000
const PREVIEW = 1600
const THUMB = 320

function xmp(n: number): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Bench-Bild ${n}: Blick über Zürich</rdf:li></rdf:Alt></dc:description>
<dc:creator><rdf:Seq><rdf:li>Jörg Müller</rdf:li></rdf:Seq></dc:creator>
<photoshop:Credit>dpa</photoshop:Credit>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
}

async function corpus(count: number): Promise<string[]> {
  const dir = join(tmpdir(), 'copydesk-bench-assets-24mp')
  await mkdir(dir, { recursive: true })
  const have = new Set(await readdir(dir))
  const files: string[] = []
  for (let n = 0; n < count; n++) {
    const name = `photo-${String(n).padStart(3, '0')}.jpg`
    files.push(join(dir, name))
    if (have.has(name)) continue
    // Smooth random texture (noise enlarged) plus fine grain: compresses like a photo does.
    const blobs = await sharp({
      create: {
        width: 300,
        height: 200,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 60 }
      }
    })
      .png()
      .toBuffer()
    const grain = await sharp({
      create: {
        width: WIDTH,
        height: HEIGHT,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 6 }
      }
    })
      .png({ compressionLevel: 1 })
      .toBuffer()
    const image = await sharp(blobs)
      .resize(WIDTH, HEIGHT, { kernel: 'cubic' })
      .composite([{ input: grain, blend: 'overlay' }])
      .jpeg({ quality: 88 })
      .withMetadata({ orientation: n % 4 === 0 ? 6 : 1 })
      .withXmp(xmp(n))
      .toBuffer()
    await writeFile(join(dir, name), image)
    process.stderr.write(`\rgenerating ${n + 1}/${count}`)
  }
  process.stderr.write('\n')
  return files
}

interface Phase {
  name: string
  seconds: number
  perImageMs: number[]
  lagP50: number
  lagP95: number
  lagMax: number
  peakRssMb: number
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

async function measure(
  name: string,
  run: (onImageDone: (ms: number) => void) => Promise<void>
): Promise<Phase> {
  if (global.gc) global.gc()
  const lag = monitorEventLoopDelay({ resolution: 10 })
  let peak = process.memoryUsage.rss()
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25)
  const perImageMs: number[] = []
  lag.enable()
  const started = performance.now()
  await run((ms) => perImageMs.push(ms))
  const seconds = (performance.now() - started) / 1000
  lag.disable()
  clearInterval(sampler)
  return {
    name,
    seconds,
    perImageMs,
    // The histogram holds whole timer intervals; the lag is what exceeds the 10 ms resolution.
    lagP50: Math.max(0, lag.percentile(50) / 1e6 - 10),
    lagP95: Math.max(0, lag.percentile(95) / 1e6 - 10),
    lagMax: Math.max(0, lag.max / 1e6 - 10),
    peakRssMb: peak / 1024 / 1024
  }
}

/**
 * The bare pipeline: read, decode once (oriented) at the scale the web crops need, encode
 * preview, thumbnail and the centred 16:9 (at most 1920 wide) and 1:1 (at most 1080) crops,
 * write them: the renditions the store makes.
 */
async function bare(
  files: string[],
  out: string,
  concurrency: number,
  done: (ms: number) => void
): Promise<void> {
  let next = 0
  let last = performance.now()
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++
      const input = await readFile(files[i])
      const meta = await sharp(input).metadata()
      const turned = (meta.orientation ?? 1) >= 5
      const w = turned ? meta.height : meta.width
      const h = turned ? meta.width : meta.height
      const wide = { width: Math.min(w, Math.round((h * 16) / 9)), height: 0 }
      wide.height = Math.round((wide.width * 9) / 16)
      const side = Math.min(w, h)
      const scale = Math.min(1, Math.max(1920 / wide.width, 1080 / side, PREVIEW / Math.max(w, h)))
      const { data, info } = await sharp(input)
        .rotate()
        .resize(Math.round(w * scale), Math.round(h * scale), { fit: 'fill' })
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true })
      const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
      const preview = await sharp(data, raw)
        .resize({ width: PREVIEW, height: PREVIEW, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 82 })
        .toBuffer()
      const thumb = await sharp(data, raw)
        .resize({ width: THUMB, height: THUMB, fit: 'inside' })
        .jpeg({ quality: 82 })
        .toBuffer()
      const cut = (box: { width: number; height: number }, max: number): Promise<Buffer> => {
        const width = Math.min(info.width, Math.round(box.width * scale))
        const height = Math.min(info.height, Math.round(box.height * scale))
        const left = Math.round((info.width - width) / 2)
        const top = Math.round((info.height - height) / 2)
        const size = Math.min(1, max / box.width)
        return sharp(data, raw)
          .extract({ left, top, width, height })
          .resize(Math.round(box.width * size), Math.round(box.height * size), { fit: 'fill' })
          .jpeg({ quality: 85 })
          .toBuffer()
      }
      const crops = await Promise.all([cut(wide, 1920), cut({ width: side, height: side }, 1080)])
      await writeFile(join(out, `${i}-preview.jpg`), preview)
      await writeFile(join(out, `${i}-thumb.jpg`), thumb)
      await writeFile(join(out, `${i}-16x9.jpg`), crops[0])
      await writeFile(join(out, `${i}-1x1.jpg`), crops[1])
      const now = performance.now()
      done(now - last)
      last = now
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

/** One phase in this (fresh) process; prints its Phase as JSON on the last line. */
async function runPhase(kind: 'bare' | 'store', round: number, files: string[]): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'copydesk-bench-import-'))
  try {
    let phase: Phase
    if (kind === 'bare') {
      phase = await measure(`bare sharp, round ${round}`, (done) => bare(files, scratch, 3, done))
    } else {
      const articles = await ArticleLibrary.open(scratch)
      const store = await AssetStore.open(scratch, { articles })
      let failed = 0
      phase = await measure(`AssetStore, round ${round}`, async (done) => {
        let last = performance.now()
        const results = await store.import(
          files.map((path) => ({ name: path, path })),
          {
            onProgress: () => {
              const now = performance.now()
              done(now - last)
              last = now
            }
          }
        )
        failed = results.filter((x) => 'error' in x).length
      })
      await store.close()
      await articles.close()
      if (failed) throw new Error(`${failed} imports failed`)
    }
    process.stdout.write(`${JSON.stringify(phase)}\n`)
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

// Each phase runs in its own process, so one phase's heap and allocator arenas do not count
// against the next one's peak RSS.
function phaseInChild(kind: 'bare' | 'store', round: number, count: number): Promise<Phase> {
  return new Promise((resolve, reject) => {
    const child = fork(
      process.argv[1],
      ['--phase', kind, '--round', String(round), '--count', String(count)],
      { execArgv: process.execArgv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] }
    )
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${kind} phase exited with ${code}`))
      resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as Phase)
    })
  })
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '2' },
      phase: { type: 'string' },
      round: { type: 'string', default: '1' }
    }
  })
  const count = Number(values.count)
  const rounds = Number(values.rounds)
  const files = await corpus(count)
  if (values.phase === 'bare' || values.phase === 'store') {
    return runPhase(values.phase, Number(values.round), files)
  }
  const sizes = await Promise.all(files.map(async (f) => (await readFile(f)).length))
  console.log(
    `corpus: ${count} JPEGs of ${WIDTH}×${HEIGHT} (${((WIDTH * HEIGHT) / 1e6).toFixed(0)} MP), ` +
      `median ${(percentile(sizes, 50) / 1024 / 1024).toFixed(1)} MB; 2 decoder workers, 3 files in flight`
  )
  const phases: Phase[] = []
  for (let r = 1; r <= rounds; r++) {
    // Alternate which goes first, so neither always gets the warmer page cache.
    const order: ('bare' | 'store')[] = r % 2 === 1 ? ['bare', 'store'] : ['store', 'bare']
    for (const kind of order) phases.push(await phaseInChild(kind, r, count))
  }

  console.log(
    '\nphase                     images/s  gap between images median/p95 ms  lag p50/p95/max ms  peak RSS MB'
  )
  for (const p of phases) {
    console.log(
      `${p.name.padEnd(24)}  ${(count / p.seconds).toFixed(2).padStart(8)}  ` +
        `${percentile(p.perImageMs, 50).toFixed(0).padStart(10)} / ${percentile(p.perImageMs, 95).toFixed(0).padEnd(10)}  ` +
        `${p.lagP50.toFixed(1)} / ${p.lagP95.toFixed(1)} / ${p.lagMax.toFixed(1)}`.padEnd(20) +
        `  ${p.peakRssMb.toFixed(0)}`
    )
  }
  const bareTimes = phases.filter((p) => p.name.startsWith('bare')).map((p) => p.seconds)
  const storePhases = phases.filter((p) => p.name.startsWith('AssetStore'))
  const storeTimes = storePhases.map((p) => p.seconds)
  const ratio = percentile(storeTimes, 50) / percentile(bareTimes, 50)
  const lagP95 = Math.max(...storePhases.map((p) => p.lagP95))
  const rss = Math.max(...storePhases.map((p) => p.peakRssMb))
  const bareRss = Math.max(
    ...phases.filter((p) => p.name.startsWith('bare')).map((p) => p.peakRssMb)
  )
  console.log(
    `\nratio store/bare (median time of ${rounds} rounds): ${ratio.toFixed(2)} (goal ≤ 1.3)` +
      `\nstore event-loop lag p95: ${lagP95.toFixed(1)} ms (goal < 50)` +
      `\nstore peak RSS: ${rss.toFixed(0)} MB (goal ≤ 600; bare pipeline ${bareRss.toFixed(0)} MB)`
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
