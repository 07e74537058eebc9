import type { ArticleFields, ImageUse } from '../article'
import { plainTextOf } from '../articleText'
import type { AssetRendition } from '../channels'
import {
  defaultCreditTemplate,
  formatByline,
  formatCredit,
  formatDateLine,
  galleryLabel
} from './articleFormat'
import { renderBodyHtml } from './bodyHtml'
import { figuresOf } from './bodyNodes'
import { bodyStats } from './bodyStats'
import { escapeHtml } from './escapeHtml'
import { isNodeId } from './nodeIds'
import { correctionsHeading, formatMoment, formatUpdateLine } from './versionLines'

/** An asset's own values, which fill in where an image use has no override. */
export interface ArticleAssetInfo {
  caption?: string | null
  credit?: string | null
  photographer?: string | null
  alt?: string | null
  /** Pixel size of the rendition shown (lets the page reserve space before the image loads). */
  width?: number | null
  height?: number | null
}

/** The article fields the renderer reads (an `Article` or `ArticleFields` will do). */
export type RenderableArticle = Pick<
  ArticleFields,
  | 'language'
  | 'timeZone'
  | 'kicker'
  | 'headline'
  | 'teaser'
  | 'bylines'
  | 'dateline'
  | 'publishedAt'
  | 'body'
  | 'lead'
  | 'galleries'
> & { id?: string; createdAt?: string; updatedAt?: string }

export interface RenderArticleOptions {
  /**
   * The URL of an asset rendition for `<img src>`: the preview passes the bridge's `assetUrl`,
   * the export a relative `images/…` path. The renderer never builds URLs itself.
   */
  imageSrc: (assetId: string, rendition: AssetRendition) => string
  /** The asset's own caption, credit, photographer, alt text and size, for effective values. */
  asset?: (assetId: string) => ArticleAssetInfo | null | undefined
  /**
   * The credit template (a setting per language), e.g. `(Quelle: {credit})`.
   * @default defaultCreditTemplate(article.language)
   */
  creditTemplate?: string
  /**
   * Which rendition `<img>` shows.
   * @default 'preview'
   */
  rendition?: AssetRendition
  /**
   * Put the dateline (`Berlin (dpa) – `) in front of the first paragraph, agency style.
   * @default true
   */
  dateline?: boolean
  /**
   * Keep `data-node-id` on body blocks (lets the preview scroll to the block being edited).
   * @default false
   */
  nodeIds?: boolean
  /**
   * A published story's later life: when this version came out (shown as "Aktualisiert am …"
   * under the date line; null for the first version) and its public corrections (shown at the
   * end with their times, and in the JSON-LD as `correction`).
   */
  versions?: {
    updatedAt: string | null
    corrections: readonly { at: string; text: string }[]
  }
}

/** An image use with the asset's values filled in where the use has no override. */
export interface EffectiveImage {
  assetId: string
  caption: string | null
  credit: string | null
  photographer: string | null
  alt: string | null
  width: number | null
  height: number | null
}

/** Override ?? the asset's own value, for each of caption, credit, photographer and alt. */
export function effectiveImage(
  use: ImageUse,
  asset: RenderArticleOptions['asset']
): EffectiveImage {
  const info = asset?.(use.assetId) ?? {}
  const text = (value: string | null | undefined): string | null =>
    value && value.trim() !== '' ? value : null
  const size = (value: number | null | undefined): number | null =>
    typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null
  return {
    assetId: use.assetId,
    caption: text(use.caption) ?? text(info.caption),
    credit: text(use.credit) ?? text(info.credit),
    photographer: text(use.photographer) ?? text(info.photographer),
    alt: text(use.alt) ?? text(info.alt),
    width: size(info.width),
    height: size(info.height)
  }
}

function imageFigure(
  use: ImageUse,
  className: string,
  article: RenderableArticle,
  options: RenderArticleOptions,
  nodeId: string | null = null
): string {
  const image = effectiveImage(use, options.asset)
  const src = options.imageSrc(image.assetId, options.rendition ?? 'preview')
  const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : ''
  const credit = formatCredit(options.creditTemplate ?? defaultCreditTemplate(article.language), {
    credit: image.credit,
    photographer: image.photographer
  })
  const parts: string[] = []
  if (image.caption) parts.push(`<span class="caption">${escapeHtml(image.caption.trim())}</span>`)
  if (credit) parts.push(`<span class="credit">${escapeHtml(credit)}</span>`)
  const figcaption = parts.length ? `<figcaption>${parts.join(' ')}</figcaption>` : ''
  const idAttr = options.nodeIds && nodeId && isNodeId(nodeId) ? ` data-node-id="${nodeId}"` : ''
  return (
    `<figure class="${className}"${idAttr}><img src="${escapeHtml(src)}" alt="${escapeHtml(image.alt ?? '')}"` +
    `${size} loading="lazy" decoding="async">${figcaption}</figure>`
  )
}

