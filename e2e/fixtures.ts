import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect } from '@playwright/test'

export interface HarnessHandle {
  url: string
  libraryDir: string
}

const HARNESS = resolve(__dirname, '../out/harness/index.js')

/** Starts `npm run harness`'s program on a random port with its own library folder. */
export async function startHarnessProcess(
  libraryDir: string,
  extraArgs: string[] = []
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [HARNESS, '--library', libraryDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Open: (\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolvePromise(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`harness exited with ${code}:\n${output}`))
    })
  })
  return { url, child }
}

export async function stopHarnessProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  await new Promise<void>((done) => {
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

/** Each test gets its own library folder and its own harness process. */
export const test = base.extend<{ harness: HarnessHandle }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  harness: async ({}, use) => {
    const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-'))
    const { url, child } = await startHarnessProcess(libraryDir)
    await use({ url, libraryDir })
    await stopHarnessProcess(child)
    await rm(libraryDir, { recursive: true, force: true })
  }
})

export { expect }
