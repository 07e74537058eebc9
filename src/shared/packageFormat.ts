import { z } from 'zod'
import { articleSchema, type Article } from './article'
import { assetRecordSchema, type AssetRecord } from './asset'

/*
 * The Copydesk package as a format: its file names, the manifest and source schemas and the rules
 * for names inside the ZIP. The export writes what this module describes and the import reads it
 * back, so both sides take it from here and neither imports the other.
 */

/** Identifies Copydesk's own package format inside `article.copydesk.json`. */
export const PACKAGE_FORMAT = 'copydesk-package'
export const PACKAGE_FORMAT_VERSION = 1

/** The files of a package besides `images/` and `manifest.json`. */
export const PACKAGE_FILES = {
  source: 'article.copydesk.json',
  ninjs: 'article.ninjs.json',
  newsml: 'newsml.xml',
  html: 'article.html',
  manifest: 'manifest.json'
} as const

export type PackageRendition = 'original' | 'preview' | 'thumb'

/** One asset in `article.copydesk.json`. */
export interface PackageAssetEntry {
  /** `asset.json` exactly as stored in the library. */
  record: AssetRecord
  /** Paths of its files inside the ZIP. */
  files: Record<PackageRendition, string>
  /** Whether the original was exported with location and device data removed. */
  protected: boolean
  /** The kinds of sensitive data protection removed from the original. */
  removed: string[]
}

/** `article.copydesk.json`: the lossless source that package import reads. */
export interface PackageSource {
  format: typeof PACKAGE_FORMAT
  formatVersion: typeof PACKAGE_FORMAT_VERSION
  generator: string
  exportedAt: string
  article: Article
  assets: PackageAssetEntry[]
}

const SHA256 = /^[a-f0-9]{64}$/
/** A manifest lists at most 10,000 files with findings; far below this in practice. */
export const MANIFEST_MAX_BYTES = 16 * 1024 * 1024

/** `manifest.json`: every other file with its size and SHA-256, and the export's findings. */
export const manifestSchema = z.object({
  files: z
    .array(
      z
        .object({
          path: z.string().min(1).max(1024),
          bytes: z.number().int().nonnegative(),
          sha256: z.string().regex(SHA256)
        })
        .strict()
    )
    .max(10_000),
  forced: z.boolean(),
  findings: z.array(z.unknown())
})

const packagePath = z
  .string()
  .regex(/^images\/[A-Za-z0-9._-]+$/, 'not a path inside images/')
  .refine((p) => !p.includes('..'), 'not a path inside images/')

/** The shape of `article.copydesk.json` as the import accepts it. */
export const packageSourceSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  generator: z.string().max(200),
  exportedAt: z.string().max(100),
  article: articleSchema,
  assets: z
    .array(
      z.object({
        record: assetRecordSchema,
        files: z.object({ original: packagePath, preview: packagePath, thumb: packagePath }),
        protected: z.boolean(),
        removed: z.array(z.string())
      })
    )
    .max(5_000)
})

/*
 * Names Windows maps to devices, with any extension and on every path segment: `con`, `nul.txt`,
 * `com1.jpg` cannot be created (or open the device) there, and packages travel between machines.
 */
const WINDOWS_DEVICE =
  /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/i

/** Whether a path segment names a Windows device (`CON`, `aux.txt`, `COM1.jpg`, `nul .tar.gz`). */
export function isWindowsDeviceName(segment: string): boolean {
  return WINDOWS_DEVICE.test(segment.replace(/\..*$/s, '').replace(/ +$/, ''))
}

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
    if (isWindowsDeviceName(segment)) return `"${segment}" is a device name on Windows`
  }
  return null
}

/** The key under which two names collide on some file system (case and Unicode form folded). */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en-US')
}
