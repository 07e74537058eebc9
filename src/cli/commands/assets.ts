import { resolve } from 'node:path'
import { articleIdSchema } from '../../shared/article'
import {
  ASSET_MISSING_FILTERS,
  type AssetListFilter,
  type AssetSummary,
  type ImportResult
} from '../../shared/asset'
import { CopydeskError } from '../../shared/result'
import type { AttachTarget } from '../../main/services/assets/attachAssets'
import { parse, printJson, type Command } from '../command'

/** `assets --json`: one asset with its metadata and where it is used (stable field names). */
export function assetView(a: AssetSummary): Record<string, unknown> {
  return {
    id: a.id,
    originalName: a.originalName,
    format: a.format,
    width: a.width,
    height: a.height,
    fileSize: a.fileSize,
    importedAt: a.importedAt,
    revision: a.revision,
    ...a.metadata,
    warnings: a.warnings,
    usedIn: a.usage.map((u) => ({
      articleId: u.articleId,
      headline: u.headline,
      role: u.role,
      ...(u.role === 'gallery' ? { galleryId: u.galleryId, galleryName: u.galleryName } : {})
    }))
  }
}

function describeAsset(a: AssetSummary): string {
  const m = a.metadata
  const articles = new Set(a.usage.map((u) => u.articleId)).size
  const lines = [
    `${a.id}  ${a.format.padEnd(4)}  ${a.width}×${a.height}  ${(a.fileSize / 1024).toFixed(0)} KB  ${a.originalName}`,
    `  caption: ${m.caption ?? '(none)'}`,
    `  credit: ${m.credit ?? '(none)'} · photographer: ${m.photographer ?? '(none)'} · alt: ${m.alt ? 'yes' : '(none)'}`,
    `  used in: ${
      articles === 0
        ? 'no article'
        : [...new Map(a.usage.map((u) => [u.articleId, u])).values()]
            .map((u) => `${u.articleId}${u.headline ? ` (${u.headline})` : ''}`)
            .join(', ')
    }`
  ]
  return lines.join('\n')
}

/** attach, assets: the photo desk from the command line. */
export const assetCommands: Record<string, Command> = {
  async attach(args, ctx) {
    const { values, positionals } = parse('attach', args, {
      lead: { type: 'boolean' },
      gallery: { type: 'boolean' },
      'gallery-name': { type: 'string' }
    })
    const [articleId, ...files] = positionals
    if (!articleId || files.length === 0) {
      throw new CopydeskError('invalid-input', 'attach needs an article id and at least one file')
    }
    if (!articleIdSchema.safeParse(articleId).success) {
      throw new CopydeskError('invalid-input', `attach: "${articleId}" is not an article id`)
    }
    const galleryName = values['gallery-name']
    if (values.lead && (values.gallery || galleryName !== undefined)) {
      throw new CopydeskError(
        'invalid-input',
        'attach: --lead and --gallery/--gallery-name exclude each other'
      )
    }
    if (galleryName !== undefined && galleryName.trim() === '') {
      throw new CopydeskError('invalid-input', 'attach: --gallery-name needs a name')
    }
    if (values.lead && files.length !== 1) {
      throw new CopydeskError(
        'invalid-input',
        `attach: --lead takes exactly one file (${files.length} given)`
      )
    }
    const target: AttachTarget | null = values.lead
      ? { kind: 'lead' }
      : values.gallery || galleryName !== undefined
        ? { kind: 'gallery', name: galleryName }
        : null

    const s = await ctx.services()
    // Refuse before importing anything when the article does not exist (exit 3).
    await s.articles.get(articleId)
    const results: ImportResult[] = await s.assets.import(
      files.map((file) => ({ name: file, path: resolve(ctx.io.cwd, file) }))
    )
    const imported = results.flatMap((r) => ('assetId' in r ? [r.assetId] : []))
    if (target && imported.length > 0) await s.assets.attach(articleId, imported, target)

    if (ctx.json) {
      printJson(ctx.io, results)
    } else {
      for (const r of results) {
        if ('assetId' in r) ctx.io.out(`${r.file}: ${r.assetId}`)
        else ctx.io.err(`${r.file}: ${r.error}`)
      }
    }
    for (const r of results) {
      if ('warnings' in r) for (const w of r.warnings ?? []) ctx.io.err(`${r.file}: warning: ${w}`)
    }
    return results.every((r) => 'assetId' in r) ? 0 : 1
  },

  async assets(args, ctx) {
    const { values, positionals } = parse('assets', args, {
      missing: { type: 'string', multiple: true },
      unused: { type: 'boolean' },
      search: { type: 'string' }
    })
    if (positionals.length) {
      throw new CopydeskError('invalid-input', `assets: unexpected argument "${positionals[0]}"`)
    }
    const missing = values.missing ?? []
    for (const m of missing) {
      if (!(ASSET_MISSING_FILTERS as readonly string[]).includes(m)) {
        throw new CopydeskError(
          'invalid-input',
          `assets: --missing "${m}" is not one of ${ASSET_MISSING_FILTERS.join(', ')}`
        )
      }
    }
    const filter: AssetListFilter = {
      missing: missing as AssetListFilter['missing'],
      unused: values.unused,
      query: values.search
    }
    const s = await ctx.services('read')
    const assets = await s.assets.list(filter)
    // list() has loaded the store, so problems found while loading are known now.
    for (const p of s.assets.problems) ctx.io.err(`copydesk: asset folder ${p.dir}: ${p.message}`)
    if (ctx.json) printJson(ctx.io, assets.map(assetView))
    else if (assets.length === 0) ctx.io.out('No assets.')
    else ctx.io.out(assets.map(describeAsset).join('\n'))
    return 0
  }
}
