// Vitest hooks live here, apart from libraryFixture.ts, which the crash test's child process
// (saveLoop.ts) imports outside Vitest.
import { afterEach, beforeEach } from 'vitest'
import { ArticleLibrary } from '../articleLibrary'
import { makeTempDir, removeTempDir } from './libraryFixture'

/**
 * A fresh library folder for each test, and every library a test opens in it closed after the
 * test (call at the top level of a test file: it registers the hooks).
 */
export function tempLibraries(): {
  readonly dir: string
  open(opts?: Parameters<typeof ArticleLibrary.open>[1]): Promise<ArticleLibrary>
} {
  let dir = ''
  const opened: ArticleLibrary[] = []
  beforeEach(async () => {
    dir = await makeTempDir()
  })
  afterEach(async () => {
    for (const library of opened.splice(0)) await library.close()
    await removeTempDir(dir)
  })
  return {
    get dir() {
      return dir
    },
    async open(opts = {}) {
      const library = await ArticleLibrary.open(dir, { log: () => undefined, ...opts })
      opened.push(library)
      return library
    }
  }
}
