/**
 * WebP and GIF files with an XMP packet, built here: sharp draws the picture, the XMP goes in by
 * hand where each format keeps it (sharp writes none into a GIF, and the tests need to control
 * the bytes: odd sizes, a missing end marker).
 */
import sharp, { type Sharp } from 'sharp'

/** An XMP packet with the newsroom fields the photo desk reads (values are XML-escaped). */
export function xmpPacket(fields: {
  caption?: string
  credit?: string
  creator?: string
  dateCreated?: string
}): string {
  const esc = (v: string): string =>
    v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  const parts: string[] = []
  if (fields.caption) {
    parts.push(
      `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(fields.caption)}</rdf:li></rdf:Alt></dc:description>`
    )
  }
  if (fields.creator) {
    parts.push(
      `<dc:creator><rdf:Seq><rdf:li>${esc(fields.creator)}</rdf:li></rdf:Seq></dc:creator>`
    )
  }
  if (fields.credit) parts.push(`<photoshop:Credit>${esc(fields.credit)}</photoshop:Credit>`)
  if (fields.dateCreated) {
    parts.push(`<photoshop:DateCreated>${esc(fields.dateCreated)}</photoshop:DateCreated>`)
  }
  return (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">' +
    parts.join('') +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  )
}

function picture(width: number, height: number): Sharp {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 120, sigma: 40 }
    }
  })
}

function riffChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.write(type, 0, 'latin1')
  head.writeUInt32LE(data.length, 4)
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)])
}

/**
 * A WebP in the extended format: VP8X (with the XMP flag), the image chunk sharp wrote, then an
 * `XMP ` chunk. `cut` leaves the chunk's declared size larger than the bytes that follow.
 */
export async function webpWithXmp(
  xmp: string,
  opts: { width?: number; height?: number; cut?: boolean } = {}
): Promise<Buffer> {
  const width = opts.width ?? 96
  const height = opts.height ?? 64
  const simple = await picture(width, height).webp({ quality: 80 }).toBuffer()
  if (simple.toString('latin1', 12, 16) !== 'VP8 ') throw new Error('sharp wrote no simple WebP')
  const image = simple.subarray(12)
  const vp8x = Buffer.alloc(10)
  vp8x[0] = 0x04 // XMP present
  vp8x.writeUIntLE(width - 1, 4, 3)
  vp8x.writeUIntLE(height - 1, 7, 3)
  const xmpChunk = riffChunk('XMP ', Buffer.from(xmp, 'utf8'))
  if (opts.cut) xmpChunk.writeUInt32LE(xmpChunk.length + 1000, 4)
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    riffChunk('VP8X', vp8x),
    image,
    xmpChunk
  ])
  const head = Buffer.alloc(8)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(body.length, 4)
  return Buffer.concat([head, body])
}

function subBlocks(data: Buffer): Buffer {
  const parts: Buffer[] = []
  for (let i = 0; i < data.length; i += 255) {
    const part = data.subarray(i, i + 255)
    parts.push(Buffer.from([part.length]), part)
  }
  parts.push(Buffer.from([0]))
  return Buffer.concat(parts)
}

/**
 * A GIF with the XMP application extension (`XMP DataXMP`, the packet as raw bytes and the
 * 258-byte magic trailer) right after the colour table, before the image. `noTrailer` leaves
 * the trailer out (the packet then in plain sub-blocks, as a careless writer might store it).
 */
export async function gifWithXmp(xmp: string, opts: { noTrailer?: boolean } = {}): Promise<Buffer> {
  const gif = await picture(80, 60).gif().toBuffer()
  const packed = gif[10] as number
  const at = 13 + (packed & 0x80 ? 3 * (1 << ((packed & 7) + 1)) : 0)
  const trailer = Buffer.alloc(258)
  trailer[0] = 0x01
  for (let i = 1; i <= 256; i++) trailer[i] = 256 - i
  trailer[257] = 0x00
  const packet = Buffer.from(xmp, 'utf8')
  const extension = Buffer.concat([
    Buffer.from([0x21, 0xff, 0x0b]),
    Buffer.from('XMP DataXMP', 'latin1'),
    // Without the trailer, the packet goes in as ordinary sub-blocks, so the GIF stays valid.
    opts.noTrailer ? subBlocks(packet) : Buffer.concat([packet, trailer])
  ])
  return Buffer.concat([gif.subarray(0, at), extension, gif.subarray(at)])
}
