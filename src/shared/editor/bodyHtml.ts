import type { PmMark, PmNode } from '../article'
import { type BodyFigure, type BodyPullQuote, figureOf, pullQuoteOf } from './bodyNodes'
import { escapeHtml } from './escapeHtml'
import { normalizeLinkHref } from './linkHref'
import { isNodeId } from './nodeIds'

export interface BodyHtmlOptions {
  /**
   * `editor`: the editor's own HTML, which the schema parses back to the same JSON (figures as
   * `<figure data-type="figure" data-asset-id …><figcaption>`, node ids as `data-node-id`).
   * `article`: HTML for readers (preview, export): figures and pull quotes through the callbacks
   * below, empty paragraphs left out, no node ids unless `nodeIds` says so.
   * @default 'editor'
   */
  format?: 'editor' | 'article'
  /**
   * `article` format: the HTML of one body figure (the article renderer supplies `<figure>`
   * with `<img>` and the caption with credit). Without it, figures are left out.
   */
  figure?: (figure: BodyFigure) => string
  /** `article` format: the HTML of one pull quote; defaults to `<figure class="pull-quote">`. */
  pullQuote?: (quote: BodyPullQuote) => string
  /**
   * `article` format: keep `data-node-id` on blocks (lets the preview scroll to a block).
   * @default false
   */
  nodeIds?: boolean
  /**
   * Void elements as `<br />` (XHTML, for NewsML-G2's `inlineXML`); all other output is
   * already well-formed XML.
   * @default false
   */
  xhtml?: boolean
}

// Marks nest in the schema's order (link outside bold outside italic), as the editor renders.
const MARK_ORDER = ['link', 'bold', 'italic']

interface OpenMark {
  key: string
  close: string
}

function markTag(mark: PmMark): { key: string; open: string; close: string } | null {
  if (mark.type === 'bold') return { key: 'bold', open: '<strong>', close: '</strong>' }
  if (mark.type === 'italic') return { key: 'italic', open: '<em>', close: '</em>' }
  if (mark.type === 'link') {
    const href = normalizeLinkHref(String(mark.attrs?.href ?? ''))
    if (href === null) return null
    return { key: `link:${href}`, open: `<a href="${escapeHtml(href)}">`, close: '</a>' }
  }
  return null
}

function sortedMarks(marks: PmMark[] | undefined): PmMark[] {
  return [...(marks ?? [])]
    .filter((m) => MARK_ORDER.includes(m.type))
    .sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type))
}

/**
 * Renders a ProseMirror body (JSON) as HTML without a DOM, for Node (CLI, export) and the
 * renderer alike. Every text is escaped, every link checked with `isAllowedLinkHref` (a link
 * that fails is rendered as plain text), unknown nodes contribute only their text, unknown
 * marks nothing.
 */
export function renderBodyHtml(doc: PmNode, options: BodyHtmlOptions = {}): string {
  const article = options.format === 'article'
  const br = options.xhtml ? '<br />' : '<br>'
  const withIds = !article || options.nodeIds === true

  const idAttr = (node: PmNode): string =>
    withIds && isNodeId(node.attrs?.nodeId) ? ` data-node-id="${node.attrs.nodeId}"` : ''

  const inline = (nodes: PmNode[] | undefined): string => {
    let html = ''
    const open: OpenMark[] = []
    for (const node of nodes ?? []) {
      const tags = node.type === 'text' ? sortedMarks(node.marks).map(markTag) : []
      const wanted = tags.filter((t): t is NonNullable<typeof t> => t !== null)
      let keep = 0
      while (keep < open.length && keep < wanted.length && open[keep]!.key === wanted[keep]!.key) {
        keep++
      }
      while (open.length > keep) html += open.pop()!.close
      for (const tag of wanted.slice(keep)) {
        html += tag.open
        open.push(tag)
      }
      if (node.type === 'text') html += escapeHtml(node.text ?? '')
      else if (node.type === 'hardBreak') html += br
      else html += inline(node.content)
    }
    while (open.length) html += open.pop()!.close
    return html
  }

  const blocks = (nodes: PmNode[] | undefined): string => (nodes ?? []).map(block).join('')

  const block = (node: PmNode): string => {
    switch (node.type) {
      case 'paragraph': {
        const content = inline(node.content)
        if (article && content.replace(/<br(?: \/)?>/g, '').trim() === '') return ''
        return `<p${idAttr(node)}>${content}</p>`
      }
      case 'heading': {
        const level = node.attrs?.level === 3 ? 3 : 2
        return `<h${level}${idAttr(node)}>${inline(node.content)}</h${level}>`
      }
      case 'blockquote':
        return `<blockquote${idAttr(node)}>${blocks(node.content)}</blockquote>`
      case 'bulletList':
        return `<ul${idAttr(node)}>${blocks(node.content)}</ul>`
      case 'orderedList': {
        const start = node.attrs?.start
        const type = node.attrs?.type
        const startAttr =
          typeof start === 'number' && Number.isInteger(start) && start !== 1
            ? ` start="${start}"`
            : ''
        const typeAttr = typeof type === 'string' && /^[aAiI]$/.test(type) ? ` type="${type}"` : ''
        return `<ol${idAttr(node)}${startAttr}${typeAttr}>${blocks(node.content)}</ol>`
      }
      case 'listItem':
        return `<li${idAttr(node)}>${blocks(node.content)}</li>`
      case 'figure': {
        const figure = figureOf(node)
        if (!figure) return ''
        if (article) return options.figure ? options.figure(figure) : ''
        const data = (name: string, value: string | null): string =>
          value === null ? '' : ` data-${name}="${escapeHtml(value)}"`
        return (
          `<figure data-type="figure"${idAttr(node)}${data('asset-id', figure.assetId)}` +
          `${data('credit', figure.credit)}${data('photographer', figure.photographer)}` +
          `${data('alt', figure.alt)}><figcaption>${escapeHtml(figure.caption ?? '')}` +
          `</figcaption></figure>`
        )
      }
      case 'pullQuote': {
        const quote = pullQuoteOf(node)
        if (!quote) return ''
        if (article) {
          if (options.pullQuote) return options.pullQuote(quote)
          if (!quote.quote) return ''
          const attribution = quote.attribution
            ? `<figcaption>${escapeHtml(quote.attribution)}</figcaption>`
            : ''
          return (
            `<figure class="pull-quote"${idAttr(node)}><blockquote><p>${escapeHtml(quote.quote)}` +
            `</p></blockquote>${attribution}</figure>`
          )
        }
        return (
          `<figure data-type="pullQuote"${idAttr(node)}><blockquote>${escapeHtml(quote.quote)}` +
          `</blockquote><figcaption>${escapeHtml(quote.attribution)}</figcaption></figure>`
        )
      }
      case 'doc':
        return blocks(node.content)
      case 'text':
      case 'hardBreak':
        return inline([node])
      default:
        // An unknown block still shows its text rather than vanishing.
        return node.content?.length ? blocks(node.content) : ''
    }
  }

  return block(doc)
}
