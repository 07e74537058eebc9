/**
 * What typing and opening cost in the real editing desk, in Chromium, beside two baselines
 * measured in the same run on the same text: a bare TipTap StarterKit editor and a plain
 * `contenteditable` (no editor: the floor).
 *
 * The article: 20,000 words of German news copy, 60 figures in the body (20 different photos,
 * each used three times), a lead image and 2 galleries of 20 photos, made in a temporary library
 * through the real services. The desk is the built renderer (`out/renderer`) served by the
 * browser-test harness (`out/harness`) over that library; the baselines are a page Vite builds
 * from `bench/editor-typing/` into a temporary folder.
 *
 * The variants are interleaved: each round opens the desk, the bare editor and the plain
 * contenteditable (in a rotating order), each in a new browser context, closed after its turn.
 * Per round and variant, `--keys` characters are typed at the end and as many in the middle of a
 * paragraph, one every `--delay` ms. Per keystroke:
 * - script: the renderer's JavaScript time from the key until the next key (Chromium's
 *   `Performance.getMetrics` ScriptDuration, read before and after each key): every handler,
 *   transaction, plugin view, React render, timer and animation-frame callback the key caused,
 *   without style, layout, paint or the wait for the frame;
 * - next paint: from the keydown event's timestamp until a task posted from the first animation
 *   frame after the keydown runs (the frame that shows the key has been painted);
 * - input task (a cross-check of script): wall time from the first keydown listener (capture on
 *   window) until a task posted there runs, i.e. the key's own task with every handler,
 *   transaction, plugin view and microtask it runs, plus the style and layout they force;
 * - whole page: ScriptDuration over a whole typing run, from before the first key until 1.5 s
 *   after the last (so the save and the spelling check after the pause count too), per key.
 * Opening, until the editor accepts input (a `contenteditable="true"` is in the page and a frame
 * has been produced after it):
 * - cold: a new browser context loads the page with the article's address (the baselines: the
 *   page fetches the body and creates the editor), timed from navigation start;
 * - warm: the article opened again in a page that has opened it before (the desk: from the
 *   library view by its address; the baselines: a new editor over the same text).
 *
 *   npm run build && npm run bench -- editor-typing
 *   npx tsx bench/editor-typing.ts [--rounds 4] [--keys 130] [--delay 40] [--cold 10] [--warm 3]
 *     [--out DIR]   (a build other than out/, for comparing two)
 *
 * Prints median and p95 per variant and measure and the ratios to the baselines.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { delimiter, extname, join, normalize, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { build } from 'vite'
import { baselineBody, makeLibrary, PHOTOS, WORDS } from './editor-typing/benchArticle'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '4' },
    keys: { type: 'string', default: '130' },
    delay: { type: 'string', default: '40' },
    cold: { type: 'string', default: '10' },
    warm: { type: 'string', default: '3' },
    out: { type: 'string', default: 'out' }
  }
})
const ROUNDS = Number(values.rounds)
const KEYS = Number(values.keys)
const DELAY = Number(values.delay)
const COLD = Number(values.cold)
const WARM = Number(values.warm)
const ROOT = resolve(__dirname, '..')
// The build to measure (another folder holding `harness/` and `renderer/` compares builds).
const OUT = resolve(ROOT, values.out)
const TYPED = 'und weiter geht es mit dem Text, den die Reporterin gerade schreibt. '
const VARIANTS = ['desk', 'bare', 'plain'] as const
type Variant = (typeof VARIANTS)[number]
const NAMES: Record<Variant, string> = {
  desk: 'copydesk desk',
  bare: 'bare StarterKit',
  plain: 'plain contenteditable'
}

// ---------------------------------------------------------------------------------------------
// Servers

async function startHarness(libraryDir: string): Promise<{ url: string; child: ChildProcess }> {
  // A build copied outside the project (`--out /tmp/x`) still loads its external packages
  // (sharp …) from the project's node_modules.
  const nodePath = [join(ROOT, 'node_modules'), process.env['NODE_PATH']].filter(Boolean)
  const child = spawn(process.execPath, [join(OUT, 'harness/index.js'), '--library', libraryDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: nodePath.join(delimiter) }
  })
  let output = ''
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`harness did not start:\n${output}`)), 20_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open: (\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        done(match[1]!)
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => fail(new Error(`harness exited with ${code}:\n${output}`)))
  })
  return { url, child }
}

async function serveStatic(dir: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json'
  }
  const server = createServer((req, res) => {
    const path = normalize(
      join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    )
    const file = path.endsWith(sep) ? join(path, 'index.html') : path
    if (!file.startsWith(dir)) return void res.writeHead(404).end()
    stat(file).then(
      () => {
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
        createReadStream(file).pipe(res)
      },
      () => res.writeHead(404).end()
    )
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }
}

// ---------------------------------------------------------------------------------------------
// In the page (installed before any of the page's own scripts)

/**
 * Records when the first editable element appears and a frame has been produced after it
 * (`benchReady`, ms since navigation start), and per keydown the time to the next paint.
 */
