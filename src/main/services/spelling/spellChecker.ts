import { readFile } from 'node:fs/promises'
import { ARTICLE_LANGUAGES, type ArticleLanguage } from '../../../shared/article'
import type { SpellingFinding } from '../../../shared/ipc'
import { CopydeskError } from '../../../shared/result'
import { resolveDictionary } from './dictionaries'
import { NewsroomWordList, normaliseNewsroomWord, type NewsroomWord } from './newsroomWordList'
import { InlineSpellBackend, WorkerSpellBackend, type SpellBackend } from './spellBackend'
import type { DictionaryFiles, LoadStats } from './spellEngine'

/** Most suggestions a finding carries. */
export const MAX_SUGGESTIONS = 5

/**
 * How many distinct unknown words of one check get suggestions (in text order); the rest carry
 * none. A news article has a dozen; a pasted list of thousands of names would otherwise keep
 * Hunspell busy for minutes (about 45 ms per word).
 */
export const MAX_SUGGESTED_WORDS = 50

/** Options of {@link SpellChecker}. */
export interface SpellCheckerOptions {
  /** The library folder; the newsroom word list lives there as `wordlist.json`. */
  libraryDir: string
  /** `worker` (default): Hunspell in a worker thread. `inline`: on the calling thread. */
  thread?: 'worker' | 'inline'
  /** Dictionary files per language instead of the npm packages (custom dictionaries). */
  dictionaries?: Partial<Record<ArticleLanguage, DictionaryFiles>>
}

/** Options of one check. */
export interface CheckOptions {
  /** false skips Hunspell's suggestion search (fast underlines; ask again for suggestions). */
  suggestions?: boolean
  /** Distinct words that get suggestions (default {@link MAX_SUGGESTED_WORDS}). */
  suggestedWords?: number
}

/**
 * Offline spelling for every article language, with Hunspell (WebAssembly) and the
 * `dictionary-*` packages. Each language's dictionary is loaded once, on first use. The
 * newsroom word list (names, places) is accepted in every language.
 */
export class SpellChecker {
  private readonly backend: SpellBackend
  private readonly wordList: NewsroomWordList
  private readonly dictionaries: Partial<Record<ArticleLanguage, DictionaryFiles>>
  /** The word list the backend was last given; null until the first call. */
  private synced: Promise<void> | null = null

  constructor(opts: SpellCheckerOptions) {
    this.backend = opts.thread === 'inline' ? new InlineSpellBackend() : new WorkerSpellBackend()
    this.wordList = new NewsroomWordList(opts.libraryDir)
    this.dictionaries = { ...opts.dictionaries }
  }

  /** The words of `text` the language's dictionary does not know, in text order. */
  async check(
    text: string,
    language: ArticleLanguage,
    opts: CheckOptions = {}
  ): Promise<SpellingFinding[]> {
    const [findings] = await this.checkMany([text], language, opts)
    return findings
  }

  /**
   * Checks several texts in one round trip to the worker (the fields of an article, or single
   * words). Result `i` belongs to `texts[i]`; offsets are relative to that text.
   */
  async checkMany(
    texts: readonly string[],
    language: ArticleLanguage,
    opts: CheckOptions = {}
  ): Promise<SpellingFinding[][]> {
    const dictionary = this.dictionaryFor(language)
    await this.syncWords()
    return this.backend.call('check', {
      language,
      dictionary,
      texts: [...texts],
      maxSuggestions: opts.suggestions === false ? 0 : MAX_SUGGESTIONS,
      maxSuggestedWords: opts.suggestedWords ?? MAX_SUGGESTED_WORDS
    })
  }

  /** Loads a language's dictionary now (e.g. when an article opens) and says how long it took. */
  async preload(language: ArticleLanguage): Promise<LoadStats> {
    const dictionary = this.dictionaryFor(language)
    await this.syncWords()
    return this.backend.call('load', language, dictionary)
  }

  /** How many words of each text would be looked up (tokenising only: the bench's baseline). */
  async countWords(texts: readonly string[], language: ArticleLanguage): Promise<number[]> {
    this.dictionaryFor(language)
    return this.backend.call('tokenize', language, [...texts])
  }

