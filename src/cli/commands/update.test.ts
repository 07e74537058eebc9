import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isControlCode, type PmNode } from '../../shared/article'
import { plainTextOf } from '../../shared/articleText'
import { isNodeId } from '../../shared/editor/nodeIds'
import { buildDocx, STORY } from '../../main/services/docx/__fixtures__/docxWriter'
import { ArticleLibrary } from '../../main/services/library/articleLibrary'
import { runCaptured, type Captured } from '../__fixtures__/runCaptured'

let dir: string
let library: string

async function cli(...argv: string[]): Promise<Captured> {
  return runCaptured(library, argv, { cwd: dir })
}

/** Runs a command that must succeed and returns its parsed --json output. */
async function json<T = Record<string, unknown>>(...argv: string[]): Promise<T> {
  const run = await cli(...argv, '--json')
  expect(run.code, `${argv.join(' ')}: ${run.stderr}`).toBe(0)
  return JSON.parse(run.stdout) as T
}

async function draft(...flags: string[]): Promise<string> {
  const created = await cli('new', ...flags)
  expect(created.code, created.stderr).toBe(0)
  return created.stdout.trim()
}

/** The article file's bytes: the proof that a refusal wrote nothing. */
function fileOf(id: string): Promise<string> {
  return readFile(join(library, 'articles', `${id}.json`), 'utf8')
}

function blockIds(body: PmNode): string[] {
  const ids: string[] = []
  const walk = (node: PmNode): void => {
    const id = node.attrs?.nodeId
    if (typeof id === 'string') ids.push(id)
    node.content?.forEach(walk)
  }
  walk(body)
  return ids
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-update-'))
  library = join(dir, 'library')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('copydesk update: the flags', () => {
  it('sets every field it has a flag for, prints the id, and show --json agrees', async () => {
    await writeFile(join(dir, 'body.txt'), 'Erster Absatz.\n\nZweiter Absatz.')
    const id = await draft('--headline', 'Entwurf', '--body-file', 'body.txt')
    const before = await json('show', id)

    const run = await cli(
      'update',
      id,
      '--kicker',
      'Verkehr',
      '--headline',
      'Brücke in Dresden gesperrt',
      '--teaser',
      'Die Carolabrücke bleibt zu.\nUmleitung über die Albertbrücke.',
      '--byline',
      'Anna Beispiel',
      '--byline',
      ' Max Muster ',
      '--dateline',
      'Dresden',
      '--date',
      '2024-09-11T06:30+02:00',
      '--language',
      'de-AT',
      '--status',
      'ready'
    )
    expect(run).toEqual({ code: 0, stdout: `${id}\n`, stderr: '' })

    const after = await json('show', id)
    expect(after).toEqual({
      ...before,
      revision: 2,
      updatedAt: after.updatedAt,
      kicker: 'Verkehr',
      headline: 'Brücke in Dresden gesperrt',
      teaser: 'Die Carolabrücke bleibt zu.\nUmleitung über die Albertbrücke.',
      bylines: ['Anna Beispiel', 'Max Muster'],
      dateline: { place: 'Dresden', source: null },
      publishedAt: '2024-09-11T06:30:00+02:00',
      language: 'de-AT',
      status: 'ready'
    })
    expect(after.updatedAt).not.toBe(before.updatedAt)
  })

  it('--json prints exactly what show --json prints next', async () => {
    const id = await draft('--headline', 'Entwurf')
    const updated = await json('update', id, '--status', 'editing', '--byline', 'Anna')
    expect(updated).toEqual(await json('show', id))
    expect(updated).toMatchObject({ id, status: 'editing', bylines: ['Anna'], revision: 2 })
  })

  it('leaves every field it is not given as it was, the dateline source too', async () => {
    const id = await draft(
      '--kicker',
      'Haushalt',
      '--headline',
      'Koalition einigt sich',
      '--teaser',
      'Nach langer Nacht.',
      '--byline',
      'Anna Beispiel',
      '--dateline',
      'Berlin',
      '--date',
      '2024-05-02T14:30:00+02:00'
    )
    const app = await ArticleLibrary.open(library, { log: () => undefined })
    try {
      const article = await app.get(id)
      await app.save(id, article.revision, {
        dateline: { place: 'Berlin', source: 'dpa' },
        tags: ['Haushalt'],
        notes: 'Zahlen prüfen'
      })
    } finally {
      await app.close()
    }
    const before = await json('show', id)

    const headline = await json('update', id, '--headline', 'Koalition einigt sich auf Haushalt')
    expect(headline).toEqual({
      ...before,
      revision: 3,
      updatedAt: headline.updatedAt,
      headline: 'Koalition einigt sich auf Haushalt'
    })
    const place = await json('update', id, '--dateline', 'Potsdam')
    expect(place.dateline).toEqual({ place: 'Potsdam', source: 'dpa' })
    const stored = JSON.parse(await fileOf(id)).article
    expect(stored).toMatchObject({ tags: ['Haushalt'], notes: 'Zahlen prüfen' })
  })

  it('clears a field with "" as the editor stores an emptied one, and --byline "" empties the list', async () => {
    const id = await draft(
      '--kicker',
      'Haushalt',
      '--headline',
      'Koalition einigt sich',
      '--teaser',
      'Nach langer Nacht.',
      '--byline',
      'Anna Beispiel',
      '--byline',
      'Max Muster',
      '--dateline',
      'Berlin',
      '--date',
      '2024-05-02T14:30:00+02:00'
    )
    const cleared = await json(
      'update',
      id,
      '--kicker',
      '',
      '--headline',
      '  ',
      '--teaser',
      '',
      '--byline',
      '',
      '--dateline',
      '',
      '--date',
      ''
    )
    expect(cleared).toMatchObject({
      kicker: null,
      headline: null,
      teaser: null,
      bylines: [],
      dateline: { place: null, source: null },
      publishedAt: null
    })
    expect((await cli('show', id)).stdout).toContain('(no headline)')
  })

  it('replaces the whole byline list, in the order given', async () => {
    const id = await draft('--byline', 'Anna Beispiel', '--byline', 'Max Muster')
    const replaced = await json('update', id, '--byline', 'Lea Neu', '--byline', 'Anna Beispiel')
    expect(replaced.bylines).toEqual(['Lea Neu', 'Anna Beispiel'])
    const one = await json('update', id, '--byline', 'Ole Solo')
    expect(one.bylines).toEqual(['Ole Solo'])
  })

  it('takes every status the desk offers', async () => {
    const id = await draft('--headline', 'Status')
    for (const status of ['editing', 'ready', 'exported', 'draft']) {
      expect((await json('update', id, '--status', status)).status).toBe(status)
    }
  })

  it('writes nothing when the values are already the article’s, and says so', async () => {
    const id = await draft('--headline', 'Gleich', '--byline', 'Anna')
    const before = await fileOf(id)
    const run = await cli('update', id, '--headline', 'Gleich', '--byline', 'Anna')
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`${id}\n`)
    expect(run.stderr).toBe(`update: article ${id} already has these values; nothing was written\n`)
    expect(await fileOf(id)).toBe(before)
  })
})

