import { basename } from 'node:path'
import { controlCharacterProblem } from '../../shared/article'
import {
  ASSET_EDITABLE_FIELDS,
  ASSET_TEXT_FIELDS,
  ASSET_TEXT_MAX,
  type AssetEditableField,
  type AssetPatch,
  type AssetSummary,
  type AssetTextField,
  type FocalPoint,
  roundFocal
} from '../../shared/asset'
import { resources } from '../../shared/i18n'
import { CopydeskError } from '../../shared/result'
import type { UiLanguage } from '../../shared/settings'
import { parse, printJson, type Command } from '../command'
import { assetView } from './assets'
import { cliLanguage } from './export'

/** The option that sets each editable field. */
const FLAG_OF = {
  caption: 'caption',
  credit: 'credit',
  photographer: 'photographer',
  source: 'source',
  copyright: 'copyright',
  usageTerms: 'usage-terms',
  alt: 'alt'
} as const satisfies Record<AssetEditableField, string>

// As in the photo desk's side panel: these are text boxes that take line breaks and tabs; the
// others are one line, where a control character would reach feeds and file names as a command.
const MULTILINE: ReadonlySet<AssetEditableField> = new Set(['caption', 'alt', 'usageTerms'])

// Control characters other than tab and line breaks: a terminal acts on them, a caption never
// needs one.
function multilineProblem(value: string): string | null {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0')
      return `contains the control character U+${hex} at character ${i + 1}; only tabs and line breaks are allowed`
    }
  }
  return null
}

