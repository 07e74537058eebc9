import { CopydeskError } from '../../shared/result'
import { parse, printJson, type Command } from '../command'

/** words: the newsroom word list the spelling check accepts in every language. */
export const wordCommands: Record<string, Command> = {
  async words(args, ctx) {
    const { values, positionals } = parse('words', args, {
      add: { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true }
    })
    if (positionals.length) {
      throw new CopydeskError(
        'invalid-input',
        `words: unexpected argument "${positionals[0]}" (use --add WORD or --remove WORD)`
      )
    }
    const isChange = (values.add?.length ?? 0) + (values.remove?.length ?? 0) > 0
    const s = await ctx.services(isChange ? 'write' : 'read')
    let words = await s.spelling.words()
    for (const word of values.add ?? []) words = await s.spelling.addWord(word)
    for (const word of values.remove ?? []) words = await s.spelling.removeWord(word)
    if (ctx.json) printJson(ctx.io, words)
    else if (words.length) ctx.io.out(words.join('\n'))
    return 0
  }
}
