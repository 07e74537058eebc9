// Makes the installers' icons from resources/icon.svg: icon.png (1024 px), icons/NxN.png (Linux),
// icon.icns (macOS) and icon.ico (Windows), each made of PNG images rendered by sharp.
// `node scripts/icons.mjs [OUT_DIR]` (default: resources/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** PNG sizes per icon file. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512]
/** ICNS entry types that hold PNG data, with their pixel size (the @2x types count pixels). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512]
]

async function renderPng(svg, size) {
  // The SVG is drawn at the target size (not scaled down from one bitmap) so small icons stay crisp.
  return sharp(svg, { density: Math.max(72, (72 * size) / 64) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer()
}

/** An ICO file whose images are PNGs (Windows Vista and later read these). */
export function buildIco(images) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  const entries = []
  let offset = 6 + 16 * images.length
  for (const { size, png } of images) {
    const e = Buffer.alloc(16)
    e.writeUInt8(size >= 256 ? 0 : size, 0)
    e.writeUInt8(size >= 256 ? 0 : size, 1)
    e.writeUInt8(0, 2)
    e.writeUInt8(0, 3)
    e.writeUInt16LE(1, 4)
    e.writeUInt16LE(32, 6)
    e.writeUInt32LE(png.length, 8)
    e.writeUInt32LE(offset, 12)
    offset += png.length
    entries.push(e)
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)])
}

/** An ICNS file: 'icns', total length, then (type, length, PNG) per entry, lengths big-endian. */
export function buildIcns(entries) {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const total = 8 + chunks.reduce((n, c) => n + c.length, 0)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(total, 4)
  return Buffer.concat([head, ...chunks])
}

/** Writes every icon file into `outDir`; returns the paths written. */
export async function makeIcons(svgFile, outDir) {
  const svg = readFileSync(svgFile)
  const sizes = [...new Set([...ICO_SIZES, ...LINUX_SIZES, ...ICNS_TYPES.map(([, s]) => s)])]
  const pngs = new Map()
  for (const size of sizes) pngs.set(size, await renderPng(svg, size))
  mkdirSync(join(outDir, 'icons'), { recursive: true })
  const written = []
  const write = (file, bytes) => {
    writeFileSync(file, bytes)
    written.push(file)
  }
  write(join(outDir, 'icon.png'), pngs.get(1024))
  for (const size of LINUX_SIZES)
    write(join(outDir, 'icons', `${size}x${size}.png`), pngs.get(size))
  write(
    join(outDir, 'icon.ico'),
    buildIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) })))
  )
  write(
    join(outDir, 'icon.icns'),
    buildIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) })))
  )
  return written
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(root, 'resources'))
  const written = await makeIcons(join(root, 'resources', 'icon.svg'), outDir)
  process.stdout.write(`${written.map((f) => `wrote ${f}`).join('\n')}\n`)
}
