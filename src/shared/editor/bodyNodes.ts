import type { ImageUse, PmNode } from '../article'

/*
 * Pure helpers over body JSON (no TipTap import, so the CLI, services and `articleView` can use
 * them cheaply). The node type names are the ones the schema in ./nodes defines.
 */

/** A figure of the body as an image use (caption from its caption text), with its node id. */
export interface BodyFigure extends ImageUse {
  nodeId: string | null
}

/** A pull quote of the body. */
export interface BodyPullQuote {
  quote: string
  attribution: string
  nodeId: string | null
}

/** The text of a node's descendants, concatenated (hard breaks as `\n`). */
export function textOf(node: PmNode | undefined): string {
  if (!node) return ''
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(textOf).join('')
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function nodeIdOf(node: PmNode): string | null {
  return typeof node.attrs?.nodeId === 'string' ? node.attrs.nodeId : null
}

/** A `figure` node as an image use, or null for anything else (or a figure without asset id). */
export function figureOf(node: PmNode): BodyFigure | null {
  if (node.type !== 'figure' || typeof node.attrs?.assetId !== 'string') return null
  const caption = node.content?.find((c) => c.type === 'figureCaption')
  return {
    assetId: node.attrs.assetId,
    caption: nonEmpty(textOf(caption).trim()),
    credit: nonEmpty(node.attrs.credit),
    photographer: nonEmpty(node.attrs.photographer),
    alt: nonEmpty(node.attrs.alt),
    nodeId: nodeIdOf(node)
  }
}

/** A `pullQuote` node's parts, or null for anything else. */
export function pullQuoteOf(node: PmNode): BodyPullQuote | null {
  if (node.type !== 'pullQuote') return null
  const part = (type: string): string => textOf(node.content?.find((c) => c.type === type)).trim()
  return {
    quote: part('pullQuoteText'),
    attribution: part('pullQuoteAttribution'),
    nodeId: nodeIdOf(node)
  }
}

/** Every figure in the body, in document order. */
export function figuresOf(doc: PmNode): BodyFigure[] {
  const out: BodyFigure[] = []
  const walk = (node: PmNode): void => {
    const figure = figureOf(node)
    if (figure) {
      out.push(figure)
      return
    }
    for (const child of node.content ?? []) walk(child)
  }
  walk(doc)
  return out
}

/** A `figure` node for an image use (the JSON `insertFigure` creates), e.g. for imports. */
export function figureNode(use: ImageUse, nodeId: string | null = null): PmNode {
  const caption = (use.caption ?? '').replace(/\s+/g, ' ').trim()
  return {
    type: 'figure',
    attrs: {
      nodeId,
      assetId: use.assetId,
      credit: nonEmpty(use.credit),
      photographer: nonEmpty(use.photographer),
      alt: nonEmpty(use.alt)
    },
    content: [
      caption
        ? { type: 'figureCaption', content: [{ type: 'text', text: caption }] }
        : { type: 'figureCaption' }
    ]
  }
}

/** A `pullQuote` node. */
export function pullQuoteNode(
  quote: string,
  attribution = '',
  nodeId: string | null = null
): PmNode {
  const part = (type: string, text: string): PmNode => {
    const clean = text.replace(/\s+/g, ' ').trim()
    return clean ? { type, content: [{ type: 'text', text: clean }] } : { type }
  }
  return {
    type: 'pullQuote',
    attrs: { nodeId },
    content: [part('pullQuoteText', quote), part('pullQuoteAttribution', attribution)]
  }
}
