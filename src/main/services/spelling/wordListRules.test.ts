import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleLanguage } from '../../../shared/article'
import { resolveDictionary } from './dictionaries'
import { SpellChecker, dicHasStem } from './spellChecker'

// The real dictionaries of the npm packages and Hunspell itself, on the test's thread.
let dir: string
let checker: SpellChecker

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-wordrules-'))
  checker = new SpellChecker({ libraryDir: dir, thread: 'inline' })
})

afterEach(async () => {
  await checker.close()
  await rm(dir, { recursive: true, force: true })
})

async function flagged(
  c: SpellChecker,
  text: string,
  language: ArticleLanguage = 'de'
): Promise<string[]> {
  return (await c.check(text, language, { suggestions: false })).map((f) => f.word)
}

describe('names on the newsroom word list', () => {
  it('pass in German with their genitive -s, which is flagged before they are added', async () => {
    const text = 'Kims Raketen und Jongwons Gipfel: Kim traf Jongwon.'
    expect(await flagged(checker, text)).toEqual(['Kims', 'Jongwons', 'Kim', 'Jongwon'])
    await checker.addWord('Kim')
    await checker.addWord('Jongwon')
    expect(await flagged(checker, text)).toEqual([])
    expect(await flagged(checker, text, 'de-AT')).toEqual([])
    expect(await flagged(checker, text, 'de-CH')).toEqual([])
    // Only the genitive: other endings stay typos.
    expect(await flagged(checker, 'Kimen, Jongwonn und Kimss.')).toEqual([
      'Kimen',
      'Jongwonn',
      'Kimss'
    ])
  })

  it('gives no -s genitive after s, x or z (German writes an apostrophe) nor to lower-case words', async () => {
    await checker.addWord('Grzymas')
    await checker.addWord('Wójtowicz')
    await checker.addWord('wumbo')
    expect(await flagged(checker, 'Grzymass, Wójtowiczs und wumbos.')).toEqual([
      'Grzymass',
      'Wójtowiczs',
      'wumbos'
    ])
    expect(await flagged(checker, 'Grzymas, Wójtowicz und wumbo.')).toEqual([])
  })

  it('keeps the genitive through a removal of another word (the instance is rebuilt)', async () => {
    await checker.addWord('Jongwon')
    await checker.addWord('Albers')
    expect(await flagged(checker, 'Jongwons Plan')).toEqual([])
    await checker.removeWord('Albers')
    expect(await flagged(checker, 'Jongwons Plan, Albers')).toEqual(['Albers'])
    await checker.removeWord('Jongwon')
    expect(await flagged(checker, 'Jongwons Plan')).toEqual(['Jongwons'])
  })
})

describe('adding a word like a dictionary word', () => {
  it('Wladiwostok like Hamburg passes with Hamburg’s affixes (genitive), nothing more', async () => {
    // The dictionary knows Wladiwostok but not its genitive; Magadan not at all.
    const text = 'Wladiwostoks Hafen, Magadans Hafen: in Wladiwostok und Magadan.'
    expect(await flagged(checker, text)).toEqual(['Wladiwostoks', 'Magadans', 'Magadan'])
    await checker.addWord('Wladiwostok', 'Hamburg')
    await checker.addWord('Magadan', 'Hamburg')
    expect(await flagged(checker, text)).toEqual([])
    expect(await flagged(checker, 'Wladiwostokes Magadanen')).toEqual([
      'Wladiwostokes',
      'Magadanen'
    ])
  })

  it('takes over a model’s richer rules: Wladiwostoker like Hamburger gets -in, -innen, -n', async () => {
    const text = 'Die Wladiwostokerin sprach mit Wladiwostokern und Wladiwostokerinnen.'
    expect(await flagged(checker, text)).toHaveLength(3)
    await checker.addWord('Wladiwostoker', 'Hamburger')
    expect(await flagged(checker, text)).toEqual([])
    // Plain add gives only the word and the genitive.
    await checker.addWord('Chabarowsker')
    expect(await flagged(checker, 'Chabarowskerin und Chabarowskers')).toEqual(['Chabarowskerin'])
  })

  it('adds the word as it stands in languages whose dictionary lacks the model', async () => {
    await checker.addWord('Wladiwostok', 'Hamburg')
    expect(await flagged(checker, 'Wladiwostok harbour', 'en-GB')).toEqual([])
  })

  it('refuses a model no dictionary lists, adding nothing', async () => {
    await expect(checker.addWord('Wladiwostok', 'Hamburgg')).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/"Hamburgg" is not a word of any spelling dictionary/)
    })
    // A form of a word is no stem: Hunspell could lend it no rules.
    await expect(checker.addWord('Wladiwostok', 'Hamburgs')).rejects.toMatchObject({
      code: 'invalid-input'
    })
    expect(await checker.words()).toEqual([])
  })

  it('persists the model across a reopen, and words --json stays an array of strings', async () => {
    await checker.addWord('Wladiwostoker', 'Hamburger')
    await checker.addWord('Kim')
    await checker.close()
    const saved = JSON.parse(await readFile(join(dir, 'wordlist.json'), 'utf8'))
    expect(saved).toEqual({
      schemaVersion: 1,
      words: ['Kim', 'Wladiwostoker'],
      models: { Wladiwostoker: 'Hamburger' }
    })
    checker = new SpellChecker({ libraryDir: dir, thread: 'inline' })
    expect(await checker.words()).toEqual(['Kim', 'Wladiwostoker'])
    expect(await checker.entries()).toEqual([
      { word: 'Kim' },
      { word: 'Wladiwostoker', like: 'Hamburger' }
    ])
    expect(await flagged(checker, 'Kims Wladiwostokerinnen')).toEqual([])
    // Removing the word drops its model from the file.
    await checker.removeWord('Wladiwostoker')
    const after = JSON.parse(await readFile(join(dir, 'wordlist.json'), 'utf8'))
    expect(after).toEqual({ schemaVersion: 1, words: ['Kim'] })
  })
})

describe('dicHasStem', () => {
  it('finds whole .dic entries only', async () => {
    const dic = await readFile(resolveDictionary('de').dic, 'utf8')
    expect(dicHasStem(dic, 'Hamburg')).toBe(true)
    expect(dicHasStem(dic, 'Hamburger')).toBe(true)
    expect(dicHasStem(dic, 'Hambur')).toBe(false)
    expect(dicHasStem(dic, 'amburg')).toBe(false)
    expect(dicHasStem('2\nHaus/S\nMaus\n', 'Maus')).toBe(true)
    expect(dicHasStem('2\nHaus/S\nMaus', 'Maus')).toBe(true)
  })
})
