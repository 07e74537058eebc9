/**
 * Child process for the "unreadable file" test: imports the files named on the command line into
 * the library and prints the results as JSON. The test runs it under an unprivileged uid, since
 * root (as in CI) can read any file.
 */
import { ArticleLibrary } from '../../library/articleLibrary'
import { AssetStore } from '../assetStore'

async function main(): Promise<void> {
  const [libraryDir, ...files] = process.argv.slice(2)
  // Read-only: the test process itself holds the library's lock.
  const articles = await ArticleLibrary.open(libraryDir, { access: 'cli-read' })
  const store = await AssetStore.open(libraryDir, { articles })
  try {
    const results = await store.import(files.map((path) => ({ name: path, path })))
    process.stdout.write(JSON.stringify({ uid: process.getuid?.(), results }))
  } finally {
    await store.close()
    await articles.close()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error))
  process.exitCode = 1
})
