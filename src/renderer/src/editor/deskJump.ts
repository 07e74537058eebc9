import type { Editor } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { NodeSelection, TextSelection, type Selection } from '@tiptap/pm/state'
import type { FindingWhere } from '../../../shared/preflight/finding'
import { wordRanges } from '../features/preflight/wordPlaces'
import type { WordPlace } from './spelling/spellingActions'

/** The collapsible sections of the desk's side column. */
export type SideSection = 'people' | 'timing' | 'checks' | 'images' | 'filing'

const FIELD_TARGETS: Record<string, string> = {
  headline: 'field-headline',
  kicker: 'field-kicker',
  teaser: 'field-teaser',
  bylines: 'field-bylines',
  dateline: 'field-place',
  embargoedUntil: 'field-embargo',
  publishedAt: 'field-published'
}

const FIELD_SECTIONS: Record<string, SideSection> = {
  bylines: 'people',
  dateline: 'people',
  place: 'people',
  source: 'people',
  publishedAt: 'timing',
  embargoedUntil: 'timing',
  language: 'timing',
  timeZone: 'timing',
  lead: 'images'
}

/** The fields written on the sheet (above and in the body), not in the side column. */
const SHEET_FIELDS = new Set(['headline', 'kicker', 'teaser', 'body'])

/** Which side section holds what a finding points at; null for the write sheet. */
export function sectionOf(where: FindingWhere): SideSection | null {
  if ('field' in where) {
    if (SHEET_FIELDS.has(where.field)) return null
    return FIELD_SECTIONS[where.field] ?? 'filing'
  }
  if ('nodeId' in where) return null
  return 'images'
}

/** What the jump may need from the desk around it. */
export interface JumpContext {
  editor: Editor
  /** Shows the write sheet (the preview may be showing). */
  showWrite(): void
  /** Opens a side section if it is collapsed. */
  reveal(section: SideSection): void
}

/** For spelling: the word to select, and which of its occurrences in that place (from 0). */
export interface JumpWord {
  word: string
  nth: number
}

function flash(el: Element): void {
  el.scrollIntoView({ block: 'center', behavior: 'smooth' })
  el.classList.add('jump-highlight')
  setTimeout(() => el.classList.remove('jump-highlight'), 1600)
}

type TextInput = HTMLInputElement | HTMLTextAreaElement

function isTextInput(el: Element | null): el is TextInput {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement
}

// A section that was just opened, or a gallery item just selected, renders on React's next
// commit: look again for a little while (timers, not frames, which stop in a hidden window).
async function waitFor<T>(find: () => T | null, tries = 40): Promise<T | null> {
  for (let i = 0; i < tries; i++) {
    const found = find()
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 15))
  }
  return find()
}

