// The icon script's ICO and ICNS files, read back entry by entry, and the committed icons checked
// against what the script draws from resources/icon.svg now.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES, makeIcons } from './icons.mjs'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
let out

function readIco(buf) {
  expect(buf.readUInt16LE(0)).toBe(0)
  expect(buf.readUInt16LE(2)).toBe(1)
  const count = buf.readUInt16LE(4)
  return Array.from({ length: count }, (_, i) => {
    const e = 6 + 16 * i
    const size = buf.readUInt8(e) || 256
    const length = buf.readUInt32LE(e + 8)
    const offset = buf.readUInt32LE(e + 12)
    return { size, png: buf.subarray(offset, offset + length) }
  })
}

function readIcns(buf) {
  expect(buf.toString('ascii', 0, 4)).toBe('icns')
  expect(buf.readUInt32BE(4)).toBe(buf.length)
  const entries = []
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at + 4)
    entries.push({
      type: buf.toString('ascii', at, at + 4),
      png: buf.subarray(at + 8, at + length)
    })
    at += length
  }
  return entries
}

async function pngSize(png) {
  const meta = await sharp(png).metadata()
  expect(meta.format).toBe('png')
  return meta.width === meta.height ? meta.width : -1
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'copydesk-icons-'))
  await makeIcons(join(repo, 'resources', 'icon.svg'), out)
})

afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('icons from resources/icon.svg', () => {
  it('makes an ICO whose entries are PNGs of the sizes it declares', async () => {
    const entries = readIco(readFileSync(join(out, 'icon.ico')))
    expect(entries.map((e) => e.size)).toEqual(ICO_SIZES)
    for (const e of entries) expect(await pngSize(e.png)).toBe(e.size)
  })

  it('makes an ICNS with every macOS PNG type at its pixel size', async () => {
    const entries = readIcns(readFileSync(join(out, 'icon.icns')))
    expect(entries.map((e) => e.type)).toEqual(ICNS_TYPES.map(([t]) => t))
    for (const e of entries) {
      expect(await pngSize(e.png)).toBe(ICNS_TYPES.find(([t]) => t === e.type)[1])
    }
  })

  it('makes the Linux icon set and a 1024 px PNG', async () => {
    for (const size of LINUX_SIZES) {
      expect(await pngSize(readFileSync(join(out, 'icons', `${size}x${size}.png`)))).toBe(size)
    }
    expect(await pngSize(readFileSync(join(out, 'icon.png')))).toBe(1024)
  })

  it('the committed icons are what the script draws from icon.svg (run `npm run icons`)', async () => {
    const pixels = (file) => sharp(file).resize(64, 64).raw().toBuffer()
    for (const file of ['icon.png', 'icons/256x256.png']) {
      const fresh = await pixels(join(out, file))
      const committed = await pixels(join(repo, 'resources', file))
      let worst = 0
      for (let i = 0; i < fresh.length; i++)
        worst = Math.max(worst, Math.abs(fresh[i] - committed[i]))
      expect(worst, file).toBeLessThan(24)
    }
    for (const file of ['icon.ico', 'icon.icns']) {
      const read = file.endsWith('.ico') ? readIco : readIcns
      const fresh = read(readFileSync(join(out, file)))
      const committed = read(readFileSync(join(repo, 'resources', file)))
      expect(committed.length, file).toBe(fresh.length)
    }
  })
})
