/**
 * Typing and opening in the real editing desk, in Chromium, beside two baselines measured in the
 * same run on the same text: a bare TipTap StarterKit editor and a plain `contenteditable` (no
 * editor: the floor).
 *
 * The article: 20,000 words of German news copy, 60 figures in the body (20 different photos,
 * each used three times) and 2 galleries of 20 photos beside it, made in a temporary library
 * through the real services. The desk is the built renderer (`out/renderer`) served by the
 * browser-test harness (`out/harness`) over that library; the baselines are a page Vite builds
 * from `bench/editor-typing/` into a temporary folder.
 *
 * Per editor, 300 characters are typed at the end and 300 in the middle of a paragraph, about
 * 40 ms apart (Playwright's keyboard). Per keystroke:
 * - keystroke work (the definition): from keydown (the event's timestamp) until the
 *   editor's transaction is applied and a `requestAnimationFrame` + `setTimeout(0)` scheduled
 *   from it run (for the plain contenteditable: scheduled from its `input` event);
 * - keydown to next frame: from keydown until a `requestAnimationFrame` requested in the keydown
 *   listener and a `setTimeout(0)` inside it run: the frame after the key has been produced;
 * - script, to tell the editor's own work from the browser's rendering: from `beforeinput` until
 *   the transaction is applied and the microtasks queued by then have run (plain: until `input`).
 *   Work and next frame include the wait for the 60 Hz frame and its style, layout and paint.
 * Also: the time to open the article until its editor accepts input (hash change in the desk
 * until the contenteditable exists and a frame has been produced; the baseline: `new Editor`
 * over the same text until its first frame), and the renderer's JavaScript size.
 *
 *   npm run build && npx tsx bench/editor-typing.ts [--chars 300] [--opens 5]
 *
 * Prints median and p95 per editor and position, and ratios to the baselines.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from 'playwright-core'
import { build } from 'vite'
import { baselineBody, makeLibrary, PHOTOS, textOfBlock, WORDS } from './editor-typing/benchArticle'

const { values } = parseArgs({
  options: {
    chars: { type: 'string', default: '300' },
    opens: { type: 'string', default: '5' },
    delay: { type: 'string', default: '40' }
  }
})
const CHARS = Number(values.chars)
const OPENS = Number(values.opens)
const DELAY = Number(values.delay)
const ROOT = resolve(__dirname, '..')
const TYPED = 'und weiter geht es mit dem Text, den die Reporterin gerade schreibt. '

// ---------------------------------------------------------------------------------------------
// Servers

async function startHarness(libraryDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/harness/index.js'), '--library', libraryDir],
    {
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
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
    '.css': 'text/css'
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
// Measuring in the page

interface Sample {
  /** beforeinput → the transaction applied and the microtasks after it (script only). */
  script: number
  /** keydown → transaction → rAF → setTimeout(0). */
  work: number
  /** keydown → rAF (requested at keydown) → setTimeout(0). */
  frame: number
}

/** Installed in the page: one sample per keystroke that changed the document. */
function instrument(kind: 'editor' | 'plain'): void {
  const w = window as unknown as { benchSamples: Sample[] }
  const samples: Sample[] = []
  let pending: { keydown: number; input: number | null; sample: Sample } | null = null
  const afterFrame = (done: () => void): void => {
    requestAnimationFrame(() => setTimeout(done, 0))
  }
  // Capture listeners on window run before anything of the page's own.
  addEventListener(
    'keydown',
    (e) => {
      const sample = { script: 0, work: 0, frame: 0 }
      const keydown = e.timeStamp
      pending = { keydown, input: null, sample }
      afterFrame(() => (sample.frame = performance.now() - keydown))
    },
    true
  )
  addEventListener('beforeinput', () => pending && (pending.input = performance.now()), true)
  const applied = (): void => {
    if (!pending || pending.input === null) return
    const { keydown, input, sample } = pending
    pending = null
    samples.push(sample)
    queueMicrotask(() => (sample.script = performance.now() - input))
    afterFrame(() => (sample.work = performance.now() - keydown))
  }
  if (kind === 'plain') {
    document.querySelector('[contenteditable]')!.addEventListener('input', applied)
  } else {
    const root = document.querySelector('.ProseMirror') as Element & {
      editor?: { on(e: string, f: (p: { transaction: { docChanged: boolean } }) => void): void }
    }
    root.editor!.on('transaction', ({ transaction }) => {
      if (transaction.docChanged) applied()
    })
  }
  w.benchSamples = samples
}

