import { readdir, realpath, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { ASSET_RENDITIONS, type AssetRendition } from '../../../shared/channels'

const ASSET_ID = /^[a-f0-9]{16,64}$/

/** The folder that holds one asset's original and renditions: `assets/<ab>/<id>/`. */
export function assetDir(libraryDir: string, assetId: string): string {
  return join(libraryDir, 'assets', assetId.slice(0, 2), assetId)
}

function isRendition(value: string): value is AssetRendition {
  return (ASSET_RENDITIONS as readonly string[]).includes(value)
}

/**
 * Asset id + rendition -> a file inside the library, or null. Takes ids only, never paths; the
 * real path must stay inside the library (a symlink leading out is refused). The Electron
 * `copydesk-asset:` protocol and the test harness both serve images through this one function.
 */
export async function resolveAssetFile(
  libraryDir: string,
  assetId: string,
  rendition: string
): Promise<string | null> {
  if (!ASSET_ID.test(assetId) || !isRendition(rendition)) return null
  const dir = assetDir(libraryDir, assetId)
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return null
  }
  const pattern = new RegExp(`^${rendition}\\.[a-z0-9]{2,5}$`)
  const name = names.find((n) => pattern.test(n))
  if (!name) return null
  try {
    const root = await realpath(libraryDir)
    const real = await realpath(join(dir, name))
    if (!real.startsWith(root + sep)) return null
    if (!(await stat(real)).isFile()) return null
    return real
  } catch {
    return null
  }
}
