import type { Article, PmNode } from '../../../shared/article'
import type { SpellingFinding } from '../../../shared/ipc'
import type { SpellChecker } from './spellChecker'

/** Where a spelling finding sits in an article. */
export type SpellingWhere =
  | { field: 'kicker' | 'headline' | 'teaser' }
  /** A text block of the body: child indexes from the doc node down; `nodeId` when it has one. */
  | { path: number[]; nodeId?: string }
  | { galleryId: string; index: number }
  | { assetId: string }

/** One unknown word of an article, for preflight (`spelling`) and the editor. */
export interface ArticleSpellingFinding extends SpellingFinding {
  where: SpellingWhere
}

/** A caption to check, and where a finding in it should point. */
export interface CaptionText {
  text: string
  where: SpellingWhere
}

/** The parts of an article that spelling reads. */
export type SpellableArticle = Pick<
  Article,
  'language' | 'kicker' | 'headline' | 'teaser' | 'body' | 'lead' | 'galleries'
>

/** Options of {@link spellFindings}. */
export interface SpellFindingsOptions {
  /**
   * The captions to check instead of the article's own per-use captions (`lead.caption`,
   * gallery items' `caption`): pass the effective captions, e.g. an asset's caption where the
   * use has no override. Body captions inside the document are always checked.
   */
  captions?: readonly CaptionText[]
}

interface Block {
  text: string
  where: SpellingWhere
}

// Inline nodes other than text (hard breaks, inline images) separate words.
function inlineText(node: PmNode): string {
  if (node.type === 'text') return node.text ?? ''
  return node.content ? node.content.map(inlineText).join('') : '\n'
}

function isTextblock(node: PmNode): boolean {
  return (
    node.content !== undefined &&
    node.content.length > 0 &&
    node.content.some((child) => child.type === 'text')
  )
}

/**
 * The text blocks of a ProseMirror document (and `attrs.caption` strings), in document order,
 * with their paths.
 */
export function bodyTextBlocks(doc: PmNode): Block[] {
  const blocks: Block[] = []
  const walk = (node: PmNode, path: number[]): void => {
    // Body blocks carry their stable id as `nodeId` (older documents may have `id`).
    const id = node.attrs?.nodeId ?? node.attrs?.id
    const where: SpellingWhere = typeof id === 'string' && id ? { path, nodeId: id } : { path }
    // A figure may keep its caption as an attribute instead of as a caption node.
    const caption = node.attrs?.caption
    if (typeof caption === 'string' && caption) blocks.push({ text: caption, where })
    if (isTextblock(node)) {
      blocks.push({ text: (node.content ?? []).map(inlineText).join(''), where })
      return
    }
    node.content?.forEach((child, i) => walk(child, [...path, i]))
  }
  walk(doc, [])
  return blocks
}

function articleCaptions(article: SpellableArticle): CaptionText[] {
  const captions: CaptionText[] = []
  if (article.lead?.caption) {
    captions.push({ text: article.lead.caption, where: { assetId: article.lead.assetId } })
  }
  for (const gallery of article.galleries) {
    gallery.items.forEach((item, index) => {
      if (item.caption)
        captions.push({ text: item.caption, where: { galleryId: gallery.id, index } })
    })
  }
  return captions
}

/**
 * Every word of an article's kicker, headline, teaser, body and captions that the dictionary of
 * the article's language (plus the newsroom word list) does not know, with up to 5 suggestions,
 * in reading order. One round trip to the spelling worker.
 */
export async function spellFindings(
  checker: SpellChecker,
  article: SpellableArticle,
  opts: SpellFindingsOptions = {}
): Promise<ArticleSpellingFinding[]> {
  const blocks: Block[] = []
  for (const field of ['kicker', 'headline', 'teaser'] as const) {
    const text = article[field]
    if (text) blocks.push({ text, where: { field } })
  }
  // Loops, not push(...): a spread of a long body's blocks overflows the stack.
  for (const block of bodyTextBlocks(article.body)) blocks.push(block)
  for (const caption of opts.captions ?? articleCaptions(article)) {
    if (caption.text) blocks.push(caption)
  }
  const results = await checker.checkMany(
    blocks.map((b) => b.text),
    article.language
  )
  const out: ArticleSpellingFinding[] = []
  results.forEach((findings, i) => {
    for (const f of findings) out.push({ ...f, where: blocks[i].where })
  })
  return out
}

/** One unknown word of an article with every place it occurs. */
export interface GroupedSpelling<W> {
  word: string
  suggestions: string[]
  /** Its first place. */
  where: W
  /** How often it occurs. */
  count: number
  /** Each place it occurs, once, in reading order (`where` first). */
  places: W[]
}

/**
 * Groups findings per distinct word (spelled exactly as in the text), in order of first
 * occurrence. `placeKey` says when two places are the same (e.g. the same paragraph).
 */
export function groupByWord<W>(
  findings: Iterable<{ word: string; suggestions: string[]; where: W }>,
  placeKey: (where: W) => string
): GroupedSpelling<W>[] {
  const groups = new Map<string, GroupedSpelling<W> & { keys: Set<string> }>()
  for (const f of findings) {
    const key = placeKey(f.where)
    const group = groups.get(f.word)
    if (!group) {
      groups.set(f.word, {
        word: f.word,
        suggestions: f.suggestions,
        where: f.where,
        count: 1,
        places: [f.where],
        keys: new Set([key])
      })
      continue
    }
    group.count++
    if (group.suggestions.length === 0 && f.suggestions.length > 0) {
      group.suggestions = f.suggestions
    }
    if (!group.keys.has(key)) {
      group.keys.add(key)
      group.places.push(f.where)
    }
  }
  return [...groups.values()].map(({ word, suggestions, where, count, places }) => ({
    word,
    suggestions,
    where,
    count,
    places
  }))
}
