import { parseDocument } from 'htmlparser2'
import { assetIdSchema, type PmMark, type PmNode } from '../article'
import { CopydeskError } from '../result'
import { renderBodyHtml } from './bodyHtml'
import { figureNode, pullQuoteNode } from './bodyNodes'
import { normalizeLinkHref } from './linkHref'

export interface SanitizeOptions {
  /**
   * Keep the editor's own figure and pull-quote elements (`<figure data-type="figure"
   * data-asset-id=…>` and `<figure data-type="pullQuote">`, as the editor copies them), for a
   * paste between Copydesk editors or an `.html` body file. A figure is only a reference to an
   * asset id; its caption and overrides are taken as plain text. Everything else about them is
   * checked like any other element.
   * @default false
   */
  keepEditorNodes?: boolean
  /**
   * Throw {@link HtmlTooDeepError} for HTML nested deeper than {@link HTML_MAX_DEPTH} elements
   * instead of leaving out what lies deeper: for files a user hands over, where a silently
   * shortened (or empty) article is worse than a refusal. A paste keeps what it can.
   * @default false
   */
  refuseTooDeep?: boolean
}

/** How deep the sanitiser follows nested elements. */
export const HTML_MAX_DEPTH = 200

/** HTML nested deeper than {@link HTML_MAX_DEPTH}, refused (`refuseTooDeep`): a usage error. */
export class HtmlTooDeepError extends CopydeskError {
  constructor() {
    super('invalid-input', `the HTML is nested more than ${HTML_MAX_DEPTH} elements deep`)
    this.name = 'HtmlTooDeepError'
  }
}

/** The parsed HTML as htmlparser2's DOM handler builds it (only what the sanitiser reads). */
interface HtmlNode {
  type: string
  name?: string
  attribs?: Record<string, string>
  children?: HtmlNode[]
  data?: string
}

interface Context {
  bold: boolean
  italic: boolean
  href: string | null
  pre: boolean
}

// Removed with everything inside: active content, embedded documents and media, forms, page
// metadata, images (those arrive only through the asset store), Word's VML and `<o:p>` filler,
// and tracked deletions (`<del>`), which a desk must never see resurface.
const DROP = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'output',
  'progress',
  'meter',
  'dialog',
  'img',
  'image',
  'picture',
  'source',
  'track',
  'video',
  'audio',
  'canvas',
  'map',
  'area',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'basefont',
  'bgsound',
  'hr',
  'del',
  's',
  'strike',
  'xml',
  'portal',
  'slot',
  'xmp',
  'plaintext',
  'listing',
  'marquee',
  'o:p'
])

// Elements that end the current paragraph and start a new one for their content.
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'header',
  'hgroup',
  'legend',
  'main',
  'nav',
  'section',
  'summary',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'li',
  'body',
  'html',
  'search'
])

const HEADINGS: Record<string, number> = { h1: 2, h2: 2, h3: 3, h4: 3, h5: 3, h6: 3 }
const LISTS: Record<string, 'bulletList' | 'orderedList'> = {
  ul: 'bulletList',
  ol: 'orderedList',
  menu: 'bulletList',
  dir: 'bulletList'
}

// Deeper nesting than this is no document anyone wrote; it is dropped rather than recursed into.
const MAX_DEPTH = HTML_MAX_DEPTH
// HTML's collapsible whitespace (not U+00A0, which is content).
const HTML_SPACE = /[ \t\n\r\f]+/g
// C0/C1 controls other than tab and line breaks, and the BOM/zero-width no-break space.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff]/g
const WORD_LIST = /mso-list\s*:\s*l\d+\s+level(\d+)/i
// Word's built-in list styles ("List Bullet 2", "List Number"), whose `mso-list` is only in the
// page's style sheet; and List Paragraph, which is a list item only when it carries a marker.
const WORD_LIST_CLASS = /^MsoList(Bullet|Number|Paragraph)(?:CxSp\w*)?(\d?)$/i
// A marker Word writes as plain text before the item (no `mso-list:Ignore` span): a bullet
// symbol (Symbol's `·`, Courier's `o`, Wingdings' `§`, `•`, `▪`, `–`…) or a number, then the
// no-break spaces or tab Word pads it with.
const WORD_TEXT_MARKER =
  /^[ \t\r\n]*([•·▪■□◦‣⁃§o\-–*]|\(?(?:\d{1,3}|[a-z]|[ivxlcdm]{1,6})[.)])[ \t\r\n]*[\u00a0\t][\s\u00a0]*/i
