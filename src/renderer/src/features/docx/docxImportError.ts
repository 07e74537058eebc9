import type { TFunction } from 'i18next'
import type { DocxRefusal } from '../../../../shared/contract/docx'
import { BridgeError, userMessage } from '../../lib/bridgeError'

const REASONS: readonly DocxRefusal[] = [
  'encrypted',
  'legacy-doc',
  'not-docx',
  'corrupt',
  'zip-bomb',
  'too-large'
]

function isReason(value: unknown): value is DocxRefusal {
  return typeof value === 'string' && (REASONS as readonly string[]).includes(value)
}

/**
 * The words for a Word document that could not be imported, in the interface's language: from
 * the refusal's reason where the core gave one (the core's own message is English and may quote
 * mammoth or the unzip library), else by the error's code.
 */
export function docxImportError(
  error: unknown,
  name: string,
  t: TFunction,
  language: string
): string {
  const detail = error instanceof BridgeError ? error.detail : undefined
  if (detail && isReason(detail.reason)) return t(`docxImport.refused.${detail.reason}`, { name })
  return t('docxImport.importFailed', { name, message: userMessage(error, t, language) })
}
