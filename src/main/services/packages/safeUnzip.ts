import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { collisionKey, unsafeEntryName } from '../../../shared/packageFormat'
import { CopydeskError } from '../../../shared/result'

/**
 * Why a package was refused, for the interface to say in its own language (the error's
 * `detail.reason`, with `detail.entry` where one entry is to blame).
 */
export type RefusalReason = 'not-zip' | 'unsafe-name' | 'device-name' | 'zip-bomb' | 'manifest'

/** Bounds that keep a hostile package from filling the disk or the memory. */
export interface UnzipLimits {
  /** Most entries a package may have. */
  maxEntries: number
  /** Largest uncompressed size of one entry, in bytes. */
  maxEntryBytes: number
  /** Largest uncompressed size of all entries together, in bytes. */
  maxTotalBytes: number
  /** Highest uncompressed/compressed ratio of an entry larger than 64 KiB (JPEGs are ~1). */
  maxRatio: number
}

/** What the package's own list says a file holds. */
export interface ExpectedFile {
  bytes: number
  sha256: string
}

/**
 * The package's list of files (its manifest), read from the ZIP before anything is written. Every
 * other entry must be on the list with the declared size, and each file's bytes must match its
 * SHA-256 as it streams; so a package can never write more than the total its list declares.
 */
export interface ManifestCheck {
  /** The manifest's path inside the ZIP. */
  path: string
  /** Largest manifest read into memory, in bytes. */
  maxBytes: number
  /** Parses the manifest (throwing a clear refusal when it is not valid): path -> expectation. */
  parse(bytes: Buffer): Map<string, ExpectedFile>
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 8 * 1024 * 1024 * 1024,
  maxRatio: 100
}

/** An entry written to disk: its path inside the package, its size and SHA-256 (hex). */
export interface UnzippedEntry {
  path: string
  bytes: number
  sha256: string
}

/** Entries this small may compress well (JSON, XML); a bomb needs many or big ones. */
const RATIO_FLOOR = 64 * 1024
const LOCAL_HEADER = 0x04034b50

const S_IFMT = 0o170000
const S_IFLNK = 0o120000
const S_IFREG = 0o100000

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true },
      (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip))
    )
  })
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = []
    zip.on('entry', (entry: Entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.once('end', () => resolve(entries))
    zip.once('error', reject)
    zip.readEntry()
  })
}

function openStream(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) =>
      error || !stream ? reject(error ?? new Error('no stream')) : resolve(stream)
    )
  })
}

/** Where an entry's local header and data lie in the ZIP file. */
interface Span {
  entry: Entry
  start: number
  end: number
  nameDiffers: boolean
}

/**
 * Reads every entry's local header and returns the byte ranges the entries occupy, or the reason
 * they cannot be trusted. Two central-directory entries sharing (or overlapping in) one local
 * record are the classic overlap bomb: one small compressed stream unpacked thousands of times.
 */
async function entrySpans(zipFile: string, entries: Entry[]): Promise<Span[]> {
  // First from the central directory alone (a local record is at least this long), so that a
  // bomb of thousands of entries is refused without reading thousands of headers.
  const least = entries
    .map((entry) => {
      const start = entry.relativeOffsetOfLocalHeader
      const end = start + 30 + Buffer.byteLength(entry.fileName) + entry.compressedSize
      return { entry, start, end, nameDiffers: false }
    })
    .sort((a, b) => a.start - b.start)
  checkOverlaps(least)
  let handle: FileHandle
  try {
    handle = await open(zipFile, 'r')
  } catch (error) {
    throw new Error(`cannot read the file (${(error as Error).message})`, { cause: error })
  }
  try {
    const size = (await handle.stat()).size
    const spans: Span[] = []
    const header = Buffer.alloc(30)
    for (const entry of entries) {
      const start = entry.relativeOffsetOfLocalHeader
      const { bytesRead } = await handle.read(header, 0, 30, start)
      if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) {
        throw new EntryError(entry.fileName, 'no local header where the central directory says')
      }
      const nameLength = header.readUInt16LE(26)
      const extraLength = header.readUInt16LE(28)
      let nameDiffers = false
      if (entry.generalPurposeBitFlag & 0x800) {
        const name = Buffer.alloc(nameLength)
        await handle.read(name, 0, nameLength, start + 30)
        nameDiffers = name.toString('utf8') !== entry.fileName
      }
      // A data descriptor (bit 3) follows the data: at least 12 bytes.
      const descriptor = entry.generalPurposeBitFlag & 0x8 ? 12 : 0
      const end = start + 30 + nameLength + extraLength + entry.compressedSize + descriptor
      if (end > size) throw new EntryError(entry.fileName, 'its data runs past the end of the file')
      spans.push({ entry, start, end, nameDiffers })
    }
    spans.sort((a, b) => a.start - b.start)
    checkOverlaps(spans)
    // Checked after the overlaps, which explain a shared header better.
    const renamed = spans.find((s) => s.nameDiffers)
    if (renamed)
      throw new EntryError(renamed.entry.fileName, 'its local header carries another name')
    return spans
  } finally {
    await handle.close()
  }
}

