import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { overlapBomb, WINDOWS_DEVICE_NAMES } from './__fixtures__/hostilePackages'
import { rawZip, type RawEntry } from './__fixtures__/rawZip'
import { safeUnzip } from './safeUnzip'

let root: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-unzip-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

async function unzip(
  entries: RawEntry[],
  limits?: Parameters<typeof safeUnzip>[2]
): Promise<string> {
  const zip = join(root, 'package.zip')
  await writeFile(zip, rawZip(entries))
  await safeUnzip(zip, join(root, 'out'), limits)
  return join(root, 'out')
}

const file = (name: string, text = 'x'): RawEntry => ({ name, data: Buffer.from(text) })

describe('safeUnzip', () => {
  it('unpacks a well-formed package', async () => {
    const out = await unzip([
      file('article.ninjs.json', '{}'),
      file('images/a/original.jpg', 'jpeg')
    ])
    expect(await readFile(join(out, 'images/a/original.jpg'), 'utf8')).toBe('jpeg')
  })

  it.each([
    // yauzl's own check speaks first for some names; either way the message names the problem.
    ['../evil.txt', /relative path/],
    ['images/../../evil.txt', /relative path/],
    ['/etc/evil', /absolute path/],
    ['C:/Windows/evil', /absolute path|drive-letter/],
    ['c:evil', /absolute path|drive-letter/],
    ['images\\..\\evil', /backslash|invalid characters/],
    ['a/./b', /relative path/],
    ['evil.txt.', /ends with a dot/],
    ['con:stream', /not allowed on Windows/],
    ['bad\u0000name', /control character|invalid characters/]
  ])('refuses the entry %j and writes nothing', async (name, why) => {
    await expect(unzip([file('ok.txt'), file(name)])).rejects.toThrow(why)
    expect(existsSync(join(root, 'out'))).toBe(false)
    expect(await readdir(root)).toEqual(['package.zip'])
  })

  it('refuses a symbolic link', async () => {
    await expect(
      unzip([{ name: 'link', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }])
    ).rejects.toThrow('symbolic link')
  })

  it.each([
    ['same name twice', 'a.txt', 'a.txt'],
    ['case duplicates', 'Image.JPG', 'image.jpg'],
    ['Unicode-form duplicates', 'M\u00fcnchen.txt', 'Mu\u0308nchen.txt']
  ])('refuses %s', async (_label, a, b) => {
    await expect(unzip([file(a), file(b)])).rejects.toThrow('duplicate name')
  })

  it('refuses a ZIP bomb by its compression ratio before writing', async () => {
    const zeros = Buffer.alloc(32 * 1024 * 1024)
    await expect(unzip([{ name: 'bomb.bin', data: zeros, deflate: true }])).rejects.toThrow(
      'ZIP bomb'
    )
    expect(existsSync(join(root, 'out'))).toBe(false)
  })

  it('refuses declared sizes above the limits', async () => {
    await expect(
      unzip([file('big.bin', 'x'.repeat(2048))], {
        maxEntries: 10,
        maxEntryBytes: 1024,
        maxTotalBytes: 10_000,
        maxRatio: 100
      })
    ).rejects.toThrow('more than 1024')
  })

  it('stops an entry whose bytes exceed what it declared, and removes what was written', async () => {
    await expect(
      unzip([
        file('first.txt'),
        { name: 'liar.bin', data: Buffer.alloc(5000, 1), declaredSize: 10 }
      ])
    ).rejects.toThrow(/size mismatch|more bytes than declared/)
    expect(existsSync(join(root, 'out'))).toBe(false)
  })

  it('refuses a file that is not a ZIP, naming it', async () => {
    const zip = join(root, 'notes.zip')
    await writeFile(zip, 'just text')
    await expect(safeUnzip(zip, join(root, 'out'))).rejects.toThrow(`Package ${zip} refused`)
  })

  it.each(WINDOWS_DEVICE_NAMES)(
    'refuses the Windows device name %j on every OS, writing nothing',
    async (name) => {
      await expect(unzip([file('ok.txt'), file(name)])).rejects.toThrow(
        /is a device name on Windows/
      )
      expect(await readdir(root)).toEqual(['package.zip'])
    }
  )

  it('refuses entries that share one local record (overlap bomb) before writing', async () => {
    const zip = join(root, 'package.zip')
    await writeFile(
      zip,
      overlapBomb({ entries: 50, entryBytes: 1000, deflate: false, manifest: false })
    )
    await expect(safeUnzip(zip, join(root, 'out'))).rejects.toThrow(
      /at entry "images\/0001\.jpg": overlaps entry "images\/0000\.jpg"/
    )
    expect(existsSync(join(root, 'out'))).toBe(false)
  })

  it('refuses a deflated 64 KiB+ entry above the ratio, not only entries above 1 MiB', async () => {
    await expect(
      unzip([{ name: 'small-bomb.bin', data: Buffer.alloc(512 * 1024), deflate: true }])
    ).rejects.toThrow('ZIP bomb')
  })
})
