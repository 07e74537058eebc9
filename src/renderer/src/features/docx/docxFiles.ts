import { MAX_DOCX_BYTES, type DocxConversion } from '../../../../shared/contract/docx'
import { BridgeError } from '../../lib/bridgeError'
import { bytesToBase64 } from '../../lib/bytesToBase64'
import { call, newsroom } from '../../lib/newsroom'

/** Whether a file is meant as a Word document (by name, as the OS shows it, or by type). */
export function isDocxFile(file: { name: string; type: string }): boolean {
  return (
    /\.docx$/i.test(file.name) ||
    file.type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  )
}

/** The first Word document among dropped files, or null. */
export function docxOf(data: DataTransfer | null): File | null {
  return [...(data?.files ?? [])].find(isDocxFile) ?? null
}

/** Whether a drag carries files (their names are known only on drop). */
export function isFileDrag(data: DataTransfer | null): boolean {
  return [...(data?.types ?? [])].includes('Files')
}

function tooLarge(name: string): BridgeError {
  return new BridgeError({
    code: 'invalid-input',
    message: `${name}: more than ${MAX_DOCX_BYTES} bytes`,
    detail: { reason: 'too-large' }
  })
}

/** Reads a Word document through the core: headline, body, images in the photo desk, notes. */
export async function convertDocxBytes(name: string, bytes: Uint8Array): Promise<DocxConversion> {
  if (bytes.byteLength > MAX_DOCX_BYTES) throw tooLarge(name)
  return call(newsroom.convertDocx({ name, base64: bytesToBase64(bytes) }))
}

/** The same for a file the user picked or dropped. */
export async function convertDocxFile(file: File): Promise<DocxConversion> {
  if (file.size > MAX_DOCX_BYTES) throw tooLarge(file.name)
  return convertDocxBytes(file.name, new Uint8Array(await file.arrayBuffer()))
}
