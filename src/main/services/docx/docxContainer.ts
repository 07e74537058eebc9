import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DocxRefusal } from '../../../shared/contract/docx'
import { CopydeskError } from '../../../shared/result'
import { safeUnzip, type UnzipLimits } from '../packages/safeUnzip'

/**
 * The package importer's ZIP checks, with totals a text document never comes near: mammoth (via
 * JSZip) inflates the whole document in memory, so what it is handed must be small when unpacked.
 */
export const DOCX_UNZIP_LIMITS: UnzipLimits = {
  maxEntries: 2_000,
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 100
}

/** What the container says besides the text mammoth reads. */
export interface DocxFacts {
  /** The title in the document properties (docProps/core.xml), trimmed; null when none. */
  title: string | null
  comments: number
  insertions: number
  deletions: number
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

/** A refusal that names the file and carries the reason for the interface to word. */
export function docxRefusal(name: string, reason: DocxRefusal, why: string): CopydeskError {
  return new CopydeskError('invalid-input', `${name}: ${why}`, { reason })
}

/**
 * Word saves a password-protected document as an OLE compound file (not a ZIP) holding an
 * `EncryptionInfo` stream; Word 97–2003 `.doc` files are OLE files without one. The stream name
 * sits in the directory as UTF-16LE.
 */
function oleKind(bytes: Uint8Array): 'encrypted' | 'legacy-doc' {
  const marker = Buffer.from('EncryptionInfo', 'utf16le')
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker)
    ? 'encrypted'
    : 'legacy-doc'
}

function decodeXmlText(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => safeChar(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => safeChar(Number.parseInt(dec, 10)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
}

/** The core properties' title as one clean line (controls out, spaces collapsed). */
export function coreTitle(coreXml: string): string | null {
  const match = /<dc:title(?:\s[^>]*)?>([\s\S]*?)<\/dc:title>/.exec(coreXml)
  if (!match) return null
  const title = decodeXmlText(match[1]!)
    // eslint-disable-next-line no-control-regex -- a headline takes no control characters
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return title === '' ? null : title
}

function count(xml: string, pattern: RegExp): number {
  return xml.match(pattern)?.length ?? 0
}

async function readOptional(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch {
    return ''
  }
}

/**
 * Checks that `bytes` are a Word document that is safe to hand to mammoth, and reads what mammoth
 * does not: the title and how many comments and tracked changes there are. The ZIP is unpacked
 * with the package importer's checks (names, overlaps, ratios, sizes counted as they stream) into
 * a temporary folder that is removed again. Throws an `invalid-input` refusal naming the file.
 */
export async function inspectDocx(
  name: string,
  bytes: Uint8Array,
  limits: UnzipLimits = DOCX_UNZIP_LIMITS
): Promise<DocxFacts> {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw oleKind(bytes) === 'encrypted'
      ? docxRefusal(
          name,
          'encrypted',
          'is protected with a password; open it in Word, remove the password (File → Info → Protect Document) and save it again'
        )
      : docxRefusal(
          name,
          'legacy-doc',
          'is an old Word 97–2003 document (.doc); open it in Word and save it as .docx'
        )
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw docxRefusal(name, 'not-docx', 'is not a Word document (.docx)')
  }
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-docx-'))
  try {
    const zipFile = join(dir, 'document.docx')
    await writeFile(zipFile, bytes)
    const unpacked = join(dir, 'unpacked')
    try {
      await safeUnzip(zipFile, unpacked, limits)
    } catch (error) {
      if (!(error instanceof CopydeskError)) throw error
      const reason = error.detail?.reason
      const why = error.message.replace(/^Package .*? refused/, 'refused')
      if (reason === 'zip-bomb') {
        throw docxRefusal(name, 'zip-bomb', `${why} (it would unpack to far more than it holds)`)
      }
      if (reason === 'not-zip') {
        throw docxRefusal(name, 'corrupt', 'is damaged: its ZIP container cannot be read')
      }
      throw docxRefusal(name, 'corrupt', `is damaged: ${why}`)
    }
    const documentXml = await readOptional(join(unpacked, 'word', 'document.xml'))
    if (!documentXml) {
      throw docxRefusal(
        name,
        'not-docx',
        'is not a Word document (.docx): it has no word/document.xml'
      )
    }
    const comments = await readOptional(join(unpacked, 'word', 'comments.xml'))
    const core = await readOptional(join(unpacked, 'docProps', 'core.xml'))
    return {
      title: coreTitle(core),
      comments: count(comments, /<w:comment[\s>]/g),
      insertions: count(documentXml, /<w:(?:ins|moveTo)[\s>/]/g),
      deletions: count(documentXml, /<w:(?:del|moveFrom)[\s>/]/g)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
