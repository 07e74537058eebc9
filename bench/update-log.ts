/**
 * The per-article update log (src/main/services/docs): what an acknowledged append costs, whether
 * SIGKILLs at random moments ever corrupt a log or lose an acknowledged update, and how large a
 * day's editing of the bench article is in the log and once compacted.
 *
 *   npx tsx bench/update-log.ts [--appends N] [--kills N] [--lanes N] [--max-kill-ms MS]
 *                               [--skip-kills] [--skip-size]
 *
 * 1. Append latency: `UpdateLog.append` of one Yjs update (lock, write, fdatasync) against the
 *    bare minimum in the same run, interleaved: open, `appendFile` of the same bytes, fdatasync,
 *    close. Median, p95, ratio.
 * 2. Kills (default 200; the figure is `--kills 1000`): writers append and compact on
 *    `--lanes` articles at once and are SIGKILLed 0..max-kill-ms after start; after each kill the
 *    log is reopened: corrupt logs, acknowledged updates missing.
 * 3. A day's editing: the 20,000-word bench article (bench/editor-typing/benchArticle.ts, made
 *    through the real services) as a Yjs document (src/shared/articleDoc), then 50 sessions of
 *    600 keystrokes, each session a new client that loads the document from the log, each
 *    keystroke one single-character insertion (its own update, its own record; appended ten to a
 *    batch, as a hub coalescing a burst would), then one compaction. Goal (issue 14): the
 *    compacted log ≤ 2× the article's JSON file.
 */
import { open, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { ArticleLibrary } from '../src/main/services/library/articleLibrary'
import { killRound, type KillRound } from '../src/main/services/docs/__fixtures__/killRounds'
import { docFrom, pushMarker } from '../src/main/services/docs/__fixtures__/markerDoc'
import { UpdateLog } from '../src/main/services/docs/updateLog'
import { ARTICLE_DOC_BODY, articleToDoc, docToArticle } from '../src/shared/articleDoc'
import { makeLibrary } from './editor-typing/benchArticle'
import { BENCH_ROOT, ms, prng, stats } from './libraryCorpus'

const { values } = parseArgs({
  options: {
    appends: { type: 'string', default: '400' },
    kills: { type: 'string', default: '200' },
    lanes: { type: 'string', default: '4' },
    'max-kill-ms': { type: 'string', default: '500' },
    'skip-kills': { type: 'boolean', default: false },
    'skip-size': { type: 'boolean', default: false }
  }
})
const ROOT = join(BENCH_ROOT, 'update-log')
const SESSIONS = 50
const KEYSTROKES = 600
const BATCH = 10

async function appendLatency(count: number): Promise<void> {
  const dir = join(ROOT, 'latency')
  await rm(dir, { recursive: true, force: true })
  const log = await UpdateLog.open(dir, 'latency')
  const doc = docFrom(await log.read())
  const bare = join(dir, 'bare.bin')
  const ours: number[] = []
  const base: number[] = []
  for (let i = 0; i < count; i++) {
    const update = pushMarker(doc, `m-${i}`)
    let t0 = performance.now()
    await log.append(update)
    ours.push(performance.now() - t0)
    t0 = performance.now()
    const handle = await open(bare, 'a')
    await handle.appendFile(update)
    await handle.datasync()
    await handle.close()
    base.push(performance.now() - t0)
  }
  const o = stats(ours)
  const b = stats(base)
  console.log(`append latency, ${count} appends of one Yjs update each:`)
  console.log(
    `  UpdateLog.append (lock, write, fdatasync): median ${ms(o.median)}, p95 ${ms(o.p95)}`
  )
  console.log(
    `  baseline open+appendFile+fdatasync:         median ${ms(b.median)}, p95 ${ms(b.p95)}`
  )
  console.log(
    `  ratio: median ${(o.median / b.median).toFixed(2)}×, p95 ${(o.p95 / b.p95).toFixed(2)}×`
  )
}

async function kills(total: number, lanes: number, maxKillMs: number): Promise<void> {
  const dir = join(ROOT, 'kills')
  await rm(dir, { recursive: true, force: true })
  const started = performance.now()
  const perLane = Math.ceil(total / lanes)
  let done = 0
  const results = await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const acked = new Set<string>()
      const rounds: KillRound[] = []
      for (let i = 0; i < perLane && done < total; i++) {
        done++
        rounds.push(await killRound(dir, `lane-${lane}`, acked, maxKillMs, 7))
        if (done % 100 === 0) console.log(`  ${done} kills`)
      }
      return rounds
    })
  )
  const rounds = results.flat()
  const secs = ((performance.now() - started) / 1000).toFixed(0)
  console.log(`\n${rounds.length} SIGKILLs in ${secs} s on ${lanes} articles of one library`)
  console.log(`  acknowledged updates: ${rounds.reduce((n, r) => n + r.ackedInRound, 0)}`)
  console.log(`  kills after the first ack: ${rounds.filter((r) => r.ackedInRound > 0).length}`)
  console.log(`  kills inside a compaction: ${rounds.filter((r) => r.midCompaction).length}`)
  console.log(`  generations reached: ${Math.max(...rounds.map((r) => r.generation))}`)
  console.log(`  corrupt logs: ${rounds.filter((r) => r.corrupt !== null).length}`)
  console.log(`  lost acknowledged updates: ${rounds.flatMap((r) => r.lost).length}`)
  console.log(`  files quarantined: ${rounds.flatMap((r) => r.quarantined).length}`)
}

