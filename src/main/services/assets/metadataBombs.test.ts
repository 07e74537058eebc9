import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportResult } from '../../../shared/asset'
import { ArticleLibrary } from '../library/articleLibrary'
import { AssetStore } from './assetStore'
import { exiftool, hasExiftool, rawXmp } from './__fixtures__/corpus'
import {
  BOMB_BYTES,
  compressedXmpPng,
  iccpBombPng,
  itxtBombPng,
  manyZtxtPng,
  plainPng,
  ztxtBombPng
} from './__fixtures__/hostileImages'

const run = promisify(execFile)
const exiftoolHere = await hasExiftool()

let root: string
let library: string
let articles: ArticleLibrary
let store: AssetStore

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-bombs-'))
  library = join(root, 'library')
  articles = await ArticleLibrary.open(library)
  store = await AssetStore.open(library, { articles })
})
afterAll(async () => {
  await store?.close()
  await articles?.close()
  await rm(root, { recursive: true, force: true })
})

async function importBytes(name: string, bytes: Buffer): Promise<ImportResult> {
  const [result] = await store.import([{ name, bytes }])
  return result
}

describe('compressed metadata in PNGs is bounded before it is inflated', () => {
  it('refuses a PNG whose colour profile (iCCP) inflates to 512 MB, naming the chunk', async () => {
    const bomb = await iccpBombPng()
    // Tiny on disk: the zeros compress about 1000:1.
    expect(bomb.length).toBeLessThan(BOMB_BYTES / 500)
    const before = store.size
    const result = await importBytes('profil.png', bomb)
    expect(result).toEqual({
      file: 'profil.png',
      error:
        '“profil.png” was refused: its colour profile (PNG iCCP chunk “ICC Profile”) would ' +
        'inflate to more than 16 MB, which no real colour profile does (a decompression bomb); ' +
        'nothing was imported',
      reason: 'bomb',
      params: { what: 'profile', limit: 16 }
    })
    expect(store.size).toBe(before)
    expect(await readdir(join(library, 'assets', '.tmp'))).toEqual([])
  })

  it('keeps the picture of a PNG with a zTXt bomb, leaving the chunk out with a warning', async () => {
    const result = await importBytes('kommentar.png', await ztxtBombPng())
    expect(result).toMatchObject({ file: 'kommentar.png', assetId: expect.any(String) })
    expect('warnings' in result && result.warnings).toEqual([
      'the compressed PNG zTXt chunk “Comment” was left out unread: it would inflate to more ' +
        'than 8 MB (the stored original still holds it)'
    ])
    const asset = await store.get((result as { assetId: string }).assetId)
    expect(asset).toMatchObject({ width: 64, height: 64, format: 'png' })
    expect(asset.warnings).toEqual((result as { warnings: string[] }).warnings)
  })

  it('stops inflating at 32 MB per file, and counts what it left out', async () => {
    // 200 chunks of 7 MB each: 1.4 GB together, each under the 8 MB ceiling.
    const result = await importBytes('viele.png', await manyZtxtPng(200, 7 * 1024 * 1024))
    expect(result).toMatchObject({ assetId: expect.any(String) })
    const warnings = (result as { warnings: string[] }).warnings
    expect(warnings).toHaveLength(6)
    expect(warnings[0]).toBe(
      'the compressed PNG zTXt chunk “Comment” was left out unread: with the chunks before it, ' +
        "the file's compressed metadata would inflate to more than 32 MB (the stored original " +
        'still holds it)'
    )
    // Four chunks (28 MB) fit the file's 32 MB; the fifth passes it, and so do the 195 after it.
    expect(warnings[5]).toBe(
      '191 more compressed PNG text chunks were left out unread the same way'
    )
  })

  it('does the same for a compressed iTXt chunk', async () => {
    const result = await importBytes('beschreibung.png', await itxtBombPng())
    expect('warnings' in result && result.warnings?.[0]).toMatch(
      /^the compressed PNG iTXt chunk “Description” was left out unread: it would inflate to more than 8 MB/
    )
  })

  it('leaves out compressed XMP that inflates past the ceiling, and says it is the XMP', async () => {
    const packet = rawXmp({ caption: 'Nie gelesen', credit: 'Bombe' })
    const result = await importBytes('xmp-bombe.png', await compressedXmpPng(packet, BOMB_BYTES))
    expect('warnings' in result && result.warnings).toEqual([
      'the compressed PNG iTXt chunk “XML:com.adobe.xmp” (the XMP metadata) was left out ' +
        'unread: it would inflate to more than 8 MB (the stored original still holds it)'
    ])
    const asset = await store.get((result as { assetId: string }).assetId)
    expect(asset.metadata.caption).toBeNull()
    expect(asset.metadata.credit).toBeNull()
  })

  it('reads ordinary compressed XMP, decoded once', async () => {
    const packet = rawXmp({
      caption: 'Smith &amp; Jones &lt;Ltd&gt; in K&#246;ln',
      credit: 'AT&amp;T'
    })
    const result = await importBytes('xmp.png', await compressedXmpPng(packet))
    expect(result).not.toHaveProperty('warnings')
    const asset = await store.get((result as { assetId: string }).assetId)
    expect(asset.metadata).toMatchObject({
      caption: 'Smith & Jones <Ltd> in Köln',
      credit: 'AT&T'
    })
  })

  it.skipIf(!exiftoolHere)('reads the XMP exiftool writes into a PNG', async () => {
    const file = join(root, 'exiftool.png')
    await writeFile(file, await plainPng())
    await exiftool(file, '-XMP-dc:Description=Rathaus & Markt <Bonn>', '-XMP-photoshop:Credit=KNA')
    const [result] = await store.import([{ name: 'exiftool.png', path: file }])
    expect(result).not.toHaveProperty('warnings')
    const asset = await store.get((result as { assetId: string }).assetId)
    expect(asset.metadata).toMatchObject({ caption: 'Rathaus & Markt <Bonn>', credit: 'KNA' })
  })

  it('imports a PNG with a real colour profile without a word', async () => {
    const png = await sharp(await plainPng())
      .withIccProfile('p3')
      .png()
      .toBuffer()
    expect((await sharp(png).metadata()).icc?.length).toBeGreaterThan(100)
    const result = await importBytes('p3.png', png)
    expect(result).toMatchObject({ assetId: expect.any(String) })
    expect(result).not.toHaveProperty('warnings')
  })
})

