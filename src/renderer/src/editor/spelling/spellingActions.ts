import type { Editor } from '@tiptap/core'
import type { Node as PmNodeType } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'
import type { FindingWhere } from '../../../../shared/preflight/finding'
import type { Result } from '../../../../shared/result'
import { newsroom } from '../../lib/newsroom'

/** A text input or text area a misspelt word sits in. */
export type TextField = HTMLInputElement | HTMLTextAreaElement

/** A misspelt word in a text field: UTF-16 offsets into the field's value. */
export interface FieldWordPlace {
  kind: 'field'
  element: TextField
  start: number
  end: number
  word: string
}

/** A misspelt word in the body: ProseMirror positions of the word itself. */
export interface BodyWordPlace {
  kind: 'body'
  editor: Editor
  from: number
  to: number
  word: string
}

/** One occurrence of a misspelt word, in a field or in the body. */
export type WordPlace = FieldWordPlace | BodyWordPlace

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Offsets of each whole-word occurrence of `word` in `text` (not inside a longer word). */
export function wordOccurrences(text: string, word: string): number[] {
  if (!word) return []
  const found: number[] = []
  for (const match of text.matchAll(new RegExp(escapeRegExp(word), 'gu'))) {
    const at = match.index
    const before = text.slice(0, at).at(-1) ?? ''
    const after = text[at + word.length] ?? ''
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) found.push(at)
  }
  return found
}

/** Which occurrence of `word` in `text` starts at `start` (0 for the first; -1 for none). */
export function occurrenceIndex(text: string, word: string, start: number): number {
  return wordOccurrences(text, word).indexOf(start)
}

// ---------------------------------------------------------------------------------------------
// Where a place is, in words that survive edits elsewhere: a key for the field or body block,
// and which occurrence of the word in it.

/** The key of a text field for "ignore once": its `data-spell-key`, `data-jump` or id. */
export function fieldKey(element: TextField): string {
  return element.dataset.spellKey ?? element.dataset.jump ?? `id:${element.id}`
}

/**
 * The body textblock around a position: its content start, its text, and a key that survives
 * edits elsewhere (the nearest node id; a textblock without one, like a figure's caption, adds
 * its offset inside that node).
 */
function bodyBlockAt(doc: PmNodeType, pos: number): { key: string; start: number; text: string } {
  const $pos = doc.resolve(pos)
  let depth = $pos.depth
  while (depth > 0 && !$pos.node(depth).isTextblock) depth--
  const start = $pos.start(depth)
  const text = blockText($pos.node(depth))
  for (let d = depth; d > 0; d--) {
    const id = $pos.node(d).attrs.nodeId as unknown
    if (typeof id === 'string' && id) {
      return {
        key: d === depth ? `node:${id}` : `node:${id}/${start - $pos.start(d)}`,
        start,
        text
      }
    }
  }
  // No id (a document before ids were assigned): the textblock's position is the best key.
  return { key: `pos:${start}`, start, text }
}

// Hard breaks and other inline leaves stand as one character, so offsets match positions.
function blockText(node: PmNodeType): string {
  return node.textBetween(0, node.content.size, '\n', '\n')
}

/** The key and occurrence of a place ("ignore once" remembers exactly these). */
export function placeIdentity(place: WordPlace): { key: string; occurrence: number } {
  if (place.kind === 'field') {
    return {
      key: fieldKey(place.element),
      occurrence: occurrenceIndex(place.element.value, place.word, place.start)
    }
  }
  const block = bodyBlockAt(place.editor.state.doc, place.from)
  return {
    key: block.key,
    occurrence: occurrenceIndex(block.text, place.word, place.from - block.start)
  }
}

// ---------------------------------------------------------------------------------------------
// Changes: listeners (underlines, the checks panel) hear of every ignore and word-list change.

/** What changed: a word ignored at one place, or the newsroom word list. */
export type SpellingChange = { kind: 'ignored'; word: string } | { kind: 'words'; words: string[] }

const listeners = new Set<(change: SpellingChange) => void>()

