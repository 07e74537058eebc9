import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assetDir } from '../../main/services/assets/assetResolver'
import { hasExiftool, iimOnly, jpeg } from '../../main/services/assets/__fixtures__/corpus'
import { ArticleLibrary } from '../../main/services/library/articleLibrary'
import { runCaptured, type Captured } from '../__fixtures__/runCaptured'

let dir: string
let library: string

async function cli(...argv: string[]): Promise<Captured> {
  return runCaptured(library, argv, { cwd: dir })
}

async function cliIn(lang: string, ...argv: string[]): Promise<Captured> {
  return runCaptured(library, argv, { cwd: dir, env: { LANG: lang } })
}

/** Imports a plain photo (used by no article) through the CLI and returns its id. */
async function importPhoto(name = 'rathaus.jpg'): Promise<string> {
  await writeFile(join(dir, name), await jpeg(64, 48))
  const article = (await cli('new', '--headline', 'Fotos')).stdout.trim()
  const imported = await cli('attach', article, name)
  expect(imported.code, imported.stderr).toBe(0)
  return imported.stdout.trim().split(': ')[1]
}

async function shown(id: string): Promise<Record<string, unknown>> {
  const run = await cli('asset', id, '--json')
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout)
}

async function recordText(id: string): Promise<string> {
  return readFile(join(assetDir(library, id), 'asset.json'), 'utf8')
}

const exiftoolHere = await hasExiftool()

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-asset-'))
  library = join(dir, 'library')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('copydesk asset: changing the photo desk fields', () => {
  const flags = [
    ['--caption', 'caption', 'Blick über den Marktplatz & das Rathaus'],
    ['--credit', 'credit', 'Foto: Jörg Müller / dpa'],
    ['--photographer', 'photographer', 'Jörg Müller'],
    ['--source', 'source', 'dpa-Bildfunk'],
    ['--copyright', 'copyright', '© dpa 2026'],
    ['--usage-terms', 'usageTerms', 'Nur für redaktionelle Zwecke, "nicht" für Werbung'],
    ['--alt', 'alt', 'Das Rathaus mit Uhrturm, davor ein Wochenmarkt']
  ] as const

  it.each(flags)(
    '%s sets its field, saved in asset.json; "" clears it',
    async (flag, field, value) => {
      const id = await importPhoto()
      const set = await cli('asset', id, flag, `  ${value} `, '--json')
      expect(set.code, set.stderr).toBe(0)
      const json = JSON.parse(set.stdout)
      expect(json[field]).toBe(value)
      expect(json.revision).toBe(2)
      // Only that field changed.
      for (const [, other] of flags) if (other !== field) expect(json[other]).toBeNull()
      expect(JSON.parse(await recordText(id)).metadata[field]).toBe(value)

      const cleared = await cli('asset', id, flag, '')
      expect(cleared.code, cleared.stderr).toBe(0)
      expect((await shown(id))[field]).toBeNull()
      expect(JSON.parse(await recordText(id)).metadata[field]).toBeNull()
    }
  )

  it('sets several fields at once as one undo step; repeating the command writes nothing', async () => {
    const id = await importPhoto()
    const argv = ['asset', id, '--caption', 'Markt', '--credit', 'dpa', '--focal', '0.42,0.31']
    expect((await cli(...argv)).code).toBe(0)
    const once = JSON.parse(await recordText(id))
    expect(once).toMatchObject({ revision: 2, focal: { x: 0.42, y: 0.31 } })
    expect(once.history).toHaveLength(1)
    expect(once.history[0].previous).toMatchObject({ caption: null, credit: null, focal: null })

    const text = await recordText(id)
    const again = await cli(...argv)
    expect(again.code).toBe(0)
    expect(await recordText(id)).toBe(text)
  })

  it('--focal sets the point (spaces allowed, four decimals kept) and "" removes it', async () => {
    const id = await importPhoto()
    expect((await shown(id)).focal).toBeNull()
    expect((await cli('asset', id, '--focal', '0.42,0.31')).code).toBe(0)
    expect((await shown(id)).focal).toEqual({ x: 0.42, y: 0.31 })
    expect((await cli('asset', id, '--focal', ' 1 , 0 ')).code).toBe(0)
    expect((await shown(id)).focal).toEqual({ x: 1, y: 0 })
    expect((await cli('asset', id, '--focal', '0.123456,.5')).code).toBe(0)
    expect((await shown(id)).focal).toEqual({ x: 0.1235, y: 0.5 })
    expect(JSON.parse(await recordText(id)).focal).toEqual({ x: 0.1235, y: 0.5 })
    const cleared = await cli('asset', id, '--focal', '', '--json')
    expect(cleared.code).toBe(0)
    expect(JSON.parse(cleared.stdout).focal).toBeNull()
    expect(JSON.parse(await recordText(id)).focal).toBeNull()
  })

  it('--focal makes the stored 16:9 and 1:1 crops again around the new point', async () => {
    // 64 × 48, white in the left half: the square (48 × 48) at the left edge shows white at
    // x = 20, at the right edge (x from 16) the colour half.
    const id = await importPhoto()
    const square = join(assetDir(library, id), 'crop-1x1.jpg')
    const redAt20 = async (): Promise<number> => {
      const { data } = await sharp(square)
        .extract({ left: 20, top: 24, width: 1, height: 1 })
        .raw()
        .toBuffer({ resolveWithObject: true })
      return data[0]
    }
    expect((await cli('asset', id, '--focal', '0,0.5')).code).toBe(0)
    expect(await redAt20()).toBeGreaterThan(200)
    expect((await cli('asset', id, '--focal', '1,0.5')).code).toBe(0)
    expect(await redAt20()).toBeLessThan(100)
    const sidecar = JSON.parse(await readFile(join(assetDir(library, id), 'crops.json'), 'utf8'))
    expect(sidecar.files.map((f: { file: string }) => f.file)).toEqual([
      'crop-16x9.jpg',
      'crop-1x1.jpg'
    ])
  })

  it('keeps line breaks and tabs in the caption', async () => {
    const id = await importPhoto()
    const ok = await cli('asset', id, '--caption', 'Zeile eins\nZeile zwei\tmit Tab')
    expect(ok.code, ok.stderr).toBe(0)
    expect((await shown(id)).caption).toBe('Zeile eins\nZeile zwei\tmit Tab')
  })
})

