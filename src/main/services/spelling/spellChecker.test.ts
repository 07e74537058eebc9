import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CopydeskError } from '../../../shared/result'
import { resolveDictionary } from './dictionaries'
import { SpellChecker } from './spellChecker'

// The engine on the test's own thread: the rules, fast. spellWorker.test.ts runs the worker.
let dir: string
let checker: SpellChecker

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-spelling-'))
  checker = new SpellChecker({ libraryDir: dir, thread: 'inline' })
})

afterAll(async () => {
  await checker.close()
  await rm(dir, { recursive: true, force: true })
})

async function flagged(text: string, language: 'de' | 'de-AT' | 'de-CH' | 'en-GB' = 'de') {
  return (await checker.check(text, language, { suggestions: false })).map((f) => f.word)
}

describe('German compounds and cases', () => {
  it('accepts compounds built by the dictionary’s compound rules', async () => {
    const text =
      'Im Haushaltsstreit berufen sich alle auf den Koalitionsvertrag: Auf der Pressekonferenz ' +
      'sprach ein Bundestagsabgeordneter von Wohnungsbaugesellschaften und Bürgermeisterwahlen.'
    expect(await flagged(text)).toEqual([])
  })

  it('flags a typo with its offsets and suggestions, the intended word first', async () => {
    const text = 'Der Bundestga hat entschieden.'
    const [finding, ...rest] = await checker.check(text, 'de')
    expect(rest).toEqual([])
    expect(finding.word).toBe('Bundestga')
    expect(text.slice(finding.start, finding.end)).toBe('Bundestga')
    expect(finding.suggestions[0]).toBe('Bundestag')
    expect(finding.suggestions.length).toBeLessThanOrEqual(5)
    expect(finding.suggestions).not.toContain('Bundestga')
  })

  it('searches suggestions for the first N distinct unknown words of a check only', async () => {
    const texts = ['Der Bundestga und die Koalitoin.', 'Der Kanzlre. Wieder der Bundestga.']
    const [first, second] = await checker.checkMany(texts, 'de', { suggestedWords: 2 })
    expect(first.map((f) => [f.word, f.suggestions[0]])).toEqual([
      ['Bundestga', 'Bundestag'],
      ['Koalitoin', 'Koalition']
    ])
    // The third distinct word gets none; a word already counted keeps its suggestions.
    expect(second.map((f) => [f.word, f.suggestions[0]])).toEqual([
      ['Kanzlre', undefined],
      ['Bundestga', 'Bundestag']
    ])
  })

  it('accepts a lowercase word capitalised at the start of a sentence, not a lowercased noun', async () => {
    expect(await flagged('Über den Antrag wird morgen entschieden. Heute nicht.')).toEqual([])
    expect(await flagged('Das haus steht leer.')).toEqual(['haus'])
  })

  it('checks each part of a hyphenated compound and points at the unknown part', async () => {
    const text = 'Nach der Corona-Pandemie kam die E-Mail vom US-Präsidenten.'
    const findings = await checker.check(text, 'de', { suggestions: false })
    expect(findings).toEqual([{ word: 'Corona', start: 9, end: 15, suggestions: [] }])
    expect(await flagged('Die Haushalts- und Finanzpolitik, der Ost-West-Konflikt.')).toEqual([])
    expect(await flagged('Die Koalitions-Vertrga-Frage.')).toEqual(['Vertrga'])
  })

  it('skips numbers, URLs, e-mail addresses, handles, short abbreviations and words with digits', async () => {
    const text =
      'Laut SPD, CDU und NATO kostet es 3,5 Mrd. Euro (siehe https://example.org/bundeshaushalt-xyzq ' +
      'und www.haushaltsplanung-qxz.de, Fragen an presse@ministerium-qzx.de), sagte @tagesschauxy ' +
      'unter #Haushaltqzx; die A380 und COVID-19 und NGOs, außerdem xyz.example.com.'
    expect(await flagged(text)).toEqual([])
  })

  it('still checks capitalised words longer than an abbreviation', async () => {
    expect(await flagged('BUNDESTAG und BUNDESTGA')).toEqual(['BUNDESTGA'])
  })

  it('accepts abbreviations with their full stop and words with apostrophes', async () => {
    const text = 'Dr. Meier sagte z.B. bzw. ca. drei Sätze; geht’s so? Die Merkel’sche Politik.'
    expect(await flagged(text)).toEqual([])
    expect(await flagged('Das Bundestga’s Problem.')).toEqual(['Bundestga’s'])
  })

  it('ignores soft hyphens and zero-width characters inside a word, keeping the offsets', async () => {
    const text = 'Der Bundes\u00ADtag und der Bundes\u00ADtga.'
    const findings = await checker.check(text, 'de', { suggestions: false })
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['Bundes\u00ADtga'])
  })

  it('does not flag a missing space after a full stop', async () => {
    expect(await flagged('Der Bundestag.Die Regierung.')).toEqual([])
  })

  it('gives UTF-16 offsets after emoji and combining characters', async () => {
    const text = '👍 Mu\u0308nchen meldet: Bundestga'
    const [finding] = await checker.check(text, 'de', { suggestions: false })
    expect(text.slice(finding.start, finding.end)).toBe('Bundestga')
  })

  it('finds words with exact offsets in a long text without line breaks', async () => {
    const text = `${'Der Bundestag tagt. '.repeat(2000)}Der Bundestga tagt. ${'Ein Haushalt. '.repeat(500)}`
    const findings = await checker.check(text, 'de', { suggestions: false })
    expect(findings).toEqual([{ word: 'Bundestga', start: 40_004, end: 40_013, suggestions: [] }])
  })

  it('can skip the suggestion search', async () => {
    const [finding] = await checker.check('Bundestga', 'de', { suggestions: false })
    expect(finding).toEqual({ word: 'Bundestga', start: 0, end: 9, suggestions: [] })
  })
})

