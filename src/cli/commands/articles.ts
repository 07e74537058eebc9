import { resolve } from 'node:path'
import {
  ARTICLE_LANGUAGES,
  dateTimeProblem,
  type Article,
  type ArticlePatch
} from '../../shared/article'
import { presentArticle, type ArticleView } from '../../shared/articleView'
import { articlePatchProblem } from '../../shared/editor/articleCheck'
import { CopydeskError } from '../../shared/result'
import { docxNoteText } from '../../main/services/docx/convertDocx'
import { isDocxBodyFile, readBodyFile, readDocxBodyFile } from '../bodyFile'
import { oneLine, type CliIo } from '../cliIo'
import { oneId, parse, printJson, type Command } from '../command'

/** A headline for one line of terminal output (line breaks in stored ones shown escaped). */
export function headlineText(headline: string | null): string {
  return headline === null ? '(no headline)' : oneLine(headline)
}

function printArticle(io: CliIo, view: ArticleView): void {
  const lines = [
    `${view.kicker ? `${oneLine(view.kicker)}: ` : ''}${headlineText(view.headline)}`,
    `id ${view.id} · revision ${view.revision} · ${view.status} · ${view.language}`
  ]
  if (view.teaser) lines.push('', view.teaser)
  if (view.bylines.length) lines.push('', `Bylines: ${view.bylines.map(oneLine).join(', ')}`)
  if (view.dateline.place) {
    const source = view.dateline.source ? ` (${oneLine(view.dateline.source)})` : ''
    lines.push(`Dateline: ${oneLine(view.dateline.place)}${source}`)
  }
  lines.push(`Updated: ${view.updatedAt}`)
  io.out(lines.join('\n'))
}

// Which option of `new` (and `update`) set an article field, so a refusal names what the user
// typed.
export const FLAG_OF_FIELD: Record<string, string> = {
  kicker: '--kicker',
  headline: '--headline',
  teaser: '--teaser',
  bylines: '--byline',
  dateline: '--dateline',
  publishedAt: '--date',
  language: '--language'
}

/**
 * A `--date` value as the article stores it, or a usage error naming the command. Seconds may
 * be left out on the command line.
 */
export function checkedDate(command: string, value: string): string {
  const problem = dateTimeProblem(value, { secondsOptional: true })
  if (problem) throw new CopydeskError('invalid-input', `${command}: --date "${value}" ${problem}`)
  // Stored timestamps always carry seconds (RFC 3339, as ninjs and NewsML-G2 want them).
  return value.replace(/^(.{10}T\d\d:\d\d)(?=Z|[+-])/, '$1:00')
}

/** A `--language` value, or a usage error naming the command and the languages there are. */
export function checkedLanguage(command: string, value: string): Article['language'] {
  if (!(ARTICLE_LANGUAGES as readonly string[]).includes(value)) {
    throw new CopydeskError(
      'invalid-input',
      `${command}: --language "${value}" is not one of ${ARTICLE_LANGUAGES.join(', ')}`
    )
  }
  return value as Article['language']
}

/** new, list, show: drafts in the library. */
export const articleCommands: Record<string, Command> = {
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
    if (values.date !== undefined) patch.publishedAt = checkedDate('new', values.date)
    if (values.language !== undefined) patch.language = checkedLanguage('new', values.language)
    const bodyFile =
      values['body-file'] === undefined ? null : resolve(ctx.io.cwd, values['body-file'])
    if (bodyFile !== null && !isDocxBodyFile(bodyFile)) patch.body = await readBodyFile(bodyFile)
    // Checked before a Word document's images go into the photo desk.
    const early = articlePatchProblem(patch)
    let notes: string[] = []
    if (bodyFile !== null && isDocxBodyFile(bodyFile) && !early) {
      const docx = await readDocxBodyFile(bodyFile, await ctx.services(), {
        headlineFromDocument: values.headline === undefined
      })
      patch.body = docx.body
      if (values.headline === undefined && docx.headline !== null) patch.headline = docx.headline
      notes = docx.notes.map((n) => `--body-file ${values['body-file']}: ${docxNoteText(n)}`)
    }
    const problem = early ?? articlePatchProblem(patch)
    if (problem) {
      const field = problem.field.split('.')[0] ?? ''
      const flag =
        field === 'body'
          ? `--body-file ${values['body-file'] ?? ''}`.trim()
          : (FLAG_OF_FIELD[field] ?? problem.field)
      throw new CopydeskError('invalid-input', `new: ${flag}: ${problem.message}`)
    }
    const s = await ctx.services()
    const article = await s.articles.create(patch)
    // What a Word document held that the draft does not (comments, tracked changes, refused
    // images) is said on stderr, so stdout stays the id or the JSON.
    for (const note of notes) ctx.io.err(oneLine(note))
    if (ctx.json) printJson(ctx.io, presentArticle(article))
    else ctx.io.out(article.id)
    return 0
  },

  async list(args, ctx) {
    const { positionals } = parse('list', args, {})
    if (positionals.length) {
      throw new CopydeskError('invalid-input', `list: unexpected argument "${positionals[0]}"`)
    }
    const s = await ctx.services('read')
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
          `${a.id}  ${a.status.padEnd(8)}  ${String(a.wordCount).padStart(6)} words  ${headlineText(a.headline)}`
        )
      }
    }
    return 0
  },

  async show(args, ctx) {
    const { positionals } = parse('show', args, {})
    const id = oneId('show', positionals)
    const s = await ctx.services('read')
    const view = presentArticle(await s.articles.get(id), await s.assets.defaults())
    if (ctx.json) printJson(ctx.io, view)
    else printArticle(ctx.io, view)
    return 0
  }
}