describe('copydesk asset: refusals', () => {
  it('exits 2 for a bad value, says what and where, and leaves the record as it was', async () => {
    const id = await importPhoto()
    expect((await cli('asset', id, '--caption', 'Vorher')).code).toBe(0)
    const before = await recordText(id)
    const cases: [string[], string][] = [
      [['--focal', '1.5,0.2'], '--focal 1.5,0.2: X is 1.5, outside 0..1'],
      [['--focal=-0.1,0.5'], '--focal -0.1,0.5: X is -0.1, outside 0..1'],
      [['--focal', '0.5,1.01'], 'Y is 1.01, outside 0..1 (0 is the top edge, 1 the bottom)'],
      [['--focal', '0.5'], '--focal "0.5" is not two numbers X,Y'],
      [['--focal', '0.5,0.5,0.5'], 'is not two numbers X,Y'],
      [['--focal', 'links,oben'], 'is not two numbers X,Y'],
      [['--focal', 'NaN,0.5'], 'is not two numbers X,Y'],
      [['--focal', '1e-1,0.5'], 'is not two numbers X,Y'],
      [
        ['--credit', 'dpa\u001b]0;x\u0007'],
        '--credit: contains the control character U+001B at character 4; one-line fields take none'
      ],
      [['--photographer', 'Jörg\nMüller'], '--photographer: contains the control character U+000A'],
      [['--source', 'a\tb'], '--source: contains the control character U+0009 at character 2'],
      [['--copyright', '©\u0085'], '--copyright: contains the control character U+0085'],
      [
        ['--caption', 'Text\u001b[2J'],
        '--caption: contains the control character U+001B at character 5; only tabs and line breaks are allowed'
      ],
      [['--alt', 'x\u0000'], '--alt: contains the control character U+0000'],
      [
        ['--usage-terms', 'ä'.repeat(20_001)],
        "--usage-terms has 20,001 characters; a photo's text may have at most 20,000"
      ],
      [['--caption'], "Option '--caption <value>' argument missing"],
      [['--caption', 'x', '--colour', 'rot'], "Unknown option '--colour'"]
    ]
    for (const [args, message] of cases) {
      const run = await cli('asset', id, ...args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toContain(message)
      expect(run.stdout).toBe('')
    }
    const json = await cli('asset', id, '--focal', '2,2', '--json')
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'invalid-input', message: expect.stringContaining('X is 2, outside 0..1') }
    })
    expect(await recordText(id)).toBe(before)

    expect((await cli('asset')).code).toBe(2)
    expect((await cli('asset', id, id)).stderr).toContain('one asset id at a time')
  })

  it('exits 3 for an unknown asset, with and without changes, and changes nothing', async () => {
    const id = await importPhoto()
    const before = await recordText(id)
    const unknown = 'f'.repeat(64)
    for (const argv of [
      ['asset', unknown],
      ['asset', unknown, '--caption', 'x'],
      ['asset', 'kein-foto', '--focal', '0.5,0.5']
    ]) {
      const run = await cli(...argv)
      expect(run.code, argv.join(' ')).toBe(3)
      expect(run.stderr).toContain(`No asset with id ${argv[1]}`)
    }
    const json = await cli('asset', unknown, '--json')
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'not-found', message: `No asset with id ${unknown}` }
    })
    expect(await recordText(id)).toBe(before)
  })

  it('exits 5 naming the file when the asset record is damaged, and leaves it as it is', async () => {
    const id = await importPhoto()
    await writeFile(join(assetDir(library, id), 'asset.json'), '{"schemaVersion":1,')
    for (const argv of [
      ['asset', id],
      ['asset', id, '--credit', 'dpa']
    ]) {
      const run = await cli(...argv)
      expect(run.code, argv.join(' ')).toBe(5)
      expect(run.stderr).toContain(`Asset ${id}: ${join(assetDir(library, id), 'asset.json')}`)
    }
    expect(await recordText(id)).toBe('{"schemaVersion":1,')
  })

  it('shows while the app holds the library, but refuses changes with exit 4', async () => {
    const id = await importPhoto()
    const app = await ArticleLibrary.open(library, { log: () => undefined })
    try {
      const read = await cli('asset', id, '--json')
      expect(read.code).toBe(0)
      expect(JSON.parse(read.stdout).id).toBe(id)
      const refused = await cli('asset', id, '--credit', 'dpa')
      expect(refused.code).toBe(4)
      expect(refused.stderr).toContain(`pid ${process.pid} on ${hostname()}`)
      expect((await cli('asset', id, '--focal', '0.5,0.5')).code).toBe(4)
    } finally {
      await app.close()
    }
    expect((await shown(id)).credit).toBeNull()
    expect((await cli('asset', id, '--credit', 'dpa')).code).toBe(0)
  })
})

