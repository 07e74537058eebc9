import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArticleLibrary } from '../../main/services/library/articleLibrary'
import { runCaptured, type Captured } from '../__fixtures__/runCaptured'

let dir: string
let library: string

async function cli(...argv: string[]): Promise<Captured> {
  return runCaptured(library, argv, { cwd: dir })
}

async function newArticle(...flags: string[]): Promise<string> {
  const created = await cli('new', ...flags)
  expect(created.code, created.stderr).toBe(0)
  return created.stdout.trim()
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-library-'))
  library = join(dir, 'library')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('copydesk show of a damaged article file', () => {
  it('exits 5 naming the file and the damage, not 3 "no article"', async () => {
    const id = await newArticle('--headline', 'Koalition einigt sich')
    const file = join(library, 'articles', `${id}.json`)
    const whole = await readFile(file, 'utf8')
    await writeFile(file, whole.slice(0, 40))

    const shown = await cli('show', id)
    expect(shown.code).toBe(5)
    expect(shown.stdout).toBe('')
    expect(shown.stderr).toMatch(
      new RegExp(
        `^copydesk: Article ${id}: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not parse \\(`
      )
    )
    // Said once, not once as the error and again as a problem found.
    expect(shown.stderr.trim().split('\n')).toHaveLength(1)
    const json = await cli('show', id, '--json')
    expect(json.code).toBe(5)
    expect(JSON.parse(json.stdout).error).toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining(`${file} does not parse`)
    })
    // A read leaves the damaged file where it is, byte for byte.
    expect(await readFile(file, 'utf8')).toBe(whole.slice(0, 40))
    expect((await cli('show', '0c9dfa0a-dbee-417b-8944-c1d2cdde806d')).code).toBe(3)
  })

  it('refuses a schemaVersion written as text or negative, saying which', async () => {
    const id = await newArticle('--headline', 'Koalition einigt sich')
    const file = join(library, 'articles', `${id}.json`)
    const raw = JSON.parse(await readFile(file, 'utf8'))
    for (const bad of ['1', -1]) {
      await writeFile(file, JSON.stringify({ ...raw, schemaVersion: bad }))
      const shown = await cli('show', id)
      expect(shown.code).toBe(5)
      expect(shown.stderr).toContain(
        `${file} is not a valid article (schemaVersion: ${JSON.stringify(bad)} is not a whole number of 0 or more)`
      )
    }
  })
})

describe('copydesk delete / trash / restore', () => {
  it('moves an article to the trash, lists the trash and brings it back', async () => {
    const id = await newArticle('--headline', 'Koalition einigt sich')
    const deleted = await cli('delete', id)
    expect(deleted).toMatchObject({ code: 0, stderr: '' })
    expect(deleted.stdout).toContain(`Moved ${id} to the trash`)
    expect(JSON.parse((await cli('list', '--json')).stdout)).toEqual([])
    const trash = JSON.parse((await cli('trash', '--json')).stdout)
    expect(trash).toEqual([
      expect.objectContaining({
        id,
        headline: 'Koalition einigt sich',
        deletedAt: expect.any(String)
      })
    ])
    const restored = await cli('restore', id, '--json')
    expect(restored.code).toBe(0)
    expect(JSON.parse(restored.stdout)).toMatchObject({ id, headline: 'Koalition einigt sich' })
    expect((await cli('trash')).stdout).toBe('The trash is empty.\n')
    expect(JSON.parse((await cli('list', '--json')).stdout)).toHaveLength(1)
    await cli('delete', id)
    expect(await cli('trash', '--empty', '--json')).toMatchObject({
      code: 0,
      stdout: '{\n  "removed": 1\n}\n'
    })
  })

  it('exits 3 for an unknown article, with the error as JSON under --json', async () => {
    const unknown = '0c9dfa0a-dbee-417b-8944-c1d2cdde806d'
    const deleted = await cli('delete', unknown, '--json')
    expect(deleted.code).toBe(3)
    expect(JSON.parse(deleted.stdout)).toEqual({
      error: { code: 'not-found', message: `No article with id ${unknown}` }
    })
    expect(deleted.stderr).toContain(unknown)
    expect((await cli('restore', unknown)).code).toBe(3)
    expect((await cli('history', unknown)).code).toBe(3)
    expect((await cli('delete')).code).toBe(2)
  })
})

