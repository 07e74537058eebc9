import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openServices } from '..'
import { partFileFor, removeStalePartFiles } from './leftovers'

let root: string
/** The pid of a process that has ended. */
let deadPid: number

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-leftovers-'))
  deadPid = spawnSync(process.execPath, ['-e', '']).pid!
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** A part file name as `partFileFor` makes it, but as if made by `pid` (or another machine). */
function partName(target: string, pid: number, host?: string): string {
  const name = basename(partFileFor(target))
  const m = /^(\.paket\.zip\.)([0-9a-f]{8})-\d+-([0-9a-f]{12}\.part)$/.exec(name)!
  return `${m[1]}${host ?? m[2]}-${pid}-${m[3]}`
}

async function photo(file: string, seed: number): Promise<void> {
  await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: seed, g: 90, b: 30 } }
  })
    .jpeg()
    .toFile(file)
}

describe('removeStalePartFiles', () => {
  it('removes only parts of dead processes on this machine, reporting each', async () => {
    const dir = join(root, 'exports')
    await mkdir(dir)
    const target = join(dir, 'paket.zip')
    const dead = partName(target, deadPid)
    const alive = partName(target, process.pid)
    const elsewhere = partName(target, deadPid, 'abcdef01')
    const older = `.paket.zip.${deadPid}-0123456789ab.part`
    for (const name of [dead, alive, elsewhere, older, 'paket.zip', '.other.part']) {
      await writeFile(join(dir, name), 'x'.repeat(2048))
    }
    const notes = await removeStalePartFiles(dir)
    expect(notes.map((n) => basename(n.path)).sort()).toEqual([dead, older].sort())
    expect(notes[0].message).toMatch(
      /^Removed .*\.part \(0\.0 MB\), left by an export of "paket\.zip" that was interrupted$/
    )
    expect((await readdir(dir)).sort()).toEqual(
      ['.other.part', alive, elsewhere, 'paket.zip'].sort()
    )
  })
})

describe('sweep at open', () => {
  it('collects the orphan images of a killed import, keeps edited and used ones', async () => {
    const libraryDir = join(root, 'library')
    const s = await openServices({ libraryDir, version: 't', systemLocale: 'en' })
    const files = [0, 1, 2].map((i) => join(root, `p${i}.jpg`))
    for (const [i, f] of files.entries()) await photo(f, 40 + i * 60)
    const ids = (await s.assets.import(files.map((path) => ({ name: basename(path), path })))).map(
      (r) => ('assetId' in r ? r.assetId : '')
    )
    const [orphan, edited, used] = ids
    const e = await s.assets.get(edited)
    await s.assets.update(edited, e.revision, { caption: 'Von Hand beschriftet' })
    const article = await s.articles.create({ headline: 'Mit Bild' })
    await s.assets.attach(article.id, [used], { kind: 'lead' })
    await s.close()

    // What a package import killed before making its article leaves: a journal and a folder.
    const tmp = join(libraryDir, '.tmp')
    await mkdir(join(tmp, `import-${deadPid}-0123456789ab`, 'images'), { recursive: true })
    await writeFile(
      join(tmp, `import-${deadPid}-0123456789ab.assets.json`),
      JSON.stringify({ assets: ids.map((id) => ({ id, rev: 1 })) })
    )
    const again = await openServices({ libraryDir, version: 't', systemLocale: 'en' })
    try {
      const byKind = (kind: string): string[] =>
        again.leftovers.filter((n) => n.kind === kind).map((n) => n.message)
      expect(byKind('orphan-asset')).toEqual([
        expect.stringMatching(new RegExp(`^Removed image ${orphan} \\(\\d+\\.\\d MB\\)`))
      ])
      expect(byKind('kept-asset')).toEqual([
        `Kept image ${edited} from an interrupted package import: it was edited since`,
        expect.stringContaining(
          `Kept image ${used} from an interrupted package import: Asset ${used} is used in 1 article`
        )
      ])
      expect(byKind('import-folder')).toHaveLength(1)
      await expect(again.assets.get(orphan)).rejects.toThrow()
      expect((await again.assets.get(edited)).metadata.caption).toBe('Von Hand beschriftet')
      await again.assets.get(used)
      expect(await readdir(tmp)).toEqual([])
    } finally {
      await again.close()
    }
  })

  it('removes a killed export’s .part wherever its folder is, but not in a read-only open', async () => {
    const libraryDir = join(root, 'library2')
    const elsewhere = join(root, 'desk')
    await mkdir(elsewhere)
    const part = join(elsewhere, partName(join(elsewhere, 'paket.zip'), deadPid))
    await writeFile(part, Buffer.alloc(3 * 1024 * 1024))
    await mkdir(join(libraryDir, '.tmp'), { recursive: true })
    await writeFile(
      join(libraryDir, '.tmp', `export-${deadPid}-0123456789ab.json`),
      JSON.stringify({ part })
    )
    const reader = await openServices({
      libraryDir,
      version: 't',
      systemLocale: 'en',
      access: 'cli-read'
    })
    expect(reader.leftovers).toEqual([])
    await reader.close()
    expect(existsSync(part)).toBe(true)

    const s = await openServices({ libraryDir, version: 't', systemLocale: 'en' })
    await s.close()
    expect(s.leftovers.map((n) => n.message)).toEqual([
      `Removed ${part} (3.0 MB), left by an export of "paket.zip" that was interrupted`
    ])
    expect(existsSync(part)).toBe(false)
    expect(await readdir(join(libraryDir, '.tmp'))).toEqual([])
  })
})