  /** The newsroom word list, sorted. */
  words(): Promise<string[]> {
    return this.wordList.list()
  }

  /** The newsroom word list with the model word of each word added "like" one. */
  entries(): Promise<NewsroomWord[]> {
    return this.wordList.entries()
  }

  /**
   * Adds a word to the newsroom list (all languages, saved in the library); returns the list.
   * With `like`, the word takes the affix rules of that dictionary word (`Wladiwostok` like
   * `Hamburg`: `Wladiwostoks` passes too) in the dictionaries that list it; a model no
   * dictionary lists is refused (`invalid-input`) and nothing is added.
   */
  async addWord(word: string, like?: string): Promise<string[]> {
    if (like !== undefined) {
      const model = normaliseNewsroomWord(like)
      normaliseNewsroomWord(word)
      if ((await this.stemLanguages(model)).length === 0) {
        throw new CopydeskError(
          'invalid-input',
          `"${model}" is not a word of any spelling dictionary (${ARTICLE_LANGUAGES.join(', ')}): ` +
            `the model must be a dictionary word, spelt as the dictionary has it (e.g. "Hamburg" for a place)`,
          { reason: 'unknown-model', model }
        )
      }
    }
    const words = await this.wordList.add(word, like)
    await this.pushWords()
    return words
  }

  /** Removes a word from the newsroom list; returns the list. */
  async removeWord(word: string): Promise<string[]> {
    const words = await this.wordList.remove(word)
    await this.pushWords()
    return words
  }

  /**
   * The languages whose dictionary lists `word` as a stem (a line of its .dic file), which is
   * what Hunspell needs to lend its affix rules. Languages not installed are left out.
   */
  async stemLanguages(word: string): Promise<ArticleLanguage[]> {
    const found: ArticleLanguage[] = []
    for (const language of ARTICLE_LANGUAGES) {
      let dic: string
      try {
        dic = await readFile(this.dictionaryFor(language).dic, 'utf8')
      } catch {
        continue
      }
      if (dicHasStem(dic, word)) found.push(language)
    }
    return found
  }

  /** Stops the worker thread. */
  async close(): Promise<void> {
    await this.backend.close()
  }

  private dictionaryFor(language: ArticleLanguage): DictionaryFiles {
    if (!(ARTICLE_LANGUAGES as readonly string[]).includes(language)) {
      throw new CopydeskError(
        'invalid-input',
        `Spelling: "${String(language)}" is not one of ${ARTICLE_LANGUAGES.join(', ')}`
      )
    }
    const custom = this.dictionaries[language]
    if (custom) return custom
    const { aff, dic } = resolveDictionary(language)
    return (this.dictionaries[language] = { aff, dic })
  }

  private syncWords(): Promise<void> {
    return (this.synced ??= this.track(
      this.wordList.entries().then((words) => this.backend.call('setWords', words))
    ))
  }

  private async pushWords(): Promise<void> {
    // Nothing checked yet: the first check reads the list itself (and `copydesk words --add`
    // never starts the worker).
    if (!this.synced) return
    const words = await this.wordList.entries()
    await (this.synced = this.track(this.backend.call('setWords', words)))
  }

  /** A failed sync (damaged word list, crashed worker) is retried by the next call. */
  private track(attempt: Promise<void>): Promise<void> {
    void attempt.catch(() => {
      if (this.synced === attempt) this.synced = null
    })
    return attempt
  }
}

/** Whether a Hunspell .dic text has `word` as an entry (`word`, `word/FLAGS`, `word<TAB>…`). */
export function dicHasStem(dic: string, word: string): boolean {
  for (let at = dic.indexOf(word); at !== -1; at = dic.indexOf(word, at + 1)) {
    if (at > 0 && dic[at - 1] !== '\n') continue
    const next = dic[at + word.length]
    if (next === undefined || next === '/' || next === '\n' || next === '\r' || next === '\t') {
      return true
    }
  }
  return false
}
