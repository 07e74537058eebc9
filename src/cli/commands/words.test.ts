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

  it('--add-like adds a word with a dictionary word’s affix rules; check then passes its forms', async () => {
    const added = await cli('words', '--add-like', 'Magadan=Hamburg', '--add', 'Kim', '--json')
    expect(added.code).toBe(0)
    expect(JSON.parse(added.stdout)).toEqual(['Kim', 'Magadan'])
    const saved = JSON.parse(await readFile(join(dir, 'library', 'wordlist.json'), 'utf8'))
    expect(saved.models).toEqual({ Magadan: 'Hamburg' })
    const listed = await cli('words', '--json')
    expect(JSON.parse(listed.stdout)).toEqual(['Kim', 'Magadan'])
    const made = await cli(
      'new',
      '--headline',
      'Kims Reise nach Magadan',
      '--teaser',
      'Magadans Hafen'
    )
    expect(made.code).toBe(0)
    const checked = await cli('check', made.stdout.trim(), '--json')
    const words = (JSON.parse(checked.stdout) as Array<{ code: string; word?: string }>)
      .filter((f) => f.code === 'spelling')
      .map((f) => f.word)
    expect(words).toEqual([])
  })

  it('--add-like exits 2 for an unknown model or a malformed pair, and changes nothing', async () => {
    await cli('words', '--add', 'Kim')
    const unknown = await cli('words', '--add', 'Albers', '--add-like', 'Magadan=Hamburgg')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(
      /--add-like Magadan=Hamburgg: "Hamburgg" is not a word of any spelling dictionary/
    )
    const json = await cli('words', '--add-like', 'Magadan=Hamburgg', '--json')
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout).error.code).toBe('invalid-input')
    for (const bad of ['Magadan', 'Magadan=', '=Hamburg', 'a=b=c']) {
      const result = await cli('words', '--add-like', bad)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/--add-like takes NAME=MODEL/)
    }
    const spaced = await cli('words', '--add-like', 'Neu Magadan=Hamburg')
    expect(spaced.code).toBe(2)
    expect(spaced.stderr).toMatch(/has a space/)
    expect(JSON.parse((await cli('words', '--json')).stdout)).toEqual(['Kim'])
  })
})