const ORDERED_MARKER = /^\(?(?:\d+|[a-z]|[ivxlcdm]+)[.)]$/i

function styleOf(el: HtmlNode): Map<string, string> {
  const style = new Map<string, string>()
  for (const decl of (el.attribs?.style ?? '').split(';')) {
    const colon = decl.indexOf(':')
    if (colon > 0) {
      style.set(
        decl.slice(0, colon).trim().toLowerCase(),
        decl
          .slice(colon + 1)
          .trim()
          .toLowerCase()
      )
    }
  }
  return style
}

function isHidden(el: HtmlNode, style: Map<string, string>): boolean {
  return (
    style.get('display') === 'none' ||
    style.get('visibility') === 'hidden' ||
    style.get('mso-hide') === 'all' ||
    style.get('mso-list') === 'ignore' ||
    el.attribs?.hidden !== undefined ||
    el.attribs?.['aria-hidden'] === 'true'
  )
}

/** Bold/italic as inline styles say (Google Docs marks bold only with `font-weight: 700`). */
function styledContext(ctx: Context, style: Map<string, string>): Context {
  let { bold, italic } = ctx
  const weight = style.get('font-weight')
  if (weight !== undefined) {
    if (/^(bold|bolder|[6-9]00)\b/.test(weight)) bold = true
    else if (/^(normal|lighter|[1-5]00)\b/.test(weight)) bold = false
  }
  const fontStyle = style.get('font-style')
  if (fontStyle !== undefined) {
    if (/^(italic|oblique)\b/.test(fontStyle)) italic = true
    else if (/^normal\b/.test(fontStyle)) italic = false
  }
  return bold === ctx.bold && italic === ctx.italic ? ctx : { ...ctx, bold, italic }
}

function textContent(node: HtmlNode): string {
  if (node.type === 'text') return node.data ?? ''
  if (node.type !== 'tag') return ''
  return (node.children ?? []).map(textContent).join('')
}

/** Word's list marker text (`1.`, `a)`, `·`, `o`) from the hidden `mso-list:Ignore` span. */
function wordListMarker(el: HtmlNode): string {
  for (const child of el.children ?? []) {
    if (child.type !== 'tag') continue
    if (styleOf(child).get('mso-list') === 'ignore') {
      return textContent(child).replace(/[\s\u00a0]+/g, '')
    }
    const inner = wordListMarker(child)
    if (inner) return inner
  }
  return ''
}

/**
 * A list marker written as plain text at the start of a Word list paragraph: the marker and how
 * many characters of the paragraph's text it takes (to be skipped), or null.
 */
function wordTextMarker(el: HtmlNode): { marker: string; length: number } | null {
  let text = ''
  const collect = (node: HtmlNode): boolean => {
    if (text.length > 64) return false
    if (node.type === 'text') {
      text += node.data ?? ''
      return true
    }
    if (node.type !== 'tag') return true
    const name = (node.name ?? '').toLowerCase()
    if (DROP.has(name) || name.startsWith('v:') || isHidden(node, styleOf(node))) return true
    for (const child of node.children ?? []) if (!collect(child)) return false
    return true
  }
  for (const child of el.children ?? []) if (!collect(child)) break
  const match = WORD_TEXT_MARKER.exec(text)
  return match ? { marker: match[1]!, length: match[0].length } : null
}

