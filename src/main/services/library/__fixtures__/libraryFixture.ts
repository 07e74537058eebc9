/** Test helpers for the library: temp folders, a steppable clock, bodies from paragraphs. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { PmNode } from '../../../../shared/article'
import { CopydeskError } from '../../../../shared/result'
import { ArticleLibrary } from '../articleLibrary'

export async function makeTempDir(prefix = 'copydesk-library-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

/** A clock tests move by hand. */
export interface TestClock {
  (): Date
  advance(ms: number): void
}

export function testClock(start = '2024-05-02T12:00:00Z'): TestClock {
  let now = Date.parse(start)
  const clock = (() => new Date(now)) as TestClock
  clock.advance = (ms) => {
    now += ms
  }
  return clock
}

/** A ProseMirror body with one paragraph per string. */
export function bodyOf(...paragraphs: string[]): PmNode {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({
      type: 'paragraph',
      content: text ? [{ type: 'text', text }] : []
    }))
  }
}

/** The CopydeskError a promise rejects with (fails the test if it resolves or throws else). */
export async function rejection(promise: Promise<unknown>): Promise<CopydeskError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof CopydeskError) return error
    throw error
  }
  throw new Error('expected a CopydeskError')
}

/** The headline the crash fixture saves as revision `revision`: checkable after a kill. */
export function expectedHeadline(revision: number): string {
  return `Fassung ${revision}`
}

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
