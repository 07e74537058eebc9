import { homedir } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ARTICLE_LANGUAGES, type Article, type ArticlePatch } from '../shared/article'
import { CopydeskError, exitCodeFor } from '../shared/result'
import { openServices, type Services } from '../main/services'
import { resolveLibraryDir } from '../main/services/libraryLocation'
import { readBodyFile } from './bodyFile'
import type { CliIo } from './cliIo'
import { presentArticle, type ArticleView } from '../shared/articleView'

export const VERSION = '0.1.0'

const HELP = `copydesk — the Copydesk newsroom library from the command line

Usage: copydesk [--library DIR] <command> [options] [--json]

Commands:
  new [--kicker T] [--headline T] [--teaser T] [--byline NAME]... [--dateline PLACE]
      [--date ISO-8601] [--language TAG] [--body-file FILE]
                      create a draft; prints its id (--json: the article)
  list                the drafts, newest change first (--json: array of summaries)
  show ID             one article (--json: the article with effective image values)

Global options:
  --library DIR       the library folder (else $COPYDESK_LIBRARY, else the app's default)
  --json              machine-readable output on stdout; errors as {"error":{code,message}}
  --help, --version

Exit codes: 0 ok, 1 findings or partial failure, 2 usage error, 3 not found,
4 conflict or library locked, 5 corrupt data or I/O error.
`

interface Globals {
  library?: string
  json: boolean
  help: boolean
  version: boolean
  rest: string[]
}

function splitGlobals(argv: string[]): Globals {
  const g: Globals = { json: false, help: false, version: false, rest: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--json') g.json = true
    else if (arg === '--help' || arg === '-h') g.help = true
    else if (arg === '--version') g.version = true
    else if (arg === '--library') {
      const value = argv[++i]
      if (value === undefined || value.startsWith('--')) {
        throw new CopydeskError('invalid-input', '--library needs a folder')
      }
      g.library = value
    } else if (arg.startsWith('--library=')) g.library = arg.slice('--library='.length)
    else g.rest.push(arg)
  }
  return g
}

function parse<T extends ParseArgsConfig['options']>(
  command: string,
  args: string[],
  options: T
): ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new CopydeskError('invalid-input', `${command}: ${(error as Error).message}`)
  }
}

function oneId(command: string, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new CopydeskError('invalid-input', `${command} needs exactly one article id`)
  }
  return positionals[0]
}

type Command = (args: string[], ctx: CommandContext) => Promise<number>

interface CommandContext {
  io: CliIo
  json: boolean
  services(): Promise<Services>
}

function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2))
}

function printArticle(io: CliIo, view: ArticleView): void {
  const lines = [
    `${view.kicker ? `${view.kicker}: ` : ''}${view.headline ?? '(no headline)'}`,
    `id ${view.id} · revision ${view.revision} · ${view.status} · ${view.language}`
  ]
  if (view.teaser) lines.push('', view.teaser)
  if (view.bylines.length) lines.push('', `Bylines: ${view.bylines.join(', ')}`)
  if (view.dateline.place) {
    lines.push(
      `Dateline: ${view.dateline.place}${view.dateline.source ? ` (${view.dateline.source})` : ''}`
    )
  }
  lines.push(`Updated: ${view.updatedAt}`)
  io.out(lines.join('\n'))
}

