import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The Electron binary if the install fetched one. Found through `path.txt` and `dist/`, never by
 * `require('electron')`, which in electron >= 42 starts a download.
 */
export function electronBinary(): string | null {
  const pkg = resolve(__dirname, '../../node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
