import type { TFunction } from 'i18next'
import {
  IMPORT_REFUSAL_REASONS,
  type ImportRefusalParams,
  type ImportRefusalReason
} from '../../../shared/asset'

/** One file the import did not take: its name, the core's English sentence and, when known, why. */
export interface ImportFailure {
  file: string
  error: string
  reason?: ImportRefusalReason
  params?: ImportRefusalParams
}

function isReason(reason: unknown): reason is ImportRefusalReason {
  return (IMPORT_REFUSAL_REASONS as readonly unknown[]).includes(reason)
}

/**
 * Why one file was not imported, in the interface language and naming the file. The core's
 * sentence is English and written for the command line, so the German interface says it by the
 * refusal's reason; the English one keeps the core's sentence where it names the file, as it says
 * more (the chunk, the decoder's words). A failure without a known reason reads as "could not be
 * imported" naming the file.
 */
export function importFailureMessage(
  failure: ImportFailure,
  t: TFunction,
  language: string
): string {
  if (!language.startsWith('de') && failure.error.includes(failure.file)) return failure.error
  const reason = isReason(failure.reason) ? failure.reason : 'failed'
  return t(`errors.importReason.${reason}`, { ...failure.params, file: failure.file })
}
