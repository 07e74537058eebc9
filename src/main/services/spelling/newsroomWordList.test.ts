import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NewsroomWordList, normaliseNewsroomWord } from './newsroomWordList'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-wordlist-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('NewsroomWordList', () => {
  it('keeps every one of many concurrent additions, sorted the German way, and no temp files', async () => {
    const list = new NewsroomWordList(dir)
    const names = ['Özdemir', 'Albers', 'Ostrowski', 'Ärztekammer', 'Zürich', 'Brandtner', 'Ahrens']
    await Promise.all(names.map((n) => list.add(n)))
    const expected = [
      'Ahrens',
      'Albers',
      'Ärztekammer',
      'Brandtner',
      'Ostrowski',
      'Özdemir',
      'Zürich'
    ]
    expect(await list.list()).toEqual(expected)
    expect(await new NewsroomWordList(dir).list()).toEqual(expected)
    expect(await readdir(dir)).toEqual(['wordlist.json'])
  })

  it('stores words in NFC so a decomposed umlaut is the same word', async () => {
    const list = new NewsroomWordList(dir)
    await list.add('Mu\u0308ller')
    await list.add('Müller')
    expect(await list.list()).toEqual(['Müller'])
    const raw = await readFile(join(dir, 'wordlist.json'), 'utf8')
    expect(raw).toContain('"Müller"')
  })

  it('takes names with inner hyphens, apostrophes and dots', () => {
    for (const word of [
      'Müller-Lüdenscheidt',
      "O'Neill",
      'O’Neill',
      'St.',
      'A380',
      'Saint-Étienne'
    ]) {
      expect(normaliseNewsroomWord(word)).toBe(word)
    }
  })

  it('refuses a file that is JSON but not a word list, leaving it as it is', async () => {
    const file = join(dir, 'wordlist.json')
    await writeFile(file, '["Albers"]')
    const list = new NewsroomWordList(dir)
    await expect(list.list()).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining('is not a Copydesk word list')
    })
    await expect(list.add('Brandtner')).rejects.toMatchObject({ code: 'corrupt' })
    expect(await readFile(file, 'utf8')).toBe('["Albers"]')
  })
})
