/**
 * Where one cold open of the bench article goes: a Chromium trace and a CPU profile of a new
 * browser context loading the desk's address (the 20,000-word article with 60 figures, a lead and
 * 2 galleries of 20, as `editor-typing.ts` builds it) until the editor accepts input.
 *
 * Prints, from navigation start: the bridge calls (start, end), the renderer's main-thread work
 * by kind (script compile/evaluate, tasks, style, layout, paint, image decoding) and the longest
 * tasks, then the functions with the most self time in the CPU profile, grouped by module.
 *
 *   npm run build && npx tsx bench/editor-open-profile.ts [--out DIR] [--runs 3] [--trace FILE]
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { makeLibrary } from './editor-typing/benchArticle'

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'out' },
    runs: { type: 'string', default: '3' },
    trace: { type: 'string' },
    // Cold opens of this build and another, alternating, instead of the profile.
    against: { type: 'string' },
    opens: { type: 'string', default: '10' }
  }
})
const ROOT = resolve(__dirname, '..')
const OUT = resolve(ROOT, values.out)
const RUNS = Number(values.runs)

async function startHarness(
  libraryDir: string,
  out = OUT
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(out, 'harness/index.js'), '--library', libraryDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // A build copied outside the project still finds the project's packages (sharp, lowdb …).
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }
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

/** The same readiness probe as editor-typing.ts: an editable element and a frame after it. */
function pageProbe(): void {
  const w = window as unknown as { benchReady?: number; benchEditable?: number }
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[contenteditable="true"]')) return
    observer.disconnect()
    w.benchEditable = performance.now()
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => (w.benchReady = performance.now())
      channel.port2.postMessage(null)
    })
  })
  observer.observe(document, { childList: true, subtree: true })
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'de-DE'
  })
  await context.addInitScript({ content: 'window.__name = (f) => f' })
  await context.addInitScript(pageProbe)
  return context
}

async function waitReady(page: Page): Promise<{ ready: number; editable: number }> {
  await page.waitForFunction(
    () => (window as unknown as { benchReady?: number }).benchReady !== undefined,
    undefined,
    { timeout: 60_000, polling: 50 }
  )
  return page.evaluate(() => {
    const w = window as unknown as { benchReady: number; benchEditable: number }
    return { ready: w.benchReady, editable: w.benchEditable }
  })
}

interface TraceEvent {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: Record<string, unknown>
}

const f1 = (n: number): string => n.toFixed(1).padStart(8)

