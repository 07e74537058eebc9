import { readFile } from 'node:fs/promises'
import type { Article, ImageUse, PmNode } from '../../../shared/article'
import type { AssetRecord } from '../../../shared/asset'
import { figuresOf } from '../../../shared/editor/bodyNodes'
import type { Finding, FindingWhere } from '../../../shared/preflight/finding'
import { runPreflight, type PreflightAsset } from '../../../shared/preflight/runPreflight'
import { imageSlots } from '../../../shared/preflight/rules/imageSlots'
import { translate } from '../../../shared/i18n/translate'
import { CopydeskError } from '../../../shared/result'
import type { Settings, UiLanguage } from '../../../shared/settings'
import { assetFile, readAssetRecord } from '../assets/assetRecords'
import type { SensitiveKind } from '../imageMetadata/exifTiff'
import type { ExportOptionsStore } from '../assets/exportOptions'
import { sensitiveImageData } from '../imageMetadata/sensitiveImageData'
import { TEXT_WRITABLE_FORMATS } from '../imageMetadata/writePhotoText'
import type { SpellChecker } from '../spelling/spellChecker'
import {
  groupByWord,
  spellFindings,
  type CaptionText,
  type SpellingWhere
} from '../spelling/spellFindings'

/** What the preflight service reads. */
export interface PreflightDeps {
  libraryDir: string
  articles: { get(id: string): Promise<Article> }
  settings: { get(): Settings }
  spelling: SpellChecker
  exportOptions: ExportOptionsStore
}

export interface PreflightOptions {
  /** The language of the messages. */
  language: UiLanguage
  /** The moment embargoes are compared with (default: now). */
  now?: Date
}

/** The nearest block at or above a body path that has a node id, and whether it is a figure. */
function nodeIdAt(body: PmNode, path: number[]): { id: string; isFigure: boolean } | null {
  let node: PmNode | undefined = body
  let found: { id: string; isFigure: boolean } | null = null
  for (const index of path) {
    node = node?.content?.[index]
    const id = node?.attrs?.nodeId
    if (typeof id === 'string' && id) found = { id, isFigure: node?.type === 'figure' }
  }
  return found
}

function spellingWhere(article: Article, where: SpellingWhere): FindingWhere {
  if ('field' in where) return { field: where.field }
  // Every other place outside the body is a caption: the jump goes to that input.
  if ('galleryId' in where) {
    return { galleryId: where.galleryId, index: where.index, part: 'caption' }
  }
  // Only the lead caption is passed with an asset id (gallery captions carry their position).
  if ('assetId' in where) return { field: 'lead', part: 'caption' }
  // A figure's caption shown from its asset comes with the figure's id and no path.
  if (where.nodeId && where.path.length === 0) return { nodeId: where.nodeId, part: 'caption' }
  if (where.nodeId) return { nodeId: where.nodeId }
  const block = nodeIdAt(article.body, where.path)
  if (!block) return { field: 'body' }
  return block.isFigure ? { nodeId: block.id, part: 'caption' } : { nodeId: block.id }
}

/**
 * The copy desk's checklist of an article: the shared rules (`runPreflight`), `location-kept`
 * for images whose exported file keeps location or device data, and `spelling` for every word
 * the article language's dictionary (and the newsroom word list) does not know, in the kicker,
 * headline, teaser, body and the captions the article shows.
 */
export class PreflightService {
  /** Sensitive data per asset id: ids are content hashes, so a result never goes stale. */
  private readonly sensitive = new Map<string, Promise<SensitiveKind[]>>()

  constructor(private readonly deps: PreflightDeps) {}

  /** Preflight of a stored article. */
  async run(articleId: string, opts: PreflightOptions): Promise<Finding[]> {
    return this.check(await this.deps.articles.get(articleId), opts)
  }

  /** Preflight of an article as given (the export passes the revision it is exporting). */
  async check(article: Article, opts: PreflightOptions): Promise<Finding[]> {
    const { records, unreadable } = await this.assets(article)
    const findings = runPreflight(article, {
      asset: (id) => {
        const record = records.get(id)
        return record ? preflightAsset(record) : undefined
      },
      unreadable: (id) => unreadable.get(id),
      settings: this.deps.settings.get(),
      language: opts.language,
      now: opts.now ?? new Date()
    })
    // Loops, not push(...): a long body has more spelling findings than the stack has room for.
    for (const f of await this.locationFindings(article, records, opts.language)) findings.push(f)
    for (const f of this.metadataFindings(article, records, opts.language)) findings.push(f)
    for (const f of await this.spellingFindings(article, records, opts.language)) findings.push(f)
    return findings
  }

  /**
   * The stored records of the article's assets (missing and unreadable ones left out: the
   * checklist reports them, and a forced export goes without them).
   */
  async records(article: Article): Promise<Map<string, AssetRecord>> {
    return (await this.assets(article)).records
  }

