/**
 * Runs __fixtures__/appendLoop.ts in a child process and collects what it acknowledged; shared by
 * the update-log tests and bench/update-log.ts.
 */
import { spawn } from 'node:child_process'
import type * as Esbuild from 'esbuild'
import { rmSync } from 'node:fs'
import { mkdtemp, readdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UpdateLog } from '../updateLog'
import { docFrom, markersOf } from './markerDoc'

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'appendLoop.ts')
const tsxEntry = createRequire(import.meta.url).resolve('tsx')

let bundled: Promise<string> | null = null

/**
 * The writer as one plain JavaScript file, built once per test process with the esbuild that tsx
 * runs on: a child then starts in a fraction of the time `--import tsx` takes on a loaded
 * machine, which is what lets 50 kills fit in a CI test.
 */
function writerScript(): Promise<string> {
  bundled ??= (async () => {
    const esbuild = createRequire(tsxEntry)('esbuild') as typeof Esbuild
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-writer-'))
    const outfile = join(dir, 'appendLoop.mjs')
    await esbuild.build({
      entryPoints: [fixture],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'error'
    })
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
    return outfile
  })()
  return bundled
}

/** How a writer ended and what it acknowledged. */
export interface WriterRun {
  /** Markers acknowledged (printed after their append resolved). */
  acked: string[]
  /** Whether it was ended by SIGKILL (by us or by itself). */
  killed: boolean
  /** Milliseconds from "ready" to the kill, when we killed it. */
  killAfterMs: number | null
  stderr: string
}

/** Options of {@link runWriter}. */
export interface WriterOptions {
  count?: number
  compactEvery?: number
  stopAt?: string
  /** SIGKILL this long after the writer says it is ready. */
  killAfterMs?: number
}

/** Starts appendLoop.ts as writer `name` on one article; resolves when it has ended. */
export function runWriter(
  library: string,
  article: string,
  name: string,
  opts: WriterOptions = {}
): Promise<WriterRun> {
  return writerScript().then((script) => spawnWriter(script, library, article, name, opts))
}

function spawnWriter(
  script: string,
  library: string,
  article: string,
  name: string,
  opts: WriterOptions
): Promise<WriterRun> {
  const args = [script, library, article, name]
  if (opts.count !== undefined) args.push('--count', String(opts.count))
  if (opts.compactEvery !== undefined) args.push('--compact-every', String(opts.compactEvery))
  if (opts.stopAt !== undefined) args.push('--stop-at', opts.stopAt)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    const acked: string[] = []
    let buffered = ''
    let stderr = ''
    let timer: NodeJS.Timeout | null = null
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const [word, what] = line.split(' ')
        if (word === 'ack' && what) acked.push(what)
        if (word === 'ready' && opts.killAfterMs !== undefined && timer === null) {
          timer = setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs)
        }
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      const killed = signal === 'SIGKILL'
      if (!killed && code !== 0) {
        reject(new Error(`writer ${name} exited with code ${code}: ${stderr}`))
        return
      }
      resolve({ acked, killed, killAfterMs: timer ? (opts.killAfterMs ?? null) : null, stderr })
    })
  })
}

/** What reopening a log after a writer died found. */
export interface Reopened {
  /** Markers in the rebuilt document. */
  markers: string[]
  /** Acknowledged markers missing from it (must be none). */
  lost: string[]
  /** Why the log did not open, or null (must be null). */
  corrupt: string | null
  /** Files in the library's quarantine (must be none after crashes alone). */
  quarantined: string[]
}

/** Opens the log as a new process would and checks it against the acknowledged markers. */
export async function reopenAndCheck(
  library: string,
  article: string,
  acked: Iterable<string>
): Promise<Reopened> {
  const quarantined = await readdir(join(library, 'quarantine')).catch(() => [] as string[])
  let markers: string[] = []
  let corrupt: string | null = null
  try {
    const log = await UpdateLog.open(library, article)
    markers = markersOf(docFrom(await log.read()))
  } catch (error) {
    corrupt = error instanceof Error ? error.message : String(error)
  }
  const present = new Set(markers)
  const lost = [...acked].filter((m) => !present.has(m))
  return { markers, lost, corrupt, quarantined }
}