/** Calls `listener` after each ignore and word-list change; returns the unsubscribe. */
export function onSpellingChange(listener: (change: SpellingChange) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function emit(change: SpellingChange): void {
  for (const listener of [...listeners]) listener(change)
}

// ---------------------------------------------------------------------------------------------
// Ignore once: this place only, for as long as the window is open (never saved).

const ignored = new Set<string>()
const ignoreKey = (key: string, word: string, occurrence: number): string =>
  `${key}\u0000${word}\u0000${occurrence}`

/** Whether the `occurrence`-th `word` in the field or block `key` was ignored. */
export function isIgnoredOnce(key: string, word: string, occurrence: number): boolean {
  return ignored.size > 0 && ignored.has(ignoreKey(key, word, occurrence))
}

/** Whether a found word at `start` in `text` (a field's value or a block's text) is ignored. */
export function isIgnoredAt(key: string, text: string, word: string, start: number): boolean {
  if (ignored.size === 0) return false
  return isIgnoredOnce(key, word, occurrenceIndex(text, word, start))
}

/** Stops underlining this one occurrence of the word (other places keep their underline). */
export function ignoreOnce(place: WordPlace): void {
  const { key, occurrence } = placeIdentity(place)
  ignored.add(ignoreKey(key, place.word, occurrence))
  emit({ kind: 'ignored', word: place.word })
}

/** Forgets every "ignore once" (tests; a new window starts empty anyway). */
export function clearIgnoredOnce(): void {
  ignored.clear()
}

// ---------------------------------------------------------------------------------------------
// Replace.

/**
 * Replaces the word at a place with `replacement`, as typing would: in a field through the
 * browser's own editing (so React hears an input event and Undo takes it back), in the body as
 * one transaction. False when the text there is no longer the word (it was edited meanwhile).
 */
export function replaceWordAt(place: WordPlace, replacement: string): boolean {
  if (place.kind === 'field') {
    const { element, start, end, word } = place
    if (element.value.slice(start, end) !== word) return false
    element.focus()
    element.setSelectionRange(start, end)
    // execCommand keeps the field's undo history; where it is unavailable, set the text and
    // tell React through the same input event typing sends.
    const isTyped =
      typeof document.execCommand === 'function' &&
      document.execCommand('insertText', false, replacement)
    if (!isTyped) {
      element.setRangeText(replacement, start, end, 'end')
      element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }))
    }
    return true
  }
  const { editor, from, to, word } = place
  if (editor.state.doc.textBetween(from, to, '\n', '\n') !== word) return false
  const tr = editor.state.tr.insertText(replacement, from, to)
  tr.setSelection(TextSelection.create(tr.doc, from + replacement.length))
  editor.view.dispatch(tr.scrollIntoView())
  editor.view.focus()
  return true
}

// ---------------------------------------------------------------------------------------------
// The newsroom word list.

/**
 * Adds a word to the newsroom word list (every language, saved in the library). With `like`,
 * the word takes the affix rules of that dictionary word (`Wladiwostok` like `Hamburg`).
 * Listeners re-check once it is saved.
 */
export async function addToWordList(word: string, like?: string): Promise<Result<string[]>> {
  const result = await newsroom.addSpellingWord(like ? { word, like } : { word })
  if (result.ok) emit({ kind: 'words', words: result.value })
  return result
}

/** Removes a word from the newsroom word list; listeners re-check. */
export async function removeFromWordList(word: string): Promise<Result<string[]>> {
  const result = await newsroom.removeSpellingWord({ word })
  if (result.ok) emit({ kind: 'words', words: result.value })
  return result
}

// ---------------------------------------------------------------------------------------------
// Finding a place from a check's `where` (the checks panel's suggestions).

const FIELD_IDS: Record<string, string> = {
  headline: 'field-headline',
  kicker: 'field-kicker',
  teaser: 'field-teaser'
}

function fieldElementFor(where: FindingWhere): TextField | null {
  const isText = (el: Element | null): el is TextField =>
    el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
  const pick = (...candidates: Array<Element | null>): TextField | null =>
    candidates.find(isText) ?? null
  if ('field' in where) {
    return pick(document.getElementById(FIELD_IDS[where.field] ?? `field-${where.field}`))
  }
  if ('galleryId' in where) {
    return pick(
      document.querySelector(
        `[data-jump="gallery:${CSS.escape(where.galleryId)}:${where.index}:caption"]`
      )
    )
  }
  if ('lead' in where || 'assetId' in where) {
    return pick(
      document.querySelector('[data-jump="lead:caption"]'),
      document.getElementById('lead-caption')
    )
  }
  return null
}

/**
 * The first occurrence of `word` at a check's `where` that is not ignored: a field (kicker,
 * headline, teaser, a lead or gallery caption that is on screen) or a body block by node id.
 * Null when the word is no longer there.
 */
export function findWordPlace(editor: Editor, where: FindingWhere, word: string): WordPlace | null {
  if ('nodeId' in where) {
    let found: WordPlace | null = null
    editor.state.doc.descendants((node, pos) => {
      if (found) return false
      if (node.attrs.nodeId !== where.nodeId) return true
      const textblocks: Array<{ start: number }> = []
      if (node.isTextblock) textblocks.push({ start: pos + 1 })
      else {
        node.descendants((child, offset) => {
          if (!child.isTextblock) return true
          textblocks.push({ start: pos + 1 + offset + 1 })
          return false
        })
      }
      for (const { start } of textblocks) {
        const block = bodyBlockAt(editor.state.doc, start)
        const at = wordOccurrences(block.text, word).find(
          (offset) => !isIgnoredAt(block.key, block.text, word, offset)
        )
        if (at === undefined) continue
        found = { kind: 'body', editor, from: start + at, to: start + at + word.length, word }
        break
      }
      return false
    })
    return found
  }
  const element = fieldElementFor(where)
  if (!element) return null
  const key = fieldKey(element)
  const at = wordOccurrences(element.value, word).find(
    (offset) => !isIgnoredAt(key, element.value, word, offset)
  )
  return at === undefined
    ? null
    : { kind: 'field', element, start: at, end: at + word.length, word }
}

/** The block key and text a body position belongs to (the underlines filter ignored words). */
export function bodyBlockOf(
  doc: PmNodeType,
  pos: number
): { key: string; start: number; text: string } {
  return bodyBlockAt(doc, pos)
}
