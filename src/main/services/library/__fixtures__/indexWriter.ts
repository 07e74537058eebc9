/**
 * One writer process of multiWriter.test.ts: creates, updates and deletes its own articles in a
 * library folder, writing each article file durably and then its entries in the list index and
 * the search index through the real index classes, as a library process does. Prints
 * `ready`, then `ack <id> <revision>` (0: deleted) once the list index holds a change durably,
 * then `done` after its last search-index write (unless it runs until it is killed).
 *
 * Before each change it prints `op <id>`, so a test that kills it knows which change was under way.
 * Revisions keep counting across a deletion, as a restore from the trash keeps them.
 *
 * Usage: node --import tsx indexWriter.ts <libraryDir> <tag> <ops|forever> <seed> <journalLimit>
 */
import { writeSync } from 'node:fs'
import { mkdir, readFile, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { ARTICLE_SCHEMA_VERSION, type Article } from '../../../../shared/article'
import { writeFileDurable } from '../../storage/durableWrite'
import { nowIso, summarize } from '../articleFields'
import { stampOf } from '../indexReconcile'
import { searchDocumentOf } from '../searchDocument'
import { SearchIndex } from '../searchIndex'
import { SearchIndexWriter } from '../searchIndexWriter'
import { SummaryIndex } from '../summaryIndex'
import { ARTICLES_PER_WRITER, articleAt, articleIdOf } from './writerArticles'

function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function main(): Promise<void> {
  const [dir, tagText, opsText, seedText, limitText] = process.argv.slice(2) as string[]
  const tag = Number(tagText)
  const forever = opsText === 'forever'
  const ops = forever ? Infinity : Number(opsText)
  const random = prng(Number(seedText))
  const articlesDir = join(dir, 'articles')
  const indexDir = join(dir, 'index')
  await mkdir(articlesDir, { recursive: true })
  await mkdir(indexDir, { recursive: true })
  const { index } = await SummaryIndex.load(indexDir, {
    writable: true,
    journalLimit: Number(limitText)
  })
  const writer = new SearchIndexWriter(join(indexDir, 'search.bin'), {
    delayMs: 0,
    log: (message) => writeSync(2, `${message}\n`),
    track: () => undefined,
    currentStamp: async (id) => {
      try {
        return stampOf(await stat(join(articlesDir, `${id}.json`)))
      } catch {
        return null
      }
    }
  })
  const search = (await writer.read()) ?? new SearchIndex()
  // Start from what the files say, as a library does at open.
  // A change a killed predecessor had under way is in the file but maybe not in the index:
  // brought in as a library does at open.
  const revisions = new Map<string, number>()
  const present = new Set<string>()
  for (let k = 0; k < ARTICLES_PER_WRITER; k++) {
    const id = articleIdOf(tag, k)
    const file = join(articlesDir, `${id}.json`)
    try {
      const { article } = JSON.parse(await readFile(file, 'utf8')) as { article: Article }
      const stamp = stampOf(await stat(file))
      if (index.entries.get(id)?.stamp !== stamp) {
        search.put(id, stamp, searchDocumentOf(article))
        await index.put(id, { summary: summarize(article), stamp })
        writeSync(1, `ack ${id} ${article.revision}\n`)
      }
      revisions.set(id, article.revision)
      present.add(id)
    } catch {
      revisions.set(id, index.entries.get(id)?.summary.revision ?? 0)
      if (index.entries.has(id)) {
        search.remove(id)
        await index.remove(id)
        writeSync(1, `ack ${id} 0\n`)
      }
    }
  }
  writeSync(1, 'ready\n')
  for (let n = 0; n < ops; n++) {
    const id = articleIdOf(tag, Math.floor(random() * ARTICLES_PER_WRITER))
    const file = join(articlesDir, `${id}.json`)
    const revision = revisions.get(id) ?? 0
    writeSync(1, `op ${id}\n`)
    if (present.has(id) && random() < 0.15) {
      await unlink(file)
      search.remove(id)
      await index.remove(id)
      present.delete(id)
      writeSync(1, `ack ${id} 0\n`)
    } else {
      const article = articleAt(id, revision + 1, nowIso())
      await writeFileDurable(
        file,
        JSON.stringify({ schemaVersion: ARTICLE_SCHEMA_VERSION, article })
      )
      const stamp = stampOf(await stat(file))
      search.put(id, stamp, searchDocumentOf(article))
      await index.put(id, { summary: summarize(article), stamp })
      revisions.set(id, article.revision)
      present.add(id)
      writeSync(1, `ack ${id} ${article.revision}\n`)
    }
    if (n % 5 === 4) await writer.write(search)
    if (n % 7 === 6) await index.refresh()
    if (index.compactionDue) await index.compact()
  }
  await index.settle()
  await writer.write(search)
  writeSync(1, 'done\n')
}

main().catch((error: unknown) => {
  writeSync(2, `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
