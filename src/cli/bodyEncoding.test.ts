import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { plainTextOf } from '../shared/articleText'
import { runCaptured } from './__fixtures__/runCaptured'
import { readBodyFile } from './bodyFile'

const TEXT = 'Größe „über“ die Straße – 5 €'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-encoding-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function file(name: string, bytes: Buffer): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}

async function textOf(name: string, bytes: Buffer): Promise<string> {
  return plainTextOf(await readBodyFile(await file(name, bytes)))
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le')
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]]
  return le
}

// Windows-1252 bytes built by hand: „ 0x84, “ 0x93, – 0x96, € 0x80, ö 0xF6, ü 0xFC, ß 0xDF.
const CP1252 = Buffer.from([
  ...Buffer.from('Gr', 'latin1'),
  0xf6,
  0xdf,
  0x65,
  0x20,
  0x84,
  ...Buffer.from('\u00fcber', 'latin1'),
  0x93,
  ...Buffer.from(' die Stra', 'latin1'),
  0xdf,
  0x65,
  0x20,
  0x96,
  0x20,
  0x35,
  0x20,
  0x80
])

describe('body file encodings that are read', () => {
  it('UTF-8 without and with a byte order mark (the mark is not text)', async () => {
    expect(await textOf('a.txt', Buffer.from(TEXT))).toBe(TEXT)
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# ${TEXT}`)])
    expect(await textOf('a.md', withBom)).toBe(TEXT)
  })

  it('UTF-16LE and UTF-16BE with a byte order mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${TEXT}\n\nZwei`, 'utf16le')])
    expect(await textOf('le.txt', le)).toBe(`${TEXT}\n\nZwei`)
    const html = `<html><head><meta charset="utf-16"></head><body><p>${TEXT}</p></body></html>`
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(html)])
    expect(await textOf('be.html', be)).toBe(TEXT)
  })

  it('HTML that declares windows-1252 or iso-8859-1 (meta charset, http-equiv, XML)', async () => {
    const wrap = (head: string): Buffer =>
      Buffer.concat([Buffer.from(`${head}<p>`, 'latin1'), CP1252, Buffer.from('</p>', 'latin1')])
    expect(await textOf('a.html', wrap('<meta charset=windows-1252>'))).toBe(TEXT)
    const equiv = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    // WHATWG reads iso-8859-1 as windows-1252, as browsers do.
    expect(await textOf('b.htm', wrap(equiv))).toBe(TEXT)
    expect(await textOf('c.html', wrap('<?xml version="1.0" encoding="windows-1252"?>'))).toBe(TEXT)
  })

  it('HTML saved as UTF-8 under a stale Latin-1 declaration is read as UTF-8', async () => {
    const html = `<meta charset="iso-8859-1"><p>${TEXT}</p>`
    expect(await textOf('stale.html', Buffer.from(html))).toBe(TEXT)
  })
})

describe('body file encodings that are refused, with the file and the reason', () => {
  it.each([
    ['latin1.txt', CP1252, /is not UTF-8: byte 3 \(line 1\) is 0xF6; save it as UTF-8/],
    ['latin1.md', CP1252, /is not UTF-8: byte 3 .*save it as UTF-8/],
    [
      'undeclared.html',
      Buffer.concat([Buffer.from('<p>'), CP1252]),
      /is not UTF-8: byte 6 .*declare its charset/
    ],
    [
      'lying.html',
      Buffer.concat([Buffer.from('<meta charset="utf-8"><p>'), CP1252]),
      /declares UTF-8 but byte 28 \(line 1\) is not UTF-8/
    ],
    [
      'nobom.txt',
      Buffer.from('Hallo Welt', 'utf16le'),
      /looks like UTF-16 without a byte order mark/
    ],
    [
      'utf32.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('H\0\0\0')]),
      /is UTF-32/
    ],
    ['odd.txt', Buffer.from([0xff, 0xfe, 0x41]), /odd number of bytes/],
    [
      'klingon.html',
      Buffer.from('<meta charset="x-klingon"><p>Qapla’</p>'),
      /declares charset "x-klingon", which Copydesk cannot read/
    ]
  ])('%s', async (name, bytes, reason) => {
    const path = await file(name, bytes)
    await expect(readBodyFile(path)).rejects.toThrow(`--body-file ${path}: `)
    await expect(readBodyFile(path)).rejects.toThrow(reason)
  })

  it('copydesk new exits 2 naming the file, and creates nothing', async () => {
    const path = await file('brief.txt', Buffer.concat([Buffer.from('Zeile eins\n'), CP1252]))
    const library = join(dir, 'library')
    const created = await runCaptured(library, ['new', '--body-file', 'brief.txt'], { cwd: dir })
    expect(created.code).toBe(2)
    expect(created.stderr).toBe(
      `copydesk: --body-file ${path}: is not UTF-8: byte 14 (line 2) is 0xF6; ` +
        'save it as UTF-8 (it may be Windows-1252 or Latin-1)\n'
    )
    expect((await runCaptured(library, ['list'], { cwd: dir })).stdout).toBe('No drafts yet.\n')
  })
})
