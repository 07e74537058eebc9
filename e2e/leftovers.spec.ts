import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import sharp from 'sharp'

/*
 * SIGKILL in the middle of an export and of a package import, with the built CLI, then the next
 * run of Copydesk: what the killed process left must be removed and reported.
 */

const CLI = resolve(__dirname, '../out/cli/index.js')
const run = promisify(execFile)

interface CliResult {
  stdout: string
  stderr: string
}

function cli(library: string, ...args: string[]): Promise<CliResult> {
  return run(process.execPath, [CLI, '--library', library, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024
  })
}

/** A photo of noise: JPEG hardly compresses it, so a few of them make a slow, large export. */
async function noisePhoto(file: string, seed: number): Promise<void> {
  const width = 3000
  const height = 2000
  const pixels = Buffer.alloc(width * height * 3)
  let x = seed * 2654435761
  for (let i = 0; i < pixels.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    pixels[i] = x >>> 24
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 98 })
    .toFile(file)
}

/** Starts the CLI and SIGKILLs it as soon as `ready()` says the moment has come. */
async function killWhen(
  library: string,
  args: string[],
  ready: () => Promise<boolean>
): Promise<void> {
  const child = spawn(process.execPath, [CLI, '--library', library, ...args], { stdio: 'ignore' })
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  let killed = false
  while (child.exitCode === null) {
    if (await ready()) {
      child.kill('SIGKILL')
      killed = true
      break
    }
    await new Promise((r) => setTimeout(r, 5))
  }
  await exited
  expect(killed, 'the process was killed mid-way, not after it finished').toBe(true)
}

/** The asset folders (assets/<ab>/<id>) in a library. */
async function assetFolders(library: string): Promise<string[]> {
  const root = join(library, 'assets')
  const out: string[] = []
  for (const ab of await readdir(root).catch(() => [])) {
    if (!/^[0-9a-f]{2}$/.test(ab)) continue
    for (const id of await readdir(join(root, ab)).catch(() => [])) out.push(id)
  }
  return out
}

let work: string
let library: string
let articleId: string

test.beforeAll(async () => {
  test.setTimeout(240_000)
  work = await mkdtemp(join(tmpdir(), 'copydesk-leftovers-'))
  library = join(work, 'library')
  const photos: string[] = []
  for (let i = 0; i < 3; i++) {
    photos.push(join(work, `foto-${i}.jpg`))
    await noisePhoto(photos[i], i + 1)
  }
  articleId = (await cli(library, 'new', '--headline', 'Hochwasser an der Oder')).stdout.trim()
  await cli(library, 'attach', articleId, ...photos, '--gallery')
})

test.afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/**
 * Starts an export into a new folder `work/<folder>` and kills it once the package is being
 * written (the .part file has grown past its first image); returns the folder, the target and
 * the .part file it left.
 */
async function killedExport(
  folder: string
): Promise<{ out: string; target: string; left: string }> {
  const out = join(work, folder)
  await mkdir(out)
  const target = join(out, 'paket.zip')
  const part = async (): Promise<string | undefined> =>
    (await readdir(out)).find((n) => n.endsWith('.part'))
  await killWhen(library, ['export', articleId, '--out', target, '--force'], async () => {
    const name = await part()
    return name !== undefined && ((await stat(join(out, name)).catch(() => null))?.size ?? 0) > 1e6
  })
  const left = await part()
  expect(left).toBeDefined()
  return { out, target, left: left! }
}

test('a killed export leaves a .part file; the next open removes it and says so', async () => {
  test.setTimeout(240_000)
  const { out, target, left } = await killedExport('out')
  const leftBytes = (await stat(join(out, left))).size
  expect(existsSync(target)).toBe(false)
  console.log(`killed export left ${left} (${leftBytes} bytes)`)

  // The next write-open of the library, by any command, finds the export's record and cleans up.
  const next = await cli(library, 'new', '--headline', 'Nächster Entwurf')
  expect(next.stderr).toContain(`Removed ${join(out, left)}`)
  expect(next.stderr).toMatch(/left by an export of "paket\.zip" that was interrupted/)
  expect(await readdir(out)).toEqual([])
  expect(await readdir(join(library, '.tmp')).catch(() => [])).toEqual([])

  // And the export then works, with nothing to report.
  const again = await cli(library, 'export', articleId, '--out', target, '--force')
  expect(again.stderr).not.toContain('Removed')
  expect(await readdir(out)).toEqual(['paket.zip'])
})

test('a killed export is also cleaned up by the next export into the same folder', async () => {
  test.setTimeout(240_000)
  const { out, target, left } = await killedExport('out2')
  const next = await cli(library, 'export', articleId, '--out', target, '--force')
  expect(next.stderr).toContain(`Removed ${join(out, left)}`)
  expect(await readdir(out)).toEqual(['paket.zip'])
})

test('a killed package import leaves orphan images; the next open removes them and says so', async () => {
  test.setTimeout(240_000)
  const zip = join(work, 'import-me.zip')
  await cli(library, 'export', articleId, '--out', zip, '--force')
  const other = join(work, 'other-library')
  await cli(other, 'new', '--headline', 'Schon da')
  const articlesBefore = await readdir(join(other, 'articles'))

  // Killed once the first image is in the store, before the article exists.
  await killWhen(other, ['import-package', zip], async () => (await assetFolders(other)).length > 0)
  const orphans = await assetFolders(other)
  expect(orphans.length).toBeGreaterThan(0)
  expect(await readdir(join(other, 'articles'))).toEqual(articlesBefore)
  const tmpLeft = (await readdir(join(other, '.tmp'))).filter((n) => n.startsWith('import-'))
  expect(tmpLeft.length).toBeGreaterThan(0)
  console.log(`killed import left ${orphans.length} image(s) and ${tmpLeft.join(', ')}`)

  const next = await cli(other, 'new', '--headline', 'Nach dem Absturz')
  for (const id of orphans) {
    expect(next.stderr).toContain(`Removed image ${id}`)
  }
  expect(next.stderr).toMatch(/left by a package import that was interrupted/)
  expect(await assetFolders(other)).toEqual([])
  expect(await readdir(join(other, '.tmp'))).toEqual([])

  // The import then succeeds: one new article with its three images.
  const again = await cli(other, 'import-package', zip)
  expect(again.stderr).not.toContain('Removed')
  expect((await assetFolders(other)).length).toBe(3)
})
