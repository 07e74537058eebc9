import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { HunspellFactory } from 'hunspell-asm'
import { CopydeskError } from '../../../shared/result'
import { resolveHunspellAsm } from './dictionaries'
import { createSpellEngine, type SpellEngine, type WordEntry } from './spellEngine'

type EngineOp = Exclude<keyof SpellEngine, 'dispose'>
type ArgsOf<K extends EngineOp> = Parameters<SpellEngine[K]>
type ValueOf<K extends EngineOp> = Awaited<ReturnType<SpellEngine[K]>>

/** Where the spelling engine runs: a worker thread (the app, the CLI) or the caller's thread. */
export interface SpellBackend {
  call<K extends EngineOp>(op: K, ...args: ArgsOf<K>): Promise<ValueOf<K>>
  close(): Promise<void>
}

interface Request {
  id: number
  op: EngineOp
  args: unknown[]
}
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string }

/**
 * The worker's whole program. It is evaluated from a string (`eval: true`), so it works the same
 * under Vitest and tsx (TypeScript sources) and after Vite bundles the main process or the CLI
 * into out/: nothing but hunspell-asm, required by absolute path, is loaded from disk.
 */
function workerSource(): string {
  return `'use strict'
// esbuild's keepNames (tsx) wraps functions in __name(); the engine source may contain the calls.
var __name = function (target) { return target }
const { parentPort, workerData } = require('node:worker_threads')
const { readFileSync } = require('node:fs')
const createSpellEngine = (${createSpellEngine.toString()})
const engine = createSpellEngine({
  loadHunspell: () => require(workerData.hunspellPath).loadModule(),
  readFile: (file) => readFileSync(file)
})
parentPort.on('message', (request) => {
  Promise.resolve()
    .then(() => engine[request.op](...request.args))
    .then(
      (value) => parentPort.postMessage({ id: request.id, ok: true, value }),
      (error) => parentPort.postMessage({
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error)
      })
    )
})
`
}

/** Hunspell in a worker thread, started on first use and restarted after a crash. */
export class WorkerSpellBackend implements SpellBackend {
  private worker: Worker | null = null
  /** The last word list sent, replayed first to a restarted worker. */
  private words: WordEntry[] | null = null
  private nextId = 1
  private closed = false
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >()

  call<K extends EngineOp>(op: K, ...args: ArgsOf<K>): Promise<ValueOf<K>> {
    if (this.closed) {
      return Promise.reject(new CopydeskError('internal', 'The spelling service is closed'))
    }
    if (op === 'setWords') this.words = args[0] as WordEntry[]
    const worker = this.worker ?? this.start()
    const id = this.nextId++
    return new Promise<ValueOf<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      // An idle worker must not keep the CLI alive; a busy one must, or Node exits mid-answer.
      if (this.pending.size === 1) worker.ref()
      worker.postMessage({ id, op, args } satisfies Request)
    })
  }

  async close(): Promise<void> {
    this.closed = true
    const worker = this.worker
    this.worker = null
    this.failAll(new CopydeskError('internal', 'The spelling service was closed'))
    if (worker) await worker.terminate()
  }

  private start(): Worker {
    const worker = new Worker(workerSource(), {
      eval: true,
      workerData: { hunspellPath: resolveHunspellAsm() },
      // Worker stdio would otherwise be piped through the main thread; Hunspell prints nothing.
      stdout: false,
      stderr: false
    })
    worker.unref()
    worker.on('message', (reply: Reply) => this.settle(reply))
    worker.on('error', (error) => this.crashed(worker, error))
    worker.on('exit', (code) => this.crashed(worker, new Error(`exited with code ${code}`)))
    this.worker = worker
    // Messages are handled in order, so the replay lands before the request that started us.
    if (this.words)
      worker.postMessage({ id: 0, op: 'setWords', args: [this.words] } satisfies Request)
    return worker
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id)
    if (!waiting) return
    this.pending.delete(reply.id)
    if (this.pending.size === 0) this.worker?.unref()
    if (reply.ok) waiting.resolve(reply.value)
    else waiting.reject(new CopydeskError('internal', `Spelling check failed: ${reply.message}`))
  }

  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return
    // The next call starts a fresh worker, which gets the word list replayed first.
    this.worker = null
    this.failAll(
      new CopydeskError('internal', `The spelling worker stopped unexpectedly: ${error.message}`)
    )
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()]
    this.pending.clear()
    for (const w of waiting) w.reject(error)
  }

  /** Whether a worker thread is running (for tests of the restart path). */
  get running(): boolean {
    return this.worker !== null
  }

  /** Ends the worker as a crash would (tests of the restart path). */
  async crashForTest(): Promise<void> {
    await this.worker?.terminate()
  }
}

/** The same engine on the calling thread: for tests and tools that want no extra thread. */
export class InlineSpellBackend implements SpellBackend {
  private readonly engine: SpellEngine = createSpellEngine({
    loadHunspell: () => {
      const entry = resolveHunspellAsm()
      const hunspellAsm = createRequire(entry)(entry) as { loadModule(): Promise<HunspellFactory> }
      return hunspellAsm.loadModule()
    },
    readFile: (file) => readFileSync(file)
  })

  call<K extends EngineOp>(op: K, ...args: ArgsOf<K>): Promise<ValueOf<K>> {
    const fn = this.engine[op] as (...a: ArgsOf<K>) => Promise<ValueOf<K>>
    return fn(...args)
  }

  async close(): Promise<void> {
    await this.engine.dispose()
  }
}
