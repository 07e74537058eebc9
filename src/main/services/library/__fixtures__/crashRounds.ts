/**
 * Kill-and-check rounds shared by crash.test.ts (50 kills) and bench/library-crash.ts (1,000):
 * a child saves in a loop (saveLoop.ts) and is SIGKILLed at a random moment; then the library
 * must open (stale lock reclaimed), every file in it must parse, and the article must hold the
 * last acknowledged save or a later one, consistently in its file, the list and the search.
 */
import { spawn } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ArticleLibrary } from '../articleLibrary'
import { SearchIndex } from '../searchIndex'
import { expectedHeadline } from './libraryFixture'

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'saveLoop.ts')
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/** What one round found. */
export interface CrashRound {
  /** The revision the child found when it started. */
  start: number
  /** The last revision the child acknowledged before it died (0: none). */
  acked: number
  /** The revision the reopened library holds. */
  found: number
  /** Files that did not parse (should be none). */
  corrupt: string[]
  /** Everything else that was wrong (should be nothing). */
  failures: string[]
  /** Milliseconds from "ready" to the kill. */
  killAfterMs: number
  /** Milliseconds to reopen the library after the kill (list ready). */
  reopenMs: number
}

/** Every file of the library that does not parse; temp files of cut-short writes excepted. */
export async function unparseableFiles(dir: string): Promise<string[]> {
  const bad: string[] = []
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name)
      if (entry.isDirectory()) {
        await walk(path)
        continue
      }
      if (entry.name.endsWith('.tmp')) continue
      try {
        if (entry.name.endsWith('.json') || entry.name === 'library.lock') {
          JSON.parse(await readFile(path, 'utf8'))
        } else if (entry.name.endsWith('.ndjson')) {
          for (const line of (await readFile(path, 'utf8')).split('\n')) {
            if (line) JSON.parse(line)
          }
        } else if (entry.name.endsWith('.bin')) {
          SearchIndex.decode(await readFile(path))
        }
      } catch (error) {
        bad.push(`${path}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  await walk(dir)
  return bad
}

/** Runs the save loop until `killAfterMs` after it is ready, SIGKILLs it, returns the last ack. */
export function runAndKill(
  dir: string,
  killAfterMs: number
): Promise<{ start: number; acked: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, fixture, dir], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let acked = 0
    let start = 0
    let buffered = ''
    let stderr = ''
    let timer: NodeJS.Timeout | null = null
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const [word, n] = line.split(' ')
        if (word === 'ack' || word === 'ready') acked = Math.max(acked, Number(n))
        if (word === 'ready' && timer === null) {
          start = Number(n)
          timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
        }
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (signal !== 'SIGKILL') {
        reject(new Error(`save loop exited by itself (code ${code}): ${stderr}`))
      } else {
        resolve({ start, acked })
      }
    })
  })
}

/** One round: run, kill at a random moment in [0, maxKillMs), reopen and check. */
export async function crashRound(dir: string, maxKillMs: number): Promise<CrashRound> {
  const killAfterMs = Math.floor(Math.random() * maxKillMs)
  const { start, acked } = await runAndKill(dir, killAfterMs)
  const failures: string[] = []
  const corrupt = await unparseableFiles(dir)
  let found = 0
  const t0 = performance.now()
  const library = await ArticleLibrary.open(dir, { log: (m) => failures.push(`log: ${m}`) })
  const timing = { reopenMs: 0 }
  try {
    const list = await library.list()
    timing.reopenMs = performance.now() - t0
    if (list.length > 1) failures.push(`expected one article, found ${list.length}`)
    const summary = list[0]
    if (summary) {
      const article = await library.get(summary.id)
      found = article.revision
      if (article.headline !== expectedHeadline(article.revision)) {
        failures.push(`revision ${article.revision} holds "${article.headline}"`)
      }
      if (summary.revision !== article.revision) {
        failures.push(`list says revision ${summary.revision}, file ${article.revision}`)
      }
      if (article.revision > 1) {
        const hits = await library.list({ query: `marker${article.revision}` })
        if (hits[0]?.id !== article.id) failures.push(`search misses revision ${article.revision}`)
      }
    }
    if (found < acked) failures.push(`lost acknowledged revision ${acked}: found ${found}`)
    for (const p of library.problems()) failures.push(`problem: ${p.message}`)
  } finally {
    await library.close()
  }
  return { start, acked, found, corrupt, failures, killAfterMs, reopenMs: timing.reopenMs }
}
