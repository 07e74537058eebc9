/**
 * Child process for the "unreadable file" test: imports the files named on the command line into
 * the library as another user and prints the results as JSON. Root (as in CI) can read any file,
 * so it starts as root, loads its code and starts its decoder worker (which loads sharp), and
 * only then drops to the given uid and gid: the checkout may live where that user cannot enter
 * (root's home, a `mktemp -d` folder).
 *
 * Usage: node --import tsx importAsUser.ts UID GID LIBRARY WARMUP-IMAGE FILE...
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeSync } from 'node:fs'
import { ArticleLibrary } from '../../library/articleLibrary'
import { AssetStore } from '../assetStore'

async function main(): Promise<void> {
  const [uid, gid, libraryDir, warmup, ...files] = process.argv.slice(2)
  if (!warmup) throw new Error('usage: importAsUser.ts UID GID LIBRARY WARMUP-IMAGE FILE...')
  // Read-only: the test process itself holds the library's lock.
  const articles = await ArticleLibrary.open(libraryDir as string, { access: 'cli-read' })
  // One decoder, started now (an import as root), so it is the one that decodes later.
  const store = await AssetStore.open(libraryDir as string, { articles, workers: 1 })
  try {
    const [warm] = await store.import([{ name: 'warmup', bytes: readFileSync(warmup) }])
    if (!warm || !('assetId' in warm))
      throw new Error(`warm-up import failed: ${JSON.stringify(warm)}`)
    // What root made in the library becomes the user's, as if that user had made it.
    execFileSync('chown', ['-R', `${uid}:${gid}`, libraryDir as string])
    process.setgroups?.([])
    process.setgid?.(Number(gid))
    process.setuid?.(Number(uid))
    const results = await store.import(files.map((path) => ({ name: path, path })))
    writeSync(1, JSON.stringify({ uid: process.getuid?.(), results }))
  } finally {
    await store.close()
    await articles.close()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error))
  process.exitCode = 1
})