function byJumpKey(key: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-jump="${CSS.escape(key)}"]`)
}

/** Focuses an input and puts the caret at its end, or selects the word's occurrence in it. */
function focusInput(el: HTMLElement, word: JumpWord | undefined): void {
  el.focus({ preventScroll: true })
  flash(el.closest('.override, .field') ?? el)
  if (!isTextInput(el) || el.type === 'date' || el.type === 'time') return
  const ranges = word ? wordRanges(el.value, word.word) : []
  const range = ranges[Math.min(word?.nth ?? 0, ranges.length - 1)]
  if (range) el.setSelectionRange(range.from, range.to)
  else el.setSelectionRange(el.value.length, el.value.length)
}

function focusFirstIn(el: Element): HTMLElement | null {
  const target = el.matches('input, textarea, select, button')
    ? el
    : el.querySelector('input, textarea, select, button')
  return target instanceof HTMLElement ? target : null
}

/** How often a word occurs at a place right now (0 when that place is not on screen). */
export function countWordAt(where: FindingWhere, word: string, editor: Editor): number {
  if ('nodeId' in where) {
    const found = findNode(editor.state.doc, where.nodeId)
    return found ? wordRanges(textWithPositions(found.node, found.pos).text, word).length : 0
  }
  const el = inputOf(where)
  return isTextInput(el) ? wordRanges(el.value, word).length : 0
}

/** The input a field, lead or gallery `where` means, when it is on screen. */
function inputOf(where: FindingWhere): HTMLElement | null {
  if ('field' in where && where.field !== 'lead') {
    return document.getElementById(FIELD_TARGETS[where.field] ?? `field-${where.field}`)
  }
  if ('galleryId' in where) {
    return byJumpKey(`gallery:${where.galleryId}:${where.index}:${where.part ?? 'caption'}`)
  }
  return byJumpKey(`lead:${where.part ?? 'caption'}`)
}

/** The block with this node id and its position, or null. */
export function findNode(doc: PmNode, nodeId: string): { node: PmNode; pos: number } | null {
  let found: { node: PmNode; pos: number } | null = null
  doc.descendants((node, pos) => {
    if (found) return false
    if (node.attrs.nodeId === nodeId) {
      found = { node, pos }
      return false
    }
    return !node.isTextblock
  })
  return found
}

/** The text of a node with, for each text node, where it starts in that text and in the doc. */
export function textWithPositions(
  node: PmNode,
  pos: number
): { text: string; segments: { offset: number; pos: number }[] } {
  let text = ''
  const segments: { offset: number; pos: number }[] = []
  node.descendants((child, rel) => {
    if (child.isText) {
      segments.push({ offset: text.length, pos: pos + 1 + rel })
      text += child.text ?? ''
    } else {
      // Blocks and inline leaves (line breaks) separate words.
      text += '\n'
    }
  })
  return { text, segments }
}

/** The document position of an offset into `textWithPositions`' text. */
export function docPosAt(segments: { offset: number; pos: number }[], offset: number): number {
  let seg = segments[0]!
  for (const s of segments) {
    if (s.offset > offset) break
    seg = s
  }
  return seg.pos + (offset - seg.offset)
}

/** The selection a body jump makes: the word, the caption's end, or the block itself. */
function bodySelection(
  doc: PmNode,
  found: { node: PmNode; pos: number },
  where: FindingWhere,
  word: JumpWord | undefined
): Selection {
  const { node, pos } = found
  if (word) {
    const { text, segments } = textWithPositions(node, pos)
    const ranges = wordRanges(text, word.word)
    const range = ranges[Math.min(word.nth, ranges.length - 1)]
    if (range && segments.length) {
      const from = docPosAt(segments, range.from)
      const to = docPosAt(segments, range.to - 1) + 1
      return TextSelection.create(doc, from, to)
    }
  }
  if (node.type.name === 'figure') {
    // The caption is the figure's only child: its end is where the writer goes on.
    if (where.part === 'caption') return TextSelection.create(doc, pos + node.nodeSize - 2)
    return NodeSelection.create(doc, pos)
  }
  if (node.type.name === 'pullQuote') return NodeSelection.create(doc, pos)
  return TextSelection.near(doc.resolve(node.isTextblock ? pos + node.nodeSize - 1 : pos + 1))
}

function jumpInBody(
  where: FindingWhere & { nodeId: string },
  editor: Editor,
  word: JumpWord | undefined
): boolean {
  const found = findNode(editor.state.doc, where.nodeId)
  if (!found) return false
  const dom = editor.view.nodeDOM(found.pos)
  const el = dom instanceof Element ? dom : null
  if (where.part === 'credit' || where.part === 'alt') {
    const input = byJumpKey(`node:${where.nodeId}:${where.part}`)
    if (input) {
      focusInput(input, word)
      return true
    }
  }
  const selection = bodySelection(editor.state.doc, found, where, word)
  editor.view.dispatch(editor.state.tr.setSelection(selection).scrollIntoView())
  editor.view.focus()
  if (el) flash(el)
  return true
}

async function jumpToGalleryItem(
  where: FindingWhere & { galleryId: string; index: number },
  word: JumpWord | undefined
): Promise<boolean> {
  const gallery = document.querySelector(`[data-gallery-id="${CSS.escape(where.galleryId)}"]`)
  const thumb = gallery?.querySelector<HTMLButtonElement>(`button[data-index="${where.index}"]`)
  if (!gallery || !thumb) {
    if (gallery) flash(gallery)
    return false
  }
  // Each item's inputs sit beside its thumbnail; without a part, the thumbnail itself.
  if (!where.part) {
    thumb.focus({ preventScroll: true })
    flash(thumb)
    return true
  }
  const input = await waitFor(() => inputOf(where))
  if (!input) return false
  focusInput(input, word)
  return true
}

/**
 * Takes the writer to the exact input a finding points at and gives it the focus: a field, a
 * body block (cursor in it; a figure selected whole, its caption's end for `part: 'caption'`),
 * a figure's credit or alt input, the lead's or a gallery item's caption, credit or alt (the
 * item is selected first). A collapsed side section is opened first. With `word`, that
 * occurrence of the word is selected. Resolves to whether the target was found.
 */
export async function jumpTo(
  where: FindingWhere,
  ctx: JumpContext,
  word?: JumpWord
): Promise<boolean> {
  const section = sectionOf(where)
  if (section) ctx.reveal(section)
  else ctx.showWrite()
  if ('nodeId' in where) {
    // The write sheet may have just been shown: the editor needs to be laid out to scroll.
    await waitFor(() => (ctx.editor.view.dom.offsetParent ? true : null))
    return jumpInBody(where, ctx.editor, word)
  }
  if ('galleryId' in where) return jumpToGalleryItem(where, word)
  if ('field' in where && where.field === 'body') {
    ctx.editor.commands.focus('start', { scrollIntoView: true })
    return true
  }
  if ('field' in where && where.field !== 'lead') {
    const el = await waitFor(() => {
      const found = inputOf(where)
      return found && found.offsetParent ? found : null
    })
    if (!el) return false
    const input = focusFirstIn(el) ?? el
    focusInput(input, word)
    return true
  }
  // The lead: `{ field: 'lead' }`, `{ lead: true }` or an asset id (only the lead has one).
  const slot = await waitFor(() => {
    const found = byJumpKey('lead')
    return found && found.offsetParent ? found : null
  })
  if (!slot) return false
  const input = inputOf(where) ?? focusFirstIn(slot)
  if (input) focusInput(input, word)
  else flash(slot)
  return true
}

/**
 * The `nth` occurrence of a word at a place as the spelling actions take it: positions in the
 * body, or offsets in an input on screen. Null when the place is not on screen or the word is
 * no longer there.
 */
export function wordPlaceOf(where: FindingWhere, word: JumpWord, editor: Editor): WordPlace | null {
  if ('nodeId' in where) {
    const found = findNode(editor.state.doc, where.nodeId)
    if (!found) return null
    const { text, segments } = textWithPositions(found.node, found.pos)
    const range = wordRanges(text, word.word)[word.nth]
    if (!range || segments.length === 0) return null
    return {
      kind: 'body',
      editor,
      from: docPosAt(segments, range.from),
      to: docPosAt(segments, range.to - 1) + 1,
      word: word.word
    }
  }
  const el = inputOf(where)
  if (!isTextInput(el)) return null
  const range = wordRanges(el.value, word.word)[word.nth]
  return range
    ? { kind: 'field', element: el, start: range.from, end: range.to, word: word.word }
    : null
}