function pageProbe(): void {
  const w = window as unknown as {
    benchReady?: number
    benchPaints: number[]
    benchTasks: number[]
  }
  w.benchPaints = []
  w.benchTasks = []
  const afterPaint = (done: () => void): void => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => done()
      channel.port2.postMessage(null)
    })
  }
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[contenteditable="true"]')) return
    observer.disconnect()
    afterPaint(() => (w.benchReady = performance.now()))
  })
  observer.observe(document, { childList: true, subtree: true })
  // Capture on window: runs before any listener of the page.
  addEventListener(
    'keydown',
    (e) => {
      const keydown = e.timeStamp
      // The input task: keydown, keypress, input, the editor's transaction and everything run
      // synchronously or in microtasks with it end before a task posted now can run.
      const start = performance.now()
      const channel = new MessageChannel()
      channel.port1.onmessage = () => w.benchTasks.push(performance.now() - start)
      channel.port2.postMessage(null)
      afterPaint(() => w.benchPaints.push(performance.now() - keydown))
    },
    true
  )
}

// ---------------------------------------------------------------------------------------------
// Driving

interface Typing {
  /** ScriptDuration per key, ms. */
  script: number[]
  /** keydown to next paint per key, ms. */
  paint: number[]
  /** Wall time of the key's input task (script, forced style and layout), ms. */
  task: number[]
  /** Whole-page script over each run (typing plus the pause after it) per key, ms. */
  wholePerKey: number[]
}

interface Setup {
  deskUrl: string
  articleId: string
  staticUrl: string
  baselineBody: unknown
  paragraphs: string[]
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'de-DE'
  })
  // tsx compiles with keepNames: functions handed to page.evaluate call its `__name` helper.
  await context.addInitScript({ content: 'window.__name = (f) => f' })
  await context.addInitScript(pageProbe)
  return context
}

function addressOf(variant: Variant, setup: Setup): string {
  if (variant === 'desk') return `${setup.deskUrl}#/article/${setup.articleId}`
  return `${setup.staticUrl}?open=${variant}`
}

/** Loads the variant's page in `page`; resolves with ms from navigation start to ready. */
async function coldOpen(page: Page, variant: Variant, setup: Setup): Promise<number> {
  await page.goto(addressOf(variant, setup))
  await page.waitForFunction(
    () => (window as unknown as { benchReady?: number }).benchReady !== undefined,
    undefined,
    { timeout: 60_000, polling: 50 }
  )
  return page.evaluate(() => (window as unknown as { benchReady: number }).benchReady)
}

