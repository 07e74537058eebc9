import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { safeUnzip } from '../packages/safeUnzip'
import { AHEAD, PackageZipWriter } from './zipWriter'

const run = promisify(execFile)
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-zip-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const image = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251))
const text = Buffer.from('{"überschrift": "Köln"}\n'.repeat(200), 'utf8')

async function write(name: string, forceZip64: boolean): Promise<string> {
  const file = join(dir, name)
  const writer = new PackageZipWriter(file, new Date(2024, 4, 2, 14, 30, 0), { forceZip64 })
  writer.add('images/001.jpg', async () => image, { compress: false })
  writer.add('article.ninjs.json', async () => text, { compress: true })
  writer.add('manifest.json', async () => Buffer.from(JSON.stringify(writer.written)), {
    compress: true
  })
  await writer.finish()
  return file
}

describe('PackageZipWriter', () => {
  it.each([
    ['plain', false],
    ['ZIP64', true]
  ])('writes a %s archive that yauzl and Info-ZIP read back byte for byte', async (kind, zip64) => {
    const file = await write(`${kind}.zip`, zip64)
    const out = join(dir, `${kind}-out`)
    const entries = await safeUnzip(file, out)
    expect(entries.map((e) => e.path)).toEqual([
      'images/001.jpg',
      'article.ninjs.json',
      'manifest.json'
    ])
    expect((await readFile(join(out, 'images/001.jpg'))).equals(image)).toBe(true)
    expect((await readFile(join(out, 'article.ninjs.json'))).equals(text)).toBe(true)
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))
    expect(manifest).toEqual([
      {
        path: 'images/001.jpg',
        bytes: image.length,
        sha256: createHash('sha256').update(image).digest('hex')
      },
      {
        path: 'article.ninjs.json',
        bytes: text.length,
        sha256: createHash('sha256').update(text).digest('hex')
      }
    ])
    const zip = await readFile(file)
    // The image is stored: its bytes sit in the archive as they are.
    expect(zip.includes(image)).toBe(true)
    expect(zip.length).toBeLessThan(image.length + text.length)
    const hasUnzip = await run('unzip', ['-v']).then(
      () => true,
      () => false
    )
    if (!hasUnzip) {
      console.log('unzip is not installed: the Info-ZIP check is skipped')
      return
    }
    const tested = await run('unzip', ['-t', file])
    expect(tested.stdout).toMatch(/No errors detected/)
    const listing = await run('unzip', ['-v', file])
    expect(listing.stdout).toMatch(/Stored.*2024-05-02 14:30.*images\/001\.jpg/)
    expect(listing.stdout).toMatch(/Defl:N.*article\.ninjs\.json/)
  })

  it('produces entries marked prefetch ahead of the writes, in order, and the rest in their turn', async () => {
    const file = join(dir, 'ahead.zip')
    const writer = new PackageZipWriter(file, new Date())
    const log: string[] = []
    for (let i = 0; i < AHEAD + 3; i++) {
      writer.add(
        `images/${i}.jpg`,
        async () => {
          log.push(`start ${i} after ${writer.written.length} written`)
          return Buffer.alloc(1000, i)
        },
        { compress: false, prefetch: true }
      )
    }
    writer.add(
      'manifest.json',
      async () => {
        log.push(`manifest after ${writer.written.length} written`)
        return Buffer.from(JSON.stringify(writer.written))
      },
      { compress: true }
    )
    await writer.finish()
    // Sources start in order; while entry 0 is written, entries 1 to AHEAD + 1 are under way.
    expect(log.slice(0, AHEAD + 2).map((l) => l.split(' after')[0])).toEqual(
      Array.from({ length: AHEAD + 2 }, (_, i) => `start ${i}`)
    )
    expect(log[1]).toBe('start 1 after 0 written')
    expect(log.at(-1)).toBe(`manifest after ${AHEAD + 3} written`)
    const entries = await safeUnzip(file, join(dir, 'ahead-out'))
    expect(entries.map((e) => e.path)).toEqual([
      ...Array.from({ length: AHEAD + 3 }, (_, i) => `images/${i}.jpg`),
      'manifest.json'
    ])
  })

  it('stops with the error of a source produced ahead, writing nothing after it', async () => {
    const writer = new PackageZipWriter(join(dir, 'fails.zip'), new Date())
    const started: number[] = []
    for (let i = 0; i < 6; i++) {
      writer.add(
        `images/${i}.jpg`,
        async () => {
          started.push(i)
          if (i === 2) throw new Error('picture 2 is unreadable')
          return Buffer.alloc(10, i)
        },
        { compress: false, prefetch: true }
      )
    }
    await expect(writer.finish()).rejects.toThrow('picture 2 is unreadable')
    expect(writer.written.map((w) => w.path)).toEqual(['images/0.jpg', 'images/1.jpg'])
    // Sources ahead of the failing one may have started, never one past the window.
    expect(Math.max(...started)).toBeLessThanOrEqual(2 + AHEAD)
  })

  it('refuses unsafe entry names and never replaces an existing file', async () => {
    const writer = new PackageZipWriter(join(dir, 'x.zip'), new Date())
    expect(() => writer.add('../evil', async () => Buffer.alloc(1), { compress: false })).toThrow(
      /relative path/
    )
    const existing = join(dir, 'existing.zip')
    await writeFile(existing, 'mine')
    const other = new PackageZipWriter(existing, new Date())
    await expect(other.finish()).rejects.toThrow(/EEXIST/)
    expect(await readFile(existing, 'utf8')).toBe('mine')
  })
})
