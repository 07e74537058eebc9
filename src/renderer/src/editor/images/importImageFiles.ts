import { MAX_IPC_IMPORT_BYTES, type ImportResult } from '../../../../shared/asset'
import type { NewsroomApi } from '../../../../shared/ipc'
import type { Result } from '../../../../shared/result'
import type { ImportFailure } from '../../lib/importFailureMessage'

/** A file the user picked, dropped or pasted: a name and its bytes (a DOM `File` fits). */
export interface PickedFile {
  name: string
  size: number
  arrayBuffer(): Promise<ArrayBuffer>
}

/** Where an import stands: how many of how many files are through, and which one is next. */
export interface ImportProgress {
  total: number
  done: number
  current: string | null
}

/** What came of an import: the stored assets in the order given, and a message per failure. */
export interface ImportOutcome {
  imported: { file: string; assetId: string }[]
  failed: ImportFailure[]
}

const CHUNK = 0x8000

/**
 * Base64 of some bytes. The bridge takes base64 because it works over every transport (Electron's
 * structured clone and the harness's JSON alike), so pasted and dropped files travel the same way
 * in the app and in the browser tests.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  // String.fromCharCode over the whole array would overflow the argument stack for big photos.
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  }
  return btoa(binary)
}

/**
 * Imports files into the asset store one at a time (so progress can be shown per file and one
 * bad file cannot sink the rest), reporting progress after each. Files too large for one bridge
 * call fail here with a message naming them, before any bytes are read.
 */
export async function importImageFiles(
  files: readonly PickedFile[],
  importAssets: NewsroomApi['importAssets'],
  onProgress: (progress: ImportProgress) => void = () => {}
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], failed: [] }
  const limitMb = Math.round(MAX_IPC_IMPORT_BYTES / 1024 / 1024)
  for (const [index, file] of files.entries()) {
    onProgress({ total: files.length, done: index, current: file.name })
    if (file.size > MAX_IPC_IMPORT_BYTES) {
      outcome.failed.push({
        file: file.name,
        error: `${file.name}: the file is larger than ${limitMb} MB`,
        reason: 'too-large',
        params: { size: Math.round(file.size / 1024 / 1024), limit: limitMb }
      })
      continue
    }
    let result: Result<ImportResult[]>
    try {
      const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
      result = await importAssets({ files: [{ name: file.name, base64 }] })
    } catch (error) {
      result = { ok: false, error: { code: 'io', message: String(error) } }
    }
    if (!result.ok) {
      outcome.failed.push({ file: file.name, error: result.error.message, reason: 'failed' })
      continue
    }
    for (const item of result.value) {
      if ('assetId' in item) outcome.imported.push({ file: file.name, assetId: item.assetId })
      else
        outcome.failed.push({
          file: file.name,
          error: item.error,
          reason: item.reason ?? 'failed',
          params: item.params
        })
    }
  }
  onProgress({ total: files.length, done: files.length, current: null })
  return outcome
}
