import { z } from 'zod'
import { ARTICLE_LANGUAGES } from '../article'
import { Channels } from '../channels'
import type { Result } from '../result'
import type { InputIn } from './input'

/** A word the dictionary does not know: UTF-16 offsets into the checked text, ≤ 5 suggestions. */
export interface SpellingFinding {
  word: string
  start: number
  end: number
  suggestions: string[]
}

const wordInput = z.object({ word: z.string().max(200) }).strict()

export const spellingInputSchemas = {
  [Channels.spellingCheck]: z
    .object({
      text: z.string().max(1_000_000),
      language: z.enum(ARTICLE_LANGUAGES),
      /** false: no suggestions (fast underlines while typing). */
      suggestions: z.boolean().optional()
    })
    .strict(),
  [Channels.spellingWords]: z.undefined(),
  [Channels.spellingAddWord]: z
    .object({
      word: z.string().max(200),
      /** A dictionary word whose affix rules the new word takes (`Hamburg` for `Wladiwostok`). */
      like: z.string().max(200).optional()
    })
    .strict(),
  [Channels.spellingRemoveWord]: wordInput
} as const

export interface SpellingOutputMap {
  [Channels.spellingCheck]: SpellingFinding[]
  [Channels.spellingWords]: string[]
  [Channels.spellingAddWord]: string[]
  [Channels.spellingRemoveWord]: string[]
}

type In<C extends keyof typeof spellingInputSchemas> = InputIn<typeof spellingInputSchemas, C>

export interface SpellingApi {
  /** Unknown words of a text in an article language, with offsets and up to 5 suggestions. */
  checkSpelling(input: In<typeof Channels.spellingCheck>): Promise<Result<SpellingFinding[]>>
  /** The newsroom word list (names, places), sorted. */
  spellingWords(): Promise<Result<string[]>>
  /**
   * Adds a word to the newsroom word list (all languages); returns the list. With `like`, the
   * word takes that dictionary word's affix rules (`invalid-input` when no dictionary has it).
   */
  addSpellingWord(input: In<typeof Channels.spellingAddWord>): Promise<Result<string[]>>
  removeSpellingWord(input: In<typeof Channels.spellingRemoveWord>): Promise<Result<string[]>>
}