function marksOf(ctx: Context): PmMark[] | undefined {
  const marks: PmMark[] = []
  if (ctx.href) marks.push({ type: 'link', attrs: { href: ctx.href } })
  if (ctx.bold) marks.push({ type: 'bold' })
  if (ctx.italic) marks.push({ type: 'italic' })
  return marks.length ? marks : undefined
}

function sameMarks(a: PmMark[] | undefined, b: PmMark[] | undefined): boolean {
  const x = a ?? []
  const y = b ?? []
  return (
    x.length === y.length &&
    x.every((m, i) => m.type === y[i]!.type && m.attrs?.href === y[i]!.attrs?.href)
  )
}

interface WordListLevel {
  level: number
  type: 'bulletList' | 'orderedList'
  list: PmNode
  item: PmNode | null
}

/** Builds body JSON from the cleaned-up stream of blocks, text and marks. */
class BodyBuilder {
  readonly doc: PmNode = { type: 'doc', content: [] }
  private readonly containers: PmNode[] = [this.doc]
  private textblock: PmNode | null = null
  private wordList: WordListLevel[] = []
  /** Characters of text still to drop (a Word list marker written as plain text). */
  private skip = 0

  constructor(readonly options: SanitizeOptions) {}

  private get container(): PmNode {
    return this.containers[this.containers.length - 1]!
  }

  closeTextblock(): void {
    this.textblock = null
  }

  /** Appends a block to the current container; any Word list in progress ends. */
  appendBlock(node: PmNode): void {
    this.closeTextblock()
    this.wordList = []
    ;(this.container.content ??= []).push(node)
  }

  openTextblock(type: 'paragraph' | 'heading', level?: number): void {
    const node: PmNode =
      type === 'heading' ? { type, attrs: { level }, content: [] } : { type, content: [] }
    this.appendBlock(node)
    this.textblock = node
  }

  withContainer(node: PmNode, body: () => void): void {
    this.containers.push(node)
    try {
      body()
    } finally {
      this.closeTextblock()
      this.containers.pop()
    }
  }

  /** Drops the next `count` characters of text (counted as the HTML has them). */
  skipText(count: number): void {
    this.skip = count
  }

  text(raw: string, ctx: Context): void {
    if (this.skip > 0) {
      const dropped = Math.min(this.skip, raw.length)
      this.skip -= dropped
      raw = raw.slice(dropped)
    }
    let text = raw.replace(CONTROL, '')
    if (!ctx.pre) text = text.replace(HTML_SPACE, ' ')
    if (text === '') return
    if (!this.textblock) {
      if (text.trim() === '') return
      this.openTextblock('paragraph')
    }
    const lines = ctx.pre ? text.replace(/\r\n?/g, '\n').split('\n') : [text]
    lines.forEach((line, i) => {
      if (i > 0) this.hardBreak()
      this.inlineText(ctx.pre ? line.replace(/[\t\f]/g, ' ') : line, marksOf(ctx))
    })
  }

  private inlineText(text: string, marks: PmMark[] | undefined): void {
    const content = (this.textblock!.content ??= [])
    const last = content[content.length - 1]
    // Collapse spaces across element boundaries, as a browser would render them.
    if (!last || last.type === 'hardBreak' || (last.text ?? '').endsWith(' ')) {
      text = text.replace(/^ +/, '')
    }
    if (text === '') return
    if (last && last.type === 'text' && sameMarks(last.marks, marks)) {
      last.text += text
      return
    }
    content.push(marks ? { type: 'text', text, marks } : { type: 'text', text })
  }

  hardBreak(): void {
    if (!this.textblock) return
    ;(this.textblock.content ??= []).push({ type: 'hardBreak' })
  }

