import { resolve } from 'node:path'
import { CopydeskError } from '../../shared/result'
import { reinstated } from '../../shared/publication'
import { exportPackage } from '../../main/services/export/exportPackage'
import { oneLine } from '../cliIo'
import { oneId, parse, printJson, type Command } from '../command'
import { cliLanguage, KIND_DE, killSummaryLine } from './export'

/** kill, reinstate, versions: a story's published versions after its first export. */
export const versionCommands: Record<string, Command> = {
  async kill(args, ctx) {
    const { values, positionals } = parse('kill', args, {
      notice: { type: 'string' },
      reason: { type: 'string' },
      out: { type: 'string' },
      overwrite: { type: 'boolean' }
    })
    const id = oneId('kill', positionals)
    if (!values.notice?.trim()) {
      throw new CopydeskError(
        'invalid-input',
        'kill needs --notice TEXT (the public notice receivers get in place of the story)'
      )
    }
    if (!values.out) {
      throw new CopydeskError(
        'invalid-input',
        'kill needs --out FILE.zip (where to write the kill package)'
      )
    }
    const s = await ctx.services()
    const result = await exportPackage(s, id, resolve(ctx.io.cwd, values.out), {
      kill: { notice: values.notice, reason: values.reason ?? null },
      overwrite: values.overwrite,
      language: cliLanguage(ctx.io.env),
      onLeftover: (note) => ctx.io.err(`copydesk: ${note.message}`)
    })
    if (ctx.json) printJson(ctx.io, result)
    else ctx.io.out(killSummaryLine(result, cliLanguage(ctx.io.env)))
    return 0
  },

  async reinstate(args, ctx) {
    const { positionals } = parse('reinstate', args, {})
    const id = oneId('reinstate', positionals)
    const s = await ctx.services()
    const article = await s.articles.updatePublication(id, (current) => {
      if (!current?.killed) {
        throw new CopydeskError(
          'conflict',
          `Article ${id} is not withdrawn: there is nothing to reinstate`
        )
      }
      return reinstated(current)
    })
    if (ctx.json) printJson(ctx.io, { id, killed: article.publication?.killed ?? null })
    else
      ctx.io.out(
        cliLanguage(ctx.io.env) === 'de'
          ? `${id}: wieder freigegeben; der nächste Export ist eine neue Fassung`
          : `${id}: reinstated; the next export is a new version`
      )
    return 0
  },

  async versions(args, ctx) {
    const { positionals } = parse('versions', args, {})
    const id = oneId('versions', positionals)
    const s = await ctx.services('read')
    const record = (await s.articles.get(id)).publication
    const list = (record?.versions ?? []).map((v) => ({
      version: v.version,
      kind: v.kind,
      exportedAt: v.exportedAt,
      file: v.file,
      pubStatus: v.pubStatus
    }))
    if (ctx.json) {
      printJson(ctx.io, list)
      return 0
    }
    const de = cliLanguage(ctx.io.env) === 'de'
    if (!list.length) {
      ctx.io.out(de ? 'Noch nicht exportiert.' : 'Not exported yet.')
      return 0
    }
    const lines = list.map(
      (v) =>
        `${v.version}\t${de ? KIND_DE[v.kind] : v.kind}\t${v.exportedAt}\t${v.pubStatus}\t${oneLine(v.file)}`
    )
    if (record?.killed) {
      lines.push(
        de
          ? `Zurückgezogen am ${record.killed.at}: ${oneLine(record.killed.notice)}`
          : `Withdrawn on ${record.killed.at}: ${oneLine(record.killed.notice)}`
      )
    }
    ctx.io.out(lines.join('\n'))
    return 0
  }
}
