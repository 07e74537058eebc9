import { extname } from 'node:path'

/**
 * Where an export chosen in the save dialog goes. The dialog itself confirmed replacing the file
 * the user picked; when the name had no `.zip`, the extension is added, and since nobody confirmed
 * replacing *that* file, the export then refuses to overwrite it (the app asks instead).
 */
export function exportTargetFor(chosen: string): { file: string; overwrite: boolean } {
  if (extname(chosen).toLowerCase() === '.zip') return { file: chosen, overwrite: true }
  return { file: `${chosen}.zip`, overwrite: false }
}