/**
 * A gallery as readers get it: its label, then a slideshow (a scrollable row of pictures, one per
 * view, each with `3 / 10`, caption and credit) and a row of thumbnails linking to each picture.
 * No script: the row scrolls by touch, wheel or arrow keys once focused, and the thumbnails are
 * plain in-page links. Without styles it reads as a numbered list of figures. The gallery's name
 * is the desk's own label for it and is never published.
 */
function galleryHtml(
  gallery: RenderableArticle['galleries'][number],
  number: number,
  article: RenderableArticle,
  options: RenderArticleOptions
): string {
  const count = gallery.items.length
  const label = galleryLabel(count, article.language)
  const locale = article.language
  const slideId = (i: number): string => `gallery-${number}-${i + 1}`
  const position = (i: number): string =>
    `${new Intl.NumberFormat(locale).format(i + 1)} / ${new Intl.NumberFormat(locale).format(count)}`
  const slides = gallery.items
    .map(
      (item, i) =>
        `<li class="gallery-slide" id="${slideId(i)}"><span class="gallery-position">${position(i)}</span>` +
        `${imageFigure(item, 'gallery-item', article, options)}</li>`
    )
    .join('')
  const thumbs = gallery.items
    .map((item, i) => {
      const image = effectiveImage(item, options.asset)
      const src = options.imageSrc(image.assetId, 'thumb')
      const name = `${position(i)}${image.alt ? `: ${image.alt.trim()}` : ''}`
      return (
        `<li><a href="#${slideId(i)}" aria-label="${escapeHtml(name)}">` +
        `<img src="${escapeHtml(src)}" alt="" loading="lazy" decoding="async"></a></li>`
      )
    })
    .join('')
  const labelId = `gallery-${number}-label`
  return (
    `<section class="gallery" aria-labelledby="${labelId}">` +
    `<h2 class="gallery-label" id="${labelId}">${escapeHtml(label)}</h2>` +
    `<ol class="gallery-slides" tabindex="0" aria-label="${escapeHtml(label)}">${slides}</ol>` +
    `<ol class="gallery-thumbs">${thumbs}</ol>` +
    '</section>'
  )
}

function datelinePrefix(article: RenderableArticle): string {
  const place = article.dateline.place?.trim()
  if (!place) return ''
  const source = article.dateline.source?.trim()
  return `${place}${source ? ` (${source})` : ''} – `
}

/**
 * The article as an HTML fragment in house style (`<article class="article" lang="…">`), the
 * same for the live preview and the HTML export: date line, `Kicker: Headline`, the lead figure
 * with `Caption (Quelle: Credit)`, the teaser, each gallery with its label (`Foto-Serie mit 10
 * Bildern`) and its images, the body with figures, pull quotes and links, and the byline (`Von A,
 * B und C`). Every text is escaped; links pass `isAllowedLinkHref` or lose their `<a>`; images
 * come only from `options.imageSrc`. Empty parts are left out.
 */
