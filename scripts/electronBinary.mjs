import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The Electron binary, found without require('electron') (which may start a download). */
export function electronBinary(root) {
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
