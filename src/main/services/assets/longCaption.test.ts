import { existsSync } from 'node:fs'
import { readdir, readFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCaptured, type Captured } from '../../../cli/__fixtures__/runCaptured'
import { ASSET_TEXT_MAX, assetRecordSchema } from '../../../shared/asset'
import { assetDir } from './assetResolver'
import { exiftool, hasExiftool, jpeg } from './__fixtures__/corpus'

const exiftoolHere = await hasExiftool()
if (!exiftoolHere) console.warn('longCaption.test: exiftool is missing, so these cases are skipped')

// A caption of 25,000 characters as an agency feed might carry it: words, umlauts, an emoji
// (a surrogate pair) right where a naive cut would split it.
const WORDS = 'Demonstranten ziehen durch die Kölner Innenstadt 📷 '
const LONG_CAPTION =
  `Anfang: ${WORDS.repeat(Math.ceil(25_000 / WORDS.length))}`.slice(0, 25_000) + ' ENDE'

let dir: string
let library: string
let articleId: string
let photo: string

async function cli(...argv: string[]): Promise<Captured> {
  return runCaptured(library, argv, { cwd: dir })
}

async function cliEnv(env: Record<string, string>, ...argv: string[]): Promise<Captured> {
  return runCaptured(library, argv, { cwd: dir, env })
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-long-caption-'))
  library = join(dir, 'library')
  photo = join(dir, 'lang.jpg')
  await writeFile(photo, await jpeg(1600, 1000, '#446688'))
  if (exiftoolHere) {
    await exiftool(
      photo,
      `-XMP-dc:Description=${LONG_CAPTION}`,
      '-XMP-photoshop:Credit=dpa',
      '-XMP-iptcCore:AltTextAccessibility=Menschen auf einer Straße'
    )
  }
  const created = await cli(
    'new',
    '--headline',
    'Demo in Köln',
    '--byline',
    'Anna Bäcker',
    '--json'
  )
  articleId = (JSON.parse(created.stdout) as { id: string }).id
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe.skipIf(!exiftoolHere)('a photo whose XMP caption is longer than an asset keeps', () => {
  let assetId: string

  it('is imported with the caption cut and a warning that says what was cut', async () => {
    const attached = await cli('attach', articleId, photo, '--lead', '--json')
    expect(attached.code).toBe(0)
    const [result] = JSON.parse(attached.stdout) as {
      assetId: string
      warnings: string[]
    }[]
    assetId = result.assetId
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatch(
      /^the caption had 25,005 characters, more than the 20,000 a photo's text may have: it was cut after “…[^”]+”, leaving out the last [\d,]+ characters \(from “[^”]+…”\)$/
    )
    expect(result.warnings[0]).toContain('Kölner')
  })

  it('stores a record that the next open reads: the photo desk lists it, cut at a word', async () => {
    const record = JSON.parse(
      await readFile(join(assetDir(library, assetId), 'asset.json'), 'utf8')
    ) as unknown
    expect(assetRecordSchema.safeParse(record).success).toBe(true)
    const listed = await cli('assets', '--json')
    expect(listed.code).toBe(0)
    const [asset] = JSON.parse(listed.stdout) as { id: string; caption: string }[]
    expect(asset.id).toBe(assetId)
    const caption = asset.caption
    expect(caption.length).toBeLessThanOrEqual(ASSET_TEXT_MAX)
    expect(caption.length).toBeGreaterThan(ASSET_TEXT_MAX - 100)
    expect(LONG_CAPTION.startsWith(caption.slice(0, -1))).toBe(true)
    expect(caption).toMatch(/\S…$/)
    // No half of a surrogate pair at the cut.
    expect(caption).not.toMatch(/\p{Cs}/u)
  })

  it('keeps its article checkable', async () => {
    const checked = await cli('check', articleId, '--json')
    expect(checked.code).not.toBe(5)
    const codes = (JSON.parse(checked.stdout) as { code: string }[]).map((f) => f.code)
    expect(codes).not.toContain('asset-unreadable')
    expect(codes).not.toContain('asset-missing')
  })

  it('reads a record an earlier import stored with the over-long caption', async () => {
    const file = join(assetDir(library, assetId), 'asset.json')
    const record = JSON.parse(await readFile(file, 'utf8')) as {
      metadata: { caption: string }
      embedded: { caption: string }
    }
    record.metadata.caption = LONG_CAPTION
    record.embedded.caption = LONG_CAPTION
    await writeFile(file, JSON.stringify(record, null, 2))

    const listed = await cli('assets', '--json')
    const [asset] = JSON.parse(listed.stdout) as {
      id: string
      caption: string
      warnings: string[]
    }[]
    expect(asset.id).toBe(assetId)
    expect(asset.caption.length).toBeLessThanOrEqual(ASSET_TEXT_MAX)
    expect(asset.warnings.some((w) => w.startsWith('the caption had 25,005 characters'))).toBe(true)
    const checked = await cli('check', articleId, '--json')
    expect(checked.code).not.toBe(5)
    const codes = (JSON.parse(checked.stdout) as { code: string }[]).map((f) => f.code)
    expect(codes).not.toContain('asset-unreadable')
    const out = join(dir, 'alt.zip')
    expect((await cli('export', articleId, '--out', out, '--force')).code).toBe(0)
    expect(existsSync(out)).toBe(true)
  })

  it('reports an asset record that does not parse as a finding, and exports with --force', async () => {
    const file = join(assetDir(library, assetId), 'asset.json')
    await writeFile(file, '{"schemaVersion": 1, "id": "kaputt"')

    const checked = await cli('check', articleId, '--json')
    expect(checked.code).toBe(1)
    const findings = JSON.parse(checked.stdout) as {
      code: string
      severity: string
      where: unknown
      message: string
    }[]
    const unreadable = findings.filter((f) => f.code === 'asset-unreadable')
    expect(unreadable).toEqual([
      {
        severity: 'error',
        code: 'asset-unreadable',
        where: { field: 'lead' },
        subject: 'Lead image',
        message: expect.stringMatching(
          /^Lead image: the library’s record of this photo cannot be read \(.*asset\.json is not valid JSON\)\. Import the photo again to repair it\.$/
        )
      }
    ])
    expect(findings.map((f) => f.code)).not.toContain('asset-missing')
    const german = await cliEnv({ LANG: 'de_DE.UTF-8' }, 'check', articleId)
    expect(german.stdout).toMatch(
      /Der Eintrag dieses Fotos in der Bibliothek ist nicht lesbar \(.*\)\. Importieren Sie das Foto erneut, um ihn zu reparieren\. \[asset-unreadable @ lead\]/
    )

    const refused = await cli('export', articleId, '--out', join(dir, 'nein.zip'))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('cannot be read')
    const out = join(dir, 'trotzdem.zip')
    const forced = await cli('export', articleId, '--out', out, '--force', '--json')
    expect(forced.code).toBe(0)
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK')
  })

  it('is repaired by importing the photo again: the damaged folder is set aside, not deleted', async () => {
    const again = await cli('attach', articleId, photo, '--lead', '--json')
    expect(again.code).toBe(0)
    const [result] = JSON.parse(again.stdout) as { assetId: string; warnings: string[] }[]
    expect(result.assetId).toBe(assetId)
    expect(
      result.warnings.some((w) => /record could not be read .* moved to .*quarantine/.test(w))
    ).toBe(true)
    const kept = (await readdir(join(library, 'quarantine'))).filter((n) =>
      n.startsWith(`asset-${assetId}.`)
    )
    expect(kept).toHaveLength(1)
    expect(await readFile(join(library, 'quarantine', kept[0], 'asset.json'), 'utf8')).toBe(
      '{"schemaVersion": 1, "id": "kaputt"'
    )
    const checked = await cli('check', articleId, '--json')
    const codes = (JSON.parse(checked.stdout) as { code: string }[]).map((f) => f.code)
    expect(codes).not.toContain('asset-unreadable')
  })
})
