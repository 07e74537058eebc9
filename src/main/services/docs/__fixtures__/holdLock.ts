/**
 * Holds one article's append lock for a while in a process of its own, for appendLock.test.ts.
 * Usage: node --import tsx holdLock.ts FOLDER MILLISECONDS (prints `held` once it has the lock)
 */
import { writeSync } from 'node:fs'
import { AppendLock } from '../appendLock'

async function main(): Promise<void> {
  const [folder, ms] = process.argv.slice(2)
  if (!folder || !ms) throw new Error('usage: holdLock.ts FOLDER MILLISECONDS')
  const lock = await AppendLock.acquire(folder)
  writeSync(1, 'held\n')
  await new Promise((resolve) => setTimeout(resolve, Number(ms)))
  await lock.release()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
