import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rawZip } from '../main/services/packages/__fixtures__/rawZip'
import { runCaptured, type Captured } from './__fixtures__/runCaptured'

// Anything a terminal acts on (C0 but tab and line feed, DEL, C1), as code points found.
function rawControls(text: string): number[] {
  return [...text]
    .map((c) => c.charCodeAt(0))
    .filter((c) => (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f))
}

// Sets the window title, clears the screen, then a C1 CSI.
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2JKoalition\u009b31m'
const SHOWN = '\\u001b]0;pwned\\u0007\\u001b[2JKoalition\\u009b31m'

let dir: string
let library: string

async function cli(...argv: string[]): Promise<Captured> {
  return runCaptured(library, argv, { cwd: dir })
}

function expectNoRawControls(run: Captured): void {
  expect(rawControls(run.stdout)).toEqual([])
  expect(rawControls(run.stderr)).toEqual([])
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-controls-'))
  library = join(dir, 'library')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('control characters in CLI input', () => {
  it.each([
    [['--headline', `Koalition${HOSTILE}`], '--headline', 'U+001B at character 10'],
    [['--kicker', 'Berlin\u009b'], '--kicker', 'U+009B at character 7'],
    [['--byline', 'Anna Beispiel', '--byline', 'Bob\u0007'], '--byline', 'U+0007'],
    [['--dateline', 'Ber\nlin'], '--dateline', 'U+000A']
  ])('refuses %j naming the flag, exit 2, and creates nothing', async (flags, flag, what) => {
    const created = await cli('new', ...flags)
    expect(created.code).toBe(2)
    expect(created.stdout).toBe('')
    expect(created.stderr).toContain(`new: ${flag}: contains the control character ${what}`)
    expectNoRawControls(created)
    expect((await cli('list')).stdout).toBe('No drafts yet.\n')
  })

  it('still takes line breaks and tabs in the teaser', async () => {
    const created = await cli('new', '--headline', 'Ok', '--teaser', 'Erste Zeile\nZweite\tZeile')
    expect(created.code, created.stderr).toBe(0)
  })
})

describe('control characters in CLI output', () => {
  // An article stored before input was checked: written on disk, as an older version left it.
  async function storedHostileArticle(): Promise<string> {
    const created = await cli('new', '--headline', 'PLACEHOLDER', '--byline', 'BYLINE')
    const id = created.stdout.trim()
    const file = join(library, 'articles', `${id}.json`)
    const json = (await readFile(file, 'utf8'))
      .replace('PLACEHOLDER', JSON.stringify(HOSTILE).slice(1, -1))
      .replace('BYLINE', JSON.stringify('Anna\nFake line').slice(1, -1))
    await writeFile(file, json)
    // The library rebuilds its list index from the article files.
    await rm(join(library, 'index'), { recursive: true, force: true })
    return id
  }

  it('list, show, search and check print the headline escaped, on one line', async () => {
    const id = await storedHostileArticle()
    const list = await cli('list')
    expect(list.code).toBe(0)
    expect(list.stdout).toContain(`words  ${SHOWN}\n`)
    const shown = await cli('show', id)
    expect(shown.stdout.split('\n')[0]).toBe(SHOWN)
    expect(shown.stdout).toContain('Bylines: Anna\\u000aFake line\n')
    const found = await cli('search', 'pwned')
    expect(found.stdout).toContain(`${SHOWN}  [headline]`)
    const checked = await cli('check', id)
    expect(checked.stdout).toContain('Unknown word: pwned')
    for (const run of [list, shown, found, checked]) expectNoRawControls(run)
  })

  it('--json stays valid JSON carrying the exact value', async () => {
    const id = await storedHostileArticle()
    for (const argv of [['list'], ['show', id], ['search', 'pwned']]) {
      const run = await cli(...argv, '--json')
      expectNoRawControls(run)
      const value = JSON.parse(run.stdout) as { headline: string } | { headline: string }[]
      expect(Array.isArray(value) ? value[0].headline : value.headline).toBe(HOSTILE)
    }
  })

  it('escapes ESC and NUL in ZIP entry names echoed by import-package', async () => {
    for (const name of ['evil\u001b]0;pwned\u0007.jpg', 'nul\u0000name.jpg']) {
      const zip = join(dir, 'evil.zip')
      await writeFile(zip, rawZip([{ name, data: Buffer.from('x') }]))
      const imported = await cli('import-package', zip)
      expect(imported.code).toBe(5)
      expect(imported.stderr).toMatch(/evil\\u001b\]0;pwned\\u0007\.jpg|nul\\u0000name\.jpg/)
      expectNoRawControls(imported)
    }
  })
})
