/**
 * Hostile images, built at test time (nothing large is committed): real pictures from sharp
 * with chunks added whose compressed content would inflate to hundreds of megabytes.
 */
import { crc32, createDeflate } from 'node:zlib'
import sharp from 'sharp'

const PNG_HEADER_END = 8 + 25 // signature + IHDR chunk

/** One PNG chunk: length, type, data, CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/**
 * A zlib stream of `prefix` followed by `zeros` zero bytes (about 1 KB per MB of zeros), made a
 * megabyte at a time so the test itself never holds the inflated size.
 */
export function deflated(prefix: Buffer, zeros: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const deflate = createDeflate({ level: 9 })
    const out: Buffer[] = []
    deflate.on('data', (c: Buffer) => out.push(c))
    deflate.on('end', () => resolve(Buffer.concat(out)))
    deflate.on('error', reject)
    deflate.write(prefix)
    const block = Buffer.alloc(1024 * 1024)
    let left = zeros
    const pump = (): void => {
      while (left > 0) {
        const n = Math.min(left, block.length)
        left -= n
        if (!deflate.write(block.subarray(0, n))) {
          deflate.once('drain', pump)
          return
        }
      }
      deflate.end()
    }
    pump()
  })
}

const zeroStreams = new Map<number, Promise<Buffer>>()

/** A zlib stream that inflates to `bytes` zero bytes (made once per size). */
export function deflatedZeros(bytes: number): Promise<Buffer> {
  let pending = zeroStreams.get(bytes)
  if (!pending) {
    pending = deflated(Buffer.alloc(0), bytes)
    zeroStreams.set(bytes, pending)
  }
  return pending
}

/** An ordinary 64 × 64 PNG (a picture, not one colour). */
export async function plainPng(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 64, channels: 3, background: '#2a6f97' } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="64" height="64"><circle cx="32" cy="32" r="20" fill="#f4a261"/></svg>'
        )
      }
    ])
    .png()
    .toBuffer()
}

/** `png` with `chunks` inserted right after IHDR (where iCCP, zTXt and iTXt may stand). */
export function withChunks(png: Buffer, ...chunks: Buffer[]): Buffer {
  return Buffer.concat([png.subarray(0, PNG_HEADER_END), ...chunks, png.subarray(PNG_HEADER_END)])
}

/** iCCP: profile name, NUL, compression method 0, zlib stream. */
export function iccpChunk(name: string, zlibData: Buffer): Buffer {
  return pngChunk('iCCP', Buffer.concat([Buffer.from(`${name}\0\0`, 'latin1'), zlibData]))
}

/** zTXt: keyword, NUL, compression method 0, zlib stream. */
export function ztxtChunk(keyword: string, zlibData: Buffer): Buffer {
  return pngChunk('zTXt', Buffer.concat([Buffer.from(`${keyword}\0\0`, 'latin1'), zlibData]))
}

/** iTXt: keyword, NUL, compression flag and method, empty language and translated keyword. */
export function itxtChunk(keyword: string, text: Buffer, compressed: boolean): Buffer {
  const head = Buffer.concat([
    Buffer.from(`${keyword}\0`, 'latin1'),
    Buffer.from([compressed ? 1 : 0, 0, 0, 0])
  ])
  return pngChunk('iTXt', Buffer.concat([head, text]))
}

/** How far the hostile chunks inflate: far beyond any ceiling, tiny on disk. */
export const BOMB_BYTES = 512 * 1024 * 1024

/** A 64 × 64 PNG whose colour profile (iCCP) inflates to `bytes` zeros. */
export async function iccpBombPng(bytes = BOMB_BYTES): Promise<Buffer> {
  return withChunks(await plainPng(), iccpChunk('ICC Profile', await deflatedZeros(bytes)))
}

/** A 64 × 64 PNG with a zTXt comment that inflates to `bytes` zeros. */
export async function ztxtBombPng(bytes = BOMB_BYTES): Promise<Buffer> {
  return withChunks(await plainPng(), ztxtChunk('Comment', await deflatedZeros(bytes)))
}

/** A 64 × 64 PNG with a compressed iTXt description that inflates to `bytes` zeros. */
export async function itxtBombPng(bytes = BOMB_BYTES): Promise<Buffer> {
  return withChunks(await plainPng(), itxtChunk('Description', await deflatedZeros(bytes), true))
}

/**
 * A 64 × 64 PNG whose XMP (iTXt `XML:com.adobe.xmp`) is compressed: the packet, then `padding`
 * zero bytes, so it inflates to the packet's size plus the padding.
 */
export async function compressedXmpPng(packet: string, padding = 0): Promise<Buffer> {
  const zlibData = await deflated(Buffer.from(packet, 'utf8'), padding)
  return withChunks(await plainPng(), itxtChunk('XML:com.adobe.xmp', zlibData, true))
}

/**
 * A 64 × 64 PNG with `count` zTXt chunks that each inflate to `each` zeros: every one below the
 * per-chunk ceiling, together far above the per-file one.
 */
export async function manyZtxtPng(count: number, each: number): Promise<Buffer> {
  const chunk = ztxtChunk('Comment', await deflatedZeros(each))
  return withChunks(await plainPng(), ...Array.from({ length: count }, () => chunk))
}