  /** One paragraph of a Word list (`mso-list: l0 level2`): opens or closes nested lists. */
  wordListItem(level: number, type: 'bulletList' | 'orderedList'): void {
    this.closeTextblock()
    while (this.wordList.length && this.wordList[this.wordList.length - 1]!.level > level) {
      this.wordList.pop()
    }
    let top = this.wordList[this.wordList.length - 1]
    if (top && top.level === level && top.type !== type) {
      this.wordList.pop()
      top = this.wordList[this.wordList.length - 1]
    }
    if (!top || top.level < level) {
      const list: PmNode = { type, content: [] }
      if (top) {
        if (!top.item) {
          top.item = { type: 'listItem', content: [] }
          top.list.content!.push(top.item)
        }
        top.item.content!.push(list)
      } else {
        const keep = this.wordList
        this.appendBlock(list)
        this.wordList = keep
      }
      top = { level, type, list, item: null }
      this.wordList.push(top)
    }
    const item: PmNode = { type: 'listItem', content: [] }
    top.list.content!.push(item)
    top.item = item
    const paragraph: PmNode = { type: 'paragraph', content: [] }
    item.content!.push(paragraph)
    this.textblock = paragraph
  }

  editorNode(node: PmNode): void {
    if (this.options.keepEditorNodes) this.appendBlock(node)
  }
}

function walkChildren(builder: BodyBuilder, el: HtmlNode, ctx: Context, depth: number): void {
  for (const child of el.children ?? []) walk(builder, child, ctx, depth + 1)
}

function walkList(
  builder: BodyBuilder,
  el: HtmlNode,
  type: 'bulletList' | 'orderedList',
  ctx: Context,
  depth: number
): void {
  const attrs: Record<string, unknown> = {}
  if (type === 'orderedList') {
    const start = Number.parseInt(el.attribs?.start ?? '', 10)
    if (Number.isInteger(start) && start >= 0 && start <= 1_000_000 && start !== 1) {
      attrs.start = start
    }
    const listType = el.attribs?.type
    if (listType && /^[aAiI]$/.test(listType)) attrs.type = listType
  }
  const list: PmNode = Object.keys(attrs).length
    ? { type, attrs, content: [] }
    : { type, content: [] }
  builder.appendBlock(list)
  let item: PmNode | null = null
  for (const child of el.children ?? []) {
    if (child.type === 'tag' && child.name === 'li') {
      item = { type: 'listItem', content: [] }
      list.content!.push(item)
      builder.withContainer(item, () => walkChildren(builder, child, ctx, depth + 1))
      continue
    }
    if (child.type === 'text' && (child.data ?? '').trim() === '') continue
    // Content directly inside <ul> (a nested list without its <li>, stray text) joins the
    // previous item, which is how browsers show it.
    if (!item) {
      item = { type: 'listItem', content: [] }
      list.content!.push(item)
    }
    builder.withContainer(item, () => walk(builder, child, ctx, depth + 1))
  }
  builder.closeTextblock()
}

function editorFigure(el: HtmlNode): PmNode | null {
  const a = el.attribs ?? {}
  const assetId = a['data-asset-id']
  if (!assetIdSchema.safeParse(assetId).success) return null
  const caption = (el.children ?? []).find((c) => c.type === 'tag' && c.name === 'figcaption')
  const text = (name: string): string | null => {
    const value = (a[name] ?? '').replace(CONTROL, '').replace(/\s+/g, ' ').trim()
    return value === '' ? null : value
  }
  return figureNode({
    assetId: assetId!,
    caption: caption ? textContent(caption).replace(CONTROL, '') : null,
    credit: text('data-credit'),
    photographer: text('data-photographer'),
    alt: text('data-alt')
  })
}

function editorPullQuote(el: HtmlNode): PmNode {
  const part = (name: string): string => {
    const node = (el.children ?? []).find((c) => c.type === 'tag' && c.name === name)
    return node ? textContent(node).replace(CONTROL, '') : ''
  }
  return pullQuoteNode(part('blockquote'), part('figcaption'))
}

