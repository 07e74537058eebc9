import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { PmNode } from '../shared/article'
import type { DocxConversion } from '../shared/contract/docx'
import { bodyFromHtml, bodyFromMarkdown } from '../shared/editor/bodyFiles'
import { ensureNodeIds } from '../shared/editor/nodeIds'
import { CopydeskError } from '../shared/result'
import { convertDocx, type DocxDeps } from '../main/services/docx/convertDocx'
import { decodeBodyBytes } from './bodyEncoding'

/** `.txt`: paragraphs separated by blank lines; single newlines become hard breaks. */
export function bodyFromText(text: string): PmNode {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (paragraphs.length === 0) return { type: 'doc', content: [{ type: 'paragraph' }] }
  return {
    type: 'doc',
    content: paragraphs.map((p) => {
      const lines = p.split('\n')
      const content: PmNode[] = []
      lines.forEach((line, i) => {
        if (i > 0) content.push({ type: 'hardBreak' })
        if (line) content.push({ type: 'text', text: line })
      })
      return { type: 'paragraph', content }
    })
  }
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new CopydeskError(
      code === 'ENOENT' ? 'not-found' : 'io',
      `--body-file ${file}: ${code === 'ENOENT' ? 'no such file' : String(error)}`
    )
  }
}

/** Whether `new` reads this body file as a Word document (it then needs the photo desk). */
export function isDocxBodyFile(file: string): boolean {
  return extname(file).toLowerCase() === '.docx'
}

/**
 * Reads a Word body file: headline (unless the user gave one), body and images (imported into the
 * photo desk). A refusal names the option and the file, like every other body file's.
 */
export async function readDocxBodyFile(
  file: string,
  deps: DocxDeps,
  options: { headlineFromDocument: boolean }
): Promise<DocxConversion> {
  const bytes = await readBytes(file)
  const name = basename(file)
  try {
    return await convertDocx(name, bytes, deps, options)
  } catch (error) {
    if (error instanceof CopydeskError && error.message.startsWith(`${name}: `)) {
      throw new CopydeskError(
        error.code,
        `--body-file ${file}: ${error.message.slice(name.length + 2)}`,
        error.detail
      )
    }
    throw error
  }
}

/** Reads a body file by its extension: `.txt`, `.md`/`.markdown` or `.html`/`.htm`. */
export async function readBodyFile(file: string): Promise<PmNode> {
  const ext = extname(file).toLowerCase()
  const bytes = await readBytes(file)
  // Decoded only for a known type: BOM, declared charset or UTF-8, else refused (no mojibake).
  const text = (kind: 'text' | 'html'): string => decodeBodyBytes(bytes, kind).text
  try {
    if (ext === '.txt') return ensureNodeIds(bodyFromText(text('text')))
    if (ext === '.md' || ext === '.markdown') return bodyFromMarkdown(text('text'))
    if (ext === '.html' || ext === '.htm') return bodyFromHtml(text('html'))
  } catch (error) {
    // A refusal of the content (too deep) is about this file: say which one.
    if (error instanceof CopydeskError) {
      throw new CopydeskError(error.code, `--body-file ${file}: ${error.message}`, error.detail)
    }
    throw error
  }
  throw new CopydeskError(
    'invalid-input',
    `--body-file ${file}: unsupported type "${ext || '(none)'}"; use .txt, .md, .html or .docx`
  )
}
