import { Marked } from 'marked'
import type { PmNode } from '../article'
import { ensureNodeIds } from './nodeIds'
import { sanitizeHtmlToDoc } from './sanitizeHtml'

// One private instance: configuring the global `marked` would change it for everyone else.
const markdown = new Marked({ gfm: true, breaks: false })

/**
 * An article body from Markdown (`.md` body files): CommonMark + GFM rendered by `marked`, then
 * through the paste sanitiser, so it keeps exactly what a paste keeps (paragraphs, `#`/`##` as
 * h2, `###`–`######` as h3, bold, italic, safe links, lists, quotes, line breaks) and drops the
 * rest (images, raw HTML that is not allowed, code becomes plain text). Blocks get node ids.
 */
export function bodyFromMarkdown(md: string): PmNode {
  const html = markdown.parse(md.replace(/^\uFEFF/, ''), { async: false })
  return ensureNodeIds(sanitizeHtmlToDoc(html))
}

/**
 * An article body from HTML (`.html` body files) through the paste sanitiser. The editor's own
 * figure and pull-quote elements are kept (a body exported from Copydesk comes back whole);
 * blocks get node ids (existing unique ones are not kept: the sanitiser drops all attributes).
 */
export function bodyFromHtml(html: string): PmNode {
  return ensureNodeIds(sanitizeHtmlToDoc(html.replace(/^\uFEFF/, ''), { keepEditorNodes: true }))
}