/** The text under a node, read without recursion, leaving out what the sanitiser drops. */
function flatText(root: HtmlNode): string {
  let out = ''
  const stack: HtmlNode[] = [root]
  while (stack.length) {
    const node = stack.pop()!
    if (node.type === 'text') {
      out += node.data ?? ''
      continue
    }
    if (node.type !== 'tag') continue
    const name = (node.name ?? '').toLowerCase()
    if (DROP.has(name) || name.startsWith('v:') || isHidden(node, styleOf(node))) continue
    if (BLOCKS.has(name) || name in HEADINGS || ['p', 'br', 'li'].includes(name)) out += ' '
    const children = node.children ?? []
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
  return out
}

function walk(builder: BodyBuilder, node: HtmlNode, ctx: Context, depth: number): void {
  if (depth > MAX_DEPTH) {
    if (builder.options.refuseTooDeep) throw new HtmlTooDeepError()
    // Too deep to follow into structure: a paste keeps its words as plain text, never loses them.
    builder.text(flatText(node), ctx)
    return
  }
  if (node.type === 'text') {
    builder.text(node.data ?? '', ctx)
    return
  }
  // Comments, doctypes, processing instructions, CDATA, and script/style (their own types).
  if (node.type !== 'tag') return
  const name = (node.name ?? '').toLowerCase()
  if (DROP.has(name) || name.startsWith('v:')) return
  const style = styleOf(node)
  if (isHidden(node, style)) return

  const dataType = node.attribs?.['data-type']
  if (name === 'figure' && dataType === 'figure') {
    const figure = editorFigure(node)
    if (figure) builder.editorNode(figure)
    return
  }
  if (name === 'figure' && dataType === 'pullQuote') {
    builder.editorNode(editorPullQuote(node))
    return
  }

  const styled = styledContext(ctx, style)
  switch (name) {
    case 'br':
      builder.hardBreak()
      return
    case 'b':
    case 'strong':
      // Google Docs wraps a whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">:
      // the style (read above) says it is not bold, and it wins.
      walkChildren(
        builder,
        node,
        style.has('font-weight') ? styled : { ...styled, bold: true },
        depth
      )
      return
    case 'i':
    case 'em':
      walkChildren(
        builder,
        node,
        style.has('font-style') ? styled : { ...styled, italic: true },
        depth
      )
      return
    case 'a': {
      const raw = node.attribs?.href
      if (raw === undefined) {
        walkChildren(builder, node, styled, depth)
        return
      }
      walkChildren(builder, node, { ...styled, href: normalizeLinkHref(raw) }, depth)
      return
    }
    case 'p': {
      const wordList = WORD_LIST.exec(node.attribs?.style ?? '')
      const wordClass = WORD_LIST_CLASS.exec((node.attribs?.class ?? '').trim())
      let marker = wordList || wordClass ? wordListMarker(node) : ''
      let skip = 0
      if ((wordList || wordClass) && !marker) {
        const written = wordTextMarker(node)
        if (written) {
          marker = written.marker
          skip = written.length
        }
      }
      // A List Paragraph without numbering is only indented: a paragraph.
      if (wordList || (wordClass && marker)) {
        const level = wordList ? Number(wordList[1]) : Number(wordClass![2] || 1)
        builder.wordListItem(level, ORDERED_MARKER.test(marker) ? 'orderedList' : 'bulletList')
        builder.skipText(skip)
      } else {
        builder.openTextblock('paragraph')
      }
      walkChildren(builder, node, styled, depth)
      builder.skipText(0)
      builder.closeTextblock()
      return
    }
    case 'pre':
      builder.openTextblock('paragraph')
      walkChildren(builder, node, { ...styled, pre: true }, depth)
      builder.closeTextblock()
      return
    case 'blockquote': {
      const quote: PmNode = { type: 'blockquote', content: [] }
      builder.appendBlock(quote)
      builder.withContainer(quote, () => walkChildren(builder, node, styled, depth))
      return
    }
  }
  const level = HEADINGS[name]
  if (level !== undefined) {
    builder.openTextblock('heading', level)
    walkChildren(builder, node, styled, depth)
    builder.closeTextblock()
    return
  }
  const listType = LISTS[name]
  if (listType) {
    walkList(builder, node, listType, styled, depth)
    return
  }
  if (BLOCKS.has(name)) {
    builder.closeTextblock()
    walkChildren(builder, node, styled, depth)
    builder.closeTextblock()
    return
  }
  // Everything else (span, font, u, sub, sup, code, abbr, Word's other namespaced tags, …)
  // is unwrapped: its text stays, the element and its attributes go.
  walkChildren(builder, node, styled, depth)
}

// htmlparser2 keeps its open elements in an array it `unshift`s, so parse time grows with the
// square of the nesting depth (100,000 nested spans: 9 s). Real documents nest a few dozen deep;
// before parsing, tags beyond this depth are cut out (their text stays), in one linear pass.
const MAX_SCAN_DEPTH = 1000
// A rough tag pattern is enough: the scan only estimates depth, the real parse comes after.
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/g
// Void elements never nest; these others close themselves implicitly when a sibling opens.
const NO_DEPTH = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
  'option',
  'optgroup',
  'colgroup',
  'caption',
  'html',
  'head',
  'body',
  'rp',
  'rt'
])

