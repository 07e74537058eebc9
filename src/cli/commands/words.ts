import { CopydeskError } from '../../shared/result'
import { parse, printJson, type Command } from '../command'

/** `NAME=MODEL` of `--add-like`, split; a usage error names what is wrong. */
function parseAddLike(value: string): { word: string; like: string } {
  const at = value.indexOf('=')
  const word = at === -1 ? '' : value.slice(0, at).trim()
  const like = at === -1 ? '' : value.slice(at + 1).trim()
  if (!word || !like || like.includes('=')) {
    throw new CopydeskError(
      'invalid-input',
      `words: --add-like takes NAME=MODEL, a new word and a dictionary word whose forms it shares (e.g. Wladiwostok=Hamburg); got "${value}"`
    )
  }
  return { word, like }
}

/** words: the newsroom word list the spelling check accepts in every language. */
export const wordCommands: Record<string, Command> = {
  async words(args, ctx) {
    const { values, positionals } = parse('words', args, {
      add: { type: 'string', multiple: true },
      'add-like': { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true }
    })
    if (positionals.length) {
      throw new CopydeskError(
        'invalid-input',
        `words: unexpected argument "${positionals[0]}" (use --add WORD, --add-like WORD=MODEL or --remove WORD)`
      )
    }
    const addLike = (values['add-like'] ?? []).map(parseAddLike)
    const isChange = (values.add?.length ?? 0) + addLike.length + (values.remove?.length ?? 0) > 0
    const s = await ctx.services(isChange ? 'write' : 'read')
    // Every model is checked before anything changes, so a typo in one leaves the list as it was.
    for (const { word, like } of addLike) {
      if ((await s.spelling.stemLanguages(like)).length === 0) {
        throw new CopydeskError(
          'invalid-input',
          `words: --add-like ${word}=${like}: "${like}" is not a word of any spelling dictionary; the model must be a dictionary word spelt as the dictionary has it (e.g. Hamburg)`
        )
      }
    }
    let words = await s.spelling.words()
    for (const word of values.add ?? []) words = await s.spelling.addWord(word)
    for (const { word, like } of addLike) words = await s.spelling.addWord(word, like)
    for (const word of values.remove ?? []) words = await s.spelling.removeWord(word)
    if (ctx.json) printJson(ctx.io, words)
    else if (words.length) ctx.io.out(words.join('\n'))
    return 0
  }
}
