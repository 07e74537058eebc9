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

/** A word of the list, with the dictionary word whose affix rules it takes (if any). */
export interface NewsroomWord {
  word: string
  like?: string
}

interface ListState {
  words: string[]
  /** word → model, for the words added "like" a dictionary word. */
  models: Map<string, string>
}

/**
 * The newsroom's own words (names of people and places), kept in the library as
 * `wordlist.json`: `{ "schemaVersion": 1, "words": [...], "models": { "Wladiwostok": "Hamburg" } }`,
 * sorted, written durably. `models` is optional (files without it stay valid, and readers that
 * know only `words` still read the list). A damaged file is reported (`corrupt`) and never
 * overwritten.
 */
export class NewsroomWordList {
  readonly file: string
  private state: ListState | null = null
  private tail: Promise<unknown> = Promise.resolve()

  constructor(libraryDir: string) {
    this.file = join(libraryDir, WORDLIST_FILE)
  }

  /** The words, sorted (German collation), after any change still being written. */
  async list(): Promise<string[]> {
    return (await this.mutate(() => null)).words
  }

  /** The words with the model each takes its affix rules from, sorted. */
  async entries(): Promise<NewsroomWord[]> {
    const { words, models } = await this.mutate(() => null)
    return words.map((word) => {
      const like = models.get(word)
      return like ? { word, like } : { word }
    })
  }

  /**
   * Adds a word (no-op when present); `like` (already checked against the dictionaries by the
   * caller) gives it that word's affix rules, replacing an earlier model. Returns the list.
   */
  async add(input: string, like?: string): Promise<string[]> {
    const word = normaliseNewsroomWord(input)
    const model = like === undefined ? undefined : normaliseNewsroomWord(like)
    const state = await this.mutate(({ words, models }) => {
      const isListed = words.includes(word)
      if (isListed && (model === undefined || models.get(word) === model)) return null
      const nextModels = new Map(models)
      if (model !== undefined) nextModels.set(word, model)
      return { words: isListed ? words : [...words, word], models: nextModels }
    })
    return state.words
  }

  /** Removes a word (and its model); `not-found` when it is not on the list. Returns the list. */
  async remove(input: string): Promise<string[]> {
    const word = input.normalize('NFC').trim()
    const state = await this.mutate(({ words, models }) => {
      if (!words.includes(word)) {
        throw new CopydeskError('not-found', `"${word}" is not on the newsroom word list`)
      }
      const nextModels = new Map(models)
      nextModels.delete(word)
      return { words: words.filter((w) => w !== word), models: nextModels }
    })
    return state.words
  }

  private mutate(change: (state: ListState) => ListState | null): Promise<ListState> {
    // One change at a time: each reads the list the previous one wrote.
    const run = async (): Promise<ListState> => {
      const next = change(await this.current())
      if (next) {
        const sorted = [...next.words].sort(collator.compare)
        const models: Record<string, string> = {}
        for (const w of sorted) {
          const model = next.models.get(w)
          if (model) models[w] = model
        }
        const data = {
          schemaVersion: SCHEMA_VERSION,
          words: sorted,
          ...(Object.keys(models).length ? { models } : {})
        }
        await writeFileDurable(this.file, `${JSON.stringify(data, null, 2)}\n`)
        this.state = { words: sorted, models: new Map(Object.entries(models)) }
      }
      const current = await this.current()
      return { words: [...current.words], models: new Map(current.models) }
    }
    const result = this.tail.then(run, run)
    this.tail = result.catch(() => undefined)
    return result
  }

  private async current(): Promise<ListState> {
    if (this.state) return this.state
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.state = { words: [], models: new Map() }
        return this.state
      }
      throw new CopydeskError('io', `Cannot read the word list ${this.file}: ${String(error)}`)
    }
    this.state = parseWordList(this.file, text)
    return this.state
  }
}

function parseWordList(file: string, text: string): ListState {
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
  const models = (data as { models?: unknown } | null)?.models
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { schemaVersion?: unknown }).schemaVersion !== SCHEMA_VERSION ||
    !Array.isArray(words) ||
    !words.every((w) => typeof w === 'string') ||
    (models !== undefined &&
      (typeof models !== 'object' ||
        models === null ||
        Array.isArray(models) ||
        !Object.values(models).every((m) => typeof m === 'string')))
  ) {
    throw new CopydeskError(
      'corrupt',
      `The word list ${file} is not a Copydesk word list ({ "schemaVersion": 1, "words": [...] }); fix or move it away`
    )
  }
  const listed = [...new Set(words as string[])]
  const known = new Set(listed)
  return {
    words: listed,
    models: new Map(
      Object.entries((models ?? {}) as Record<string, string>).filter(([w]) => known.has(w))
    )
  }
}
