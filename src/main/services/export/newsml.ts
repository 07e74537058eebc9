import { packageVersionOf } from '../../../shared/publication'
import { formatByline } from '../../../shared/editor/articleFormat'
import { renderBodyHtml } from '../../../shared/editor/bodyHtml'
import { bodyStats } from '../../../shared/editor/bodyStats'
import { escapeHtml } from '../../../shared/editor/escapeHtml'
import {
  allUses,
  bodyWithoutFigures,
  contentTypeOf,
  derivedUuid,
  packageFigures,
  type PackageModel,
  type PackageUse,
  type RenditionName
} from './packageModel'

/*
 * One NewsML-G2 2.35 newsMessage per package: the packageItem (its gallery groups ordered with
 * pgrmod:seq), the text newsItem with the XHTML body in inlineXML, and one picture newsItem per
 * image use (each use carries its own caption and credit). Element order follows the XSD
 * (All-Power); the test validates the output with xmllint.
 */

/**
 * The version facts of an item's `itemMeta`, in the order the schema wants them: times, the
 * embargo (every version carries it), the publication status.
 */
function versionMeta(a: PackageModel['article']): string[] {
  const v = packageVersionOf(a)
  return [
    `<versionCreated>${x(v.versionCreated)}</versionCreated>`,
    `<firstCreated>${x(v.firstCreated)}</firstCreated>`,
    a.embargoedUntil ? `<embargoed>${x(a.embargoedUntil)}</embargoed>` : '',
    `<pubStatus qcode="stat:${v.pubStatus}"/>`
  ]
}

/**
 * After the editorial note: every public correction (with its time, as an `edNote`), then the
 * IPTC signal of what this version is (`sig:update`, `sig:correction`; a kill says it by its
 * status).
 */
function versionNotes(a: PackageModel['article']): string[] {
  const v = packageVersionOf(a)
  const signal =
    v.kind === 'correction' ? 'sig:correction' : v.kind === 'update' ? 'sig:update' : null
  return [
    ...v.corrections.map((c) => `<edNote>${x(`${c.text} (${c.at})`)}</edNote>`),
    ...(signal ? [`<signal qcode="${signal}"/>`] : [])
  ]
}

const CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml'
const ITEM_ATTRS = 'standard="NewsML-G2" standardversion="2.35" conformance="power"'
const NEWSITEM_TYPE = 'application/vnd.iptc.g2.newsitem+xml'

const RENDITIONS: Record<RenditionName, string> = {
  original: 'rnd:highRes',
  preview: 'rnd:web',
  thumb: 'rnd:thumbnail'
}

/** Copydesk's rendition names for the crops (not in IPTC's rendition vocabulary). */
const CROP_SCHEME = 'cdrnd'
const CROP_SCHEME_URI = 'urn:copydesk:cv:rendition:'

const x = escapeHtml

function el(name: string, value: string | null | undefined, attrs = ''): string {
  return value && value.trim() ? `<${name}${attrs}>${x(value.trim())}</${name}>` : ''
}

function picGuid(model: PackageModel, use: PackageUse): string {
  return `urn:uuid:${derivedUuid(model.article.id, use.key)}`
}

function provider(model: PackageModel): string {
  return `<provider literal="${x(model.generator.split(' ')[0] ?? 'Copydesk')}"/>`
}

function itemRef(model: PackageModel, use: PackageUse): string {
  return (
    `<itemRef residref="${picGuid(model, use)}" contenttype="${NEWSITEM_TYPE}">` +
    '<itemClass qcode="ninat:picture"/>' +
    el('title', use.effective.caption) +
    '</itemRef>'
  )
}