describe('copydesk asset: what it prints', () => {
  it.skipIf(!exiftoolHere)(
    '--json is the asset as `assets --json` lists it, plus focal and fromFile',
    async () => {
      const article = (await cli('new', '--headline', 'Demo in Zürich')).stdout.trim()
      await iimOnly(join(dir, 'iim.jpg'))
      const id = (await cli('attach', article, 'iim.jpg', '--lead')).stdout.trim().split(': ')[1]
      const edited = await cli(
        'asset',
        id,
        '--caption',
        'Neue Bildunterschrift',
        '--focal',
        '0.25,0.75',
        '--json'
      )
      expect(edited.code, edited.stderr).toBe(0)
      const detail = JSON.parse(edited.stdout)
      const [listed] = JSON.parse((await cli('assets', '--json')).stdout)
      const { focal, fromFile, ...rest } = detail
      expect(rest).toEqual(listed)
      expect(Object.keys(detail)).toEqual([...Object.keys(listed), 'focal', 'fromFile'])
      expect(focal).toEqual({ x: 0.25, y: 0.75 })
      expect(detail.caption).toBe('Neue Bildunterschrift')
      expect(detail.usedIn).toEqual([
        { articleId: article, headline: 'Demo in Zürich', role: 'lead' }
      ])
      // What the file carried stays, whatever the desk changed.
      expect(fromFile).toEqual({
        caption: 'Zürich: Kundgebung vor dem Rathaus, Jörg’s Plakat',
        headline: 'Großdemo in Zürich',
        photographer: 'Jörg Müller',
        credit: 'dpa',
        source: 'dpa-Bildfunk',
        copyright: '© dpa 2024',
        usageTerms: null,
        dateCreated: expect.stringMatching(/^2024-05-02/),
        city: 'Zürich',
        country: 'Schweiz',
        alt: null
      })
    }
  )

  it.skipIf(!exiftoolHere)(
    'prints a readable block, labelled in English or German as LANG says',
    async () => {
      await iimOnly(join(dir, 'iim.jpg'))
      const article = (await cli('new', '--headline', 'Demo')).stdout.trim()
      const id = (await cli('attach', article, 'iim.jpg', '--gallery-name', 'Bilder')).stdout
        .trim()
        .split(': ')[1]
      expect(
        (await cli('asset', id, '--caption', 'Zeile eins\nZeile zwei', '--credit', '')).code
      ).toBe(0)

      const en = await cliIn('en_GB.UTF-8', 'asset', id)
      expect(en.code).toBe(0)
      const lines = en.stdout.trimEnd().split('\n')
      expect(lines[0]).toBe(`Photo ${id}`)
      expect(en.stdout).toMatch(/^ {2}File: +iim\.jpg · JPEG · 64 × 48 · \d+ KB$/m)
      expect(en.stdout).toMatch(/^ {2}Imported: +\S+ · revision 2$/m)
      // A second line of the caption is indented under the first.
      const caption = lines.findIndex((l) => l.startsWith('  Caption:'))
      expect(lines[caption]).toMatch(/Caption: +Zeile eins$/)
      const column = lines[caption].indexOf('Zeile eins')
      expect(lines[caption + 1]).toBe(`${' '.repeat(column)}Zeile zwei`)
      expect(en.stdout).toMatch(/^ {2}Credit: +\(none\)$/m)
      expect(en.stdout).toMatch(/^ {2}Photographer: +Jörg Müller$/m)
      expect(en.stdout).toMatch(/^ {2}Focal point: +\(none: crops keep the middle\)$/m)
      expect(en.stdout).toMatch(
        new RegExp(`^ {2}Used in: +${article} \\(Demo\\): gallery “Bilder”$`, 'm')
      )
      expect(en.stdout).toMatch(
        /^ {2}In the file when imported:\n {4}Caption: +Zürich: Kundgebung/m
      )
      expect(en.stdout).toMatch(/^ {4}Credit: +dpa$/m)

      expect((await cli('asset', id, '--focal', '0.42,0.31')).code).toBe(0)
      const de = await cliIn('de_DE.UTF-8', 'asset', id)
      expect(de.stdout.split('\n')[0]).toBe(`Foto ${id}`)
      expect(de.stdout).toMatch(/^ {2}Bildtext: +Zeile eins$/m)
      expect(de.stdout).toMatch(/^ {2}Quelle: +\(leer\)$/m)
      expect(de.stdout).toMatch(/^ {2}Fokuspunkt: +0\.42, 0\.31$/m)
      expect(de.stdout).toMatch(/^ {2}Importiert: +\S+ · Version 3$/m)
      expect(de.stdout).toMatch(/^ {2}Verwendet in: +\S+ \(Demo\): Galerie/m)
      expect(de.stdout).toContain('  In der Datei beim Import:\n')
      expect(de.stdout).toMatch(/^ {4}Ort: +Zürich$/m)
    }
  )

  it('says when the file carried no text', async () => {
    const id = await importPhoto()
    const run = await cli('asset', id)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('  In the file when imported:\n    (no text in the file)\n')
    expect(run.stdout).toMatch(/^ {2}Caption: +\(none\)$/m)
  })
})