function limitNesting(html: string, refuse: boolean): string {
  let tags = 0
  for (
    let i = html.indexOf('<');
    i !== -1 && tags <= MAX_SCAN_DEPTH;
    i = html.indexOf('<', i + 1)
  ) {
    tags++
  }
  if (tags <= MAX_SCAN_DEPTH) return html
  let depth = 0
  let cut = false
  const out = html.replace(TAG, (tag, slash: string, name: string) => {
    const lower = name.toLowerCase()
    if (NO_DEPTH.has(lower) || tag.endsWith('/>')) return tag
    if (slash) {
      const inside = depth > MAX_SCAN_DEPTH
      if (depth > 0) depth--
      if (inside) cut = true
      return inside ? '' : tag
    }
    depth++
    if (depth > MAX_SCAN_DEPTH) {
      if (refuse) throw new HtmlTooDeepError()
      cut = true
      return ''
    }
    return tag
  })
  return cut ? out : html
}

// ---- normalisation: what the schema requires and what a clean body looks like ----------------

const TRIM_START = /^[\s\u00a0]+/
const TRIM_END = /[\s\u00a0]+$/

function trimInline(content: PmNode[]): PmNode[] {
  const out: PmNode[] = []
  for (const node of content) {
    const last = out[out.length - 1]
    if (node.type === 'hardBreak') {
      if (last?.type === 'text') last.text = last.text!.replace(/ +$/, '')
      if (out.length && out[out.length - 1]!.text === '') out.pop()
      out.push(node)
      continue
    }
    if (node.type !== 'text') continue
    let text = node.text ?? ''
    if (!last || last.type === 'hardBreak') text = text.replace(/^ +/, '')
    if (text === '') continue
    if (last?.type === 'text' && sameMarks(last.marks, node.marks)) last.text += text
    else out.push({ ...node, text })
  }
  // Leading and trailing breaks and whitespace (including no-break spaces) go.
  while (out.length && out[0]!.type === 'hardBreak') out.shift()
  while (out.length && out[out.length - 1]!.type === 'hardBreak') out.pop()
  if (out[0]?.type === 'text') out[0].text = out[0].text!.replace(TRIM_START, '')
  const end = out[out.length - 1]
  if (end?.type === 'text') end.text = end.text!.replace(TRIM_END, '')
  const cleaned = out.filter((n) => n.type !== 'text' || n.text !== '')
  // A block of nothing but spaces and breaks is empty.
  return cleaned.some((n) => n.type === 'text' && n.text!.trim() !== '') ? cleaned : []
}