function packageItem(model: PackageModel): string {
  const a = model.article
  const groups: string[] = []
  const main: string[] = [
    `<itemRef residref="urn:uuid:${a.id}" contenttype="${NEWSITEM_TYPE}">` +
      `<itemClass qcode="ninat:text"/>${el('title', a.headline)}` +
      el('description', a.teaser, ' role="drol:summary"') +
      '</itemRef>'
  ]
  let next = 2
  if (model.lead) {
    const id = `G${next++}`
    main.push(`<groupRef idref="${id}"/>`)
    groups.push(`<group id="${id}" role="group:lead">${itemRef(model, model.lead)}</group>`)
  }
  for (const gallery of model.galleries) {
    if (!gallery.uses.length) continue
    const id = `G${next++}`
    main.push(`<groupRef idref="${id}"/>`)
    // The gallery's order is the story's order: pgrmod:seq says so to the receiver.
    groups.push(
      `<group id="${id}" role="group:gallery" mode="pgrmod:seq">` +
        gallery.uses.map((u) => itemRef(model, u)).join('') +
        '</group>'
    )
  }
  if (model.figures.length) {
    const id = `G${next}`
    main.push(`<groupRef idref="${id}"/>`)
    groups.push(
      `<group id="${id}" role="group:figures" mode="pgrmod:seq">` +
        model.figures.map((u) => itemRef(model, u)).join('') +
        '</group>'
    )
  }
  return [
    `<packageItem ${ITEM_ATTRS} guid="urn:uuid:${derivedUuid(a.id, 'package')}" version="${packageVersionOf(a).version}" xml:lang="${x(a.language)}">`,
    `<catalogRef href="${CATALOG}"/>`,
    '<itemMeta>',
    '<itemClass qcode="ninat:composite"/>',
    provider(model),
    ...versionMeta(a),
    el('title', a.headline),
    el('edNote', a.edNote),
    ...versionNotes(a),
    '</itemMeta>',
    `<groupSet root="G1"><group id="G1" role="group:main">${main.join('')}</group>${groups.join('')}</groupSet>`,
    '</packageItem>'
  ]
    .filter(Boolean)
    .join('\n')
}

function xhtmlBody(model: PackageModel): string {
  const body = renderBodyHtml(model.article.body, {
    format: 'article',
    xhtml: true,
    figure: packageFigures(model, (use, caption) => {
      const e = use.effective
      return (
        `<figure><img src="${x(use.image.paths.preview)}" alt="${x(e.alt ?? '')}" />` +
        (caption ? `<figcaption>${x(caption)}</figcaption>` : '') +
        '</figure>'
      )
    })
  })
  const title = model.article.headline?.trim() ?? ''
  return (
    '<html xmlns="http://www.w3.org/1999/xhtml">' +
    `<head><title>${x(title)}</title></head><body>${body}</body></html>`
  )
}

function textItem(model: PackageModel): string {
  const a = model.article
  const stats = bodyStats(bodyWithoutFigures(a.body), a.language)
  const place = a.dateline.place?.trim()
  const source = a.dateline.source?.trim()
  const dateline = place ? `${place}${source ? ` (${source})` : ''}` : null
  return [
    `<newsItem ${ITEM_ATTRS} guid="urn:uuid:${a.id}" version="${packageVersionOf(a).version}" xml:lang="${x(a.language)}">`,
    `<catalogRef href="${CATALOG}"/>`,
    '<itemMeta>',
    '<itemClass qcode="ninat:text"/>',
    provider(model),
    ...versionMeta(a),
    el('edNote', a.edNote),
    ...versionNotes(a),
    '</itemMeta>',
    '<contentMeta>',
    `<contentCreated>${x(a.createdAt)}</contentCreated>`,
    `<contentModified>${x(a.updatedAt)}</contentModified>`,
    place ? `<located><name>${x(place)}</name></located>` : '',
    source ? `<infoSource role="isrole:originfo"><name>${x(source)}</name></infoSource>` : '',
    ...a.bylines
      .map((b) => b.trim())
      .filter(Boolean)
      .map((b) => `<creator role="crol:author"><name>${x(b)}</name></creator>`),
    `<language tag="${x(a.language)}"/>`,
    ...a.tags.map((t) => el('keyword', t)),
    el('slugline', a.slugline),
    el('headline', a.headline),
    el('headline', a.kicker, ' role="hlrole:kicker"'),
    el('dateline', dateline),
    el('by', formatByline(a.bylines, a.language)),
    el('description', a.teaser, ' role="drol:summary"'),
    '</contentMeta>',
    '<contentSet>',
    `<inlineXML contenttype="application/xhtml+xml" wordcount="${stats.words}" charcount="${stats.characters}">${xhtmlBody(model)}</inlineXML>`,
    '</contentSet>',
    '</newsItem>'
  ]
    .filter(Boolean)
    .join('\n')
}