/** Puts the caret at the end of the text, or in the middle of the middle paragraph. */
async function placeCaret(
  page: Page,
  kind: 'editor' | 'plain',
  at: 'end' | 'middle'
): Promise<void> {
  await page.evaluate(
    ({ kind, at }) => {
      if (kind === 'plain') {
        const root = document.querySelector('[contenteditable]') as HTMLElement
        const blocks = root.querySelectorAll('p')
        const block =
          at === 'end' ? blocks[blocks.length - 1]! : blocks[Math.floor(blocks.length / 2)]!
        const text = block.firstChild as Text
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
    { kind, at }
  )
  await page.waitForTimeout(300)
}

async function typeAndMeasure(
  page: Page,
  kind: 'editor' | 'plain'
): Promise<Record<'end' | 'middle', Sample[]>> {
  await page.evaluate(instrument, kind)
  const result: Record<'end' | 'middle', Sample[]> = { end: [], middle: [] }
  for (const at of ['end', 'middle'] as const) {
    await placeCaret(page, kind, at)
    await page.evaluate(
      () => ((window as unknown as { benchSamples: Sample[] }).benchSamples.length = 0)
    )
    const text = TYPED.repeat(Math.ceil(CHARS / TYPED.length)).slice(0, CHARS)
    await page.keyboard.type(text, { delay: DELAY })
    await page.waitForTimeout(500)
    result[at] = await page.evaluate(() =>
      (window as unknown as { benchSamples: Sample[] }).benchSamples.filter(
        (s) => s.work > 0 && s.frame > 0
      )
    )
  }
  return result
}

// ---------------------------------------------------------------------------------------------
// Figures

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}
const ms = (n: number): string => `${n.toFixed(1).padStart(6)} ms`
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`

async function main(): Promise<void> {
  try {
    await stat(join(ROOT, 'out/harness/index.js'))
    await stat(join(ROOT, 'out/renderer/index.html'))
  } catch {
    console.error('editor-typing: run `npm run build` first (needs out/harness and out/renderer)')
    process.exit(2)
  }
  const work = await mkdtemp(join(tmpdir(), 'copydesk-bench-typing-'))
  const libraryDir = join(work, 'library')
  let harness: ChildProcess | null = null
  let server: Server | null = null
  const browser = await chromium.launch({
    executablePath:
      process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'][0],
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
    const started = await startHarness(libraryDir)
    harness = started.child
    const statics = await serveStatic(pageDir)
    server = statics.server
    console.log('done')

    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'de-DE'
    })
    // tsx compiles with keepNames: functions handed to page.evaluate call its `__name` helper.
    await context.addInitScript({ content: 'window.__name = (f) => f' })
    const page = await context.newPage()

    // Our editor: open the article from the library view, several times.
    await page.goto(started.url)
    await page.getByRole('heading').first().waitFor()
    const opens: number[] = []
    for (let i = 0; i < OPENS; i++) {
      opens.push(
        await page.evaluate(async (id) => {
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
          await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))
          return performance.now() - t0
        }, articleId)
      )
      if (i < OPENS - 1) {
        await page.waitForTimeout(800)
        await page.evaluate(() => (location.hash = '#/'))
        await page.getByRole('heading').first().waitFor()
        await page.waitForTimeout(300)
      }
    }
    await page.locator('.figure-view img').first().waitFor()
    await page.waitForTimeout(1000)
    const figureViews = await page.locator('.figure-view').count()
    const ours = await typeAndMeasure(page, 'editor')

    // The baselines, in a fresh page each.
    const bare = await context.newPage()
    await bare.goto(statics.url)
    const bareOpens: number[] = []
    for (let i = 0; i < OPENS; i++) {
      bareOpens.push(await bare.evaluate((b) => window.setupBare(b), baselineBody(body)))
    }
    const bareTyping = await typeAndMeasure(bare, 'editor')
    const plain = await context.newPage()
    await plain.goto(statics.url)
    const plainOpen = await plain.evaluate(
      (texts) => window.setupPlain(texts),
      (baselineBody(body).content ?? []).map(textOfBlock)
    )
    const plainTyping = await typeAndMeasure(plain, 'plain')

    // The renderer's JavaScript.
    const assetsDir = join(ROOT, 'out/renderer/assets')
    let jsBytes = 0
    let jsGzip = 0
    for (const file of (await readdir(assetsDir)).filter((f) => f.endsWith('.js'))) {
      const bytes = await readFile(join(assetsDir, file))
      jsBytes += bytes.length
      jsGzip += gzipSync(bytes).length
    }

    console.log(
      `\nChromium ${browser.version()}, ${WORDS.toLocaleString('en')} words, ${figureViews} figure views, ` +
        `2 galleries of ${PHOTOS}, ${CHARS} characters per position, ${DELAY} ms apart\n`
    )
    const pair = (values: number[]): string =>
      `${ms(quantile(values, 0.5))} ${ms(quantile(values, 0.95))}`
    console.log(
      'editor                    at       n |  script median     p95 |    work median     p95 | next frame median     p95'
    )
    const rows: [string, Record<'end' | 'middle', Sample[]>][] = [
      ['copydesk desk', ours],
      ['bare StarterKit', bareTyping],
      ['plain contenteditable', plainTyping]
    ]
    for (const [name, data] of rows) {
      for (const at of ['end', 'middle'] as const) {
        const s = data[at]
        const column = (key: keyof Sample): string => pair(s.map((x) => x[key]))
        console.log(
          `${name.padEnd(24)}  ${at.padEnd(6)} ${String(s.length).padStart(4)} |   ` +
            `${column('script')} |    ${column('work')} |        ${column('frame')}`
        )
      }
    }
    const all = (d: Record<'end' | 'middle', Sample[]>, key: keyof Sample): number[] =>
      [...d.end, ...d.middle].map((s) => s[key])
    console.log('\nratios (end and middle together)')
    for (const [label, key] of [
      ['script', 'script'],
      ['work', 'work'],
      ['next frame', 'frame']
    ] as const) {
      const o = all(ours, key)
      const b = all(bareTyping, key)
      const p = all(plainTyping, key)
      console.log(
        `  ${label.padEnd(11)} desk/bare median ${ratio(quantile(o, 0.5), quantile(b, 0.5))} p95 ${ratio(quantile(o, 0.95), quantile(b, 0.95))}` +
          ` | desk/plain median ${ratio(quantile(o, 0.5), quantile(p, 0.5))} p95 ${ratio(quantile(o, 0.95), quantile(p, 0.95))}`
      )
    }
    console.log(
      `\nopen until the editor accepts input: desk median ${ms(quantile(opens, 0.5))}, first ${ms(opens[0]!)}, max ${ms(Math.max(...opens))} (n=${opens.length})` +
        `\n                                     bare new Editor median ${ms(quantile(bareOpens, 0.5))}; plain contenteditable ${ms(plainOpen)}` +
        `\n                                     ratio desk/bare ${ratio(quantile(opens, 0.5), quantile(bareOpens, 0.5))}`
    )
    console.log(
      `renderer JavaScript (out/renderer/assets/*.js, minified): ${(jsBytes / 1024).toFixed(0)} KiB (${(jsBytes / 1e6).toFixed(2)} MB), gzip ${(jsGzip / 1024).toFixed(0)} KiB`
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