export function renderArticleHtml(
  article: RenderableArticle,
  options: RenderArticleOptions
): string {
  const out: string[] = []
  const lang = escapeHtml(article.language)
  out.push(`<article class="article" lang="${lang}">`)

  const date = article.publishedAt
    ? formatDateLine(article.publishedAt, article.timeZone, article.language)
    : null
  if (date) {
    out.push(
      `<p class="date-line"><time datetime="${escapeHtml(article.publishedAt!)}">${escapeHtml(date)}</time></p>`
    )
  }
  const updatedAt = options.versions?.updatedAt
  const updateLine = updatedAt
    ? formatUpdateLine(updatedAt, article.timeZone, article.language)
    : null
  if (updateLine) {
    out.push(
      `<p class="update-line"><time datetime="${escapeHtml(updatedAt!)}">${escapeHtml(updateLine)}</time></p>`
    )
  }

  const kicker = article.kicker?.trim()
  const headline = article.headline?.trim()
  if (kicker || headline) {
    const kickerHtml = kicker
      ? `<span class="kicker">${escapeHtml(headline ? `${kicker}:` : kicker)}</span>`
      : ''
    out.push(
      `<h1 class="headline">${kickerHtml}${kicker && headline ? ' ' : ''}${escapeHtml(headline ?? '')}</h1>`
    )
  }

  if (article.lead) out.push(imageFigure(article.lead, 'lead', article, options))

  const teaser = article.teaser?.trim()
  if (teaser) out.push(`<p class="teaser">${escapeHtml(teaser)}</p>`)

  article.galleries.forEach((gallery, index) => {
    if (gallery.items.length > 0) out.push(galleryHtml(gallery, index + 1, article, options))
  })

  let body = renderBodyHtml(article.body, {
    format: 'article',
    nodeIds: options.nodeIds === true,
    figure: (figure) => imageFigure(figure, 'figure', article, options, figure.nodeId)
  })
  const prefix = options.dateline === false ? '' : datelinePrefix(article)
  if (prefix) {
    const span = `<span class="dateline">${escapeHtml(prefix)}</span>`
    body = body.startsWith('<p')
      ? body.replace(/^<p([^>]*)>/, `<p$1>${span}`)
      : `<p>${span}</p>${body}`
  }
  if (body) out.push(`<div class="body">${body}</div>`)

  const byline = formatByline(article.bylines, article.language)
  if (byline) out.push(`<p class="byline">${escapeHtml(byline)}</p>`)

  const corrections = options.versions?.corrections ?? []
  if (corrections.length) {
    out.push(
      `<aside class="corrections"><h2>${escapeHtml(correctionsHeading(article.language, corrections.length))}</h2>` +
        corrections
          .map((c) => {
            const when = formatMoment(c.at, article.timeZone, article.language) ?? c.at
            return `<p class="correction"><time datetime="${escapeHtml(c.at)}">${escapeHtml(when)}</time>: ${escapeHtml(c.text)}</p>`
          })
          .join('') +
        '</aside>'
    )
  }

  out.push('</article>')
  return out.join('\n')
}

/** How the standalone page gets its styles: embedded CSS, or a relative stylesheet path. */
export type ArticleStylesheet = { css: string } | { href: string }

export interface RenderDocumentOptions extends RenderArticleOptions {
  /**
   * The page's styles. `{ css }` is embedded in a `<style>` element; `{ href }` must be a
   * relative path inside the package (no scheme, no `//`, no `..`), since the page makes no
   * external requests.
   * @default { css: ARTICLE_STYLESHEET }
   */
  stylesheet?: ArticleStylesheet
}

/** A small stylesheet for the standalone page (system fonts only, nothing loaded). */
export const ARTICLE_STYLESHEET = `
body{margin:0;background:#fff;color:#111;font:18px/1.6 Georgia,"Times New Roman",serif}
.article{max-width:42rem;margin:2rem auto;padding:0 1rem}
.date-line,.byline,figcaption,.gallery-label{font-family:system-ui,sans-serif}
.date-line{color:#555;font-size:.85rem;margin:0 0 .5rem}
.headline{font-size:2rem;line-height:1.2;margin:0 0 1rem}
.kicker{display:block;font-size:1rem;color:#8a1c1c;font-family:system-ui,sans-serif}
figure{margin:1.5rem 0}
img{max-width:100%;height:auto;display:block}
figcaption{font-size:.85rem;color:#444;margin-top:.4rem}
.credit{color:#666}
.teaser{font-weight:bold}
.gallery-label{font-size:1.1rem;margin:0 0 .5rem}
.gallery{margin:2rem 0}
.gallery-slides{display:flex;gap:1rem;overflow-x:auto;scroll-snap-type:x mandatory;list-style:none;margin:0;padding:0 0 .5rem}
.gallery-slides:focus-visible{outline:3px solid #1a56b0;outline-offset:2px}
.gallery-slide{flex:0 0 100%;scroll-snap-align:start;position:relative}
.gallery-slide figure{margin:0}
.gallery-slide img{max-height:70vh;width:auto;margin:0 auto;background:#eee}
.gallery-position{display:block;font:.8rem system-ui,sans-serif;color:#555;margin-bottom:.25rem}
.gallery-thumbs{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;margin:.5rem 0 0;padding:0}
.gallery-thumbs a{display:block;border:2px solid transparent;border-radius:3px}
.gallery-thumbs a:focus-visible,.gallery-thumbs a:hover{border-color:#1a56b0}
.gallery-thumbs img{width:4rem;height:3rem;object-fit:cover}
.pull-quote blockquote{font-size:1.4rem;font-style:italic;margin:0;border-left:4px solid #8a1c1c;padding-left:1rem}
.byline{color:#555;font-size:.9rem}
.update-line{color:#555;font:.85rem system-ui,sans-serif;margin:0 0 .5rem}
.corrections{border-top:1px solid #ccc;margin-top:2rem;font:.9rem/1.5 system-ui,sans-serif}
.corrections h2{font-size:1rem;margin:1rem 0 .25rem}
`.trim()

