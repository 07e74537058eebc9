import type { AssetFormat } from '../../../shared/asset'

/** What the first bytes of a file say it is, before any decoder sees it. */
export type Sniffed =
  | { kind: 'image'; format: AssetFormat }
  | { kind: 'empty' }
  | { kind: 'svg' }
  | { kind: 'other'; looksLike: 'text' | 'pdf' | 'binary' }

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs'])
const AVIF_BRANDS = new Set(['avif', 'avis'])

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let s = ''
  for (let i = from; i < Math.min(to, bytes.length); i++) s += String.fromCharCode(bytes[i])
  return s
}

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false
  return signature.every((b, i) => bytes[at + i] === b)
}

// ISO base media (HEIF family): the ftyp box lists a major brand and compatible brands.
function isoBrandFormat(bytes: Uint8Array): AssetFormat | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null
  const size = (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]
  const end = Math.min(size > 16 ? size : 16, bytes.length, 256)
  const brands = [ascii(bytes, 8, 12)]
  for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(bytes, i, i + 4))
  // AVIF first: an AVIF file often also lists the generic `mif1`, never a HEVC brand.
  if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif'
  if (brands.some((b) => HEIC_BRANDS.has(b))) return 'heic'
  return null
}

function looksLikeText(head: Uint8Array): boolean {
  let printable = 0
  for (const b of head) {
    if (b === 9 || b === 10 || b === 13 || (b >= 0x20 && b < 0x7f) || b >= 0x80) printable++
    else if (b === 0) return false
  }
  return printable / head.length > 0.95
}

/**
 * Identifies a photo format from its signature. Only known photo signatures pass, so SVG, PDF,
 * text and anything else never reach the image decoder.
 */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: 'empty' }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: 'image', format: 'png' }
  }
  const head6 = ascii(bytes, 0, 6)
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return { kind: 'image', format: 'gif' }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return { kind: 'image', format: 'webp' }
  }
  if (
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
    startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])
  ) {
    return { kind: 'image', format: 'tiff' }
  }
  const iso = isoBrandFormat(bytes)
  if (iso) return { kind: 'image', format: iso }

  const head = bytes.subarray(0, 4096)
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '')
  if (
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE\s+svg[^>]*>\s*)?<svg[\s>]/i.test(text)
  ) {
    return { kind: 'svg' }
  }
  if (/^\s*<\?xml/i.test(text) && /<svg[\s>]/i.test(text)) return { kind: 'svg' }
  if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'other', looksLike: 'pdf' }
  return { kind: 'other', looksLike: looksLikeText(head) ? 'text' : 'binary' }
}

/** File extension of the stored original for a format. */
export function extensionFor(format: AssetFormat): string {
  switch (format) {
    case 'jpeg':
      return 'jpg'
    case 'tiff':
      return 'tif'
    default:
      return format
  }
}
