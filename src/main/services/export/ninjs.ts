import { packageVersionOf } from '../../../shared/publication'
import { galleryLabel, localeOf } from '../../../shared/editor/articleFormat'
import { renderBodyHtml } from '../../../shared/editor/bodyHtml'
import { bodyStats } from '../../../shared/editor/bodyStats'
import { escapeHtml } from '../../../shared/editor/escapeHtml'
import {
  bodyWithoutFigures,
  packageFigures,
  contentTypeOf,
  derivedUuid,
  type PackageModel,
  type PackageUse,
  type RenditionName
} from './packageModel'

/** A ninjs object (IPTC ninjs 3.1); only the properties Copydesk writes are typed loosely. */
export type NinjsObject = Record<string, unknown>

const RENDITION_NAMES: Record<RenditionName, string> = {
  original: 'original',
  preview: 'preview',
  thumb: 'thumbnail'
}

function text(value: string | null | undefined): string | null {
  return value && value.trim() !== '' ? value.trim() : null
}

/** Leaves out properties whose value is null, undefined, '' or an empty array. */
function compact(o: Record<string, unknown>): NinjsObject {
  return Object.fromEntries(
    Object.entries(o).filter(
      ([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)
    )
  )
}

/** The names of the bylines as one phrase ("Anna Beispiel und Jörg Müller"). */
export function bylineNames(
  names: readonly string[],
  language: PackageModel['article']['language']
): string | null {
  const list = names.map((n) => n.trim()).filter(Boolean)
  if (!list.length) return null
  // News style has no serial comma, in en-US too (as the byline renderer does it).
  const locale = language.startsWith('de') ? localeOf(language) : 'en-GB'
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(list)
}

function renditions(model: PackageModel, use: PackageUse): NinjsObject[] {
  const { image } = use
  const size: Record<RenditionName, { width: number; height: number }> = {
    original: { width: image.record.width, height: image.record.height },
    preview: image.record.renditions.preview,
    thumb: image.record.renditions.thumb
  }
  const full = (['original', 'preview', 'thumb'] as const).map((name) =>
    compact({
      name: RENDITION_NAMES[name],
      href: model.href(image.paths[name]),
      contentType: contentTypeOf(image.paths[name]),
      width: size[name].width,
      height: size[name].height,
      sizeInBytes: image.files[name]?.bytes
    })
  )
  // Web crops for the lead and gallery pictures (a body figure is shown as it is).
  const crops = use.role === 'figure' ? [] : image.crops
  return [
    ...full,
    ...crops.map((crop) =>
      compact({
        name: crop.name,
        href: model.href(crop.path),
        contentType: 'image/jpeg',
        width: crop.width,
        height: crop.height,
        sizeInBytes: image.files[crop.name]?.bytes
      })
    )
  ]
}

function picture(model: PackageModel, use: PackageUse, rel: string): NinjsObject {
  const e = use.effective
  const m = use.image.record.metadata
  const descriptions = [
    ...(e.caption ? [{ role: 'caption', contentType: 'text/plain', value: e.caption.trim() }] : []),
    ...(e.alt ? [{ role: 'alt', contentType: 'text/plain', value: e.alt.trim() }] : [])
  ]
  return compact({
    name: use.name,
    rel,
    uri: `urn:uuid:${derivedUuid(model.article.id, use.key)}`,
    type: 'picture',
    headlines: text(m.headline) ? [{ role: 'main', value: text(m.headline) }] : [],
    descriptions,
    by: text(e.photographer),
    copyrightNotice: text(m.copyright),
    usageTerms: text(m.usageTerms),
    infoSources: [
      ...(e.credit ? [{ name: e.credit.trim(), role: 'creditline' }] : []),
      ...(text(m.source) ? [{ name: text(m.source), role: 'source' }] : [])
    ],
    renditions: renditions(model, use)
  })
}

/**
 * The article body as HTML for a CMS: figures point at the preview rendition's absolute href
 * and carry their caption and credit; `data-association` names the matching association.
 */
function bodyHtml(model: PackageModel): string {
  return renderBodyHtml(model.article.body, {
    format: 'article',
    figure: packageFigures(model, (use, caption) => {
      const e = use.effective
      const preview = use.image.record.renditions.preview
      return (
        `<figure data-association="${use.name}"><img src="${escapeHtml(model.href(use.image.paths.preview))}"` +
        ` alt="${escapeHtml(e.alt ?? '')}" width="${preview.width}" height="${preview.height}">` +
        (caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '') +
        '</figure>'
      )
    })
  })
}

/**
 * The article as IPTC ninjs 3.1: `urn:uuid:` ids, headline (`main`) and kicker (`kicker`),
 * teaser as `summary`, the body as HTML with word and character counts (without figure
 * captions), `by`, `located`, language, timestamps, embargo, editorial note, and associations —
 * the lead picture, each gallery as a `composite` whose associations are its pictures in order,
 * and the body figures. Each picture has caption and alt descriptions, `by`, copyright notice,
 * usage terms, the credit as `infoSources` role `creditline`, and its renditions with size and
 * type (lead and gallery pictures also `crop-16x9` and `crop-1x1`). Valid against `ninjs-schema_3.1.json` with format checks on.
 */
export function buildNinjs(model: PackageModel): NinjsObject {
  const a = model.article
  const v = packageVersionOf(a)
  const stats = bodyStats(bodyWithoutFigures(a.body), a.language)
  const associations: NinjsObject[] = []
  if (model.lead) associations.push(picture(model, model.lead, 'lead'))
  for (const gallery of model.galleries) {
    if (!gallery.uses.length) continue
    associations.push(
      compact({
        name: `gallery-${gallery.number}`,
        rel: 'gallery',
        uri: `urn:uuid:${derivedUuid(a.id, `gallery:${gallery.id}`)}`,
        type: 'composite',
        // The label readers see; the gallery's name is the desk's internal label.
        title: galleryLabel(gallery.uses.length, a.language),
        associations: gallery.uses.map((use) => picture(model, use, 'gallery-item'))
      })
    )
  }
  for (const figure of model.figures) associations.push(picture(model, figure, 'figure'))
  return compact({
    uri: `urn:uuid:${a.id}`,
    standard: {
      name: 'ninjs',
      version: '3.1',
      schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#'
    },
    type: 'text',
    representationType: 'full',
    version: String(v.version),
    firstCreated: v.firstCreated,
    versionCreated: v.versionCreated,
    embargoedUntil: a.embargoedUntil,
    pubStatus: v.pubStatus,
    language: a.language,
    slugline: text(a.slugline),
    headlines: [
      ...(text(a.headline) ? [{ role: 'main', value: text(a.headline) }] : []),
      ...(text(a.kicker) ? [{ role: 'kicker', value: text(a.kicker) }] : [])
    ],
    // ninjs 3.1 has no signals: a public correction is a description of its own role, and every
    // later version carries it too.
    descriptions: [
      ...(text(a.teaser)
        ? [{ role: 'summary', contentType: 'text/plain', value: text(a.teaser) }]
        : []),
      ...v.corrections.map((c) => ({
        role: 'correction',
        contentType: 'text/plain',
        value: `${c.text} (${c.at})`
      }))
    ],
    bodies: [
      {
        role: 'main',
        contentType: 'text/html',
        charCount: stats.characters,
        wordCount: stats.words,
        value: bodyHtml(model)
      }
    ],
    by: bylineNames(a.bylines, a.language),
    located: text(a.dateline.place),
    infoSources: text(a.dateline.source) ? [{ name: text(a.dateline.source), role: 'source' }] : [],
    subjects: a.tags.map((tag) => ({ name: tag, rel: 'keyword' })),
    edNote: text(a.edNote),
    associations
  })
}
