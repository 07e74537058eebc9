import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportResult } from '../../../shared/asset'
import { AssetStore } from './assetStore'
import { gifWithXmp, webpWithXmp, xmpPacket } from './__fixtures__/containerXmp'

const run = promisify(execFile)

let dir: string
let store: AssetStore

const FIELDS = {
  caption: 'Fähre über den Bodensee bei Überlingen – „Nebel“ & Sonne',
  credit: 'dpa/Jörg Müller',
  creator: 'Jörg Müller',
  dateCreated: '2025-10-03T08:15:00+02:00'
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-webp-gif-xmp-'))
  const articles = {
    list: async () => [],
    get: async () => Promise.reject(new Error('none')),
    save: async () => Promise.reject(new Error('none'))
  }
  store = await AssetStore.open(join(dir, 'library'), { articles })
})
afterAll(async () => {
  await store?.close()
  await rm(dir, { recursive: true, force: true })
})

async function importBytes(name: string, bytes: Buffer): Promise<ImportResult> {
  const file = join(dir, name)
  await writeFile(file, bytes)
  const [result] = await store.import([{ name, path: file }])
  return result as ImportResult
}

async function exiftoolReads(file: string): Promise<Record<string, unknown> | null> {
  try {
    const { stdout } = await run('exiftool', ['-j', '-XMP:all', file])
    return (JSON.parse(stdout) as Record<string, unknown>[])[0] ?? null
  } catch {
    return null
  }
}

describe('IPTC/XMP inside WebP and GIF', () => {
  it('reads the XMP chunk of a WebP as the photo desk’s caption, credit, photographer, date', async () => {
    const bytes = await webpWithXmp(xmpPacket(FIELDS))
    // The fixture is a WebP others read too (where exiftool is installed).
    await writeFile(join(dir, 'check.webp'), bytes)
    const seen = await exiftoolReads(join(dir, 'check.webp'))
    if (seen) expect(seen.Description).toBe(FIELDS.caption)
    expect((await sharp(bytes).metadata()).format).toBe('webp')

    const result = await importBytes('faehre.webp', bytes)
    if ('error' in result) throw new Error(result.error)
    const asset = await store.get(result.assetId)
    expect(asset.format).toBe('webp')
    expect(asset.metadata).toMatchObject({
      caption: FIELDS.caption,
      credit: FIELDS.credit,
      photographer: FIELDS.creator,
      dateCreated: FIELDS.dateCreated
    })
    expect(asset.embedded.caption).toBe(FIELDS.caption)
    expect(asset.warnings).toEqual([])
  })

  it('reads the XMP application extension of a GIF', async () => {
    const bytes = await gifWithXmp(xmpPacket(FIELDS))
    await writeFile(join(dir, 'check.gif'), bytes)
    const seen = await exiftoolReads(join(dir, 'check.gif'))
    if (seen) expect(seen.Description).toBe(FIELDS.caption)
    expect((await sharp(bytes).metadata()).format).toBe('gif')

    const result = await importBytes('faehre.gif', bytes)
    if ('error' in result) throw new Error(result.error)
    const asset = await store.get(result.assetId)
    expect(asset.format).toBe('gif')
    expect(asset.metadata).toMatchObject({
      caption: FIELDS.caption,
      credit: FIELDS.credit,
      photographer: FIELDS.creator
    })
  })

  it('refuses a WebP cut short; imports a GIF whose XMP has no end, with a warning and no text', async () => {
    // A chunk that runs past the end makes the whole WebP unreadable: refused, naming the file.
    const cut = await importBytes(
      'kaputt.webp',
      await webpWithXmp(xmpPacket(FIELDS), { cut: true })
    )
    expect('error' in cut && cut.error).toMatch(/kaputt\.webp/)
    const noEnd = await importBytes(
      'ohne-ende.gif',
      await gifWithXmp(xmpPacket(FIELDS), { noTrailer: true })
    )
    if ('error' in noEnd) throw new Error(noEnd.error)
    const gif = await store.get(noEnd.assetId)
    expect(gif.metadata.caption).toBeNull()
    expect(gif.warnings.join(' ')).toMatch(/XMP \(GIF application extension\) has no end marker/)
  })

  it('leaves WebP and GIF without XMP without text and without warnings', async () => {
    const plainWebp = await sharp({
      create: { width: 20, height: 20, channels: 3, background: '#123456' }
    })
      .webp()
      .toBuffer()
    const result = await importBytes('leer.webp', plainWebp)
    if ('error' in result) throw new Error(result.error)
    const asset = await store.get(result.assetId)
    expect(asset.metadata.caption).toBeNull()
    expect(asset.warnings).toEqual([])
  })
})