/** What `--caption T` and the others set: the value as the store keeps it, null to clear. */
function textValue(field: AssetEditableField, raw: string): string | null {
  const flag = `--${FLAG_OF[field]}`
  const problem = MULTILINE.has(field) ? multilineProblem(raw) : controlCharacterProblem(raw)
  if (problem) throw new CopydeskError('invalid-input', `asset: ${flag}: ${problem}`)
  const value = raw.normalize('NFC').trim()
  if (value.length > ASSET_TEXT_MAX) {
    throw new CopydeskError(
      'invalid-input',
      `asset: ${flag} has ${value.length.toLocaleString('en-GB')} characters; a photo's text may have at most ${ASSET_TEXT_MAX.toLocaleString('en-GB')}`
    )
  }
  return value === '' ? null : value
}

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)`
const FOCAL = new RegExp(String.raw`^\s*(${NUMBER})\s*,\s*(${NUMBER})\s*$`)

/** `--focal X,Y` as a point; `""` removes it (null). */
export function parseFocal(raw: string): FocalPoint | null {
  if (raw.trim() === '') return null
  const match = FOCAL.exec(raw)
  if (!match) {
    throw new CopydeskError(
      'invalid-input',
      `asset: --focal "${raw}" is not two numbers X,Y (fractions of the width and height from the top left, e.g. 0.42,0.31; "" removes the focal point)`
    )
  }
  const [x, y] = [Number(match[1]), Number(match[2])]
  for (const [name, value, edges] of [
    ['X', x, '0 is the left edge, 1 the right'],
    ['Y', y, '0 is the top edge, 1 the bottom']
  ] as const) {
    if (value < 0 || value > 1) {
      throw new CopydeskError(
        'invalid-input',
        `asset: --focal ${raw.trim()}: ${name} is ${value}, outside 0..1 (${edges})`
      )
    }
  }
  return roundFocal({ x, y })
}

function sameFocal(a: FocalPoint | null, b: FocalPoint | null): boolean {
  return a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y)
}

/** `asset --json`: the asset as `assets --json` lists it, with its focal point and file values. */
function assetDetailView(a: AssetSummary): Record<string, unknown> {
  return { ...assetView(a), focal: a.focal, fromFile: { ...a.embedded } }
}

type Strings = (typeof resources)['en']['translation']

function labelOf(s: Strings, field: AssetTextField): string {
  if (field in s.assets.field) return s.assets.field[field as AssetEditableField]
  const others: Record<Exclude<AssetTextField, AssetEditableField>, string> = {
    headline: s.assetCli.headline,
    dateCreated: s.assetCli.dateCreated,
    city: s.assetCli.city,
    country: s.assetCli.country
  }
  return others[field as Exclude<AssetTextField, AssetEditableField>]
}

function fileSizeText(bytes: number, language: UiLanguage): string {
  const format = (n: number, digits: number): string =>
    new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(n)
  return bytes >= 1024 * 1024
    ? `${format(bytes / (1024 * 1024), 1)} MB`
    : `${format(Math.max(1, Math.round(bytes / 1024)), 0)} KB`
}

/** The readable block: labels in the user's language, values as stored. */
function assetBlock(a: AssetSummary, language: UiLanguage): string {
  const s = resources[language].translation
  const rows: [string, string][] = []
  const value = (v: string | null): string => v ?? s.assetCli.none
  rows.push([
    s.assetCli.file,
    `${a.originalName} · ${a.format.toUpperCase()} · ${a.width} × ${a.height} · ${fileSizeText(a.fileSize, language)}`
  ])
  rows.push([
    s.assetCli.imported,
    `${a.importedAt} · ${s.assetCli.revision.replace('{{revision}}', String(a.revision))}`
  ])
  for (const field of ASSET_EDITABLE_FIELDS)
    rows.push([labelOf(s, field), value(a.metadata[field])])
  rows.push([s.focal.title, a.focal ? `${a.focal.x}, ${a.focal.y}` : s.assetCli.focalNone])
  const roles = (u: AssetSummary['usage'][number]): string =>
    u.role === 'lead'
      ? s.assets.roleLead
      : u.role === 'figure'
        ? s.assets.roleFigure
        : u.galleryName
          ? s.assets.roleGalleryNamed.replace('{{name}}', u.galleryName)
          : s.assets.roleGallery
  const byArticle = new Map<string, { headline: string | null; roles: string[] }>()
  for (const u of a.usage) {
    const entry = byArticle.get(u.articleId) ?? { headline: u.headline, roles: [] }
    entry.roles.push(roles(u))
    byArticle.set(u.articleId, entry)
  }
  const uses = [...byArticle].map(
    ([id, u]) => `${id}${u.headline ? ` (${u.headline})` : ''}: ${u.roles.join(', ')}`
  )
  rows.push([s.assetCli.usedIn, uses.length ? uses.join('\n') : s.assetCli.notUsed])

  const fromFile = ASSET_TEXT_FIELDS.filter((f) => a.embedded[f] !== null).map(
    (f): [string, string] => [labelOf(s, f), a.embedded[f] as string]
  )
  // One value column for both blocks: the file's values line up under the current ones.
  const column = Math.max(
    ...rows.map(([label]) => label.length + 4),
    ...fromFile.map(([label]) => label.length + 6)
  )
  const block = (entries: [string, string][], indent: string): string[] =>
    entries.map(
      ([label, text]) =>
        `${`${indent}${label}:`.padEnd(column)}${text
          .replace(/\r\n?/g, '\n')
          .split('\n')
          .join(`\n${' '.repeat(column)}`)}`
    )
  return [
    `${s.assetCli.photo} ${a.id}`,
    ...block(rows, '  '),
    `  ${s.assetCli.fromFile}:`,
    ...(fromFile.length ? block(fromFile, '    ') : [`    ${s.assetCli.nothingInFile}`])
  ].join('\n')
}

/** asset: one photo's desk fields, shown and changed from the command line. */
export const assetEditCommands: Record<string, Command> = {
  async asset(args, ctx) {
    const { values, positionals } = parse('asset', args, {
      caption: { type: 'string' },
      credit: { type: 'string' },
      photographer: { type: 'string' },
      source: { type: 'string' },
      copyright: { type: 'string' },
      'usage-terms': { type: 'string' },
      alt: { type: 'string' },
      focal: { type: 'string' }
    })
    if (positionals.length !== 1) {
      throw new CopydeskError(
        'invalid-input',
        positionals.length === 0
          ? 'asset needs an asset id (copydesk assets lists them)'
          : `asset: unexpected argument "${positionals[1]}" (one asset id at a time)`
      )
    }
    const [id] = positionals
    // Every value is checked before the library is opened: a bad one changes nothing.
    const patch: AssetPatch = {}
    for (const field of ASSET_EDITABLE_FIELDS) {
      const raw = values[FLAG_OF[field]]
      if (raw !== undefined) patch[field] = textValue(field, raw)
    }
    if (values.focal !== undefined) patch.focal = parseFocal(values.focal)
    const isEdit = Object.keys(patch).length > 0

    const s = await ctx.services(isEdit ? 'write' : 'read')
    let asset = await s.assets.get(id).catch((error: unknown) => {
      // A folder whose record cannot be read is not "no such asset": say what is wrong with it.
      const damaged = s.assets.problems.find((p) => basename(p.dir) === id)
      if (damaged && error instanceof CopydeskError && error.code === 'not-found') {
        throw new CopydeskError('corrupt', `Asset ${id}: ${damaged.message}`)
      }
      throw error
    })
    const changes: AssetPatch = {}
    for (const field of ASSET_EDITABLE_FIELDS) {
      const next = patch[field]
      if (next !== undefined && next !== asset.metadata[field]) changes[field] = next
    }
    if (patch.focal !== undefined && !sameFocal(patch.focal, asset.focal)) {
      changes.focal = patch.focal
    }
    // Setting what is already there writes nothing, so a repeated command leaves no undo step.
    if (Object.keys(changes).length > 0) {
      asset = await s.assets.update(asset.id, asset.revision, changes)
    }
    if (ctx.json) printJson(ctx.io, assetDetailView(asset))
    else ctx.io.out(assetBlock(asset, cliLanguage(ctx.io.env)))
    return 0
  }
}
