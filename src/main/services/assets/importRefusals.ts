import type { AssetFormat, ImportRefusalParams, ImportRefusalReason } from '../../../shared/asset'
import { errnoCode } from '../storage/fsErrors'
import type { DecodeFailure, DroppedChunk } from './decodePool'
import type { Sniffed } from './sniffFormat'

/*
 * What the photo desk refuses to import and how it says so: the limits, and one message per
 * refusal that names the file and the reason in words a user can act on. The import pipeline
 * decides when; this module alone decides what is said.
 */

/** Images above this many pixels are refused from their header, before any decoding. */
export const DEFAULT_MAX_PIXELS = 100_000_000
/** Files larger than this are refused before they are read. */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024

/** Leaves metadata warnings readable when a file holds thousands of chunks. */
const NAMED_DROPPED_CHUNKS = 5

const HEIC_ADVICE =
  'export it as JPEG and import that (on an iPhone: Settings › Camera › Formats › Most ' +
  'Compatible; on a Mac: open it in Preview, File › Export…, Format JPEG)'

/**
 * A file the import refuses: its message is complete (it names the file) and goes to the user
 * as it is. Any other error is wrapped by {@link importFailed}. The reason and its figures travel
 * with it so the interface can say the same in its own language.
 */
export class ImportRefusal extends Error {
  readonly reason: ImportRefusalReason
  readonly params: ImportRefusalParams

  constructor(
    message: string,
    reason: ImportRefusalReason = 'failed',
    params: ImportRefusalParams = {}
  ) {
    super(message)
    this.reason = reason
    this.params = params
  }
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024)
}

function megapixels(pixels: number): number {
  return Math.round(pixels / 100_000) / 10
}

export function quoted(name: string): string {
  return `“${name}”`
}

function pixelCount(pixels: number): string {
  const mp = pixels / 1_000_000
  if (mp >= 10) return `${mp.toFixed(0)} megapixels`
  if (mp >= 0.1) return `${mp.toFixed(1)} megapixels`
  return `${pixels} pixels`
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`
}

function droppedWarning(d: DroppedChunk): string {
  const xmp = d.keyword === 'XML:com.adobe.xmp' ? ' (the XMP metadata)' : ''
  const why = d.whole
    ? `with the chunks before it, the file's compressed metadata would inflate to more than ${megabytes(d.limit)}`
    : `it would inflate to more than ${megabytes(d.limit)}`
  return (
    `the compressed PNG ${d.chunk} chunk “${d.keyword}”${xmp} was left out unread: ${why} ` +
    `(the stored original still holds it)`
  )
}

/** The message for an import that failed for a reason no refusal rule names. */
export function importFailed(name: string, error: unknown): string {
  return `${quoted(name)} could not be imported: ${(error as Error).message ?? String(error)}`
}

export function cancelledMessage(name: string): string {
  return `${quoted(name)} was not imported: the import was cancelled`
}

export function refuseTooLarge(name: string, size: number, maxFileBytes: number): never {
  throw new ImportRefusal(
    `${quoted(name)} is ${(size / 1024 / 1024).toFixed(0)} MB, larger than the ${(maxFileBytes / 1024 / 1024).toFixed(0)} MB an image may have here`,
    'too-large',
    { size: mb(size), limit: mb(maxFileBytes) }
  )
}

export function refuseNotAFile(name: string, isFolder: boolean): never {
  throw isFolder
    ? new ImportRefusal(`${quoted(name)} is a folder, not an image file`, 'folder')
    : new ImportRefusal(`${quoted(name)} is not a regular file`, 'not-a-file')
}

/** Why a file given by path could not be read, by its errno code. */
export function unreadable(name: string, error: unknown): ImportRefusal {
  const n = quoted(name)
  switch (errnoCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ImportRefusal(
        `${n} cannot be read: the file does not exist (moved or deleted during the import?)`,
        'missing'
      )
    case 'EACCES':
    case 'EPERM':
      return new ImportRefusal(`${n} cannot be read: permission denied`, 'permission')
    case 'EISDIR':
      return new ImportRefusal(`${n} is a folder, not an image file`, 'folder')
    default:
      return new ImportRefusal(`${n} cannot be read: ${(error as Error).message}`, 'unreadable')
  }
}

/** Refuses what the first bytes show is no image in a supported format. */
export function refuseUnsniffed(name: string, sniffed: Exclude<Sniffed, { kind: 'image' }>): never {
  const n = quoted(name)
  switch (sniffed.kind) {
    case 'empty':
      throw new ImportRefusal(`${n} is empty (0 bytes): there is no image in it`, 'empty')
    case 'svg':
      throw new ImportRefusal(
        `${n} is an SVG drawing, not a photo: SVG files are refused (export it as PNG or JPEG to use it as an image)`,
        'svg'
      )
    case 'other':
      throw new ImportRefusal(
        `${n} is not an image in a supported format (JPEG, PNG, WebP, TIFF, AVIF, GIF)` +
          (sniffed.looksLike === 'text'
            ? ': it holds text'
            : sniffed.looksLike === 'pdf'
              ? ': it is a PDF'
              : ''),
        'not-an-image',
        { looksLike: sniffed.looksLike ?? '' }
      )
  }
}

