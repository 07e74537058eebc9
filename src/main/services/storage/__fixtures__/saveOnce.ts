/**
 * Performs exactly one durable save, for durableWrite.strace.test.ts to trace.
 * Usage: node --import tsx saveOnce.ts <target> <content>
 */
import { writeFileDurable } from '../durableWrite'

async function main(): Promise<void> {
  const [target, content] = process.argv.slice(2)
  if (target === undefined || content === undefined) {
    throw new Error('usage: saveOnce.ts <target> <content>')
  }
  await writeFileDurable(target, content)
}

// No top-level await: the package is CommonJS, so tsx runs this file as CommonJS.
main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