describe('copydesk update: refusals', () => {
  it('refuses a status the desk does not offer with exit 2, naming the allowed ones', async () => {
    const id = await draft('--headline', 'Status')
    const before = await fileOf(id)
    const run = await cli('update', id, '--status', 'published', '--headline', 'Neu')
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      'copydesk: update: --status "published" is not one of draft, editing, ready, exported\n'
    )
    expect(await fileOf(id)).toBe(before)
  })

  it('refuses a call without any change (exit 2), and one without an id', async () => {
    const id = await draft('--headline', 'Nichts')
    const none = await cli('update', id)
    expect(none.code).toBe(2)
    expect(none.stderr).toBe(
      'copydesk: update: nothing to change; give one of --kicker, --headline, --teaser, --byline, --dateline, --date, --language, --status, --append-body-file\n'
    )
    const json = await cli('update', id, '--json')
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout).error.code).toBe('invalid-input')
    const noId = await cli('update', '--headline', 'Ohne Ziel')
    expect(noId.code).toBe(2)
    expect(noId.stderr).toBe('copydesk: update needs exactly one article id\n')
    const unknownFlag = await cli('update', id, '--slug', 'x')
    expect(unknownFlag.code).toBe(2)
    expect(unknownFlag.stderr).toContain("'--slug'")
  })

  it.each([
    [
      '30 February',
      ['--date', '2024-02-30T10:00+01:00'],
      'update: --date "2024-02-30T10:00+01:00" is not a calendar date (February 2024 has 29 days)'
    ],
    ['a date in words', ['--date', 'gestern'], 'update: --date "gestern" is not an ISO-8601 date'],
    [
      'an unknown language',
      ['--language', 'fr'],
      'update: --language "fr" is not one of de, de-AT, de-CH, en-GB, en-US'
    ],
    ['an empty language', ['--language', ''], 'update: --language "" is not one of'],
    ['a headline of 20,001 characters', ['--headline', 'x'.repeat(20_001)], 'update: --headline: '],
    ['a byline of 201 characters', ['--byline', 'y'.repeat(201)], 'update: --byline: ']
  ])(
    'refuses %s with exit 2 naming the flag; nothing is written',
    async (_what, flags, message) => {
      const id = await draft('--headline', 'Vorher')
      const before = await fileOf(id)
      const run = await cli('update', id, '--kicker', 'Auch nicht', ...flags)
      expect(run.code).toBe(2)
      expect(run.stderr.startsWith(`copydesk: ${message}`), run.stderr).toBe(true)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(await fileOf(id)).toBe(before)
    }
  )

  it.each([
    [['--headline', 'Koalition\u001b]0;pwned\u0007'], '--headline', 'U+001B at character 10'],
    [['--kicker', 'Berlin\u009b'], '--kicker', 'U+009B at character 7'],
    [['--headline', '\t'], '--headline', 'U+0009 at character 1'],
    [['--byline', 'Anna', '--byline', 'Bob\u0007'], '--byline', 'U+0007'],
    [['--dateline', 'Ber\nlin'], '--dateline', 'U+000A']
  ])(
    'refuses control characters in %j with exit 2; the article stays as it was',
    async (flags, flag, what) => {
      const id = await draft('--headline', 'Vorher', '--byline', 'Anna')
      const before = await fileOf(id)
      const run = await cli('update', id, ...flags)
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toContain(`update: ${flag}: contains the control character ${what}`)
      expect([...run.stderr].filter((c) => c !== '\n' && isControlCode(c.charCodeAt(0)))).toEqual(
        []
      )
      expect(await fileOf(id)).toBe(before)
    }
  )

  it('exits 3 for an unknown id and for a trashed one, saying which', async () => {
    const unknown = '0c9dfa0a-dbee-417b-8944-c1d2cdde806d'
    const missing = await cli('update', unknown, '--headline', 'Neu')
    expect(missing.code).toBe(3)
    expect(missing.stderr).toBe(`copydesk: update: no article with id ${unknown}\n`)
    const notAnId = await cli('update', 'Koalition', '--headline', 'Neu', '--json')
    expect(notAnId.code).toBe(3)
    expect(JSON.parse(notAnId.stdout)).toEqual({
      error: { code: 'not-found', message: 'update: no article with id Koalition' }
    })

    const id = await draft('--headline', 'Gelöscht')
    expect((await cli('delete', id)).code).toBe(0)
    const trashed = await cli('update', id, '--headline', 'Neu')
    expect(trashed.code).toBe(3)
    expect(trashed.stderr).toBe(
      `copydesk: update: article ${id} is in the trash; copydesk restore ${id} brings it back\n`
    )
    expect((await cli('restore', id)).code).toBe(0)
    expect((await json('show', id)).headline).toBe('Gelöscht')
  })

  it('exits 4 while the app holds the library, naming it, and works once it is closed', async () => {
    const id = await draft('--headline', 'Vorher')
    const before = await fileOf(id)
    const app = await ArticleLibrary.open(library, { log: () => undefined })
    try {
      const refused = await cli('update', id, '--headline', 'Nachher')
      expect(refused.code).toBe(4)
      expect(refused.stderr).toContain(`pid ${process.pid} on ${hostname()}`)
      expect(await fileOf(id)).toBe(before)
      expect((await json('show', id)).headline).toBe('Vorher')
    } finally {
      await app.close()
    }
    expect((await json('update', id, '--headline', 'Nachher')).headline).toBe('Nachher')
  })
})

