/**
 * Save latency of one 5,000-word article in a library of 10 articles (the baseline) and in one
 * of 10,000 articles of 1,000–5,000 words, in one run, with every save durable (fsync of the
 * article, its history version and the index journal). Each save changes one paragraph, as
 * autosave does while someone types, and sends the whole body. Saves alternate between the two
 * libraries so both see the same machine state. Prints median and p95 of each and the ratios.
 *
 *   npx tsx bench/library-save.ts [--saves N]
 *
 * Goal (issue 3): ratio ≤ 1.2, p95 ≤ 25 ms.
 */
import { parseArgs } from 'node:util'
import type { PmNode } from '../src/shared/article'
import { ArticleLibrary } from '../src/main/services/library/articleLibrary'
import { benchLibrary, generateArticle, ms, prng, stats } from './libraryCorpus'

const { values } = parseArgs({ options: { saves: { type: 'string', default: '400' } } })
const SAVES = Number(values.saves)
const WARMUP = 30

interface Subject {
  name: string
  library: ArticleLibrary
  id: string
  revision: number
  body: PmNode
  times: number[]
}

async function subject(name: string, count: number): Promise<Subject> {
  const { dir, target } = await benchLibrary(name, count)
  const library = await ArticleLibrary.open(dir)
  await library.whenSearchReady()
  // Earlier runs appended words: put the article back to its generated 5,000 words (untimed).
  const { body } = generateArticle(0, 5000, prng(99))
  const article = await library.get(target)
  const ack = await library.save(target, article.revision, { body })
  return { name, library, id: target, revision: ack.revision, body, times: [] }
}

/** Types one word into a random paragraph: a new body object, as the editor sends it. */
function edit(body: PmNode, random: () => number, n: number): PmNode {
  const content = [...(body.content ?? [])]
  let i = Math.floor(random() * content.length)
  while (content[i]?.type !== 'paragraph') i = (i + 1) % content.length
  const paragraph = content[i] as PmNode
  const text = paragraph.content?.[0]?.text ?? ''
  content[i] = { ...paragraph, content: [{ type: 'text', text: `${text} Wort${n}` }] }
  return { ...body, content }
}

async function main(): Promise<void> {
  console.log('Preparing libraries (generated once under /tmp/copydesk-bench)…')
  const small = await subject('library-10', 10)
  const big = await subject('library-10k', 10_000)
  const { wordCount } = (await small.library.list()).find((s) => s.id === small.id) ?? {
    wordCount: 0
  }
  console.log(
    `Article: ${wordCount} words. ${SAVES} saves per library after ${WARMUP} warm-up saves.`
  )
  const random = prng(3)
  for (let n = 0; n < WARMUP + SAVES; n++) {
    for (const s of n % 2 ? [small, big] : [big, small]) {
      s.body = edit(s.body, random, n)
      const t0 = performance.now()
      const ack = await s.library.save(s.id, s.revision, { body: s.body })
      const t1 = performance.now()
      s.revision = ack.revision
      if (n >= WARMUP) s.times.push(t1 - t0)
    }
  }
  const a = stats(small.times)
  const b = stats(big.times)
  console.log(`\nsave of a ${wordCount}-word article (durable, fsync on)`)
  console.log(`  library of     10: median ${ms(a.median)}  p95 ${ms(a.p95)}`)
  console.log(`  library of 10,000: median ${ms(b.median)}  p95 ${ms(b.p95)}`)
  console.log(
    `  ratio 10,000 / 10: median ${(b.median / a.median).toFixed(2)}  p95 ${(b.p95 / a.p95).toFixed(2)}` +
      `   (goal ≤ 1.2; p95 ≤ 25 ms)`
  )
  await small.library.close()
  await big.library.close()
}

void main()
