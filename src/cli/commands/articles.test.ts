import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { plainTextOf } from '../../shared/articleText'
import { BODY_MAX_DEPTH, bodyDepth } from '../../shared/editor/bodyShape'
import { MARKDOWN_MAX_NESTING } from '../../shared/editor/bodyFiles'
import { HTML_MAX_DEPTH } from '../../shared/editor/sanitizeHtml'
import { runCaptured, type Captured } from '../__fixtures__/runCaptured'

let dir: string

async function cli(...argv: string[]): Promise<Captured> {
  return runCaptured(join(dir, 'library'), argv, { cwd: dir })
}

/** Nothing was created: the library holds no article file. */
async function articleFiles(): Promise<string[]> {
  return readdir(join(dir, 'library', 'articles')).catch(() => [])
}

/** One line on stderr, no zod dump, no stack. */
function expectOneLine(result: Captured): void {
  expect(result.stderr.trim().split('\n')).toHaveLength(1)
  expect(result.stderr).not.toMatch(/ZodError|"code":|\bat .*\.ts:\d+/)
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-new-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('copydesk new --date', () => {
  it('refuses 30 February as a usage error naming the flag and the value', async () => {
    const result = await cli(
      'new',
      '--headline',
      'Schaltjahr',
      '--date',
      '2024-02-30T10:00:00+02:00'
    )
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toBe(
      'copydesk: new: --date "2024-02-30T10:00:00+02:00" is not a calendar date (February 2024 has 29 days)'
    )
    expectOneLine(result)
    expect(await articleFiles()).toEqual([])
  })

  it('refuses an offset no place has, also under --json', async () => {
    const result = await cli('new', '--date', '2024-05-02T14:30:00+99:99', '--json')
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        code: 'invalid-input',
        message:
          'new: --date "2024-05-02T14:30:00+99:99" has offset +99:99, which no place uses (offsets run from -12:00 to +14:00)'
      }
    })
    expect(await articleFiles()).toEqual([])
  })

  it('takes a date without seconds and stores it with them', async () => {
    const created = await cli('new', '--date', '2024-02-29T14:30+01:00', '--json')
    expect(created.code).toBe(0)
    expect(JSON.parse(created.stdout).publishedAt).toBe('2024-02-29T14:30:00+01:00')
  })
})

describe('copydesk new --body-file: nesting', () => {
  it('refuses Markdown lists 3,000 levels deep (9 MB) at once, naming file and line', async () => {
    const lines: string[] = []
    for (let i = 0; i < 3000; i++) lines.push(`${' '.repeat(2 * i)}- Ebene ${i + 1}`)
    const md = lines.join('\n')
    expect(md.length).toBeGreaterThan(9_000_000)
    await writeFile(join(dir, 'tief.md'), md)
    const started = Date.now()
    const result = await cli('new', '--body-file', 'tief.md')
    expect(Date.now() - started).toBeLessThan(5000)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('tief.md: line ')
    expect(result.stderr).toContain(`more than ${MARKDOWN_MAX_NESTING} levels deep`)
    expectOneLine(result)
    expect(await articleFiles()).toEqual([])
  })

  it('refuses 5,000 nested block quotes before the Markdown parser sees them', async () => {
    await writeFile(join(dir, 'zitat.md'), `${'>'.repeat(5000)} Zitat\n`)
    const result = await cli('new', '--body-file', 'zitat.md')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('zitat.md: line 1 nests')
    expect(result.stderr).not.toContain('report')
    expectOneLine(result)
  })

  it('refuses HTML nested 100,000 deep instead of making an empty article', async () => {
    const n = 100_000
    await writeFile(join(dir, 'tief.html'), `${'<div>'.repeat(n)}Text${'</div>'.repeat(n)}`)
    const result = await cli('new', '--body-file', 'tief.html')
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toBe(
      `copydesk: --body-file ${join(dir, 'tief.html')}: the HTML is nested more than ${HTML_MAX_DEPTH} elements deep`
    )
    expect(await articleFiles()).toEqual([])
  })

  it('refuses HTML lists nested past the limit whose text sits at the bottom', async () => {
    // 150 lists: 300 elements deep. Cutting them off would leave an empty article.
    const n = 150
    await writeFile(join(dir, 'liste.html'), `${'<ol><li>'.repeat(n)}Text${'</li></ol>'.repeat(n)}`)
    const result = await cli('new', '--body-file', 'liste.html')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('liste.html: the HTML is nested more than')
  })

  it('refuses a body that converts deeper than the article limit, with its file', async () => {
    // 99 nested lists pass the Markdown line check (99 levels) and the HTML limit (198
    // elements), but the body would be 2 × 99 + 3 = 201 levels deep.
    const lines: string[] = []
    for (let i = 0; i < 99; i++) lines.push(`${' '.repeat(2 * i)}- Ebene ${i + 1}`)
    await writeFile(join(dir, 'liste.md'), lines.join('\n'))
    const result = await cli('new', '--body-file', 'liste.md')
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toBe(
      `copydesk: new: --body-file liste.md: the body is nested more than ${BODY_MAX_DEPTH} levels deep`
    )
  })

  it('accepts the deepest bodies at the limits, with all their text', async () => {
    await writeFile(
      join(dir, 'grenze.md'),
      `${'> '.repeat(MARKDOWN_MAX_NESTING)}Ganz innen\n\n${'> '.repeat(MARKDOWN_MAX_NESTING)}Noch ein Absatz\n`
    )
    const md = await cli('new', '--body-file', 'grenze.md', '--json')
    expect(md.stderr).toBe('')
    expect(md.code).toBe(0)
    const mdBody = JSON.parse(md.stdout).body
    expect(bodyDepth(mdBody)).toBe(MARKDOWN_MAX_NESTING + 3)
    expect(plainTextOf(mdBody)).toContain('Ganz innen')

    // Block quotes down to the article limit: doc, 197 quotes, paragraph, text.
    const quotes = BODY_MAX_DEPTH - 3
    await writeFile(
      join(dir, 'grenze.html'),
      `${'<blockquote>'.repeat(quotes)}<p>Ganz innen</p>${'</blockquote>'.repeat(quotes)}`
    )
    const html = await cli('new', '--body-file', 'grenze.html', '--json')
    expect(html.code).toBe(0)
    const htmlBody = JSON.parse(html.stdout).body
    expect(bodyDepth(htmlBody)).toBe(BODY_MAX_DEPTH)
    expect(plainTextOf(htmlBody)).toBe('Ganz innen')
  })
})
