/**
 * A library the user may only read (another user's, a read-only share): every read command
 * works and writes nothing; a command that would change it says why. Root reads and writes
 * everything, so the commands run in a child process that drops to `nobody` (65534) after
 * loading its code (__fixtures__/cliAsUser.ts), wherever this checkout lives.
 */
import { execFile } from 'node:child_process'
import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jpeg } from '../main/services/assets/__fixtures__/corpus'
import { runCaptured, type Captured } from './__fixtures__/runCaptured'

const run = promisify(execFile)
const fixture = fileURLToPath(new URL('./__fixtures__/cliAsUser.ts', import.meta.url))
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const NOBODY = 65534

const isRoot = process.getuid?.() === 0
if (!isRoot)
  console.warn(
    'readOnlyLibrary.test: not root, so it cannot run a command as another user; skipped'
  )

let dir: string
let library: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-readonly-'))
  // mkdtemp makes the folder 0700; nobody must be able to enter it to read the library.
  await chmod(dir, 0o755)
  library = join(dir, 'library')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** As root, the owner of the library. */
function owner(...argv: string[]): Promise<Captured> {
  return runCaptured(library, argv, { cwd: dir })
}

type Run = Captured & { uid: number }

/** As nobody, who may read the library but not write to it: the commands, in one process. */
async function reader(...commands: string[][]): Promise<Run[]> {
  const argvs = commands.map((argv) => ['--library', library, ...argv])
  const { stdout } = await run(
    process.execPath,
    ['--import', tsxLoader, fixture, String(NOBODY), String(NOBODY), dir, JSON.stringify(argvs)],
    { timeout: 60_000 }
  )
  return JSON.parse(stdout) as Run[]
}

/** Every path in the library with its size and change time: proof that nothing was written. */
async function snapshot(): Promise<string[]> {
  const out: string[] = []
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name)
      const st = await stat(path)
      out.push(`${path} ${entry.isDirectory() ? 'dir' : st.size} ${st.mtimeMs} ${st.ctimeMs}`)
      if (entry.isDirectory()) await walk(path)
    }
  }
  await walk(library)
  return out.sort()
}

describe.skipIf(!isRoot)('a library the user may only read', { timeout: 120_000 }, () => {
  it('shows, lists and searches an article library that has no assets folder', async () => {
    const created = await owner('new', '--headline', 'Koalition einigt sich', '--byline', 'Anna')
    const id = created.stdout.trim()
    const before = await snapshot()
    expect(before.some((line) => line.includes('/assets'))).toBe(false)

    const [shown, text, assets, list, found, history, trash] = await reader(
      ['show', id, '--json'],
      ['show', id],
      ['assets', '--json'],
      ['list', '--json'],
      ['search', 'koalition', '--json'],
      ['history', id],
      ['trash']
    )
    expect(shown?.uid).toBe(NOBODY)
    expect(shown).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(shown?.stdout ?? '')).toMatchObject({ id, headline: 'Koalition einigt sich' })
    expect(text).toMatchObject({ code: 0, stderr: '' })
    expect(text?.stdout).toContain('Koalition einigt sich')
    expect(assets).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(assets?.stdout ?? '')).toEqual([])
    expect(list).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(list?.stdout ?? '')).toEqual([expect.objectContaining({ id })])
    expect(found).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(found?.stdout ?? '')).toEqual([expect.objectContaining({ id })])
    expect(history).toMatchObject({ code: 0, stderr: '' })
    expect(trash).toMatchObject({ code: 0, stdout: 'The trash is empty.\n', stderr: '' })
    expect(await snapshot()).toEqual(before)
  })

  it('lists the photos of a library with assets and shows an article with its lead image', async () => {
    const id = (await owner('new', '--headline', 'Hochwasser')).stdout.trim()
    await writeFile(join(dir, 'pegel.jpg'), await jpeg(120, 80))
    const attached = await owner('attach', id, join(dir, 'pegel.jpg'), '--lead', '--json')
    expect(attached.code, attached.stderr).toBe(0)
    const [{ assetId }] = JSON.parse(attached.stdout) as { assetId: string }[]
    const before = await snapshot()

    const [assets, shown] = await reader(['assets', '--json'], ['show', id, '--json'])
    expect(assets).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(assets?.stdout ?? '')).toEqual([
      expect.objectContaining({ id: assetId, usedIn: [expect.objectContaining({ articleId: id })] })
    ])
    expect(shown).toMatchObject({ code: 0, stderr: '' })
    expect(shown?.stdout).toContain(assetId)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a change with a message saying the library cannot be written, and exit 5', async () => {
    const id = (await owner('new', '--headline', 'Hochwasser')).stdout.trim()
    const before = await snapshot()
    const [refused] = await reader(['delete', id])
    expect(refused?.code).toBe(5)
    expect(refused?.stderr).toBe(
      `copydesk: Cannot take the lock ${join(library, 'library.lock')}: permission denied; commands that only read still work\n`
    )
    expect(await snapshot()).toEqual(before)
  })
})