/** The paragraphs' texts of the body fragment (where a reporter types). */
function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = []
  for (const node of doc.getXmlFragment(ARTICLE_DOC_BODY).toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === 'paragraph') {
      const text = node.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)
      if (text) out.push(text)
    }
  }
  return out
}

async function daysEditing(): Promise<void> {
  const dir = join(ROOT, 'day')
  await rm(dir, { recursive: true, force: true })
  console.log('\na day of editing the bench article (making it: 20 photos through sharp)…')
  const { articleId } = await makeLibrary(dir)
  const articleFile = join(dir, 'articles', `${articleId}.json`)
  const jsonBefore = (await stat(articleFile)).size
  const library = await ArticleLibrary.open(dir)
  const article = await library.get(articleId)
  await library.close()
  const log = await UpdateLog.open(dir, articleId)
  await log.read()
  await log.append(Y.encodeStateAsUpdate(articleToDoc(article)))
  const random = prng(14)
  const letters = 'enirstadhulcgmobwfkzpvjyxq      .,'
  let records = 1
  const t0 = performance.now()
  for (let session = 0; session < SESSIONS; session++) {
    // A new app session: a new client, loading the document from the log.
    const sessionLog = await UpdateLog.open(dir, articleId)
    const doc = docFrom(await sessionLog.read())
    const texts = paragraphTexts(doc)
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    let typed = 0
    while (typed < KEYSTROKES) {
      // Ten places a session, sixty characters typed in a row at each.
      const text = texts[Math.floor(random() * texts.length)] as Y.XmlText
      let at = Math.floor(random() * text.length)
      for (let k = 0; k < KEYSTROKES / 10 && typed < KEYSTROKES; k++, typed++) {
        text.insert(at++, letters[Math.floor(random() * letters.length)] as string)
        if (updates.length >= BATCH) await sessionLog.appendBatch(updates.splice(0))
      }
    }
    await sessionLog.appendBatch(updates.splice(0))
    records += KEYSTROKES
  }
  const typingMs = performance.now() - t0
  const before = await log.size()
  const rebuilt = docFrom(await log.read())
  const c0 = performance.now()
  const result = await log.compact(Y.encodeStateAsUpdate(rebuilt))
  const compactMs = performance.now() - c0
  const after = await log.size()
  // The JSON view after the day, written by the library as the app will write it.
  const edited = docToArticle(rebuilt, { revision: article.revision, updatedAt: article.updatedAt })
  const saver = await ArticleLibrary.open(dir)
  await saver.save(articleId, article.revision, { body: edited.body })
  await saver.close()
  const jsonAfter = (await stat(articleFile)).size
  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`
  const compacted = after.snapshotBytes + after.logBytes
  console.log(
    `  ${SESSIONS} sessions × ${KEYSTROKES} keystrokes = ${SESSIONS * KEYSTROKES} single-character ` +
      `insertions, appended in ${(typingMs / 1000).toFixed(1)} s`
  )
  console.log(`  article JSON file: ${kb(jsonBefore)} before, ${kb(jsonAfter)} after the day`)
  console.log(`  log before compaction: ${records} records, ${kb(before.logBytes)}`)
  console.log(
    `  compacted (${compactMs.toFixed(0)} ms): snapshot ${kb(after.snapshotBytes)} + log ` +
      `${kb(after.logBytes)} (generation ${result.generation})`
  )
  console.log(
    `  compacted / JSON file after the day: ${(compacted / jsonAfter).toFixed(2)}× ` +
      `(before the day: ${(compacted / jsonBefore).toFixed(2)}×; goal ≤ 2×); ` +
      `uncompacted: ${(before.logBytes / jsonAfter).toFixed(1)}×`
  )
  const reread = docToArticle(docFrom(await log.read()), { revision: 1, updatedAt: '' })
  if (JSON.stringify(reread.body) !== JSON.stringify(edited.body)) {
    throw new Error('the compacted log does not hold the body typed into the log')
  }
}

async function main(): Promise<void> {
  await appendLatency(Number(values.appends))
  if (!values['skip-kills']) {
    await kills(Number(values.kills), Number(values.lanes), Number(values['max-kill-ms']))
  }
  if (!values['skip-size']) await daysEditing()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
