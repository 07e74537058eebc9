import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCaptured, type Captured } from './__fixtures__/runCaptured'

let dir: string

async function cli(...argv: string[]): Promise<Captured> {
  return runCaptured(join(dir, 'library'), argv, { cwd: dir })
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('copydesk new / list / show', () => {
  it('creates a draft from flags and a .txt body and shows it as JSON', async () => {
    await writeFile(join(dir, 'body.txt'), 'Erster Absatz.\n\nZweiter Absatz\nmit Umbruch.')
    const created = await cli(
      'new',
      '--kicker',
      'Streit um Haushalt',
      '--headline',
      'Koalition einigt sich',
      '--byline',
      'Anna Beispiel',
      '--byline',
      'Max Muster',
      '--dateline',
      'Berlin',
      '--date',
      '2024-05-02T14:30:00+02:00',
      '--language',
      'de-AT',
      '--body-file',
      'body.txt'
    )
    expect(created.code).toBe(0)
    const id = created.stdout.trim()
    expect(id).toMatch(/^[0-9a-f-]{36}$/)

    const shown = await cli('show', id, '--json')
    expect(shown.code).toBe(0)
    const article = JSON.parse(shown.stdout)
    expect(article).toMatchObject({
      id,
      revision: 1,
      status: 'draft',
      language: 'de-AT',
      timeZone: 'Europe/Berlin',
      kicker: 'Streit um Haushalt',
      headline: 'Koalition einigt sich',
      teaser: null,
      bylines: ['Anna Beispiel', 'Max Muster'],
      dateline: { place: 'Berlin', source: null },
      publishedAt: '2024-05-02T14:30:00+02:00',
      embargoedUntil: null,
      lead: null,
      galleries: [],
      figures: []
    })
    expect(article).not.toHaveProperty('notes')
    expect(article.body.content).toHaveLength(2)
    expect(article.body.content[1].content[1]).toEqual({ type: 'hardBreak' })

    const listed = await cli('list', '--json')
    expect(JSON.parse(listed.stdout)).toEqual([
      {
        id,
        headline: 'Koalition einigt sich',
        kicker: 'Streit um Haushalt',
        status: 'draft',
        bylines: ['Anna Beispiel', 'Max Muster'],
        updatedAt: article.updatedAt,
        wordCount: 6
      }
    ])
  })

  it('exits 2 on a usage error and says what was wrong', async () => {
    const bad = await cli('new', '--language', 'fr')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--language "fr"')
    const unknown = await cli('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown command "frobnicate"')
    const date = await cli('new', '--date', '2. Mai 2024')
    expect(date.code).toBe(2)
    expect(date.stderr).toContain('ISO-8601')
  })

  it('exits 3 for an unknown article, with a JSON error under --json', async () => {
    const missing = await cli('show', '0c9dfa0a-dbee-417b-8944-c1d2cdde806d', '--json')
    expect(missing.code).toBe(3)
    expect(JSON.parse(missing.stdout)).toEqual({
      error: { code: 'not-found', message: expect.stringContaining('0c9dfa0a') }
    })
  })

  it('exits 3 when the body file does not exist', async () => {
    const result = await cli('new', '--body-file', 'nope.txt')
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('nope.txt')
  })
})