/** Refuses what the decoder worker could not or would not decode (pixel limit, bombs, damage). */
export function refuseUndecodable(
  name: string,
  format: AssetFormat,
  failure: DecodeFailure,
  maxPixels: number
): never {
  const n = quoted(name)
  if (failure.stage === 'pixels') {
    const w = failure.width ?? 0
    const h = failure.height ?? 0
    throw new ImportRefusal(
      `${n} is ${w} × ${h} pixels (${pixelCount(w * h)}), above the limit of ` +
        `${pixelCount(maxPixels)}: refused without decoding it`,
      'too-many-pixels',
      { width: w, height: h, megapixels: megapixels(w * h), limit: megapixels(maxPixels) }
    )
  }
  if (failure.stage === 'bomb') {
    const what = failure.chunk === 'iCCP' ? 'colour profile' : 'metadata'
    throw new ImportRefusal(
      `${n} was refused: its ${what} (PNG ${failure.chunk} chunk${failure.keyword ? ` “${failure.keyword}”` : ''}) ` +
        `would inflate to more than ${megabytes(failure.limit ?? 0)}, which no real ${what} does ` +
        `(a decompression bomb); nothing was imported`,
      'bomb',
      { what: failure.chunk === 'iCCP' ? 'profile' : 'metadata', limit: mb(failure.limit ?? 0) }
    )
  }
  if (format === 'heic' && failure.stage !== 'worker') {
    throw new ImportRefusal(
      `${n} is a HEIC photo, which this installation cannot decode: ${HEIC_ADVICE}`,
      'heic'
    )
  }
  if (failure.stage === 'worker') {
    throw new ImportRefusal(`${n} could not be processed: ${failure.message}`, 'failed')
  }
  const reason = failure.message.split('\n')[0]
  throw new ImportRefusal(
    `${n} is damaged or not a complete ${format.toUpperCase()} image and cannot be decoded (${reason})`,
    'damaged',
    { format: format.toUpperCase() }
  )
}

/** Refuses a file whose first bytes and whose decoder disagree about its format. */
export function refuseFormatMismatch(name: string, sniffed: AssetFormat, decoded: string): never {
  throw new ImportRefusal(
    `${quoted(name)} looks like ${sniffed.toUpperCase()} but decodes as ${decoded}: refused`,
    'format-mismatch',
    { sniffed: sniffed.toUpperCase(), decoded }
  )
}

/** Refuses a record the store could not read back at the next open. */
export function refuseUnreadableRecord(name: string, where: string, problem: string): never {
  throw new ImportRefusal(
    `${quoted(name)} was not imported: its record would not be readable (${where}: ${problem})`,
    'unreadable-record'
  )
}

export function storeFailed(name: string, error: unknown): ImportRefusal {
  return new ImportRefusal(
    `${quoted(name)} could not be stored in the library: ${(error as Error).message}`,
    'store-failed'
  )
}

/** What the import left out of a file's metadata, for the asset's warnings. */
export function decodeWarnings(dropped: DroppedChunk[], metadataErrors: string[]): string[] {
  const warnings = dropped.slice(0, NAMED_DROPPED_CHUNKS).map(droppedWarning)
  if (dropped.length > NAMED_DROPPED_CHUNKS) {
    warnings.push(
      `${dropped.length - NAMED_DROPPED_CHUNKS} more compressed PNG text chunks were left out unread the same way`
    )
  }
  if (metadataErrors.length) {
    warnings.push(
      `the photo's embedded metadata (EXIF/IPTC/XMP) is damaged and was skipped where unreadable: ${metadataErrors.join('; ')}`
    )
  }
  return warnings
}

/** A damaged earlier copy of the same photo that could not be moved out of the way. */
export function refuseStuckDuplicate(error: Error, moveError: unknown): never {
  throw new ImportRefusal(
    `the library already holds this photo, but its record cannot be read (${error.message}) ` +
      `and its folder could not be set aside: ${(moveError as Error).message}`,
    'duplicate-stuck'
  )
}

/** The warning kept on a photo stored afresh after its damaged earlier copy was set aside. */
export function setAsideWarning(error: Error, movedTo: string): string {
  return (
    `the library held this photo already, but its record could not be read ` +
    `(${error.message}): that folder was moved to ${movedTo} and the photo stored afresh`
  )
}