/** Opens the article again in a page that has it open; ms until it accepts input. */
async function warmOpen(page: Page, variant: Variant, setup: Setup): Promise<number> {
  if (variant === 'bare') {
    return page.evaluate((b) => window.setupBare(b as never), setup.baselineBody)
  }
  if (variant === 'plain') {
    return page.evaluate((texts) => window.setupPlain(texts), setup.paragraphs)
  }
  await page.evaluate(() => (location.hash = '#/'))
  await page.getByRole('heading').first().waitFor()
  await page.waitForTimeout(300)
  return page.evaluate(async (id) => {
    const t0 = performance.now()
    location.hash = `#/article/${id}`
    await new Promise<void>((done) => {
      const ready = (): boolean =>
        document.querySelector('.ProseMirror[contenteditable="true"]') !== null
      if (ready()) return done()
      const observer = new MutationObserver(() => {
        if (ready()) {
          observer.disconnect()
          done()
        }
      })
      observer.observe(document.body, { childList: true, subtree: true })
    })
    await new Promise<void>((done) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => done()
        channel.port2.postMessage(null)
      })
    )
    return performance.now() - t0
  }, setup.articleId)
}

/** Puts the caret at the end of the text, or in the middle of the middle paragraph. */
async function placeCaret(page: Page, variant: Variant, at: 'end' | 'middle'): Promise<void> {
  await page.evaluate(
    ({ isPlain, at }) => {
      if (isPlain) {
        const root = document.querySelector('[contenteditable]') as HTMLElement
        const blocks = root.querySelectorAll('p')
        const block =
          at === 'end' ? blocks[blocks.length - 1]! : blocks[Math.floor(blocks.length / 2)]!
        const text = block.lastChild as Text
        const range = document.createRange()
        range.setStart(text, at === 'end' ? text.length : Math.floor(text.length / 2))
        range.collapse(true)
        root.focus()
        const selection = getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        block.scrollIntoView({ block: 'center' })
        return
      }
      type Ed = {
        state: {
          doc: {
            content: { size: number }
            childCount: number
            child(i: number): {
              nodeSize: number
              type: { name: string }
              content: { size: number }
            }
          }
        }
        commands: {
          setTextSelection(p: number): boolean
          focus(p?: unknown): boolean
          scrollIntoView(): boolean
        }
      }
      const editor = (document.querySelector('.ProseMirror') as Element & { editor: Ed }).editor
      const { doc } = editor.state
      let target = doc.content.size - 1
      if (at === 'middle') {
        let pos = 0
        let index = Math.floor(doc.childCount / 2)
        while (doc.child(index).type.name !== 'paragraph') index++
        for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize
        target = pos + 1 + Math.floor(doc.child(index).content.size / 2)
      }
      editor.commands.setTextSelection(target)
      editor.commands.focus()
      editor.commands.scrollIntoView()
    },
    { isPlain: variant === 'plain', at }
  )
  // Let the caret move settle (and a spelling check or save it started run) before measuring.
  await page.waitForTimeout(1500)
}

async function type(page: Page, variant: Variant, into: Typing): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const read = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000
  }
  const text = TYPED.repeat(Math.ceil(KEYS / TYPED.length)).slice(0, KEYS)
  for (const at of ['end', 'middle'] as const) {
    await placeCaret(page, variant, at)
    await page.evaluate(() => {
      const w = window as unknown as { benchPaints: number[]; benchTasks: number[] }
      w.benchPaints = []
      w.benchTasks = []
    })
    const start = await read()
    let before = start
    for (const char of text) {
      await page.keyboard.type(char)
      await page.waitForTimeout(DELAY)
      const after = await read()
      into.script.push(after - before)
      before = after
    }
    await page.waitForTimeout(1500)
    into.wholePerKey.push(((await read()) - start) / KEYS)
    const probed = await page.evaluate(() => {
      const w = window as unknown as { benchPaints: number[]; benchTasks: number[] }
      return { paints: w.benchPaints, tasks: w.benchTasks }
    })
    into.paint.push(...probed.paints)
    into.task.push(...probed.tasks)
  }
}

