import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AssetRecord } from '../../../shared/asset'
import { CopydeskError } from '../../../shared/result'
import { parseAssetRecord } from './assetRecordText'
import { assetDir } from './assetResolver'

/*
 * Read-only access to an asset's `asset.json` as stored (with its undo history), for the
 * package's lossless `article.copydesk.json` and for preflight. The asset store writes these
 * files durably, so the file is the current state.
 */

const ASSET_ID = /^[a-f0-9]{64}$/

/** The stored record of an asset, or null when the library has no such asset. */
export async function readAssetRecord(
  libraryDir: string,
  assetId: string
): Promise<AssetRecord | null> {
  if (!ASSET_ID.test(assetId)) return null
  const file = join(assetDir(libraryDir, assetId), 'asset.json')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new CopydeskError('io', `Asset ${assetId}: cannot read ${file}: ${String(error)}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new CopydeskError('corrupt', `Asset ${assetId}: ${file} is not valid JSON`)
  }
  const parsed = parseAssetRecord(json)
  if (!parsed.ok) {
    throw new CopydeskError(
      'corrupt',
      `Asset ${assetId}: ${file} is not a valid asset record (${parsed.problem})`
    )
  }
  if (parsed.record.id !== assetId) {
    throw new CopydeskError(
      'corrupt',
      `Asset ${assetId}: ${file} names asset ${parsed.record.id}, not its folder`
    )
  }
  return parsed.record
}

/** An asset file (original or rendition) inside its folder. */
export function assetFile(libraryDir: string, assetId: string, name: string): string {
  return join(assetDir(libraryDir, assetId), name)
}
