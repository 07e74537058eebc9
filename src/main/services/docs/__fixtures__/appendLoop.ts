/**
 * The writer the update-log tests and bench/update-log.ts kill: opens one article's log, rebuilds
 * its document, then appends updates for ever (or `--count N` of them), each pushing the marker
 * `<name>-<n>`, and prints `ack <marker>` once the append has resolved. Every `--compact-every`
 * appends it first merges what other writers appended, then compacts. With `--stop-at STEP` it
 * SIGKILLs itself right after that compaction step of its first compaction.
 *
 * Usage: node --import tsx appendLoop.ts LIBRARY ARTICLE NAME [--count N] [--compact-every K]
 *        [--stop-at locked|log-written|snapshot-written|old-removed]
 */
import { writeSync } from 'node:fs'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { UpdateLog, type CompactStep } from '../updateLog'
import { applyNews, docFrom, nextMarkerNumber, pushMarker } from './markerDoc'

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      count: { type: 'string' },
      'compact-every': { type: 'string' },
      'stop-at': { type: 'string' }
    }
  })
  const [library, article, name] = positionals
  if (!library || !article || !name) throw new Error('usage: appendLoop.ts LIBRARY ARTICLE NAME')
  const count = values.count ? Number(values.count) : Infinity
  const compactEvery = Number(values['compact-every'] ?? 20)
  const stopAt = values['stop-at'] as CompactStep | undefined
  const log = await UpdateLog.open(library, article, {
    onCompactStep: (step) => {
      if (step === stopAt) process.kill(process.pid, 'SIGKILL')
    }
  })
  const doc = docFrom(await log.read())
  let n = nextMarkerNumber(doc, name)
  writeSync(1, `ready ${n}\n`)
  for (let i = 1; i <= count; i++) {
    await log.append(pushMarker(doc, `${name}-${n}`))
    // Synchronous, so the line is out before the next append starts.
    writeSync(1, `ack ${name}-${n}\n`)
    n++
    if (i % compactEvery === 0) {
      applyNews(doc, await log.readNew())
      await log.compact(Y.encodeStateAsUpdate(doc))
    }
  }
  writeSync(1, `done ${n}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