describe('copydesk update --append-body-file', () => {
  it('appends a .txt file’s paragraphs after the text, with fresh node ids', async () => {
    await writeFile(join(dir, 'erst.txt'), 'Erster Absatz.\n\nZweiter Absatz.')
    const id = await draft('--headline', 'Fortsetzung', '--body-file', 'erst.txt')
    const before = await json<{ body: PmNode }>('show', id)
    const ids = blockIds(before.body)
    expect(ids).toHaveLength(2)

    await writeFile(join(dir, 'mehr.txt'), 'Dritter Absatz.\n\nVierter Absatz\nmit Umbruch.\n')
    const after = await json<{ body: PmNode }>('update', id, '--append-body-file', 'mehr.txt')
    expect(plainTextOf(after.body).split('\n\n')).toEqual([
      'Erster Absatz.',
      'Zweiter Absatz.',
      'Dritter Absatz.',
      'Vierter Absatz\nmit Umbruch.'
    ])
    expect(after.body.content?.slice(0, 2)).toEqual(before.body.content)
    const all = blockIds(after.body)
    expect(all.slice(0, 2)).toEqual(ids)
    expect(all).toHaveLength(4)
    expect(new Set(all).size).toBe(4)
    expect(all.every(isNodeId)).toBe(true)
    // Appending the same file again gives its blocks new ids again.
    const twice = await json<{ body: PmNode }>('update', id, '--append-body-file', 'mehr.txt')
    expect(new Set(blockIds(twice.body)).size).toBe(6)
  })

  it('gives HTML blocks that carry the article’s own node ids new ones, keeping the article’s', async () => {
    await writeFile(join(dir, 'erst.txt'), 'Erster Absatz.')
    const id = await draft('--body-file', 'erst.txt')
    const [own] = blockIds((await json<{ body: PmNode }>('show', id)).body)
    await writeFile(
      join(dir, 'kopie.html'),
      `<p data-node-id="${own}" id="${own}">Kopie</p><p data-node-id="${own}">Noch eine</p>`
    )
    const after = await json<{ body: PmNode }>('update', id, '--append-body-file', 'kopie.html')
    expect(plainTextOf(after.body).split('\n\n')).toEqual(['Erster Absatz.', 'Kopie', 'Noch eine'])
    const ids = blockIds(after.body)
    expect(ids[0]).toBe(own)
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(3)
  })

  it('appends Markdown to a new draft without leaving its empty paragraph first', async () => {
    const id = await draft('--headline', 'Leer')
    await writeFile(
      join(dir, 'text.md'),
      '## Die Lage\n\nDer Pegel steigt **weiter**.\n\n- Altstadt\n- Neustadt\n'
    )
    const after = await json<{ body: PmNode }>('update', id, '--append-body-file', 'text.md')
    expect(after.body.content?.map((b) => b.type)).toEqual(['heading', 'paragraph', 'bulletList'])
    expect(plainTextOf(after.body)).toContain('Der Pegel steigt weiter.')
    expect(JSON.stringify(after.body)).toContain('"type":"bold"')
    const listed = await json<{ wordCount: number }[]>('list')
    expect(listed[0]?.wordCount).toBe(8)
  })

  it('refuses a missing file (exit 3), an unknown type and an empty file (exit 2), writing nothing', async () => {
    const id = await draft('--headline', 'Vorher')
    const before = await fileOf(id)
    const missing = await cli('update', id, '--append-body-file', 'fehlt.txt')
    expect(missing.code).toBe(3)
    expect(missing.stderr).toBe(
      `copydesk: --append-body-file ${join(dir, 'fehlt.txt')}: no such file\n`
    )
    await writeFile(join(dir, 'text.rtf'), '{\\rtf1 Hallo}')
    const rtf = await cli('update', id, '--append-body-file', 'text.rtf')
    expect(rtf.code).toBe(2)
    expect(rtf.stderr).toContain(`--append-body-file ${join(dir, 'text.rtf')}: unsupported type`)
    await writeFile(join(dir, 'leer.txt'), '\n\n  \n')
    const empty = await cli('update', id, '--append-body-file', 'leer.txt')
    expect(empty.code).toBe(2)
    expect(empty.stderr).toBe(
      `copydesk: update: --append-body-file ${join(dir, 'leer.txt')}: holds no text or images to append\n`
    )
    expect(await fileOf(id)).toBe(before)
  })

  it('appends a Word document: its title stays a heading, its photo goes to the desk, its notes to stderr', async () => {
    await writeFile(join(dir, 'story.docx'), await buildDocx(STORY))
    await writeFile(join(dir, 'vorspann.txt'), 'Vorab: die Lage am Morgen.')
    const id = await draft('--headline', 'Gipfel ohne Ergebnis', '--body-file', 'vorspann.txt')
    const run = await cli('update', id, '--append-body-file', 'story.docx', '--json')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr.trim().split('\n')).toEqual([
      '--append-body-file story.docx: tracked changes were taken as accepted: 1 insertion kept, 1 deletion dropped',
      '--append-body-file story.docx: 1 comment was not imported'
    ])
    const article = JSON.parse(run.stdout)
    expect(article).toEqual(await json('show', id))
    expect(article.headline).toBe('Gipfel ohne Ergebnis')
    const text = plainTextOf(article.body).split('\n\n')
    expect(text.slice(0, 2)).toEqual([
      'Vorab: die Lage am Morgen.',
      'Gipfel in Wladiwostok endet ohne Einigung'
    ])
    expect(article.body.content[1].type).toBe('heading')
    expect(plainTextOf(article.body)).toContain('teilte das Außenministerium mit')
    const assets = await json<{ id: string }[]>('assets')
    expect(assets).toHaveLength(1)
    expect(article.figures).toEqual([
      expect.objectContaining({
        assetId: assets[0]?.id,
        alt: 'Die Delegationen am Verhandlungstisch'
      })
    ])
    const ids = blockIds(article.body)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('does not import a Word document’s photos for an id the library does not hold', async () => {
    await writeFile(join(dir, 'story.docx'), await buildDocx(STORY))
    const run = await cli(
      'update',
      '0c9dfa0a-dbee-417b-8944-c1d2cdde806d',
      '--append-body-file',
      'story.docx'
    )
    expect(run.code).toBe(3)
    expect(await json('assets')).toEqual([])
  })
})

describe('copydesk update: the rest of the library follows', () => {
  it('list --json and search show the change at once', async () => {
    const id = await draft('--headline', 'Hochwasser an der Elbe', '--byline', 'Anna')
    await json(
      'update',
      id,
      '--headline',
      'Brückeneinsturz in Dresden',
      '--status',
      'ready',
      '--byline',
      'Max Muster'
    )
    const listed = await json<Record<string, unknown>[]>('list')
    expect(listed).toEqual([
      expect.objectContaining({
        id,
        headline: 'Brückeneinsturz in Dresden',
        status: 'ready',
        bylines: ['Max Muster']
      })
    ])
    const found = await json<{ id: string }[]>('search', 'bruckeneinsturz')
    expect(found.map((h) => h.id)).toEqual([id])
    expect(await json('search', 'hochwasser')).toEqual([])
    expect(
      (await json<{ id: string }[]>('search', 'muster', '--status', 'ready')).map((h) => h.id)
    ).toEqual([id])
  })

  it('keeps the text before the change as its own version in the history', async () => {
    // The draft was written three minutes ago, so the update starts a new version instead of
    // joining the draft's (saves within a minute share one).
    const then = new Date(Date.now() - 3 * 60_000)
    const app = await ArticleLibrary.open(library, { log: () => undefined, clock: () => then })
    let id: string
    try {
      id = (
        await app.create({
          headline: 'Erste Fassung',
          body: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Eins zwei drei.' }] }]
          }
        })
      ).id
    } finally {
      await app.close()
    }
    await writeFile(join(dir, 'mehr.txt'), 'Vier fünf.')
    await json('update', id, '--headline', 'Zweite Fassung', '--append-body-file', 'mehr.txt')
    const history = await json<{ versionId: string; wordCount: number; current: boolean }[]>(
      'history',
      id
    )
    expect(history.map((v) => [v.versionId, v.wordCount, v.current])).toEqual([
      ['2', 5, true],
      ['1', 3, false]
    ])
  })
})

describe('copydesk --help', () => {
  it('lists update with its options, also as copydesk update --help', async () => {
    for (const argv of [['--help'], ['update', '--help']]) {
      const run = await cli(...argv)
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('update ID [--kicker T] [--headline T] [--teaser T]')
      expect(run.stdout).toContain('[--status S] [--append-body-file FILE]')
      expect(run.stdout).toContain('4 while the app has the library')
    }
  })
})