async function traceRun(
  browser: Browser,
  url: string,
  traceFile: string | undefined
): Promise<void> {
  const context = await newContext(browser)
  const page = await context.newPage()
  await page.goto('about:blank')
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'v8',
      'blink.user_timing',
      'loading',
      'navigation'
    ]
  })
  await page.goto(url)
  const { ready, editable } = await waitReady(page)
  const resources = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({
      name: e.name,
      start: e.startTime,
      end: (e as PerformanceResourceTiming).responseEnd
    }))
  )
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    return {
      responseEnd: n.responseEnd,
      domInteractive: n.domInteractive,
      dcl: n.domContentLoadedEventEnd
    }
  })
  const buffer = await browser.stopTracing()
  if (traceFile) await writeFile(traceFile, buffer)
  await context.close()

  console.log(
    `\n== trace: editable at ${editable.toFixed(0)} ms, ready (frame after) ${ready.toFixed(0)} ms`
  )
  console.log(
    `document response end ${nav.responseEnd.toFixed(0)} ms, DOMContentLoaded ${nav.dcl.toFixed(0)} ms`
  )
  console.log('requests (ms from navigation start):')
  for (const r of resources) {
    const name = r.name.replace(/^https?:\/\/[^/]+/, '').replace(/\?token=[0-9a-f]+/, '')
    if (name.startsWith('/asset/')) continue
    console.log(`  ${f1(r.start)} → ${f1(r.end)}  ${name}`)
  }
  const assets = resources.filter((r) => r.name.includes('/asset/'))
  if (assets.length) {
    console.log(
      `  ${assets.length} image requests, first at ${Math.min(...assets.map((a) => a.start)).toFixed(0)} ms, last done ${Math.max(...assets.map((a) => a.end)).toFixed(0)} ms`
    )
  }

  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const threadNames = new Map<string, string>()
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') {
      threadNames.set(`${e.pid}:${e.tid}`, String((e.args as { name: string }).name))
    }
  }
  // The page's main thread: the renderer main thread that ran script the longest.
  const counts = new Map<string, number>()
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`
    if (threadNames.get(key) === 'CrRendererMain' && e.name === 'FunctionCall' && e.dur) {
      counts.set(key, (counts.get(key) ?? 0) + e.dur)
    }
  }
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
  const navStart = events.find(
    (e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main
  )?.ts
  const onMain = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts)
  const t0 = navStart ?? onMain[0]!.ts
  const readyTs = t0 + ready * 1000
  const until = onMain.filter((e) => e.ts >= t0 && e.ts <= readyTs)
  // Self time per event name within the open, by nesting.
  const self = new Map<string, number>()
  const stack: TraceEvent[] = []
  const selfOf = new Map<TraceEvent, number>()
  for (const e of until) {
    while (stack.length && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= e.ts) {
      stack.pop()
    }
    const parent = stack[stack.length - 1]
    if (parent) selfOf.set(parent, selfOf.get(parent)! - e.dur!)
    selfOf.set(e, e.dur!)
    stack.push(e)
  }
  for (const [e, s] of selfOf) self.set(e.name, (self.get(e.name) ?? 0) + s)
  console.log('main thread self time by event until ready (ms):')
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18)) {
    console.log(`  ${f1(us / 1000)}  ${name}`)
  }
  for (const kind of [
    'Layout',
    'UpdateLayoutTree',
    'EvaluateScript',
    'v8.evaluateModule',
    'v8.compile',
    'Decode Image',
    'ParseHTML'
  ]) {
    const list = until.filter((e) => e.name === kind)
    if (!list.length) continue
    const sum = list.reduce((a, e) => a + e.dur!, 0)
    const longest = [...list].sort((a, b) => b.dur! - a.dur!).slice(0, 5)
    console.log(
      `${kind}: ${list.length} × , ${(sum / 1000).toFixed(0)} ms in all; longest: ` +
        longest
          .map((e) => `${(e.dur! / 1000).toFixed(0)} ms at ${((e.ts - t0) / 1000).toFixed(0)}`)
          .join(', ')
    )
  }
  const tasks = until.filter((e) => e.name === 'RunTask' && e.dur! > 20_000)
  console.log('tasks over 20 ms (start ms, duration ms, what they contain):')
  for (const task of tasks) {
    const inner = until.filter(
      (e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && e.dur! > 5000
    )
    const names = [
      ...new Set(
        inner.map((e) => {
          const data = (e.args as { data?: { url?: string; functionName?: string } } | undefined)
            ?.data
          const where = data?.functionName || (data?.url ? data.url.replace(/^.*\//, '') : '')
          return `${e.name}${where ? `(${where})` : ''} ${(e.dur! / 1000).toFixed(0)}`
        })
      )
    ].slice(0, 8)
    console.log(`  ${f1((task.ts - t0) / 1000)} ${f1(task.dur! / 1000)}  ${names.join(', ')}`)
  }
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
  positionTicks?: { line: number; ticks: number }[]
}

async function profileRun(browser: Browser, url: string): Promise<void> {
  const context = await newContext(browser)
  const page = await context.newPage()
  await page.goto('about:blank')
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  await page.goto(url)
  const { ready } = await waitReady(page)
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  }
  await context.close()
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parentOf = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id)
  // An unminified build names each module in a `// path` line before its code.
  const modulesOf = new Map<string, { line: number; name: string }[]>()
  const moduleOf = (url: string, line: number): string => {
    const file = url.replace(/^.*\//, '').replace(/\?.*$/, '')
    const marks = modulesOf.get(file)
    if (!marks?.length) return file
    let lo = 0
    let hi = marks.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (marks[mid]!.line <= line) lo = mid
      else hi = mid - 1
    }
    return marks[lo]!.line <= line ? marks[lo]!.name : file
  }
  for (const file of await readdir(join(OUT, 'renderer/assets'))) {
    if (!file.endsWith('.js')) continue
    const lines = (await readFile(join(OUT, 'renderer/assets', file), 'utf8')).split('\n')
    const marks: { line: number; name: string }[] = []
    lines.forEach((text, i) => {
      if (/^\/\/ (node_modules|src|\\0)/.test(text)) marks.push({ line: i, name: text.slice(3) })
    })
    modulesOf.set(file, marks)
  }
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0))
  })
  const byFunction = new Map<string, number>()
  const byModuleSelf = new Map<string, number>()
  const byFunctionTotal = new Map<string, number>()
  const byModuleLine = new Map<string, number>()
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!
    // Self time goes to the module of the line that ran (a bundle's top level spans all modules).
    const ticks = n.positionTicks ?? []
    const tickSum = ticks.reduce((a, t) => a + t.ticks, 0)
    for (const t of ticks) {
      const m = moduleOf(n.callFrame.url, t.line - 1)
      byModuleLine.set(m, (byModuleLine.get(m) ?? 0) + (us * t.ticks) / tickSum)
    }
    if (!tickSum) {
      const m = n.callFrame.url ? moduleOf(n.callFrame.url, n.callFrame.lineNumber) : '(native)'
      byModuleLine.set(m, (byModuleLine.get(m) ?? 0) + us)
    }
    const where = n.callFrame.url ? moduleOf(n.callFrame.url, n.callFrame.lineNumber) : '(native)'
    const key = `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + us)
    byModuleSelf.set(where, (byModuleSelf.get(where) ?? 0) + us)
    // Total time: each distinct function on the stack once.
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const f = byId.get(at)!.callFrame
      if (!f.url) continue
      const k = `${f.functionName || '(anonymous)'} ${moduleOf(f.url, f.lineNumber)}:${f.lineNumber}`
      if (seen.has(k)) continue
      seen.add(k)
      byFunctionTotal.set(k, (byFunctionTotal.get(k) ?? 0) + us)
    }
  }
  // Module evaluation: samples under the bundle's top level (line 0), by the module whose code ran.
  const evalByModule = new Map<string, number>()
  for (const [id, us] of selfUs) {
    let deepest: string | null = null
    let isEval = false
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const f = byId.get(at)!.callFrame
      if (!f.url.includes('/assets/')) continue
      if (deepest === null) deepest = moduleOf(f.url, f.lineNumber)
      if (f.lineNumber === 0 && !parentOf.has(at)) isEval = true
      const parent = parentOf.get(at)
      if (f.lineNumber === 0 && parent !== undefined && !byId.get(parent)!.callFrame.url) {
        isEval = true
      }
    }
    if (isEval && deepest) evalByModule.set(deepest, (evalByModule.get(deepest) ?? 0) + us)
  }
  const evalTotal = [...evalByModule.values()].reduce((a, b) => a + b, 0)
  console.log(`module evaluation (the bundle's top level): ${(evalTotal / 1000).toFixed(0)} ms`)
  for (const [key, us] of [...evalByModule].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${f1(us / 1000)}  ${key}`)
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0)
  console.log(
    `\n== CPU profile: ready at ${ready.toFixed(0)} ms; sampled ${(total / 1000).toFixed(0)} ms (incl. idle)`
  )
  console.log('self time by function:')
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${f1(us / 1000)}  ${key}`)
  }
  console.log('self time by module:')
  for (const [key, us] of [...byModuleSelf].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${f1(us / 1000)}  ${key}`)
  }
  console.log('self time by module of the line that ran:')
  for (const [key, us] of [...byModuleLine].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${f1(us / 1000)}  ${key}`)
  }
  console.log('total time by function (inclusive):')
  for (const [key, us] of [...byFunctionTotal].sort((a, b) => b[1] - a[1]).slice(0, 60)) {
    console.log(`  ${f1(us / 1000)}  ${key}`)
  }
}

