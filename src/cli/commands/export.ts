import { resolve } from 'node:path'
import type { ExportResult } from '../../shared/contract/exports'
import type { Finding } from '../../shared/preflight/finding'
import { hasBlockingFindings } from '../../shared/preflight/runPreflight'
import { CopydeskError } from '../../shared/result'
import type { UiLanguage } from '../../shared/settings'
import { exportPackage } from '../../main/services/export/exportPackage'
import { importPackage } from '../../main/services/packages/importPackage'
import { oneLine, type CliIo } from '../cliIo'
import { oneId, parse, printJson, type Command } from '../command'

/** The CLI's message language: German when LANG starts with `de`, else English. */
export function cliLanguage(env: CliIo['env']): UiLanguage {
  return /^de([_.@-]|$)/i.test(env.LANG ?? '') ? 'de' : 'en'
}

/** How `versions`, `export` and `kill` name a published version's kind in German. */
export const KIND_DE: Record<ExportResult['kind'], string> = {
  first: 'erste Fassung',
  update: 'Aktualisierung',
  correction: 'Korrektur',
  kill: 'zurückgezogen',
  resend: 'erneut gesendet'
}

/** The one line `export` prints for a written package, in the language of `LANG`. */
export function exportSummaryLine(result: ExportResult, language: UiLanguage): string {
  const warnings = result.findings.filter((f) => f.severity === 'warning').length
  const files = result.files.length + 1
  const mb = result.bytes / 1024 / 1024
  if (language === 'de') {
    return (
      `${result.file}: ${files} Dateien, ${mb.toFixed(1).replace('.', ',')} MB` +
      (result.forced ? ' (trotz Fehlern der Prüfung exportiert: --force)' : '') +
      (warnings ? `, ${warnings} ${warnings === 1 ? 'Warnung' : 'Warnungen'}` : '') +
      `, Version ${result.version} (${KIND_DE[result.kind]})`
    )
  }
  return (
    `${result.file}: ${files} files, ${mb.toFixed(1)} MB` +
    (result.forced ? ' (exported despite preflight errors: --force)' : '') +
    (warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : '') +
    `, version ${result.version} (${result.kind})`
  )
}

/** The one line `kill` prints for a written withdrawal package, in the language of `LANG`. */
export function killSummaryLine(result: ExportResult, language: UiLanguage): string {
  return language === 'de'
    ? `${result.file}: Version ${result.version}, ${KIND_DE[result.kind]} (pubStatus ${result.pubStatus})`
    : `${result.file}: version ${result.version}, ${result.kind} (pubStatus ${result.pubStatus})`
}

function whereText(finding: Finding): string {
  const w = finding.where
  const part = w.part ? ` ${w.part}` : ''
  if ('field' in w) return `${w.field}${part}`
  if ('nodeId' in w) return `body ${w.nodeId}${part}`
  if ('galleryId' in w) return `gallery ${w.galleryId} #${w.index + 1}${part}`
  if ('assetId' in w) return `asset ${w.assetId}`
  return `lead${part}`
}

// A typography suggestion is a whole corrected paragraph; one line shows its start.
const HINT_LIMIT = 80

function hintText(suggestions: string[] | undefined): string {
  if (!suggestions?.length) return ''
  const chars = [...suggestions.join(', ')]
  const hint =
    chars.length > HINT_LIMIT ? `${chars.slice(0, HINT_LIMIT - 1).join('')}…` : chars.join('')
  return ` → ${oneLine(hint)}`
}

/** One line per finding: severity, message, then code and place in brackets. */
export function findingLines(findings: Finding[], language: UiLanguage): string[] {
  const label = {
    error: language === 'de' ? 'Fehler' : 'error',
    warning: language === 'de' ? 'Warnung' : 'warning'
  }
  return findings.map((f) => {
    const times = f.count !== undefined && f.count > 1 ? ` (${f.count}×)` : ''
    return `${label[f.severity]}: ${oneLine(f.message)}${times}${hintText(f.suggestions)} [${f.code} @ ${whereText(f)}]`
  })
}

function summary(findings: Finding[], language: UiLanguage): string {
  const errors = findings.filter((f) => f.severity === 'error').length
  const warnings = findings.length - errors
  if (language === 'de') {
    return findings.length === 0
      ? 'Keine Befunde.'
      : `${errors} Fehler, ${warnings} ${warnings === 1 ? 'Warnung' : 'Warnungen'}.`
  }
  return findings.length === 0
    ? 'No findings.'
    : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`
}

/** check, export, import-package: the copy desk's checklist and packages. */
export const exportCommands: Record<string, Command> = {
  async check(args, ctx) {
    const { positionals } = parse('check', args, {})
    const id = oneId('check', positionals)
    const language = cliLanguage(ctx.io.env)
    const s = await ctx.services('read')
    const findings = await s.preflight.run(id, { language })
    if (ctx.json) printJson(ctx.io, findings)
    else ctx.io.out([...findingLines(findings, language), summary(findings, language)].join('\n'))
    return hasBlockingFindings(findings) ? 1 : 0
  },

  async export(args, ctx) {
    const { values, positionals } = parse('export', args, {
      out: { type: 'string' },
      force: { type: 'boolean' },
      overwrite: { type: 'boolean' },
      correction: { type: 'string' }
    })
    const id = oneId('export', positionals)
    if (!values.out) {
      throw new CopydeskError(
        'invalid-input',
        'export needs --out FILE.zip (where to write the package)'
      )
    }
    const language = cliLanguage(ctx.io.env)
    const s = await ctx.services()
    try {
      const result = await exportPackage(s, id, resolve(ctx.io.cwd, values.out), {
        force: values.force,
        overwrite: values.overwrite,
        correction: values.correction,
        language,
        onLeftover: (note) => ctx.io.err(`copydesk: ${note.message}`)
      })
      if (ctx.json) printJson(ctx.io, result)
      else ctx.io.out(exportSummaryLine(result, language))
      return 0
    } catch (error) {
      // Preflight errors: the findings go to stderr, exit 1, and no file was written.
      const findings = (error as CopydeskError).detail?.findings
      if (error instanceof CopydeskError && error.code === 'forbidden' && Array.isArray(findings)) {
        if (ctx.json)
          printJson(ctx.io, { error: { code: error.code, message: error.message }, findings })
        ctx.io.err(
          [
            ...findingLines(findings as Finding[], language),
            language === 'de'
              ? 'Export abgebrochen: Fehler beheben oder mit --force exportieren.'
              : 'Export refused: fix the errors or export with --force.'
          ].join('\n')
        )
        return 1
      }
      throw error
    }
  },

  async 'import-package'(args, ctx) {
    const { values, positionals } = parse('import-package', args, {
      'as-update': { type: 'boolean' },
      'as-new': { type: 'boolean' }
    })
    if (positionals.length !== 1) {
      throw new CopydeskError('invalid-input', 'import-package needs exactly one FILE.zip')
    }
    if (values['as-update'] && values['as-new']) {
      throw new CopydeskError(
        'invalid-input',
        'import-package takes --as-update or --as-new, not both'
      )
    }
    const s = await ctx.services()
    const result = await importPackage(s, resolve(ctx.io.cwd, positionals[0]), {
      onLeftover: (note) => ctx.io.err(`copydesk: ${note.message}`),
      onWarning: (message) => ctx.io.err(`copydesk: warning: ${message}`),
      as: values['as-update'] ? 'update' : values['as-new'] ? 'new' : undefined
    })
    if (ctx.json) printJson(ctx.io, await s.articles.get(result.articleId))
    else ctx.io.out(result.articleId)
    return 0
  }
}
