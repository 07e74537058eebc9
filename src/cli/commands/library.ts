import { ARTICLE_STATUSES, type ArticleStatus } from '../../shared/article'
import { CopydeskError } from '../../shared/result'
import { oneId, parse, printJson, type Command } from '../command'
import { headlineText } from './articles'

function noArguments(command: string, positionals: string[]): void {
  if (positionals.length) {
    throw new CopydeskError('invalid-input', `${command}: unexpected argument "${positionals[0]}"`)
  }
}

/** delete, history, trash, restore, search: the library beyond new/list/show. */
export const libraryCommands: Record<string, Command> = {
  async delete(args, ctx) {
    const { positionals } = parse('delete', args, {})
    const id = oneId('delete', positionals)
    const s = await ctx.services('write')
    await s.articles.delete(id)
    if (ctx.json) printJson(ctx.io, { id, trashed: true })
    else ctx.io.out(`Moved ${id} to the trash (copydesk restore ${id} brings it back)`)
    return 0
  },

  async history(args, ctx) {
    const { positionals } = parse('history', args, {})
    const id = oneId('history', positionals)
    const s = await ctx.services('read')
    const versions = await s.articles.versions(id)
    if (ctx.json) {
      printJson(ctx.io, versions)
    } else if (versions.length === 0) {
      ctx.io.out(`Article ${id} has no kept versions.`)
    } else {
      for (const v of versions) {
        ctx.io.out(
          `${v.versionId.padStart(6)}  ${v.savedAt}  ${String(v.wordCount).padStart(6)} words${v.current ? '  (current)' : ''}`
        )
      }
    }
    return 0
  },

  async trash(args, ctx) {
    const { values, positionals } = parse('trash', args, { empty: { type: 'boolean' } })
    noArguments('trash', positionals)
    if (values.empty) {
      const s = await ctx.services('write')
      const result = await s.articles.emptyTrash()
      if (ctx.json) printJson(ctx.io, result)
      else
        ctx.io.out(`Deleted ${result.removed} article${result.removed === 1 ? '' : 's'} for good.`)
      return 0
    }
    const s = await ctx.services('read')
    const entries = await s.articles.listTrash()
    if (ctx.json) {
      printJson(ctx.io, entries)
    } else if (entries.length === 0) {
      ctx.io.out('The trash is empty.')
    } else {
      for (const t of entries) {
        ctx.io.out(`${t.id}  deleted ${t.deletedAt}  ${headlineText(t.headline)}`)
      }
    }
    return 0
  },

  async restore(args, ctx) {
    const { positionals } = parse('restore', args, {})
    const id = oneId('restore', positionals)
    const s = await ctx.services('write')
    const summary = await s.articles.restoreFromTrash(id)
    if (ctx.json) printJson(ctx.io, summary)
    else ctx.io.out(`Restored ${id} from the trash: ${headlineText(summary.headline)}`)
    return 0
  },

  async search(args, ctx) {
    const { values, positionals } = parse('search', args, {
      status: { type: 'string' },
      limit: { type: 'string' }
    })
    const query = positionals.join(' ').trim()
    if (!query) throw new CopydeskError('invalid-input', 'search needs a query')
    const status = values.status as ArticleStatus | undefined
    if (status !== undefined && !(ARTICLE_STATUSES as readonly string[]).includes(status)) {
      throw new CopydeskError(
        'invalid-input',
        `search: --status "${status}" is not one of ${ARTICLE_STATUSES.join(', ')}`
      )
    }
    const limit = values.limit === undefined ? undefined : Number(values.limit)
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
      throw new CopydeskError(
        'invalid-input',
        `search: --limit "${values.limit}" is not a positive whole number`
      )
    }
    const s = await ctx.services('read')
    const hits = await s.articles.searchArticles(query, { status, limit })
    if (ctx.json) {
      printJson(
        ctx.io,
        hits.map(({ summary: a, fields, snippet }) => ({
          id: a.id,
          headline: a.headline,
          kicker: a.kicker,
          status: a.status,
          bylines: a.bylines,
          updatedAt: a.updatedAt,
          wordCount: a.wordCount,
          matchedIn: fields,
          snippet
        }))
      )
    } else if (hits.length === 0) {
      ctx.io.out(`Nothing found for "${query}".`)
    } else {
      for (const { summary: a, fields } of hits) {
        ctx.io.out(
          `${a.id}  ${a.status.padEnd(8)}  ${headlineText(a.headline)}  [${fields.join(', ')}]`
        )
      }
    }
    return 0
  }
}
