import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openServices } from '../../main/services'
import { createNewsroomArticle } from '../../main/services/export/__fixtures__/newsroomArticle'
import { runCaptured, type Captured } from '../__fixtures__/runCaptured'
import { cliLanguage } from './export'

let dir: string
let articleId: string
let brokenId: string

async function cli(env: Record<string, string>, ...argv: string[]): Promise<Captured> {
  return runCaptured(join(dir, 'library'), argv, { cwd: dir, env })
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-export-'))
  const s = await openServices({
    libraryDir: join(dir, 'library'),
    version: 't',
    systemLocale: 'en'
  })
  try {
    await mkdir(join(dir, 'photos'))
    articleId = (await createNewsroomArticle(s, join(dir, 'photos'))).article.id
    brokenId = (await s.articles.create({ headline: 'Ohne Autor', bylines: [] })).id
  } finally {
    await s.close()
  }
}, 60_000)

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('copydesk check', () => {
  it('lists findings in the language of LANG and exits 1 only for errors', async () => {
    const en = await cli({}, 'check', articleId)
    expect(en.code).toBe(0)
    expect(en.stdout).toMatch(/^warning: Unknown word: script .*\[spelling @ lead caption\]$/m)
    expect(en.stdout).toMatch(/^0 errors, \d+ warnings\.$/m)
    const de = await cli({ LANG: 'de_DE.UTF-8' }, 'check', brokenId)
    expect(de.code).toBe(1)
    expect(de.stdout).toContain(
      'Fehler: Der Artikel hat keine Autorenzeile. [byline-missing @ bylines]'
    )
    const json = await cli({}, 'check', brokenId, '--json')
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout).map((f: { code: string }) => f.code)).toContain('byline-missing')
    expect((await cli({}, 'check', '00000000-0000-4000-8000-000000000000')).code).toBe(3)
  })

  it('takes German only from a LANG that starts with "de"', () => {
    expect(cliLanguage({ LANG: 'de_AT.UTF-8' })).toBe('de')
    expect(cliLanguage({ LANG: 'de' })).toBe('de')
    expect(cliLanguage({ LANG: 'en_US.UTF-8' })).toBe('en')
    expect(cliLanguage({ LANG: 'dexx' })).toBe('en')
    expect(cliLanguage({})).toBe('en')
  })
})

describe('copydesk export and import-package', () => {
  it('exports a package, refuses to replace it without --overwrite (exit 4)', async () => {
    const out = join(dir, 'paket.zip')
    const first = await cli({}, 'export', articleId, '--out', 'paket.zip')
    expect(first.code).toBe(0)
    // Six pictures with three files each, two web crops of the lead and each of the three
    // gallery pictures, four documents and the manifest.
    expect(first.stdout).toMatch(
      new RegExp(
        `^${out.replace(/[.]/g, '\\.')}: 31 files, [\\d.]+ MB, \\d+ warnings, version 1 \\(first\\)\\n$`
      )
    )
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK')
    const again = await cli({}, 'export', articleId, '--out', out)
    expect(again.code).toBe(4)
    expect(again.stderr).toMatch(/already exists.*--overwrite/)
    const overwritten = await cli(
      { LANG: 'de_DE.UTF-8' },
      'export',
      articleId,
      '--out',
      out,
      '--overwrite'
    )
    expect(overwritten.code).toBe(0)
    // Under a German LANG the summary is German, with a decimal comma; the same package is
    // sent again, so the version stays 1.
    expect(overwritten.stdout).toMatch(
      new RegExp(
        `^${out.replace(/[.]/g, '\\.')}: 31 Dateien, \\d+,\\d MB, \\d+ Warnungen, Version 1 \\(erneut gesendet\\)\\n$`
      )
    )
    expect((await cli({}, 'export', articleId)).code).toBe(2)
  })

  it('prints preflight errors on stderr, exits 1 and writes no file; --force exports', async () => {
    const out = join(dir, 'fehler.zip')
    const refused = await cli({ LANG: 'de_DE.UTF-8' }, 'export', brokenId, '--out', out)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain('Fehler: Der Artikel hat keine Autorenzeile.')
    expect(refused.stderr).toContain('mit --force exportieren')
    expect(existsSync(out)).toBe(false)
    const forced = await cli({}, 'export', brokenId, '--out', out, '--force')
    expect(forced.code).toBe(0)
    expect(forced.stdout).toContain('exported despite preflight errors')
  })

  it('imports a package as a new article and prints its id; refuses a damaged one (exit 5)', async () => {
    const out = join(dir, 'paket.zip')
    // The library holds the story: without saying how, the import is refused.
    const held = await cli({}, 'import-package', out)
    expect(held.code).toBe(4)
    expect(held.stderr).toContain('--as-update')
    expect((await cli({}, 'import-package', out, '--as-new', '--as-update')).code).toBe(2)
    const imported = await cli({}, 'import-package', out, '--as-new')
    expect(imported.code).toBe(0)
    const id = imported.stdout.trim()
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(id).not.toBe(articleId)
    const shown = await cli({}, 'show', id, '--json')
    expect(JSON.parse(shown.stdout).headline).toBe(
      'Koalition einigt sich auf Straßenbau-Kompromiss'
    )
    const json = await cli({}, 'import-package', out, '--as-new', '--json')
    expect(JSON.parse(json.stdout).galleries[0].items).toHaveLength(3)

    const damaged = join(dir, 'kaputt.zip')
    const bytes = await readFile(out)
    bytes[Math.floor(bytes.length / 3)] ^= 0xff
    await writeFile(damaged, bytes)
    const refused = await cli({}, 'import-package', damaged)
    expect(refused.code).toBe(5)
    expect(refused.stderr).toMatch(/^copydesk: Package .*kaputt\.zip refused/)
  })
})
