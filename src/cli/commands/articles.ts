import { resolve } from 'node:path'
import { ARTICLE_LANGUAGES, type Article, type ArticlePatch } from '../../shared/article'
import { presentArticle, type ArticleView } from '../../shared/articleView'
import { CopydeskError } from '../../shared/result'
import { readBodyFile } from '../bodyFile'
import type { CliIo } from '../cliIo'
import { oneId, parse, printJson, type Command } from '../command'

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
          `${a.id}  ${a.status.padEnd(8)}  ${String(a.wordCount).padStart(6)} words  ${a.headline ?? '(no headline)'}`
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
