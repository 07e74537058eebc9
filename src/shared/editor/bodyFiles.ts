import { Marked } from 'marked'
import type { PmNode } from '../article'
import { CopydeskError } from '../result'
import { ensureNodeIds } from './nodeIds'
import { sanitizeHtmlToDoc } from './sanitizeHtml'

// One private instance: configuring the global `marked` would change it for everyone else.
const markdown = new Marked({ gfm: true, breaks: false })

/** The most block quotes and list levels a Markdown body file may nest. */
export const MARKDOWN_MAX_NESTING = 100

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/

/**
 * An upper bound of the containers (block quotes, list items) open on one line of Markdown, read
 * from its prefix alone: every `>` and list marker counts one, and every two columns of
 * indentation count one (a nested list item sits at least two columns deeper than its parent).
 * It errs towards counting too many (a deeply indented code block counts too).
 */
function lineNesting(line: string): number {
  let depth = 0
  let columns = 0
  let i = 0
  for (;;) {
    const c = line[i]
    if (c === ' ') {
      columns++
      i++
    } else if (c === '\t') {
      columns += 4 - (columns % 4)
      i++
    } else if (c === '>') {
      depth++
      i++
      // The one space after a marker belongs to the marker, not to the indentation.
      if (line[i] === ' ') i++
    } else {
      const marker = LIST_MARKER.exec(line.slice(i, i + 11))
      if (!marker) break
      depth++
      i += marker[0].length
      if (line[i] === ' ') i++
    }
  }
  return depth + Math.floor(columns / 2)
}

/**
 * Refuses Markdown nested deeper than {@link MARKDOWN_MAX_NESTING}, before `marked` sees it:
 * its lexer re-reads every nested block once per level, so a few thousand levels take gigabytes
 * or end in its own internal error. One linear pass over the line prefixes.
 */
export function checkMarkdownNesting(md: string): void {
  let lineNo = 0
  for (let start = 0; start <= md.length;) {
    const end = md.indexOf('\n', start)
    const stop = end === -1 ? md.length : end
    lineNo++
    // Only the prefix matters; cap it so a 9 MB line costs no more than a short one.
    const depth = lineNesting(
      md.slice(start, Math.min(stop, start + 4 * MARKDOWN_MAX_NESTING + 64))
    )
    if (depth > MARKDOWN_MAX_NESTING) {
      throw new CopydeskError(
        'invalid-input',
        `line ${lineNo} nests block quotes, lists or indentation more than ${MARKDOWN_MAX_NESTING} levels deep`
      )
    }
    if (end === -1) break
    start = end + 1
  }
}

/**
 * An article body from Markdown (`.md` body files): CommonMark + GFM rendered by `marked`, then
 * through the paste sanitiser, so it keeps exactly what a paste keeps (paragraphs, `#`/`##` as
 * h2, `###`–`######` as h3, bold, italic, safe links, lists, quotes, line breaks) and drops the
 * rest (images, raw HTML that is not allowed, code becomes plain text). Blocks get node ids.
 */
export function bodyFromMarkdown(md: string): PmNode {
  checkMarkdownNesting(md)
  const html = markdown.parse(md.replace(/^\uFEFF/, ''), { async: false })
  return ensureNodeIds(sanitizeHtmlToDoc(html, { refuseTooDeep: true }))
}

/**
 * An article body from HTML (`.html` body files) through the paste sanitiser. The editor's own
 * figure and pull-quote elements are kept (a body exported from Copydesk comes back whole);
 * blocks get node ids (existing unique ones are not kept: the sanitiser drops all attributes).
 */
export function bodyFromHtml(html: string): PmNode {
  return ensureNodeIds(
    sanitizeHtmlToDoc(html.replace(/^\uFEFF/, ''), { keepEditorNodes: true, refuseTooDeep: true })
  )
}
