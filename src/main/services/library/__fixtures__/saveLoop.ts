/**
 * The victim of crash.test.ts and bench/library-crash.ts: opens the library as the app would,
 * then saves one article over and over, printing `ack <revision>` once each save has resolved.
 * Small journal and search-write thresholds make index compactions and search-index writes
 * happen often, so the kills also land in those.
 *
 * Usage: node --import tsx saveLoop.ts <libraryDir>
 */
import { writeSync } from 'node:fs'
import { ArticleLibrary } from '../articleLibrary'
import { bodyOf, expectedHeadline } from './libraryFixture'

async function main(): Promise<void> {
  const dir = process.argv[2]
  if (!dir) throw new Error('usage: saveLoop.ts <libraryDir>')
  const library = await ArticleLibrary.open(dir, {
    journalLimit: 15,
    searchPersistChanges: 1,
    coalesceMs: 0,
    historyLimit: 5
  })
  let [summary] = await library.list()
  if (!summary) {
    await library.create({ headline: expectedHeadline(1) })
    ;[summary] = await library.list()
  }
  let revision = summary?.revision ?? 1
  const id = summary?.id as string
  writeSync(1, `ready ${revision}\n`)
  for (;;) {
    const next = revision + 1
    const words = Array.from({ length: 50 + (next % 400) }, (_, i) => `wort${next}x${i}`)
    const ack = await library.save(id, revision, {
      headline: expectedHeadline(next),
      body: bodyOf(words.join(' '), `marker${next}`)
    })
    revision = ack.revision
    // Synchronous, so the line is out before the next save starts.
    writeSync(1, `ack ${revision}\n`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
