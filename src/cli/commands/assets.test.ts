import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hasExiftool, iimOnly, jpeg, xmpOnly } from '../../main/services/assets/__fixtures__/corpus'
import { runCaptured, type Captured } from '../__fixtures__/runCaptured'

let dir: string

async function cli(...argv: string[]): Promise<Captured> {
  return runCaptured(join(dir, 'library'), argv, { cwd: dir })
}

async function newArticle(headline: string): Promise<string> {
  const created = await cli('new', '--headline', headline)
  expect(created.code).toBe(0)
  return created.stdout.trim()
}

const exiftoolHere = await hasExiftool()

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-assets-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('copydesk attach', () => {
  it('fills one gallery over two --gallery calls, in argument order', async () => {
    const id = await newArticle('Fotostrecke')
    for (const n of [1, 2, 3]) await writeFile(join(dir, `${n}.jpg`), await jpeg(30 + n, 20))
    const first = await cli('attach', id, '2.jpg', '1.jpg', '--gallery')
    expect(first.code).toBe(0)
    expect(first.stderr).toBe('')
    const lines = first.stdout.trim().split('\n')
    expect(lines).toEqual([
      expect.stringMatching(/^2\.jpg: [0-9a-f]{64}$/),
      expect.stringMatching(/^1\.jpg: [0-9a-f]{64}$/)
    ])
    const second = await cli('attach', id, '3.jpg', '--gallery')
    expect(second.code).toBe(0)
    const ids = [...lines, second.stdout.trim()].map((l) => l.split(': ')[1])

    const shown = JSON.parse((await cli('show', id, '--json')).stdout)
    expect(shown.galleries).toHaveLength(1)
    expect(shown.galleries[0].items.map((i: { assetId: string }) => i.assetId)).toEqual(ids)
  })

  it('sets and replaces the lead, and --gallery-name makes and reuses a named gallery', async () => {
    const id = await newArticle('Aufmacher')
    await writeFile(join(dir, 'a.jpg'), await jpeg(40, 30))
    await writeFile(join(dir, 'b.jpg'), await jpeg(41, 30))
    const a = (await cli('attach', id, 'a.jpg', '--lead')).stdout.trim().split(': ')[1]
    const b = (await cli('attach', id, 'b.jpg', '--lead')).stdout.trim().split(': ')[1]
    await cli('attach', id, 'a.jpg', '--gallery-name', 'Hintergrund')
    await cli('attach', id, 'b.jpg', '--gallery-name', 'Hintergrund')
    await cli('attach', id, 'b.jpg', '--gallery')
    const shown = JSON.parse((await cli('show', id, '--json')).stdout)
    expect(shown.lead.assetId).toBe(b)
    expect(
      shown.galleries.map((g: { name: string | null; items: { assetId: string }[] }) => [
        g.name,
        g.items.map((i) => i.assetId)
      ])
    ).toEqual([['Hintergrund', [a, b, b]]])

    const two = await cli('attach', id, 'a.jpg', 'b.jpg', '--lead')
    expect(two.code).toBe(2)
    expect(two.stderr).toContain('--lead takes exactly one file (2 given)')
    expect((await cli('attach', id, 'a.jpg', '--lead', '--gallery')).code).toBe(2)
  })

  it('reports each bad file on stderr, still attaches the good ones, and exits 1', async () => {
    const id = await newArticle('Gemischt')
    await writeFile(join(dir, 'gut.jpg'), await jpeg(40, 30))
    await writeFile(join(dir, 'leer.jpg'), '')
    await writeFile(join(dir, 'notiz.jpg'), 'kein Bild\n')
    const run = await cli(
      'attach',
      id,
      'gut.jpg',
      'leer.jpg',
      'notiz.jpg',
      'fehlt.jpg',
      '--gallery'
    )
    expect(run.code).toBe(1)
    expect(run.stdout.trim()).toMatch(/^gut\.jpg: [0-9a-f]{64}$/)
    expect(run.stderr.trim().split('\n')).toEqual([
      'leer.jpg: “leer.jpg” is empty (0 bytes): there is no image in it',
      'notiz.jpg: “notiz.jpg” is not an image in a supported format (JPEG, PNG, WebP, TIFF, AVIF, GIF): it holds text',
      'fehlt.jpg: “fehlt.jpg” cannot be read: the file does not exist (moved or deleted during the import?)'
    ])
    const shown = JSON.parse((await cli('show', id, '--json')).stdout)
    expect(shown.galleries[0].items).toHaveLength(1)

    const json = await cli('attach', id, 'gut.jpg', 'leer.jpg', '--json')
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual([
      { file: 'gut.jpg', assetId: expect.stringMatching(/^[0-9a-f]{64}$/), duplicate: true },
      {
        file: 'leer.jpg',
        error: '“leer.jpg” is empty (0 bytes): there is no image in it',
        reason: 'empty'
      }
    ])
  })

  it('refuses an unknown article before importing anything (exit 3)', async () => {
    await writeFile(join(dir, 'a.jpg'), await jpeg(40, 30))
    const run = await cli('attach', '00000000-0000-4000-8000-000000000000', 'a.jpg', '--lead')
    expect(run.code).toBe(3)
    expect((await cli('assets', '--json')).stdout.trim()).toBe('[]')
  })
})

describe('copydesk assets and show --json', () => {
  it.skipIf(!exiftoolHere)(
    'lists assets with metadata and use; show prints effective values',
    async () => {
      const id = await newArticle('Zürich')
      await iimOnly(join(dir, 'iim.jpg'))
      await xmpOnly(join(dir, 'xmp.jpg'))
      const lead = await cli('attach', id, 'iim.jpg', '--lead')
      expect(lead.code).toBe(0)
      await cli('attach', id, 'xmp.jpg')

      const shown = JSON.parse((await cli('show', id, '--json')).stdout)
      expect(shown.lead).toEqual({
        assetId: lead.stdout.trim().split(': ')[1],
        caption: 'Zürich: Kundgebung vor dem Rathaus, Jörg’s Plakat',
        credit: 'dpa',
        photographer: 'Jörg Müller',
        alt: null
      })

      const listed = JSON.parse((await cli('assets', '--json')).stdout)
      expect(listed).toHaveLength(2)
      const iim = listed.find((a: { originalName: string }) => a.originalName === 'iim.jpg')
      expect(iim).toMatchObject({
        format: 'jpeg',
        width: 64,
        height: 48,
        credit: 'dpa',
        city: 'Zürich',
        usedIn: [{ articleId: id, headline: 'Zürich', role: 'lead' }]
      })
      const xmp = listed.find((a: { originalName: string }) => a.originalName === 'xmp.jpg')
      expect(xmp).toMatchObject({ credit: 'Reuters', usedIn: [] })

      const unused = await cli('assets', '--unused', '--json')
      expect(JSON.parse(unused.stdout).map((a: { id: string }) => a.id)).toEqual([xmp.id])
      const text = await cli('assets', '--search', 'zurich')
      expect(text.stdout).toContain('iim.jpg')
      expect(text.stdout).toContain(`used in: ${id} (Zürich)`)
      expect(text.stdout).not.toContain('xmp.jpg')
    }
  )
})
