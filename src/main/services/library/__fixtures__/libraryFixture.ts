/** Test helpers for the library: temp folders, a steppable clock, bodies from paragraphs. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PmNode } from '../../../../shared/article'
import { CopydeskError } from '../../../../shared/result'

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