// ---------------------------------------------------------------------------------------------
// Figures

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
}
const ms = (n: number): string => `${n.toFixed(2).padStart(7)} ms`
const times = (n: number): string => `${n.toFixed(2)}×`
const median = (v: number[]): number => quantile(v, 0.5)
const p95 = (v: number[]): number => quantile(v, 0.95)

async function main(): Promise<void> {
  try {
    await stat(join(OUT, 'harness/index.js'))
    await stat(join(OUT, 'renderer/index.html'))
  } catch {
    console.error('editor-typing: run `npm run build` first (needs out/harness and out/renderer)')
    process.exit(2)
  }
  const loadStart = loadavg()[0]!
  const work = await mkdtemp(join(tmpdir(), 'copydesk-bench-typing-'))
  const libraryDir = join(work, 'library')
  let harness: ChildProcess | null = null
  let server: Server | null = null
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  })
  try {
    process.stdout.write('preparing: 20 photos, the article, the baseline page… ')
    const { articleId, body } = await makeLibrary(libraryDir)
    const pageDir = join(work, 'baseline')
    await build({
      configFile: false,
      logLevel: 'error',
      root: join(ROOT, 'bench/editor-typing'),
      build: { outDir: pageDir, emptyOutDir: true, minify: true, modulePreload: false }
    })
    const bare = baselineBody(body)
    await writeFile(join(pageDir, 'body.json'), JSON.stringify(bare))
    const started = await startHarness(libraryDir)
    harness = started.child
    const statics = await serveStatic(pageDir)
    server = statics.server
    const setup: Setup = {
      deskUrl: started.url.replace(/#.*$/, ''),
      articleId,
      staticUrl: statics.url,
      baselineBody: bare,
      paragraphs: (bare.content ?? []).map((block) =>
        (block.content ?? []).map((c) => c.text ?? '').join('')
      )
    }
    console.log('done')

    const cold: Record<Variant, number[]> = { desk: [], bare: [], plain: [] }
    const warm: Record<Variant, number[]> = { desk: [], bare: [], plain: [] }
    const typing: Record<Variant, Typing> = {
      desk: { script: [], paint: [], task: [], wholePerKey: [] },
      bare: { script: [], paint: [], task: [], wholePerKey: [] },
      plain: { script: [], paint: [], task: [], wholePerKey: [] }
    }
    const rotate = (i: number): Variant[] => VARIANTS.map((_, k) => VARIANTS[(i + k) % 3]!)

    // Cold opens: a new context per open, the variants in turn.
    for (let i = 0; i < COLD; i++) {
      process.stdout.write(`\rcold opens ${i + 1}/${COLD}    `)
      for (const variant of rotate(i)) {
        const context = await newContext(browser)
        cold[variant].push(await coldOpen(await context.newPage(), variant, setup))
        await context.close()
      }
    }
    // Typing rounds (with the warm opens first), the variants in turn, a new context each.
    let figureViews = 0
    for (let r = 0; r < ROUNDS; r++) {
      for (const variant of rotate(r)) {
        process.stdout.write(`\rround ${r + 1}/${ROUNDS}: ${variant}      `)
        const context = await newContext(browser)
        const page = await context.newPage()
        await coldOpen(page, variant, setup)
        await page.waitForTimeout(1000)
        for (let i = 0; i < WARM; i++) {
          warm[variant].push(await warmOpen(page, variant, setup))
          await page.waitForTimeout(800)
        }
        if (variant === 'desk') {
          await page.locator('.figure-view img').first().waitFor()
          figureViews = await page.locator('.figure-view').count()
        }
        await page.waitForTimeout(1000)
        await type(page, variant, typing[variant])
        await context.close()
      }
    }
    process.stdout.write('\r'.padEnd(40) + '\r')

    // The renderer's JavaScript.
    const assetsDir = join(OUT, 'renderer/assets')
    let jsBytes = 0
    let jsGzip = 0
    for (const file of (await readdir(assetsDir)).filter((f) => f.endsWith('.js'))) {
      const bytes = await readFile(join(assetsDir, file))
      jsBytes += bytes.length
      jsGzip += gzipSync(bytes).length
    }

    console.log(
      `Chromium ${browser.version()}, ${WORDS.toLocaleString('en')} words, ${figureViews} figure views, ` +
        `a lead and 2 galleries of ${PHOTOS}; ${ROUNDS} rounds × ${KEYS} keys at the end and ${KEYS} ` +
        `in the middle per variant, ${DELAY} ms apart, variants interleaved, a new context each\n`
    )
    console.log(
      'variant                    keys | script median      p95 |  next paint median      p95 | whole page per key (runs)'
    )
    for (const variant of VARIANTS) {
      const t = typing[variant]
      console.log(
        `${NAMES[variant].padEnd(24)} ${String(t.script.length).padStart(6)} | ` +
          `${ms(median(t.script))} ${ms(p95(t.script))} |    ${ms(median(t.paint))} ${ms(p95(t.paint))} | ` +
          `${ms(median(t.wholePerKey))} (${t.wholePerKey.map((v) => v.toFixed(2)).join(' ')})`
      )
    }
    const d = typing.desk
    for (const base of ['bare', 'plain'] as const) {
      const b = typing[base]
      console.log(
        `desk/${base.padEnd(5)}  script median ${times(median(d.script) / median(b.script))} ` +
          `p95 ${times(p95(d.script) / p95(b.script))} | next paint median ` +
          `${times(median(d.paint) / median(b.paint))} p95 ${times(p95(d.paint) / p95(b.paint))} | ` +
          `whole page per key ${times(median(d.wholePerKey) / median(b.wholePerKey))}`
      )
    }
    console.log(
      "\ncross-check, input task (keydown until a task posted at keydown runs: the key's own " +
        'task, script with forced style and layout, wall time)'
    )
    for (const variant of VARIANTS) {
      const v = typing[variant].task
      console.log(
        `${NAMES[variant].padEnd(24)} ${String(v.length).padStart(6)} | median ${ms(median(v))}  p95 ${ms(p95(v))}`
      )
    }
    for (const base of ['bare', 'plain'] as const) {
      const b = typing[base].task
      console.log(
        `desk/${base.padEnd(5)}  input task median ${times(median(d.task) / median(b))} ` +
          `p95 ${times(p95(d.task) / p95(b))}`
      )
    }
    console.log(
      `load average (1 min) at the start ${loadStart.toFixed(2)}, at the end ${loadavg()[0]!.toFixed(2)} ` +
        `(${cpus().length} cores)`
    )
    console.log('\nopen until the editor accepts input        median       p95     first')
    for (const [label, data] of [
      ['cold (new context, from navigation)', cold],
      ['warm (opened before in the page)', warm]
    ] as const) {
      for (const variant of VARIANTS) {
        const v = data[variant]
        console.log(
          `${label.padEnd(37)} ${variant.padEnd(5)} ${ms(median(v))} ${ms(p95(v))} ${ms(v[0]!)}  (n=${v.length})`
        )
      }
    }
    console.log(
      `cold desk/bare median ${times(median(cold.desk) / median(cold.bare))}; ` +
        `warm desk/bare median ${times(median(warm.desk) / median(warm.bare))}`
    )
    console.log(
      `renderer JavaScript (out/renderer/assets/*.js, minified): ${(jsBytes / 1024).toFixed(0)} KiB, gzip ${(jsGzip / 1024).toFixed(0)} KiB`
    )
  } finally {
    await browser.close()
    server?.close()
    if (harness && harness.exitCode === null) {
      await new Promise<void>((done) => {
        harness!.once('exit', () => done())
        harness!.kill('SIGTERM')
      })
    }
    await rm(work, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
