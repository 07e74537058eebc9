import type { TFunction } from 'i18next'
import { BridgeError, errorCode } from '../../lib/bridgeError'

const REASONS = [
  'not-zip',
  'unsafe-name',
  'device-name',
  'zip-bomb',
  'manifest',
  'version',
  'newer-version'
] as const
type Reason = (typeof REASONS)[number]

function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && (REASONS as readonly string[]).includes(value)
}

/**
 * The words for a package that could not be imported, in the interface's language: from the
 * refusal's reason where the core gave one, else by the error's code. The core's own message is
 * English and may quote the unzip library, so it is never shown.
 */
export function packageImportError(error: unknown, name: string, t: TFunction): string {
  const detail = error instanceof BridgeError ? error.detail : undefined
  if (detail && isReason(detail.reason)) {
    return t(`exportPackage.refused.${detail.reason}`, {
      entry: '',
      field: '',
      value: '',
      supported: '',
      ...detail,
      name
    })
  }
  const code = errorCode(error)
  const message =
    code === 'corrupt' || code === 'invalid-input'
      ? t('errors.packageCorrupt')
      : t(`errors.code.${code ?? 'unknown'}`)
  return t('exportPackage.importFailed', { name, message })
}