describe('the five language tags', () => {
  it('uses the Austrian and Swiss dictionaries for de-AT and de-CH', async () => {
    expect(await flagged('Im Jänner', 'de')).toEqual(['Jänner'])
    expect(await flagged('Im Jänner', 'de-AT')).toEqual([])
    expect(await flagged('Mit dem Velo', 'de-CH')).toEqual([])
  })

  it('accepts Swiss ss for ß in de-CH only, and suggests with ss there', async () => {
    const swiss = 'Die Massnahmen an der Strasse sind grösser, schliesslich.'
    expect(await flagged(swiss, 'de-CH')).toEqual([])
    expect(await flagged(swiss, 'de')).toEqual(['Massnahmen', 'Strasse', 'grösser', 'schliesslich'])
    const [finding] = await checker.check('Die Strase', 'de-CH')
    expect(finding.suggestions).toContain('Strasse')
    expect(finding.suggestions.join(' ')).not.toContain('ß')
  })

  it('tells British from American spelling in en-GB', async () => {
    expect(await flagged('The colour of the centre was organised.', 'en-GB')).toEqual([])
    expect(await flagged('The color of the center was organized.', 'en-GB')).toEqual([
      'color',
      'center',
      'organized'
    ])
    expect(await flagged('Don’t say it’s O’Brien’s fault.', 'en-GB')).toEqual([])
  })

  it('rejects an unknown language tag with a clear message', async () => {
    await expect(checker.check('x', 'fr' as 'de')).rejects.toThrow(/"fr" is not one of de, de-AT/)
  })

  it('names the missing package when a dictionary is not installed (en-US)', async () => {
    let installed = true
    try {
      resolveDictionary('en-US')
    } catch (error) {
      installed = false
      expect(error).toBeInstanceOf(CopydeskError)
      expect((error as CopydeskError).code).toBe('not-found')
      expect((error as Error).message).toMatch(
        /en-US spelling dictionary is not installed.*dictionary-en\b/
      )
    }
    if (installed) {
      expect(await checker.check('The color of the center.', 'en-US')).toEqual([])
    } else {
      await expect(checker.check('The color', 'en-US')).rejects.toThrow(/dictionary-en/)
    }
  })
})

