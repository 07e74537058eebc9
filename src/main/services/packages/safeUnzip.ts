import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { CopydeskError } from '../../../shared/result'

/** Bounds that keep a hostile package from filling the disk or the memory. */
export interface UnzipLimits {
  /** Most entries a package may have. */
  maxEntries: number
  /** Largest uncompressed size of one entry, in bytes. */
  maxEntryBytes: number
  /** Largest uncompressed size of all entries together, in bytes. */
  maxTotalBytes: number
  /** Highest uncompressed/compressed ratio of an entry larger than 1 MiB (JPEGs are ~1). */
  maxRatio: number
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 8 * 1024 * 1024 * 1024,
  maxRatio: 100
}

/** An entry written to disk: its path inside the package and its size. */
export interface UnzippedEntry {
  path: string
  bytes: number
}

const S_IFMT = 0o170000
const S_IFLNK = 0o120000
const S_IFREG = 0o100000

/**
 * Why an entry name is unsafe to write, or null. Names are relative, forward-slash, without `.`
 * or `..` segments, drive letters, backslashes, control characters or a trailing dot/space
 * (which Windows silently strips, making two names one).
 */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0) return 'empty name'
  if (name.length > 1024) return 'name too long'
  if (name.includes('\\')) return 'backslash in name'
  if (name.startsWith('/')) return 'absolute path'
  if (/^[a-zA-Z]:/.test(name)) return 'drive-letter path'
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character in name'
  const segments = name.replace(/\/$/, '').split('/')
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return 'relative path segment'
    if (/[. ]$/.test(segment)) return 'name ends with a dot or a space'
    if (/[:*?"<>|]/.test(segment)) return 'character not allowed on Windows'
  }
  return null
}

/** The key under which two names collide on some file system (case and Unicode form folded). */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en-US')
}

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

/**
 * Unpacks `zipFile` into `destDir` (which must not exist yet) after checking every entry:
 * names, links, duplicates (also by case and Unicode form), declared sizes and ratios, and the
 * actual bytes while they stream. On any problem nothing stays: `destDir` is removed and the
 * error names the package and the entry.
 */
export async function safeUnzip(
  zipFile: string,
  destDir: string,
  limits: UnzipLimits = DEFAULT_UNZIP_LIMITS
): Promise<UnzippedEntry[]> {
  const refuse = (entry: string | null, why: string): never => {
    throw new CopydeskError(
      'corrupt',
      `Package ${zipFile} refused${entry === null ? '' : ` at entry "${entry.slice(0, 200)}"`}: ${why}`
    )
  }
  let zip: ZipFile
  try {
    zip = await openZip(zipFile)
  } catch (error) {
    return refuse(null, `not a readable ZIP file (${(error as Error).message})`)
  }
  let entries: Entry[]
  try {
    entries = await readEntries(zip)
  } catch (error) {
    zip.close()
    return refuse(null, (error as Error).message)
  }

  // Everything is checked from the central directory before a single byte is written.
  if (entries.length > limits.maxEntries) {
    zip.close()
    refuse(null, `${entries.length} entries, more than ${limits.maxEntries}`)
  }
  const seen = new Set<string>()
  let declaredTotal = 0
  const files: Entry[] = []
  try {
    for (const entry of entries) {
      const name = entry.fileName
      const why = unsafeEntryName(name)
      if (why) refuse(name, why)
      const mode = (entry.externalFileAttributes >>> 16) & S_IFMT
      if (mode === S_IFLNK) refuse(name, 'symbolic link')
      if (mode !== 0 && mode !== S_IFREG && !name.endsWith('/')) refuse(name, 'not a regular file')
      if (entry.generalPurposeBitFlag & 0x1) refuse(name, 'encrypted entry')
      const key = collisionKey(name.replace(/\/$/, ''))
      if (seen.has(key)) refuse(name, 'duplicate name (also by letter case or Unicode form)')
      seen.add(key)
      if (name.endsWith('/')) continue
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        refuse(name, `declares ${entry.uncompressedSize} bytes, more than ${limits.maxEntryBytes}`)
      }
      if (
        entry.uncompressedSize > 1024 * 1024 &&
        entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio
      ) {
        refuse(name, `compression ratio above ${limits.maxRatio}: a ZIP bomb`)
      }
      declaredTotal += entry.uncompressedSize
      if (declaredTotal > limits.maxTotalBytes) {
        refuse(name, `unpacked size above ${limits.maxTotalBytes} bytes`)
      }
      files.push(entry)
    }
    // A folder named like a file (`a` and `a/b`) would make one of them unwritable.
    for (const key of seen) {
      const parent = key.split('/').slice(0, -1).join('/')
      if (parent && files.some((f) => collisionKey(f.fileName) === parent)) {
        refuse(parent, 'a file and a folder have the same name')
      }
    }
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
        refuse(entry.fileName, 'path leaves the folder')
      await mkdir(dirname(target), { recursive: true })
      let bytes = 0
      // The declared size can lie: count what actually arrives and stop at the limits.
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length
          total += chunk.length
          if (bytes > entry.uncompressedSize || bytes > limits.maxEntryBytes) {
            done(new Error('more bytes than declared'))
          } else if (total > limits.maxTotalBytes) {
            done(new Error('unpacked size above the limit'))
          } else done(null, chunk)
        }
      })
      try {
        await pipeline(
          await openStream(zip, entry),
          counter,
          createWriteStream(target, { flags: 'wx' })
        )
      } catch (error) {
        refuse(entry.fileName, (error as Error).message)
      }
      written.push({ path: entry.fileName, bytes })
    }
    zip.close()
    return written
  } catch (error) {
    zip.close()
    await rm(destDir, { recursive: true, force: true })
    throw error
  }
}
