import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openServices, type Services } from '../..'
import { safeUnzip } from '../safeUnzip'
import { rawZip } from './rawZip'

/** The files of a package, by their path inside it (unpacked into `dir`). */
export async function packageFiles(zip: string, dir: string): Promise<Map<string, Buffer>> {
  await safeUnzip(zip, dir)
  const files = new Map<string, Buffer>()
  for (const name of await readdir(dir, { recursive: true })) {
    const bytes = await readFile(join(dir, name)).catch(() => null)
    if (bytes) files.set(name.split('\\').join('/'), bytes)
  }
  return files
}

/**
 * Writes `files` as a package whose manifest matches them (sizes and hashes made afresh), so the
 * only flaw of the package is whatever a test changed in the files.
 */
export async function repackage(files: ReadonlyMap<string, Buffer>, file: string): Promise<string> {
  const out = new Map(files)
  out.delete('manifest.json')
  const manifest = {
    files: [...out].map(([path, data]) => ({
      path,
      bytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex')
    })),
    forced: false,
    findings: []
  }
  await writeFile(
    file,
    rawZip([
      ...[...out].map(([path, data]) => ({ name: path, data })),
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }
    ])
  )
  return file
}

/** Two libraries in one temporary folder: one exports packages, the other imports them. */
export async function twoLibraries(
  prefix: string
): Promise<{ root: string; source: Services; target: Services }> {
  const root = await mkdtemp(join(tmpdir(), prefix))
  const open = (name: string): Promise<Services> =>
    openServices({ libraryDir: join(root, name), version: 't', systemLocale: 'de' })
  return { root, source: await open('source'), target: await open('target') }
}
