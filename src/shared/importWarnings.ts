/**
 * The photo import's warnings are English sentences the core writes and keeps in each asset
 * record (records written long ago carry them too). This reads the known kinds back into their
 * figures, so an interface in another language can say them in its own words.
 */
export type ImportWarning =
  | {
      kind: 'text-cut'
      /** The core's name of the field: `caption`, `usage terms`, `alt text` … */
      field: string
      length: number
      max: number
      before: string
      left: number
      after: string
    }
  | {
      kind: 'chunk-left-out'
      chunk: string
      keyword: string
      xmp: boolean
      together: boolean
      limitMb: number
    }
  | { kind: 'more-chunks'; count: number }
  | { kind: 'metadata-damaged' }

const TEXT_CUT =
  /^the (.+?) had ([\d,]+) characters, more than the ([\d,]+) a photo's text may have: it was cut after “…([\s\S]*)”, leaving out the last ([\d,]+) characters \(from “([\s\S]*)…”\)$/
const CHUNK_LEFT_OUT =
  /^the compressed PNG (\w+) chunk “([^”]*)”( \(the XMP metadata\))? was left out unread: (with the chunks before it, )?.*?more than (\d+) MB/
const MORE_CHUNKS = /^(\d+) more compressed PNG text chunks were left out unread the same way$/
const METADATA_DAMAGED = /^the photo's embedded metadata \(EXIF\/IPTC\/XMP\) is damaged/

const int = (text: string): number => Number(text.replace(/,/g, ''))

/** A warning's kind and figures, or null for a sentence of no known kind. */
export function parseImportWarning(warning: string): ImportWarning | null {
  const cut = TEXT_CUT.exec(warning)
  if (cut) {
    const [, field, length, max, before, left, after] = cut
    return {
      kind: 'text-cut',
      field: field!,
      length: int(length!),
      max: int(max!),
      before: before!,
      left: int(left!),
      after: after!
    }
  }
  const chunk = CHUNK_LEFT_OUT.exec(warning)
  if (chunk) {
    const [, type, keyword, xmp, together, limit] = chunk
    return {
      kind: 'chunk-left-out',
      chunk: type!,
      keyword: keyword!,
      xmp: Boolean(xmp),
      together: Boolean(together),
      limitMb: Number(limit)
    }
  }
  const more = MORE_CHUNKS.exec(warning)
  if (more) return { kind: 'more-chunks', count: Number(more[1]) }
  if (METADATA_DAMAGED.test(warning)) return { kind: 'metadata-damaged' }
  return null
}