describe('the newsroom word list', () => {
  it('accepts added words in every language, saves them in the library and forgets removed ones', async () => {
    expect(await flagged('Ministerin Albers und Trainer Brandtner')).toEqual([
      'Albers',
      'Brandtner'
    ])
    expect(await checker.addWord('Albers')).toEqual(['Albers'])
    expect(await checker.addWord(' Brandtner ')).toEqual(['Albers', 'Brandtner'])
    expect(await checker.addWord('Albers')).toEqual(['Albers', 'Brandtner'])
    expect(await flagged('Ministerin Albers und Trainer Brandtner, ALBERS')).toEqual([])
    expect(await flagged('Minister Albers said', 'en-GB')).toEqual([])
    expect(await flagged('Im Jänner sagte Albers', 'de-AT')).toEqual([])

    const saved = JSON.parse(await readFile(join(dir, 'wordlist.json'), 'utf8'))
    expect(saved).toEqual({ schemaVersion: 1, words: ['Albers', 'Brandtner'] })

    // A second checker over the same library (the next app start) knows the words.
    const reopened = new SpellChecker({ libraryDir: dir, thread: 'inline' })
    try {
      expect(await reopened.words()).toEqual(['Albers', 'Brandtner'])
      expect(await reopened.check('Albers und Brandtner', 'de')).toEqual([])
    } finally {
      await reopened.close()
    }

    expect(await checker.removeWord('Albers')).toEqual(['Brandtner'])
    expect(await flagged('Albers und Brandtner')).toEqual(['Albers'])
    await expect(checker.removeWord('Albers')).rejects.toThrow(/"Albers" is not on the newsroom/)
    await checker.removeWord('Brandtner')
  })

  it('accepts hyphenated names whole, and compound parts of the word list', async () => {
    await checker.addWord('Müller-Lüdenscheidt')
    await checker.addWord('Ferreira')
    try {
      expect(await flagged('Herr Müller-Lüdenscheidt traf Ferreira-Fans.')).toEqual([])
      expect(await flagged('Herr Lüdenscheidt')).toEqual(['Lüdenscheidt'])
    } finally {
      await checker.removeWord('Müller-Lüdenscheidt')
      await checker.removeWord('Ferreira')
    }
  })

  it('refuses what is not a single word, saying why', async () => {
    await expect(checker.addWord('  ')).rejects.toThrow(/must not be empty/)
    await expect(checker.addWord('Olaf Scholz')).rejects.toThrow(/has a space/)
    await expect(checker.addWord('-Strich')).rejects.toThrow(/is not a word/)
    await expect(checker.addWord('x'.repeat(65))).rejects.toThrow(/longer than 64/)
    expect(await checker.words()).toEqual([])
  })

  it('reports a damaged word list without overwriting it', async () => {
    const other = await mkdtemp(join(tmpdir(), 'copydesk-spelling-bad-'))
    const broken = new SpellChecker({ libraryDir: other, thread: 'inline' })
    try {
      await writeFile(join(other, 'wordlist.json'), '{ "words": [')
      await expect(broken.check('Bundestag', 'de')).rejects.toMatchObject({
        code: 'corrupt',
        message: expect.stringContaining('wordlist.json is not valid JSON')
      })
      await expect(broken.addWord('Albers')).rejects.toMatchObject({ code: 'corrupt' })
      expect(await readFile(join(other, 'wordlist.json'), 'utf8')).toBe('{ "words": [')
      // Fixed by hand: the next call reads it again.
      await writeFile(join(other, 'wordlist.json'), '{ "schemaVersion": 1, "words": ["Albers"] }')
      expect(await broken.check('Albers', 'de')).toEqual([])
    } finally {
      await broken.close()
      await rm(other, { recursive: true, force: true })
    }
  })
})
