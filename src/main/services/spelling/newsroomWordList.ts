import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CopydeskError } from '../../../shared/result'
import { writeFileDurable } from '../storage/durableWrite'

/** File name of the newsroom word list inside the library folder. */
export const WORDLIST_FILE = 'wordlist.json'
const SCHEMA_VERSION = 1
/** Longest word the list takes; Hunspell's own limit is 100 bytes of UTF-8. */
export const MAX_NEWSROOM_WORD = 64

// One word: letters and digits, with inner hyphens, apostrophes and dots (`Müller-Lüdenscheidt`,
// `O'Neill`, `St.`); no spaces, no leading punctuation.
const WORD_SHAPE = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’.-]*[\p{L}\p{M}\p{N}.])?$/u
const collator = new Intl.Collator('de', { sensitivity: 'variant' })

/**
 * Checks and normalises (NFC, trimmed) one word for the list; throws `invalid-input` naming the
 * word and what is wrong with it.
 */
export function normaliseNewsroomWord(input: string): string {
  const word = input.normalize('NFC').trim()
  if (!word) throw new CopydeskError('invalid-input', 'A word for the word list must not be empty')
  if (/\s/u.test(word)) {
    throw new CopydeskError(
      'invalid-input',
      `"${word}" has a space: the word list takes single words (add "${word.split(/\s+/u)[0]}" and the rest one by one)`
    )
  }
  if ([...word].length > MAX_NEWSROOM_WORD) {
    throw new CopydeskError(
      'invalid-input',
      `"${word.slice(0, 20)}…" is longer than ${MAX_NEWSROOM_WORD} characters`
    )
  }
  if (!/\p{L}/u.test(word) || !WORD_SHAPE.test(word)) {
    throw new CopydeskError(
      'invalid-input',
      `"${word}" is not a word: use letters (and digits), with hyphens, apostrophes or dots only inside it`
    )
  }
  return word
}

/**
 * The newsroom's own words (names of people and places), kept in the library as
 * `wordlist.json`: `{ "schemaVersion": 1, "words": [...] }`, sorted, written durably.
 * A damaged file is reported (`corrupt`) and never overwritten.
 */
export class NewsroomWordList {
  readonly file: string
  private words: string[] | null = null
  private tail: Promise<unknown> = Promise.resolve()

  constructor(libraryDir: string) {
    this.file = join(libraryDir, WORDLIST_FILE)
  }

  /** The words, sorted (German collation), after any change still being written. */
  list(): Promise<string[]> {
    return this.mutate(() => null)
  }

  /** Adds a word (no-op when present); returns the list. */
  add(input: string): Promise<string[]> {
    const word = normaliseNewsroomWord(input)
    return this.mutate((words) => (words.includes(word) ? null : [...words, word]))
  }

  /** Removes a word; `not-found` when it is not on the list. Returns the list. */
  remove(input: string): Promise<string[]> {
    const word = input.normalize('NFC').trim()
    return this.mutate((words) => {
      if (!words.includes(word)) {
        throw new CopydeskError('not-found', `"${word}" is not on the newsroom word list`)
      }
      return words.filter((w) => w !== word)
    })
  }

  private mutate(change: (words: string[]) => string[] | null): Promise<string[]> {
    // One change at a time: each reads the list the previous one wrote.
    const run = async (): Promise<string[]> => {
      const next = change(await this.current())
      if (next) {
        const sorted = [...next].sort(collator.compare)
        const body = JSON.stringify({ schemaVersion: SCHEMA_VERSION, words: sorted }, null, 2)
        await writeFileDurable(this.file, `${body}\n`)
        this.words = sorted
      }
      return [...(await this.current())]
    }
    const result = this.tail.then(run, run)
    this.tail = result.catch(() => undefined)
    return result
  }

  private async current(): Promise<string[]> {
    if (this.words) return this.words
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.words = []
        return this.words
      }
      throw new CopydeskError('io', `Cannot read the word list ${this.file}: ${String(error)}`)
    }
    this.words = parseWordList(this.file, text)
    return this.words
  }
}

function parseWordList(file: string, text: string): string[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new CopydeskError(
      'corrupt',
      `The word list ${file} is not valid JSON (${(error as Error).message}); fix or move it away`
    )
  }
  const words = (data as { words?: unknown } | null)?.words
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { schemaVersion?: unknown }).schemaVersion !== SCHEMA_VERSION ||
    !Array.isArray(words) ||
    !words.every((w) => typeof w === 'string')
  ) {
    throw new CopydeskError(
      'corrupt',
      `The word list ${file} is not a Copydesk word list ({ "schemaVersion": 1, "words": [...] }); fix or move it away`
    )
  }
  return [...new Set(words as string[])]
}