const quantile = (v: number[], q: number): number => {
  const sorted = [...v].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
}

async function copyOf(dir: string): Promise<string> {
  const copy = `${dir}-2`
  await cp(dir, copy, { recursive: true })
  return copy
}

/** Cold opens of two builds over the same library, alternating, so load hits both alike. */
async function compare(
  browser: Browser,
  libraryDir: string,
  articleId: string,
  other: string
): Promise<void> {
  // A copy of the library, made before either harness holds its lock.
  const copy = await copyOf(libraryDir)
  const first = { name: OUT, ...(await startHarness(libraryDir, OUT)), times: [] as number[] }
  // The first harness must not outlive a second that fails to start.
  const second = await startHarness(copy, other).catch((error: unknown) => {
    first.child.kill('SIGTERM')
    throw error
  })
  const builds = [first, { name: other, ...second, times: [] as number[] }]
  try {
    const opens = Number(values.opens)
    for (let i = -1; i < opens; i++) {
      for (const b of i % 2 ? builds : [...builds].reverse()) {
        const context = await newContext(browser)
        const page = await context.newPage()
        await page.goto(`${b.url.replace(/#.*$/, '')}#/article/${articleId}`)
        const { ready } = await waitReady(page)
        await context.close()
        if (i >= 0) b.times.push(ready)
      }
      process.stdout.write(`\rcold opens ${i + 1}/${opens}  `)
    }
    console.log('')
    for (const b of builds) {
      console.log(
        `${b.name}: cold open median ${quantile(b.times, 0.5).toFixed(0)} ms, p95 ${quantile(b.times, 0.95).toFixed(0)} ms (${b.times.map((t) => t.toFixed(0)).join(' ')})`
      )
    }
  } finally {
    for (const b of builds) b.child.kill('SIGTERM')
  }
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'copydesk-open-profile-'))
  let harness: ChildProcess | null = null
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
    const { articleId } = await makeLibrary(join(work, 'library'))
    if (values.against) {
      await compare(browser, join(work, 'library'), articleId, resolve(ROOT, values.against))
      return
    }
    const started = await startHarness(join(work, 'library'))
    harness = started.child
    const url = `${started.url.replace(/#.*$/, '')}#/article/${articleId}`
    // One warm-up open so the harness and the disk caches are not part of the figures.
    const warmup = await newContext(browser)
    const page = await warmup.newPage()
    await page.goto(url)
    await waitReady(page)
    await warmup.close()
    for (let i = 0; i < RUNS; i++) await traceRun(browser, url, i === 0 ? values.trace : undefined)
    await profileRun(browser, url)
  } finally {
    await browser.close()
    harness?.kill('SIGTERM')
    await rm(work, { recursive: true, force: true })
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
