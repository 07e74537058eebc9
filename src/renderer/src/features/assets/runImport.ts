import type {
  ImportRefusalParams,
  ImportRefusalReason,
  ImportResult
} from '../../../../shared/asset'
import { bytesToBase64 } from '../../lib/bytesToBase64'
import type { PickedFile } from './collectDroppedFiles'
import { errorMessage } from '../../lib/bridgeError'

/** One file's line in the import list. */
export type ImportRow =
  | { name: string; status: 'waiting' }
  | { name: string; status: 'importing' }
  | { name: string; status: 'imported'; assetId: string; duplicate: boolean; warnings: string[] }
  | {
      name: string
      status: 'failed'
      /** The core's English sentence (for logs); the interface says `reason` in its language. */
      error: string
      reason?: ImportRefusalReason
      params?: ImportRefusalParams
    }
  /** Refused here before sending: larger than one import call may carry. */
  | { name: string; status: 'tooLarge'; bytes: number; limit: number }
  /** The browser could not read it (moved, deleted or unreadable since it was picked). */
  | { name: string; status: 'unreadable'; reason: string }
  | { name: string; status: 'cancelled' }

export interface RunImportOptions {
  /** Sends one file to the store (one `assets:import` call) and returns its result. */
  send(file: { name: string; base64: string }): Promise<ImportResult>
  /** Checked between files: true stops before the next one is sent. */
  isCancelled(): boolean
  /** Called with a fresh copy of the rows whenever one changes. */
  onChange(rows: ImportRow[]): void
  /** Largest file one call may carry. */
  maxBytes: number
  /** Calls in flight at once (default 2). */
  concurrency?: number
}

type Read = { ok: true; base64: string } | { ok: false; row: ImportRow }

async function readFile(picked: PickedFile, maxBytes: number): Promise<Read> {
  if (picked.file.size > maxBytes) {
    return {
      ok: false,
      row: { name: picked.name, status: 'tooLarge', bytes: picked.file.size, limit: maxBytes }
    }
  }
  try {
    return { ok: true, base64: bytesToBase64(new Uint8Array(await picked.file.arrayBuffer())) }
  } catch (error) {
    return {
      ok: false,
      row: { name: picked.name, status: 'unreadable', reason: errorMessage(error) }
    }
  }
}

/**
 * Imports files one call each, so progress shows file by file and Cancel takes effect between
 * files. `concurrency` calls are in flight at once (default 2, as the store decodes on two
 * worker threads), so reading, transfer and decoding overlap.
 */
export async function runImport(files: PickedFile[], opts: RunImportOptions): Promise<ImportRow[]> {
  const rows: ImportRow[] = files.map((f) => ({ name: f.name, status: 'waiting' }))
  const publish = (): void => opts.onChange(rows.slice())
  publish()
  let next = 0
  const importOne = async (i: number): Promise<void> => {
    const name = files[i].name
    rows[i] = { name, status: 'importing' }
    publish()
    const read = await readFile(files[i], opts.maxBytes)
    if (!read.ok) {
      rows[i] = read.row
    } else {
      try {
        const result = await opts.send({ name, base64: read.base64 })
        rows[i] =
          'assetId' in result
            ? {
                name,
                status: 'imported',
                assetId: result.assetId,
                duplicate: result.duplicate === true,
                warnings: result.warnings ?? []
              }
            : {
                name,
                status: 'failed',
                error: result.error,
                reason: result.reason,
                params: result.params
              }
      } catch (error) {
        rows[i] = {
          name,
          status: 'failed',
          error: `“${name}”: ${errorMessage(error)}`,
          reason: 'failed'
        }
      }
    }
    publish()
  }
  const worker = async (): Promise<void> => {
    while (next < files.length && !opts.isCancelled()) await importOne(next++)
  }
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, worker))
  for (let j = next; j < files.length; j++) rows[j] = { name: files[j].name, status: 'cancelled' }
  publish()
  return rows
}