/** Splits a paragraph where two or more line breaks follow each other (`<br><br>` pages). */
function splitOnBlankLines(content: PmNode[]): PmNode[][] {
  const parts: PmNode[][] = [[]]
  for (let i = 0; i < content.length; i++) {
    const node = content[i]!
    if (node.type === 'hardBreak' && content[i + 1]?.type === 'hardBreak') {
      while (content[i + 1]?.type === 'hardBreak') i++
      parts.push([])
      continue
    }
    parts[parts.length - 1]!.push(node)
  }
  return parts
}

function normalizeBlocks(blocks: PmNode[]): PmNode[] {
  const out: PmNode[] = []
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        for (const part of splitOnBlankLines(block.content ?? [])) {
          const content = trimInline(part)
          if (content.length) out.push({ type: 'paragraph', content })
        }
        break
      case 'heading': {
        const content = trimInline(block.content ?? [])
        if (content.length) out.push({ ...block, content })
        break
      }
      case 'blockquote': {
        const content = normalizeBlocks(block.content ?? [])
        if (content.length) out.push({ type: 'blockquote', content })
        break
      }
      case 'bulletList':
      case 'orderedList': {
        const items = (block.content ?? []).flatMap(normalizeItem)
        if (items.length) out.push({ ...block, content: items })
        break
      }
      default:
        out.push(block)
    }
  }
  return out
}

function normalizeItem(item: PmNode): PmNode[] {
  const content = normalizeBlocks(item.content ?? [])
  if (content.length === 0) return []
  const first = content[0]!
  // A list item starts with a paragraph (schema: `paragraph block*`).
  if (first.type === 'heading') content[0] = { type: 'paragraph', content: first.content }
  else if (first.type !== 'paragraph') content.unshift({ type: 'paragraph' })
  return [{ type: 'listItem', content }]
}

/**
 * Cleans pasted or imported HTML into an article body (ProseMirror JSON valid in the shared
 * schema), parsing with htmlparser2 (no DOM, so it runs in Node and the renderer alike).
 *
 * Kept: paragraphs; headings (h1/h2 → h2, h3–h6 → h3); bold (`b`, `strong`, `font-weight`
 * 600–900 in a style) and italic (`i`, `em`, `font-style: italic`); links whose target passes
 * `isAllowedLinkHref` (others keep their text, not the link); bullet and numbered lists (also
 * Word's `mso-list` paragraphs, nested by level); block quotes; line breaks (two in a row start a
 * new paragraph); `<pre>` line breaks.
 *
 * Dropped with their content: scripts, styles, frames, objects, embeds, SVG, MathML, forms,
 * images and media, page metadata, hidden elements (`display:none`, Word's `mso-list:Ignore`
 * markers), `<o:p>`, tracked deletions and struck text. Dropped but their text kept: every other
 * element, every attribute (event handlers, `style`, `class`, `id`, `target`, `rel`, …).
 * Comments, conditional comments and doctypes vanish. Google Docs' `<b style="font-weight:normal"
 * id="docs-internal-guid-…">` wrapper is not bold. Empty paragraphs and control characters go.
 */
export function sanitizeHtmlToDoc(html: string, options: SanitizeOptions = {}): PmNode {
  const dom = parseDocument(limitNesting(String(html), options.refuseTooDeep === true), {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true
  }) as unknown as HtmlNode
  const builder = new BodyBuilder(options)
  walkChildren(builder, dom, { bold: false, italic: false, href: null, pre: false }, 0)
  const content = normalizeBlocks(builder.doc.content ?? [])
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] }
}

/**
 * The same cleaning as `sanitizeHtmlToDoc`, returned as HTML in the editor's own format: what
 * the renderer hands to TipTap's `transformPastedHTML`, so paste goes through this one sanitiser.
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  return renderBodyHtml(sanitizeHtmlToDoc(html, options), { format: 'editor' })
}