function checkOverlaps(sorted: Span[]): void {
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) {
      throw new EntryError(
        sorted[i].entry.fileName,
        `overlaps entry "${sorted[i - 1].entry.fileName.slice(0, 200)}" (entries sharing data: a ZIP bomb)`
      )
    }
  }
}

class EntryError extends Error {
  constructor(
    readonly entry: string | null,
    why: string
  ) {
    super(why)
  }
}

/** Reads one whole entry into memory, counting the bytes against `maxBytes`. */
async function readWhole(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let bytes = 0
  const stream = await openStream(zip, entry)
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length
    if (bytes > maxBytes || bytes > entry.uncompressedSize) {
      ;(stream as NodeJS.ReadableStream & { destroy(): void }).destroy()
      throw new Error(`more than ${Math.min(maxBytes, entry.uncompressedSize)} bytes`)
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * Unpacks `zipFile` into `destDir` (which must not exist yet) after checking every entry:
 * names (also Windows device names), links, duplicates (also by case and Unicode form), entries
 * that share or overlap their data, declared sizes and ratios, and the actual bytes while they
 * stream. With `manifest`, the package's own file list is read and checked first: every entry
 * must be on it with its declared size, each file must match its SHA-256 as it is written, and
 * no more than the list's total is ever written. On any problem nothing stays: `destDir` is
 * removed and the error names the package and the entry.
 */
export async function safeUnzip(
  zipFile: string,
  destDir: string,
  limits: UnzipLimits = DEFAULT_UNZIP_LIMITS,
  manifest?: ManifestCheck
): Promise<UnzippedEntry[]> {
  const refuse = (entry: string | null, why: string, reason?: RefusalReason): never => {
    throw new CopydeskError(
      'corrupt',
      `Package ${zipFile} refused${entry === null ? '' : ` at entry "${entry.slice(0, 200)}"`}: ${why}`,
      reason ? { reason, ...(entry === null ? {} : { entry: entry.slice(0, 200) }) } : undefined
    )
  }
  let zip: ZipFile
  try {
    zip = await openZip(zipFile)
  } catch (error) {
    return refuse(null, `not a readable ZIP file (${(error as Error).message})`, 'not-zip')
  }
  let entries: Entry[]
  try {
    entries = await readEntries(zip)
  } catch (error) {
    zip.close()
    return refuse(null, (error as Error).message, 'not-zip')
  }

  // Everything is checked from the central directory before a single byte is written.
  if (entries.length > limits.maxEntries) {
    zip.close()
    refuse(null, `${entries.length} entries, more than ${limits.maxEntries}`, 'zip-bomb')
  }
  const seen = new Set<string>()
  let declaredTotal = 0
  const files: Entry[] = []
  let expected: Map<string, ExpectedFile> | null = null
  try {
    for (const entry of entries) {
      const name = entry.fileName
      const why = unsafeEntryName(name)
      if (why) refuse(name, why, /device name/.test(why) ? 'device-name' : 'unsafe-name')
      const mode = (entry.externalFileAttributes >>> 16) & S_IFMT
      if (mode === S_IFLNK) refuse(name, 'symbolic link', 'unsafe-name')
      if (mode !== 0 && mode !== S_IFREG && !name.endsWith('/'))
        refuse(name, 'not a regular file', 'unsafe-name')
      if (entry.generalPurposeBitFlag & 0x1) refuse(name, 'encrypted entry')
      const key = collisionKey(name.replace(/\/$/, ''))
      if (seen.has(key))
        refuse(name, 'duplicate name (also by letter case or Unicode form)', 'unsafe-name')
      seen.add(key)
      if (name.endsWith('/')) continue
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        refuse(
          name,
          `declares ${entry.uncompressedSize} bytes, more than ${limits.maxEntryBytes}`,
          'zip-bomb'
        )
      }
      if (
        entry.uncompressedSize > RATIO_FLOOR &&
        entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio
      ) {
        refuse(name, `compression ratio above ${limits.maxRatio}: a ZIP bomb`, 'zip-bomb')
      }
      declaredTotal += entry.uncompressedSize
      if (declaredTotal > limits.maxTotalBytes) {
        refuse(name, `unpacked size above ${limits.maxTotalBytes} bytes`, 'zip-bomb')
      }
      files.push(entry)
    }
    // A folder named like a file (`a` and `a/b`) would make one of them unwritable.
    const fileKeys = new Set(files.map((f) => collisionKey(f.fileName)))
    for (const key of seen) {
      const parent = key.split('/').slice(0, -1).join('/')
      if (parent && fileKeys.has(parent)) {
        refuse(parent, 'a file and a folder have the same name', 'unsafe-name')
      }
    }
    try {
      await entrySpans(zipFile, files)
    } catch (error) {
      refuse(
        error instanceof EntryError ? error.entry : null,
        (error as Error).message,
        /overlaps/.test((error as Error).message) ? 'zip-bomb' : undefined
      )
    }
    if (manifest) expected = await checkAgainstManifest(zip, files, manifest, refuse)
  } catch (error) {
    zip.close()
    throw error
  }

  await mkdir(destDir, { recursive: false })
  const written: UnzippedEntry[] = []
  try {
    let total = 0
    for (const entry of files) {
      const target = join(destDir, ...entry.fileName.split('/'))
      const rel = relative(destDir, target)
      if (rel.startsWith('..') || rel.includes(`..${sep}`))
        refuse(entry.fileName, 'path leaves the folder', 'unsafe-name')
      await mkdir(dirname(target), { recursive: true })
      let bytes = 0
      const hash = createHash('sha256')
      const want = expected?.get(entry.fileName) ?? null
      // The declared size can lie: count what actually arrives and stop at the limits.
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length
          total += chunk.length
          if (bytes > entry.uncompressedSize || bytes > limits.maxEntryBytes) {
            done(new Error('more bytes than declared'))
          } else if (total > limits.maxTotalBytes || total > declaredTotal) {
            done(new Error('unpacked size above the limit'))
          } else {
            hash.update(chunk)
            done(null, chunk)
          }
        }
      })
      try {
        await pipeline(
          await openStream(zip, entry),
          counter,
          createWriteStream(target, { flags: 'wx' })
        )
      } catch (error) {
        refuse(entry.fileName, (error as Error).message, 'zip-bomb')
      }
      const sha256 = hash.digest('hex')
      if (want && sha256 !== want.sha256) {
        refuse(
          null,
          `"${entry.fileName}" does not match its SHA-256 in ${manifest?.path} (changed or damaged)`,
          'manifest'
        )
      }
      written.push({ path: entry.fileName, bytes, sha256 })
    }
    zip.close()
    return written
  } catch (error) {
    zip.close()
    await rm(destDir, { recursive: true, force: true })
    throw error
  }
}

