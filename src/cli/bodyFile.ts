import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import type { PmNode } from '../shared/article'
import { bodyFromHtml, bodyFromMarkdown } from '../shared/editor/bodyFiles'
import { ensureNodeIds } from '../shared/editor/nodeIds'
import { CopydeskError } from '../shared/result'
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

/** Reads a body file by its extension: `.txt`, `.md`/`.markdown` or `.html`/`.htm`. */
export async function readBodyFile(file: string): Promise<PmNode> {
  const ext = extname(file).toLowerCase()
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new CopydeskError(
      code === 'ENOENT' ? 'not-found' : 'io',
      `--body-file ${file}: ${code === 'ENOENT' ? 'no such file' : String(error)}`
    )
  }
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
    `--body-file ${file}: unsupported type "${ext || '(none)'}"; use .txt, .md or .html`
  )
}