const commands: Record<string, Command> = {
  async new(args, ctx) {
    const { values, positionals } = parse('new', args, {
      kicker: { type: 'string' },
      headline: { type: 'string' },
      teaser: { type: 'string' },
      byline: { type: 'string', multiple: true },
      dateline: { type: 'string' },
      date: { type: 'string' },
      language: { type: 'string' },
      'body-file': { type: 'string' }
    })
    if (positionals.length) {
      throw new CopydeskError('invalid-input', `new: unexpected argument "${positionals[0]}"`)
    }
    const patch: ArticlePatch = {}
    if (values.kicker !== undefined) patch.kicker = values.kicker
    if (values.headline !== undefined) patch.headline = values.headline
    if (values.teaser !== undefined) patch.teaser = values.teaser
    if (values.byline) patch.bylines = values.byline.map((b) => b.trim()).filter(Boolean)
    if (values.dateline !== undefined) patch.dateline = { place: values.dateline, source: null }
    if (values.date !== undefined) {
      if (
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(values.date)
      ) {
        throw new CopydeskError(
          'invalid-input',
          `new: --date "${values.date}" is not ISO-8601 with a time zone (e.g. 2024-05-02T14:30:00+02:00)`
        )
      }
      patch.publishedAt = values.date
    }
    if (values.language !== undefined) {
      if (!(ARTICLE_LANGUAGES as readonly string[]).includes(values.language)) {
        throw new CopydeskError(
          'invalid-input',
          `new: --language "${values.language}" is not one of ${ARTICLE_LANGUAGES.join(', ')}`
        )
      }
      patch.language = values.language as Article['language']
    }
    if (values['body-file'] !== undefined) {
      patch.body = await readBodyFile(resolve(ctx.io.cwd, values['body-file']))
    }
    const s = await ctx.services()
    const article = await s.articles.create(patch)
    if (ctx.json) printJson(ctx.io, presentArticle(article))
    else ctx.io.out(article.id)
    return 0
  },

  async list(args, ctx) {
    const { positionals } = parse('list', args, {})
    if (positionals.length) {
      throw new CopydeskError('invalid-input', `list: unexpected argument "${positionals[0]}"`)
    }
    const s = await ctx.services()
    const summaries = await s.articles.list()
    if (ctx.json) {
      printJson(
        ctx.io,
        summaries.map((a) => ({
          id: a.id,
          headline: a.headline,
          kicker: a.kicker,
          status: a.status,
          bylines: a.bylines,
          updatedAt: a.updatedAt,
          wordCount: a.wordCount
        }))
      )
    } else if (summaries.length === 0) {
      ctx.io.out('No drafts yet.')
    } else {
      for (const a of summaries) {
        ctx.io.out(
          `${a.id}  ${a.status.padEnd(8)}  ${String(a.wordCount).padStart(6)} words  ${a.headline ?? '(no headline)'}`
        )
      }
    }
    return 0
  },

  async show(args, ctx) {
    const { positionals } = parse('show', args, {})
    const id = oneId('show', positionals)
    const s = await ctx.services()
    const view = presentArticle(await s.articles.get(id))
    if (ctx.json) printJson(ctx.io, view)
    else printArticle(ctx.io, view)
    return 0
  }
}

/** Runs one CLI invocation and returns its exit code; never calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json')
  const opened: { services: Services | null } = { services: null }
  try {
    const g = splitGlobals(argv)
    json = g.json
    if (g.version) {
      io.out(VERSION)
      return 0
    }
    const [name, ...args] = g.rest
    if (g.help || !name) {
      ;(name || g.help ? io.out : io.err)(HELP)
      return name || g.help ? 0 : 2
    }
    const command = commands[name]
    if (!command) {
      throw new CopydeskError('invalid-input', `unknown command "${name}" (see copydesk --help)`)
    }
    const libraryDir = resolveLibraryDir(g.library, {
      platform: process.platform,
      env: io.env,
      homedir: homedir()
    })
    return await command(args, {
      io,
      json,
      services: async () => {
        opened.services ??= await openServices({
          libraryDir,
          version: VERSION,
          systemLocale: io.env.LANG ?? 'en'
        })
        return opened.services
      }
    })
  } catch (error) {
    const e =
      error instanceof CopydeskError
        ? error
        : new CopydeskError('internal', error instanceof Error ? error.message : String(error))
    if (json) io.out(JSON.stringify({ error: { code: e.code, message: e.message } }))
    io.err(`copydesk: ${e.message}`)
    return exitCodeFor(e.code)
  } finally {
    await opened.services?.close()
  }
}