describe('peak memory of importing a hostile PNG (separate processes)', () => {
  const tsx = resolve('node_modules/tsx/dist/cli.mjs')
  const script = resolve('src/main/services/assets/__fixtures__/importPeakMemory.ts')

  async function peak(name: string, bytes: Buffer): Promise<{ result: ImportResult; mb: number }> {
    const file = join(root, name)
    await writeFile(file, bytes)
    const lib = await mkdtemp(join(root, 'lib-'))
    const { stdout } = await run(process.execPath, [tsx, script, lib, file], {
      maxBuffer: 1024 * 1024
    })
    const out = JSON.parse(stdout) as { result: ImportResult; maxRssMb: number }
    return { result: out.result, mb: out.maxRssMb }
  }

  it('stays near an ordinary PNG import for every kind of bomb', async () => {
    const normal = await peak('normal.png', await plainPng())
    expect(normal.result).toMatchObject({ assetId: expect.any(String) })
    const bombs = {
      iCCP: await peak('iccp.png', await iccpBombPng()),
      zTXt: await peak('ztxt.png', await ztxtBombPng()),
      iTXt: await peak('itxt.png', await itxtBombPng()),
      XMP: await peak('xmp.png', await compressedXmpPng(rawXmp({ caption: 'x' }), BOMB_BYTES))
    }
    console.log(
      `peak RSS of one import: ordinary 64x64 PNG ${normal.mb} MB; with a chunk inflating to ` +
        `${BOMB_BYTES / 1024 / 1024} MB: ` +
        Object.entries(bombs)
          .map(([k, v]) => `${k} ${v.mb} MB`)
          .join(', ')
    )
    expect('error' in bombs.iCCP.result && bombs.iCCP.result.error).toMatch(/iCCP/)
    for (const kind of ['zTXt', 'iTXt', 'XMP'] as const) {
      expect(bombs[kind].result).toMatchObject({ assetId: expect.any(String) })
    }
    // The ceilings are 16 MB (profile) and 8 MB (text); the bombs would be 512 MB.
    for (const { mb } of Object.values(bombs)) expect(mb).toBeLessThan(normal.mb + 48)
  }, 120_000)
})