function pictureItem(model: PackageModel, use: PackageUse): string {
  const e = use.effective
  const m = use.image.record.metadata
  const rights =
    m.copyright?.trim() || m.usageTerms?.trim()
      ? `<rightsInfo>${el('copyrightNotice', m.copyright)}${el('usageTerms', m.usageTerms)}</rightsInfo>`
      : ''
  const sizes: Record<RenditionName, { width: number; height: number }> = {
    original: { width: use.image.record.width, height: use.image.record.height },
    preview: use.image.record.renditions.preview,
    thumb: use.image.record.renditions.thumb
  }
  const remoteContent = (
    rendition: string,
    path: string,
    bytes: number | undefined,
    size: { width: number; height: number }
  ): string =>
    `<remoteContent rendition="${rendition}" href="${x(path)}"` +
    (bytes !== undefined ? ` size="${bytes}"` : '') +
    ` contenttype="${contentTypeOf(path)}" width="${size.width}" height="${size.height}"/>`
  const remote = (['original', 'preview', 'thumb'] as const).map((name) =>
    remoteContent(
      RENDITIONS[name],
      use.image.paths[name],
      use.image.files[name]?.bytes,
      sizes[name]
    )
  )
  // Web crops for the lead and gallery pictures, in Copydesk's own rendition scheme.
  const crops = use.role === 'figure' ? [] : use.image.crops
  for (const crop of crops) {
    remote.push(
      remoteContent(
        `${CROP_SCHEME}:${crop.name}`,
        crop.path,
        use.image.files[crop.name]?.bytes,
        crop
      )
    )
  }
  return [
    `<newsItem ${ITEM_ATTRS} guid="${picGuid(model, use)}" version="${packageVersionOf(model.article).version}" xml:lang="${x(model.article.language)}">`,
    `<catalogRef href="${CATALOG}"/>`,
    crops.length
      ? `<catalog><scheme alias="${CROP_SCHEME}" uri="${CROP_SCHEME_URI}"/></catalog>`
      : '',
    rights,
    '<itemMeta>',
    '<itemClass qcode="ninat:picture"/>',
    provider(model),
    `<versionCreated>${x(packageVersionOf(model.article).versionCreated)}</versionCreated>`,
    `<pubStatus qcode="stat:${packageVersionOf(model.article).pubStatus}"/>`,
    '</itemMeta>',
    '<contentMeta>',
    e.photographer
      ? `<creator role="crol:photographer"><name>${x(e.photographer.trim())}</name></creator>`
      : '',
    el('headline', m.headline),
    el('creditline', e.credit),
    el('description', e.caption, ' role="drol:caption"'),
    el('description', e.alt, ' role="drol:altText"'),
    '</contentMeta>',
    `<contentSet>${remote.join('')}</contentSet>`,
    '</newsItem>'
  ]
    .filter(Boolean)
    .join('\n')
}

/** The package as one NewsML-G2 2.35 newsMessage (UTF-8 XML text). */
export function buildNewsml(model: PackageModel): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">',
    '<header>',
    `<sent>${x(model.exportedAt)}</sent>`,
    `<catalogRef href="${CATALOG}"/>`,
    el('sender', model.generator),
    '</header>',
    '<itemSet>',
    packageItem(model),
    textItem(model),
    ...allUses(model).map((use) => pictureItem(model, use)),
    '</itemSet>',
    '</newsMessage>',
    ''
  ].join('\n')
}
