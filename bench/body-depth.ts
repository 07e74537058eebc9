/**
 * `copydesk new --body-file` at the nesting limits and beyond them: wall time, peak RSS and exit
 * code of the real CLI process (`out/cli`, so run `npm run build` first) for the deepest bodies
 * accepted (Markdown: 100 nested block quotes, 98 nested lists; HTML: 197 nested block quotes =
 * a body 200 levels deep), each small and with about 1 MB of text at the bottom, and for the
 * hostile files that are refused (Markdown lists 3,000 levels / 9 MB, 5,000 `>`, HTML 100,000
 * elements deep).
 *
 *   npx tsx bench/body-depth.ts
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const CLI = resolve(__dirname, '../out/cli/index.js')
const PARAGRAPHS = 2_000
const SENTENCE =
  'Der Stadtrat hat am Abend nach langer Debatte den Haushalt für das kommende Jahr beschlossen. '

function mdQuotes(depth: number, paragraphs: number): string {
  const prefix = '> '.repeat(depth)
  return Array.from(
    { length: paragraphs },
    (_, i) => `${prefix}Absatz ${i + 1}. ${SENTENCE.repeat(3)}`
  ).join(`\n${prefix}\n`)
}

function mdLists(depth: number, paragraphs: number): string {
  const lines: string[] = []
  for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(2 * i)}- Ebene ${i + 1}`)
  const indent = ' '.repeat(2 * depth)
  for (let p = 1; p < paragraphs; p++) lines.push('', `${indent}Absatz ${p}. ${SENTENCE.repeat(3)}`)
  return lines.join('\n')
}

function htmlQuotes(depth: number, paragraphs: number): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `<p>Absatz ${i + 1}. ${SENTENCE.repeat(3)}</p>`
  )
  return `${'<blockquote>'.repeat(depth)}${body.join('')}${'</blockquote>'.repeat(depth)}`
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) {
    console.error(`No ${CLI}: run npm run build first.`)
    process.exit(2)
  }
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-bench-depth-'))
  const deepLists: string[] = []
  for (let i = 0; i < 3000; i++) deepLists.push(`${' '.repeat(2 * i)}- Ebene ${i + 1}`)
  const cases: [string, string, string][] = [
    ['md: 100 nested quotes, 1 paragraph', 'q1.md', mdQuotes(100, 1)],
    [`md: 100 nested quotes, ${PARAGRAPHS} paragraphs`, 'qn.md', mdQuotes(100, PARAGRAPHS)],
    ['md: 98 nested lists, 1 paragraph', 'l1.md', mdLists(98, 1)],
    [`md: 98 nested lists, ${PARAGRAPHS} paragraphs`, 'ln.md', mdLists(98, PARAGRAPHS)],
    ['html: 197 nested quotes, 1 paragraph', 'q1.html', htmlQuotes(197, 1)],
    [`html: 197 nested quotes, ${PARAGRAPHS} paragraphs`, 'qn.html', htmlQuotes(197, PARAGRAPHS)],
    ['md: lists 3,000 levels (refused)', 'deep.md', deepLists.join('\n')],
    ['md: 5,000 > (refused)', 'gt.md', `${'>'.repeat(5000)} Zitat\n`],
    [
      'html: 100,000 nested divs (refused)',
      'deep.html',
      `${'<div>'.repeat(100_000)}Text${'</div>'.repeat(100_000)}`
    ]
  ]
  console.log('case | file size | exit | wall s | peak RSS MB | body depth')
  try {
    for (const [label, name, content] of cases) {
      const file = join(dir, name)
      await writeFile(file, content)
      const library = join(dir, `lib-${name}`)
      const run = spawnSync(
        '/usr/bin/time',
        [
          '-f',
          '%e %M',
          process.execPath,
          CLI,
          '--library',
          library,
          'new',
          '--body-file',
          file,
          '--json'
        ],
        { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }
      )
      const timing = run.stderr.trim().split('\n').pop()!.split(' ')
      let depth = '-'
      if (run.status === 0) {
        const body = JSON.parse(run.stdout).body
        let max = 0
        const stack: [{ content?: unknown[] }, number][] = [[body, 1]]
        while (stack.length) {
          const [node, d] = stack.pop()!
          max = Math.max(max, d)
          for (const c of (node.content ?? []) as { content?: unknown[] }[]) stack.push([c, d + 1])
        }
        depth = String(max)
      } else {
        depth = run.stderr.trim().split('\n')[0]!.replace(dir, '…')
      }
      const mb = (Buffer.byteLength(content) / 1e6).toFixed(2)
      console.log(
        `${label} | ${mb} MB | ${run.status} | ${timing[0]} | ${(Number(timing[1]) / 1024).toFixed(0)} | ${depth}`
      )
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  execFileSync(process.execPath, ['--version'], { stdio: 'inherit' })
}

void main()
