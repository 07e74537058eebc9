/**
 * The spelling engine: one Hunspell instance per language, the tokeniser, the newsroom words.
 *
 * The worker thread receives `createSpellEngine` as source text (`Function.prototype.toString`),
 * so its body must stay self-contained: it may use globals (Intl, Map, RegExp...) and its
 * parameter, nothing imported or declared elsewhere in this file at run time. Types are erased
 * and may be shared freely.
 */
import type { Hunspell, HunspellFactory } from 'hunspell-asm'

/** The two files of a Hunspell dictionary, as absolute paths on disk. */
export interface DictionaryFiles {
  aff: string
  dic: string
}

/**
 * One word of the newsroom list. With `like`, the word takes the affix rules of that dictionary
 * word (Hunspell's add-with-affix: `Wladiwostok` like `Hamburg` also passes as `Wladiwostoks`)
 * in every language whose dictionary has it; elsewhere it is added as it stands.
 */
export interface WordEntry {
  word: string
  like?: string
}

/** What the engine needs from its host thread. */
export interface SpellEngineDeps {
  /** hunspell-asm's `loadModule` (compiles the WebAssembly build of Hunspell). */
  loadHunspell(): Promise<HunspellFactory>
  /** Reads a dictionary file. */
  readFile(file: string): Uint8Array
}

/** A word Hunspell does not know, with UTF-16 offsets into the text it came from. */
export interface EngineFinding {
  word: string
  start: number
  end: number
  suggestions: string[]
}

/** One batch of texts in one language. */
export interface EngineCheckRequest {
  /** BCP 47 tag; also picks the word segmentation rules. */
  language: string
  dictionary: DictionaryFiles
  texts: string[]
  /** Suggestions per finding; 0 skips Hunspell's (slow) suggestion search. */
  maxSuggestions: number
  /**
   * How many distinct unknown words of the batch get suggestions, in text order (default: all).
   * Hunspell needs about 45 ms per word, so a pasted list of 100,000 names would take hours.
   */
  maxSuggestedWords?: number
}

/** How long loading a language took (0 when it was already loaded). */
export interface LoadStats {
  language: string
  /** Compiling Hunspell's WebAssembly (once per engine). */
  wasmMs: number
  /** Reading the .aff/.dic files and building the Hunspell instance. */
  dictionaryMs: number
  cached: boolean
}

/** The engine's operations; the worker thread maps messages onto exactly these. */
export interface SpellEngine {
  load(language: string, dictionary: DictionaryFiles): Promise<LoadStats>
  check(request: EngineCheckRequest): Promise<EngineFinding[][]>
  /** The candidate words per text, without any lookup (the benchmark's baseline). */
  tokenize(language: string, texts: string[]): Promise<number[]>
  /**
   * Replaces the newsroom word list: accepted in every language; in German, a name (first
   * letter upper case) also takes the genitive `-s` (`Kims`), unless it ends in s, ß, x or z.
   */
  setWords(words: WordEntry[]): Promise<void>
  dispose(): Promise<void>
}