  /** The article's asset records, and why each one that cannot be read cannot be read. */
  async assets(
    article: Article
  ): Promise<{ records: Map<string, AssetRecord>; unreadable: Map<string, string> }> {
    const ids = [...new Set(imageSlots(article, 'en').map((s) => s.use.assetId))]
    const records = new Map<string, AssetRecord>()
    const unreadable = new Map<string, string>()
    for (const id of ids) {
      try {
        const record = await readAssetRecord(this.deps.libraryDir, id)
        if (record) records.set(id, record)
      } catch (error) {
        // One damaged asset must not make the whole article uncheckable or unexportable.
        if (!(error instanceof CopydeskError)) throw error
        unreadable.set(id, error.message.replace(/^Asset [0-9a-f]{64}: /, ''))
      }
    }
    return { records, unreadable }
  }

  /** The location and device data the original of an asset carries (cached by content id). */
  sensitiveData(record: AssetRecord): Promise<SensitiveKind[]> {
    let pending = this.sensitive.get(record.id)
    if (!pending) {
      pending = readFile(assetFile(this.deps.libraryDir, record.id, record.originalFile)).then(
        (bytes) => sensitiveImageData(bytes, record.format)
      )
      this.sensitive.set(record.id, pending)
      pending.catch(() => this.sensitive.delete(record.id))
    }
    return pending
  }

  /**
   * Whether the exported file of an asset keeps location or device data: JPEGs are cleaned
   * unless the asset's "keep everything" switch is on; other formats cannot be cleaned without
   * re-encoding, so they keep whatever they carry.
   */
  async keepsSourceData(record: AssetRecord): Promise<boolean> {
    if (record.format === 'jpeg' && !(await this.deps.exportOptions.keepsMetadata(record.id))) {
      return false
    }
    return (await this.sensitiveData(record)).length > 0
  }

  private async locationFindings(
    article: Article,
    records: Map<string, AssetRecord>,
    language: UiLanguage
  ): Promise<Finding[]> {
    const findings: Finding[] = []
    const seen = new Set<string>()
    for (const slot of imageSlots(article, language)) {
      const record = records.get(slot.use.assetId)
      if (!record || seen.has(record.id)) continue
      seen.add(record.id)
      if (!(await this.keepsSourceData(record))) continue
      findings.push({
        severity: 'warning',
        code: 'location-kept',
        where: slot.where,
        message: translate(language, 'preflight.location-kept', { image: slot.label }),
        subject: slot.label
      })
    }
    return findings
  }

  /**
   * `metadata-not-written` once per asset whose format export cannot write caption and credit
   * into (TIFF, AVIF, HEIC, GIF): a receiver that takes the file alone loses them.
   */
  private metadataFindings(
    article: Article,
    records: Map<string, AssetRecord>,
    language: UiLanguage
  ): Finding[] {
    const findings: Finding[] = []
    const seen = new Set<string>()
    for (const slot of imageSlots(article, language)) {
      const record = records.get(slot.use.assetId)
      if (!record || seen.has(record.id) || TEXT_WRITABLE_FORMATS.has(record.format)) continue
      seen.add(record.id)
      findings.push({
        severity: 'warning',
        code: 'metadata-not-written',
        where: slot.where,
        message: translate(language, 'preflight.metadata-not-written', {
          image: slot.label,
          format: record.format.toUpperCase()
        }),
        subject: slot.label
      })
    }
    return findings
  }

  private async spellingFindings(
    article: Article,
    records: Map<string, AssetRecord>,
    language: UiLanguage
  ): Promise<Finding[]> {
    // The captions readers see: the use's override, else the asset's own caption.
    const effective = (use: ImageUse): string | null =>
      use.caption?.trim() ? use.caption : (records.get(use.assetId)?.metadata.caption ?? null)
    const captions: CaptionText[] = []
    if (article.lead) {
      const text = effective(article.lead)
      if (text) captions.push({ text, where: { assetId: article.lead.assetId } })
    }
    for (const gallery of article.galleries) {
      gallery.items.forEach((item, index) => {
        const text = effective(item)
        if (text) captions.push({ text, where: { galleryId: gallery.id, index } })
      })
    }
    // A body figure's own caption is body text (checked with it); one left empty shows the
    // asset's caption, which is checked here.
    for (const figure of figuresOf(article.body)) {
      if (figure.caption) continue
      const text = effective(figure)
      if (text) captions.push({ text, where: { path: [], nodeId: figure.nodeId ?? undefined } })
    }
    const found = await spellFindings(this.deps.spelling, article, { captions })
    const placed = found.map((f) => ({ ...f, where: spellingWhere(article, f.where) }))
    // One finding per word: a name used 200 times is one decision for the desk, not 200.
    return groupByWord(placed, (where) => JSON.stringify(where)).map((g) => ({
      severity: 'warning' as const,
      code: 'spelling' as const,
      where: g.where,
      message: translate(language, 'preflight.spelling', { word: g.word }),
      word: g.word,
      suggestions: g.suggestions,
      count: g.count,
      places: g.places
    }))
  }
}

function preflightAsset(record: AssetRecord): PreflightAsset {
  const m = record.metadata
  return {
    width: record.width,
    caption: m.caption,
    credit: m.credit,
    photographer: m.photographer,
    alt: m.alt,
    usageTerms: m.usageTerms
  }
}