const SAFE_RELATIVE_PATH = /^(?!\/)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._\-/]+$/

function jsonForScript(value: unknown): string {
  // Inside <script>, `</script>` or `<!--` would end or derail the element: escape `<` (and the
  // characters JavaScript parsers choke on) as JSON \u escapes, which JSON.parse reads back.
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/**
 * schema.org `NewsArticle` metadata of the article (the object, not yet serialised): headline,
 * kicker as `alternativeHeadline`, teaser as `description`, language, dates, authors, dateline,
 * images (lead, galleries, body figures, as `imageSrc` names them), word count and the body text.
 */
export function newsArticleJsonLd(
  article: RenderableArticle,
  options: Pick<RenderArticleOptions, 'imageSrc' | 'rendition' | 'versions'>
): Record<string, unknown> {
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle'
  }
  const put = (key: string, value: unknown): void => {
    if (
      value !== null &&
      value !== undefined &&
      value !== '' &&
      !(Array.isArray(value) && !value.length)
    ) {
      ld[key] = value
    }
  }
  put('headline', article.headline?.trim())
  put('alternativeHeadline', article.kicker?.trim())
  put('description', article.teaser?.trim())
  put('inLanguage', article.language)
  if (article.id) put('identifier', `urn:uuid:${article.id}`)
  put('dateCreated', article.createdAt)
  put('datePublished', article.publishedAt)
  put('dateModified', options.versions?.updatedAt ?? article.updatedAt)
  put(
    'correction',
    (options.versions?.corrections ?? []).map((c) => ({
      '@type': 'CorrectionComment',
      text: c.text,
      datePublished: c.at
    }))
  )
  put(
    'author',
    article.bylines
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => ({ '@type': 'Person', name }))
  )
  const place = article.dateline.place?.trim()
  if (place) put('dateline', datelinePrefix(article).replace(/ – $/, ''))
  const uses: ImageUse[] = [
    ...(article.lead ? [article.lead] : []),
    ...article.galleries.flatMap((g) => g.items),
    ...figuresOf(article.body)
  ]
  const rendition = options.rendition ?? 'preview'
  put('image', [...new Set(uses.map((u) => options.imageSrc(u.assetId, rendition)))])
  put('wordCount', bodyStats(article.body, article.language).words)
  put('articleBody', plainTextOf(article.body))
  return ld
}

/**
 * The article as a standalone HTML page (the export's `article.html`): doctype, `lang`, UTF-8,
 * a title, the stylesheet (embedded or a relative link), schema.org `NewsArticle` JSON-LD (with
 * `<` escaped as `\u003c` inside it), and `renderArticleHtml` as the body. It makes no external
 * requests: images come from `imageSrc`, which the export points at `images/…`.
 */
export function renderArticleDocument(
  article: RenderableArticle,
  options: RenderDocumentOptions
): string {
  const stylesheet = options.stylesheet ?? { css: ARTICLE_STYLESHEET }
  let styleHtml: string
  if ('href' in stylesheet) {
    if (!SAFE_RELATIVE_PATH.test(stylesheet.href)) {
      throw new Error(`stylesheet "${stylesheet.href}" is not a relative path inside the package`)
    }
    styleHtml = `<link rel="stylesheet" href="${escapeHtml(stylesheet.href)}">`
  } else {
    styleHtml = `<style>${stylesheet.css.replace(/<\//g, '<\\/')}</style>`
  }
  const kicker = article.kicker?.trim()
  const headline = article.headline?.trim()
  const title = [kicker, headline].filter(Boolean).join(': ')
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(article.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    styleHtml,
    `<script type="application/ld+json">${jsonForScript(newsArticleJsonLd(article, options))}</script>`,
    '</head>',
    '<body>',
    renderArticleHtml(article, options),
    '</body>',
    '</html>',
    ''
  ].join('\n')
}
