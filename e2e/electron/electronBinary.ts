import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The Electron binary if the install fetched one, or the one in `ELECTRON_OVERRIDE_DIST_PATH`
 * (Electron's own variable: a folder holding an unpacked Electron). Found through `path.txt` and
 * `dist/`, never by `require('electron')`, which in electron >= 42 starts a download.
 */
export function electronBinary(): string | null {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  if (override) {
    const names: Record<string, string> = {
      win32: 'electron.exe',
      darwin: 'Electron.app/Contents/MacOS/Electron'
    }
    const binary = join(override, names[process.platform] ?? 'electron')
    return existsSync(binary) ? binary : null
  }
  const pkg = resolve(__dirname, '../../node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
