/**
 * Child process for the memory tests: imports one file into a fresh library and prints the
 * result with the process's peak resident memory (worker threads included), as JSON.
 */
import { ArticleLibrary } from '../../library/articleLibrary'
import { AssetStore } from '../assetStore'

async function main(): Promise<void> {
  const [libraryDir, file] = process.argv.slice(2)
  const articles = await ArticleLibrary.open(libraryDir)
  const store = await AssetStore.open(libraryDir, { articles })
  try {
    const [result] = await store.import([{ name: file, path: file }])
    // maxRSS is in kilobytes.
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
    process.stdout.write(JSON.stringify({ result, maxRssMb }))
  } finally {
    await store.close()
    await articles.close()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error))
  process.exitCode = 1
})
