import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCaptured, type Captured } from '../__fixtures__/runCaptured'

let dir: string

async function cli(...argv: string[]): Promise<Captured> {
  return runCaptured(join(dir, 'library'), argv, { cwd: dir })
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-words-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('copydesk words', () => {
  it('adds and removes newsroom words, saved in the library, and prints the list', async () => {
    expect(await cli('words')).toEqual({ code: 0, stdout: '', stderr: '' })
    const added = await cli('words', '--add', 'Özdemir', '--add', 'Albers')
    expect(added).toEqual({ code: 0, stdout: 'Albers\nÖzdemir\n', stderr: '' })
    const saved = JSON.parse(await readFile(join(dir, 'library', 'wordlist.json'), 'utf8'))
    expect(saved).toEqual({ schemaVersion: 1, words: ['Albers', 'Özdemir'] })
    const removed = await cli('words', '--remove', 'Albers', '--json')
    expect(removed.code).toBe(0)
    expect(JSON.parse(removed.stdout)).toEqual(['Özdemir'])
  })

  it('exits 2 for a word that is not one, 3 for removing an unknown word, 5 for a damaged list', async () => {
    const spaced = await cli('words', '--add', 'Olaf Scholz', '--json')
    expect(spaced.code).toBe(2)
    expect(JSON.parse(spaced.stdout).error.message).toMatch(/has a space/)
    const unknown = await cli('words', '--remove', 'Niemand')
    expect(unknown.code).toBe(3)
    expect(unknown.stderr).toMatch(/"Niemand" is not on the newsroom word list/)
    expect((await cli('words', 'Albers')).code).toBe(2)
    await writeFile(join(dir, 'library', 'wordlist.json'), 'nicht json')
    const damaged = await cli('words', '--add', 'Albers')
    expect(damaged.code).toBe(5)
    expect(damaged.stderr).toMatch(/wordlist\.json is not valid JSON/)
    expect(await readFile(join(dir, 'library', 'wordlist.json'), 'utf8')).toBe('nicht json')
  })
})