describe('copydesk history and search', () => {
  it('lists kept versions with time and word count', async () => {
    const id = await newArticle('--headline', 'Entwurf')
    const history = await cli('history', id, '--json')
    expect(history.code).toBe(0)
    expect(JSON.parse(history.stdout)).toEqual([
      { versionId: '1', revision: 1, savedAt: expect.any(String), wordCount: 0, current: true }
    ])
    expect((await cli('history', id)).stdout).toMatch(
      /^\s+1 {2}\S+ {2}\s+0 words {2}\(current\)\n$/
    )
  })

  it('finds articles with umlauts folded and says where it matched', async () => {
    await writeFile(join(dir, 'body.txt'), 'Der Stau auf der Straße nach Dachau.')
    const id = await newArticle('--headline', 'Verkehr in München', '--body-file', 'body.txt')
    await newArticle('--headline', 'Haushalt')
    const found = await cli('search', 'muenchen', 'strasse', '--json')
    expect(found.code).toBe(0)
    expect(JSON.parse(found.stdout)).toEqual([
      expect.objectContaining({
        id,
        headline: 'Verkehr in München',
        matchedIn: ['headline', 'body'],
        snippet: { field: 'body', text: 'Der Stau auf der Straße nach Dachau.', marks: [[17, 23]] }
      })
    ])
    expect((await cli('search', 'munchen')).stdout).toContain(`${id}  draft`)
    expect((await cli('search', 'nirgendwo')).stdout).toBe('Nothing found for "nirgendwo".\n')
    expect((await cli('search')).code).toBe(2)
    expect((await cli('search', 'x', '--status', 'gone')).code).toBe(2)
  })
})

describe('copydesk while the app holds the library', () => {
  it('reads, but refuses to write with exit 4 naming the holder', async () => {
    const id = await newArticle('--headline', 'Im Zugriff der App')
    const app = await ArticleLibrary.open(library, { log: () => undefined })
    try {
      expect((await cli('list')).code).toBe(0)
      expect((await cli('show', id)).stdout).toContain('Im Zugriff der App')
      expect((await cli('history', id)).code).toBe(0)
      expect((await cli('search', 'zugriff')).stdout).toContain(id)
      for (const argv of [
        ['delete', id],
        ['new', '--headline', 'x'],
        ['trash', '--empty']
      ]) {
        const refused = await cli(...argv)
        expect(refused.code, argv.join(' ')).toBe(4)
        expect(refused.stderr).toContain(`pid ${process.pid} on ${hostname()}`)
        expect(refused.stderr).toContain('the Copydesk app')
      }
    } finally {
      await app.close()
    }
    expect((await cli('delete', id)).code).toBe(0)
  })
})

describe('copydesk and damaged files', () => {
  it('says which file is damaged; a write command quarantines it and restores the article', async () => {
    const id = await newArticle('--headline', 'Gute Fassung')
    const file = join(library, 'articles', `${id}.json`)
    await writeFile(file, '{"schemaVersion":1,')
    const listed = await cli('list', '--json')
    expect(listed.code).toBe(0)
    expect(JSON.parse(listed.stdout)).toEqual([])
    expect(listed.stderr).toContain(`Article ${id}: ${file} does not parse`)
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion":1,')

    const deleted = await cli('delete', id)
    expect(deleted.code).toBe(0)
    expect(deleted.stderr).toContain(`It was moved to ${join(library, 'quarantine')}`)
    expect(deleted.stderr).toContain('restored from its version 1')
    expect(await readdir(join(library, 'quarantine'))).toHaveLength(1)
    expect(JSON.parse((await cli('trash', '--json')).stdout)[0]).toMatchObject({
      id,
      headline: 'Gute Fassung'
    })
  })
})