/**
 * Reads the manifest from the ZIP and holds the central directory against it: each file listed
 * with the size it declares, nothing unlisted, nothing listed missing. Returns what each file
 * must hash to.
 */
async function checkAgainstManifest(
  zip: ZipFile,
  files: Entry[],
  manifest: ManifestCheck,
  refuse: (entry: string | null, why: string, reason?: RefusalReason) => never
): Promise<Map<string, ExpectedFile>> {
  const own = files.find((f) => f.fileName === manifest.path)
  if (!own) return refuse(null, `it has no ${manifest.path}`, 'manifest')
  if (own.uncompressedSize > manifest.maxBytes) {
    refuse(
      manifest.path,
      `declares ${own.uncompressedSize} bytes, more than ${manifest.maxBytes}`,
      'zip-bomb'
    )
  }
  let bytes: Buffer
  try {
    bytes = await readWhole(zip, own, manifest.maxBytes)
  } catch (error) {
    return refuse(manifest.path, (error as Error).message, 'zip-bomb')
  }
  const expected = manifest.parse(bytes)
  expected.set(manifest.path, {
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex')
  })
  const present = new Set<string>()
  for (const entry of files) {
    present.add(entry.fileName)
    const want = expected.get(entry.fileName)
    if (!want) {
      refuse(null, `"${entry.fileName}" is in the package but not in ${manifest.path}`, 'manifest')
    }
    if (want.bytes !== entry.uncompressedSize) {
      refuse(
        null,
        `"${entry.fileName}" declares ${entry.uncompressedSize} bytes, ${manifest.path} says ${want.bytes}`,
        'manifest'
      )
    }
  }
  for (const path of expected.keys()) {
    if (!present.has(path))
      refuse(null, `"${path}" is listed in ${manifest.path} but missing`, 'manifest')
  }
  return expected
}