/** Builds the engine. Self-contained: see the module comment before adding any reference. */
export function createSpellEngine(deps: SpellEngineDeps): SpellEngine {
  interface Loaded {
    dictionary: DictionaryFiles
    /** Swiss German: `ss` stands for `ß`. */
    swiss: boolean
    /** German: names in the word list take the genitive `-s`. */
    german: boolean
    affPath: string
    dicPath: string
    hunspell: Hunspell
    verdicts: Map<string, boolean>
    suggestions: Map<string, string[]>
  }
  interface Part {
    text: string
    start: number
    end: number
  }

  const HYPHENS = '-\u2010\u2011'
  const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g
  const APOSTROPHES = /[\u2019\u02BC\u2018\u0060\u00B4]/g
  const URL_OR_EMAIL =
    /(?:\b(?:https?|ftp):\/\/|\bwww\.)[^\s<>"“”„»«]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu
  const HOST_NAME = /^[\p{Ll}\d-]+(?:\.[\p{Ll}\d-]+)*\.\p{Ll}{2,6}$/u
  const ABBREVIATION = /^\p{Lu}{2,5}s?$/u
  const LETTER = /\p{L}/u
  const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
  const DIGIT = /\p{N}/u
  const APOSTROPHE_SUFFIX = /^\p{Ll}{1,4}$/u
  const MAX_WORD = 100
  const CHUNK = 1000
  const WHITESPACE = /\s/
  const CACHE_LIMIT = 50_000
  // A German name's genitive is `Kims`, `Putins`; after s, ß, x and z it is an apostrophe.
  const GENITIVE_NAME = /^\p{Lu}.*[^sßxzSXZ]$/u

  let factory: HunspellFactory | null = null
  let factoryPromise: Promise<HunspellFactory> | null = null
  const languages = new Map<string, Loaded>()
  const segmenters = new Map<string, Intl.Segmenter>()
  let extraWords: WordEntry[] = []

  async function getFactory(): Promise<{ factory: HunspellFactory; ms: number }> {
    if (factory) return { factory, ms: 0 }
    const started = performance.now()
    factoryPromise ??= deps.loadHunspell()
    factory = await factoryPromise
    return { factory, ms: performance.now() - started }
  }

  function clean(word: string): string {
    return word.normalize('NFC').replace(INVISIBLE, '').replace(APOSTROPHES, "'")
  }

  function addEntry(hunspell: Hunspell, entry: WordEntry, german: boolean): void {
    if (entry.like) {
      // Hunspell adds nothing when the model is not a stem of this dictionary (another
      // language's place name): then the word stands alone here.
      hunspell.addWordWithAffix(entry.word, entry.like)
      if (!hunspell.spell(entry.word)) hunspell.addWord(entry.word)
    } else {
      hunspell.addWord(entry.word)
    }
    if (german && GENITIVE_NAME.test(entry.word)) hunspell.addWord(`${entry.word}s`)
  }

  function build(f: HunspellFactory, affPath: string, dicPath: string, german: boolean): Hunspell {
    const hunspell = f.create(affPath, dicPath)
    for (const entry of extraWords) addEntry(hunspell, entry, german)
    return hunspell
  }

  function loadedAs(language: string, dictionary: DictionaryFiles): Loaded | undefined {
    const loaded = languages.get(language)
    return loaded?.dictionary.aff === dictionary.aff && loaded.dictionary.dic === dictionary.dic
      ? loaded
      : undefined
  }

  async function load(language: string, dictionary: DictionaryFiles): Promise<LoadStats> {
    const cached = { language, wasmMs: 0, dictionaryMs: 0, cached: true }
    if (loadedAs(language, dictionary)) return cached
    const { factory: f, ms: wasmMs } = await getFactory()
    // Another call may have loaded it while this one waited for the WebAssembly; from here on
    // everything is synchronous, so no two calls build one language twice.
    if (loadedAs(language, dictionary)) return { ...cached, wasmMs }
    const started = performance.now()
    const existing = languages.get(language)
    if (existing) dropLanguage(f, language, existing)
    // Unique mount names: a language may be reloaded from other files while the old ones exist.
    const tag = `${language}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
    const affPath = f.mountBuffer(deps.readFile(dictionary.aff), `${tag}.aff`)
    const dicPath = f.mountBuffer(deps.readFile(dictionary.dic), `${tag}.dic`)
    const german = /^de(?:-|$)/i.test(language)
    const hunspell = build(f, affPath, dicPath, german)
    languages.set(language, {
      dictionary,
      swiss: language.toLowerCase() === 'de-ch',
      german,
      affPath,
      dicPath,
      hunspell,
      verdicts: new Map(),
      suggestions: new Map()
    })
    return { language, wasmMs, dictionaryMs: performance.now() - started, cached: false }
  }

  function dropLanguage(f: HunspellFactory, language: string, loaded: Loaded): void {
    loaded.hunspell.dispose()
    f.unmount(loaded.affPath)
    f.unmount(loaded.dicPath)
    languages.delete(language)
  }

  function segmenter(language: string): Intl.Segmenter {
    let s = segmenters.get(language)
    if (!s) {
      s = new Intl.Segmenter(language, { granularity: 'word' })
      segmenters.set(language, s)
    }
    return s
  }

  /**
   * Where the chunk starting at `from` ends: at whitespace near CHUNK characters on. Intl.Segmenter
   * slows down quadratically on long strings (V8/ICU: 13,000 words in one string took 3.5 s,
   * paragraph by paragraph 25 ms), and a word boundary at whitespace is a boundary anyway.
   */
  function chunkEnd(text: string, from: number): number {
    if (text.length - from <= CHUNK) return text.length
    for (let i = from + CHUNK; i > from + CHUNK / 2; i--) {
      if (WHITESPACE.test(text[i])) return i
    }
    return from + CHUNK
  }

  function maskedRanges(text: string): Array<[number, number]> {
    const ranges: Array<[number, number]> = []
    for (const match of text.matchAll(URL_OR_EMAIL)) {
      ranges.push([match.index, match.index + match[0].length])
    }
    return ranges
  }

  /**
   * Splits text into word groups: runs of word-like segments joined by single hyphens with no
   * space (`Corona-Pandemie` is one group of two parts), and calls `visit` for each.
   */
  function eachGroup(text: string, language: string, visit: (parts: Part[]) => void): void {
    const masked = maskedRanges(text)
    let group: Part[] | null = null
    let afterHyphen = false
    const flush = (): void => {
      if (!group) return
      const start = group[0].start
      const end = group[group.length - 1].end
      const before = text[start - 1]
      const hidden =
        before === '@' || before === '#' || masked.some(([s, e]) => s < end && e > start)
      if (!hidden) visit(group)
      group = null
    }
    const words = segmenter(language)
    for (let from = 0; from < text.length;) {
      const to = chunkEnd(text, from)
      for (const seg of words.segment(text.slice(from, to))) {
        const index = from + seg.index
        if (seg.isWordLike) {
          const part = { text: seg.segment, start: index, end: index + seg.segment.length }
          if (group && afterHyphen && group[group.length - 1].end + 1 === part.start) {
            group.push(part)
          } else {
            flush()
            group = [part]
          }
          afterHyphen = false
        } else if (
          group &&
          !afterHyphen &&
          seg.segment.length === 1 &&
          HYPHENS.includes(seg.segment) &&
          index === group[group.length - 1].end
        ) {
          afterHyphen = true
        } else {
          flush()
          afterHyphen = false
        }
      }
      from = to
    }
    flush()
  }

  function skippable(word: string): boolean {
    return (
      word.length < 2 ||
      word.length > MAX_WORD ||
      DIGIT.test(word) ||
      !LETTER.test(word) ||
      ABBREVIATION.test(word) ||
      HOST_NAME.test(word)
    )
  }

  function known(loaded: Loaded, word: string): boolean {
    let verdict = loaded.verdicts.get(word)
    if (verdict === undefined) {
      verdict = loaded.hunspell.spell(word)
      if (loaded.verdicts.size >= CACHE_LIMIT) loaded.verdicts.clear()
      loaded.verdicts.set(word, verdict)
    }
    return verdict
  }

  /** `Strasse` → `Straße`...: every mix of `ss` and `ß` (Swiss spelling has no `ß`). */
  function sharpSVariants(word: string): string[] {
    const parts = word.split('ss')
    if (parts.length < 2 || parts.length > 4) return []
    const variants: string[] = []
    for (let mask = 1; mask < 1 << (parts.length - 1); mask++) {
      variants.push(parts.reduce((acc, p, i) => acc + ((mask >> (i - 1)) & 1 ? 'ß' : 'ss') + p))
    }
    return variants
  }

  /** Whether one word (a whole group or one part of it) is acceptable. */
  function wordOk(loaded: Loaded, word: string, alternatives: string[]): boolean {
    if (skippable(word) || known(loaded, word)) return true
    // The de-CH dictionary (igerman98) spells with ß, which Swiss German does not use.
    if (loaded.swiss && sharpSVariants(word).some((v) => known(loaded, v))) return true
    // `Dr.`, `Haushalts-` (as in `Haushalts- und Finanzpolitik`), `-politik`: the dictionary
    // lists these with their punctuation, which the segmenter leaves outside the word.
    if (alternatives.some((alt) => known(loaded, alt))) return true
    const apostrophe = word.lastIndexOf("'")
    if (apostrophe > 0) {
      // `geht's`, `Merkel'sche`, `Müller's`: a known stem plus a short clitic or suffix.
      const suffix = word.slice(apostrophe + 1)
      const stem = word.slice(0, apostrophe)
      if (APOSTROPHE_SUFFIX.test(suffix) && (skippable(stem) || known(loaded, stem))) return true
    }
    if (word.includes('.')) {
      // A missing space after a full stop (`Bundestag.Die`) is not a spelling mistake.
      const pieces = word.split('.').filter(Boolean)
      if (pieces.length > 1 && pieces.every((p) => skippable(p) || known(loaded, p))) return true
    }
    return false
  }

  /** The distinct words one batch has given suggestions for, and how many it may. */
  interface Budget {
    words: Set<string>
    limit: number
  }

  function suggest(loaded: Loaded, word: string, max: number, budget: Budget): string[] {
    if (max <= 0) return []
    // Counted whether cached or not, so the same text always gets the same answer.
    if (!budget.words.has(word)) {
      if (budget.words.size >= budget.limit) return []
      budget.words.add(word)
    }
    let list = loaded.suggestions.get(word)
    if (!list) {
      const seen = new Set<string>()
      list = []
      for (const raw of loaded.hunspell.suggest(word)) {
        const s = loaded.swiss ? raw.replace(/ß/g, 'ss') : raw
        // German compound fragments (`-trasse`) are no help as a replacement.
        if (s === word || seen.has(s) || HYPHENS.includes(s[0]) || HYPHENS.includes(s.at(-1) ?? ''))
          continue
        seen.add(s)
        list.push(s)
      }
      if (loaded.suggestions.size >= CACHE_LIMIT) loaded.suggestions.clear()
      loaded.suggestions.set(word, list)
    }
    return list.slice(0, max)
  }

  function checkText(
    loaded: Loaded,
    language: string,
    text: string,
    max: number,
    budget: Budget
  ): EngineFinding[] {
    const findings: EngineFinding[] = []
    eachGroup(text, language, (parts) => {
      const start = parts[0].start
      const end = parts[parts.length - 1].end
      if (parts.length > 1 && wordOk(loaded, clean(text.slice(start, end)), [])) return
      parts.forEach((part, i) => {
        const word = clean(part.text)
        const alternatives: string[] = []
        const next = text[part.end]
        if (i === parts.length - 1) {
          if (next === '.') alternatives.push(`${word}.`)
          if (next && HYPHENS.includes(next) && !LETTER_OR_DIGIT.test(text[part.end + 1] ?? '')) {
            alternatives.push(`${word}-`)
          }
        } else {
          alternatives.push(`${word}-`)
        }
        const prev = text[part.start - 1]
        if (i > 0) alternatives.push(`-${word}`)
        else if (
          prev &&
          HYPHENS.includes(prev) &&
          !LETTER_OR_DIGIT.test(text[part.start - 2] ?? '')
        ) {
          alternatives.push(`-${word}`)
        }
        if (wordOk(loaded, word, alternatives)) return
        findings.push({
          word: part.text,
          start: part.start,
          end: part.end,
          suggestions: suggest(loaded, word, max, budget)
        })
      })
    })
    return findings
  }

  function loadedOrThrow(language: string): Loaded {
    const loaded = languages.get(language)
    if (!loaded) throw new Error(`The ${language} dictionary is not loaded`)
    return loaded
  }

  return {
    load,

    async check(request) {
      await load(request.language, request.dictionary)
      const loaded = loadedOrThrow(request.language)
      const budget = { words: new Set<string>(), limit: request.maxSuggestedWords ?? Infinity }
      return request.texts.map((text) =>
        checkText(loaded, request.language, text, request.maxSuggestions, budget)
      )
    },

    async tokenize(language, texts) {
      return texts.map((text) => {
        let count = 0
        eachGroup(text, language, (parts) => {
          for (const part of parts) if (!skippable(clean(part.text))) count++
        })
        return count
      })
    },

    async setWords(words) {
      const keyOf = (e: WordEntry): string => `${e.word}\u0000${e.like ?? ''}`
      const byKey = new Map<string, WordEntry>()
      for (const w of words) {
        const entry: WordEntry = w.like
          ? { word: clean(w.word), like: clean(w.like) }
          : { word: clean(w.word) }
        byKey.set(keyOf(entry), entry)
      }
      const next = [...byKey.values()]
      const removed = extraWords.some((e) => !byKey.has(keyOf(e)))
      const previous = new Set(extraWords.map(keyOf))
      extraWords = next
      if (!factory) return
      for (const loaded of languages.values()) {
        if (removed) {
          // hunspell-asm's removeWord does not take back a runtime addWord (checked with
          // 4.0.2), so a removal rebuilds the instance from the still-mounted files.
          loaded.hunspell.dispose()
          loaded.hunspell = build(factory, loaded.affPath, loaded.dicPath, loaded.german)
        } else {
          for (const entry of next) {
            if (!previous.has(keyOf(entry))) addEntry(loaded.hunspell, entry, loaded.german)
          }
        }
        loaded.verdicts.clear()
        loaded.suggestions.clear()
      }
    },

    async dispose() {
      if (factory) {
        for (const [language, loaded] of [...languages]) dropLanguage(factory, language, loaded)
      }
      languages.clear()
    }
  }
}
