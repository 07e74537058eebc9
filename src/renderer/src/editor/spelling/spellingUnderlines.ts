import { Extension } from '@tiptap/core'
import type { Node as PmNodeType } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import type { ArticleLanguage } from '../../../../shared/article'
import { readDomSelection } from '../readDomSelection'
import { bodyBlockOf, isIgnoredAt, onSpellingChange } from './spellingActions'
import {
  isContextMenuKey,
  openSpellingMenu,
  setDeskSpellingLanguage,
  spellingMenuRequest
} from './spellingMenuStore'

/** A word the dictionary does not know, as UTF-16 offsets into the checked text. */
export interface SpellingHit {
  start: number
  end: number
}

export interface SpellingUnderlinesOptions {
  /**
   * Checks a text (the service's `checkSpelling` without suggestions); null when the check
   * failed (then nothing is underlined and the blocks are tried again later).
   * @default async () => null
   */
  check: (text: string, language: ArticleLanguage) => Promise<SpellingHit[] | null>
  /**
   * The article language to start with (`setSpellingLanguage` changes it).
   * @default 'de'
   */
  language: ArticleLanguage
  /**
   * How long typing must pause before the changed blocks are checked.
   * @default 400
   */
  delayMs: number
  /**
   * Class of the underline decoration.
   * @default 'spelling-error'
   */
  className: string
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    spellingUnderlines: {
      /** Checks the body again in another language (the article language changed). */
      setSpellingLanguage: (language: ArticleLanguage) => ReturnType
    }
  }
}

interface SpellingState {
  decorations: DecorationSet
  language: ArticleLanguage
}

type SpellingMeta = { decorations: DecorationSet } | { language: ArticleLanguage }

const spellingKey = new PluginKey<SpellingState>('spellingUnderlines')
// Blocks are joined with a line break so no word runs across two of them; inline leaves (hard
// breaks) stand as a character the checker treats as a separator, keeping offsets aligned.
const BLOCK_SEPARATOR = '\n'
const LEAF = '\n'

interface Block {
  node: PmNodeType
  pos: number
}

function textblocks(doc: PmNodeType): Block[] {
  const blocks: Block[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    if (node.content.size > 0) blocks.push({ node, pos })
    return false
  })
  return blocks
}

function textOf(node: PmNodeType): string {
  return node.textBetween(0, node.content.size, undefined, LEAF)
}

function decorationsFor(
  doc: PmNodeType,
  cache: WeakMap<PmNodeType, SpellingHit[]>,
  className: string
): DecorationSet {
  const decorations: Decoration[] = []
  for (const { node, pos } of textblocks(doc)) {
    const hits = cache.get(node) ?? []
    // "Ignore once" names a place by its block's node id and the word's occurrence in it.
    const block = hits.length ? bodyBlockOf(doc, pos + 1) : null
    for (const hit of hits) {
      if (
        block &&
        isIgnoredAt(block.key, block.text, block.text.slice(hit.start, hit.end), hit.start)
      )
        continue
      // Text and leaves take one position per UTF-16 unit / node: offsets map straight through.
      decorations.push(
        Decoration.inline(pos + 1 + hit.start, pos + 1 + hit.end, { class: className })
      )
    }
  }
  return DecorationSet.create(doc, decorations)
}

/**
 * Spelling underlines in the body: after typing pauses, the textblocks not checked yet (by node
 * identity: ProseMirror keeps unchanged blocks, so a keystroke sends only its block) go to the
 * spelling service in one request; unknown words get a wavy underline decoration. Nothing runs
 * on the keystroke itself except mapping the existing underlines.
 */
export const SpellingUnderlines = Extension.create<SpellingUnderlinesOptions>({
  name: 'spellingUnderlines',

  addOptions() {
    return {
      check: async () => null,
      language: 'de' as ArticleLanguage,
      delayMs: 400,
      className: 'spelling-error'
    }
  },

  addCommands() {
    return {
      setSpellingLanguage:
        (language) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(spellingKey, { language })
          return true
        }
    }
  },

  addProseMirrorPlugins() {
    const options = this.options
    const editor = this.editor
    const wordAt = (state: EditorState, pos: number): { from: number; to: number } | null => {
      const found = spellingKey.getState(state)?.decorations.find(pos, pos) ?? []
      return found[0] ? { from: found[0].from, to: found[0].to } : null
    }
    const openMenu = (view: EditorView, pos: number): boolean => {
      const word = wordAt(view.state, pos)
      if (!word) return false
      const coords = view.coordsAtPos(word.from)
      openSpellingMenu({
        place: {
          kind: 'body',
          editor,
          from: word.from,
          to: word.to,
          word: view.state.doc.textBetween(word.from, word.to, '\n', '\n')
        },
        anchor: { left: coords.left, top: coords.top, bottom: coords.bottom },
        language: spellingKey.getState(view.state)?.language ?? options.language,
        // The editor's own selection is untouched by the menu: focus brings it back.
        restoreFocus: () => {
          if (!view.isDestroyed) view.focus()
        }
      })
      return true
    }
    return [
      new Plugin<SpellingState>({
        key: spellingKey,
        state: {
          init: () => ({ decorations: DecorationSet.empty, language: options.language }),
          apply: (tr, previous) => {
            const meta = tr.getMeta(spellingKey) as SpellingMeta | undefined
            if (meta && 'decorations' in meta) return { ...previous, decorations: meta.decorations }
            if (meta && 'language' in meta && meta.language !== previous.language) {
              return { decorations: DecorationSet.empty, language: meta.language }
            }
            if (!tr.docChanged) return previous
            return { ...previous, decorations: previous.decorations.map(tr.mapping, tr.doc) }
          }
        },
        props: {
          decorations: (state) => spellingKey.getState(state)?.decorations ?? null,
          handleDOMEvents: {
            contextmenu: (view, event) => {
              // Chromium's keyboard-made event (Menu key) comes at 0,0: use the caret.
              const byKeyboard = event.button !== 2 && event.clientX === 0 && event.clientY === 0
              // Windows sends the Menu key's event on key up, after keydown opened the menu.
              if (event.button !== 2 && spellingMenuRequest()) {
                event.preventDefault()
                return true
              }
              const pos = byKeyboard
                ? view.state.selection.from
                : view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos
              if (pos === undefined || !openMenu(view, pos)) return false
              event.preventDefault()
              return true
            }
          },
          handleKeyDown: (view, event) => {
            if (!isContextMenuKey(event)) return false
            if (!openMenu(view, view.state.selection.from)) return false
            event.preventDefault()
            return true
          }
        },
        view: (view) => {
          let cache = new WeakMap<PmNodeType, SpellingHit[]>()
          let timer: ReturnType<typeof setTimeout> | null = null
          let isDestroyed = false
          let isChecking = false
          const languageOf = (): ArticleLanguage =>
            spellingKey.getState(view.state)?.language ?? options.language

          const run = async (): Promise<void> => {
            timer = null
            if (isDestroyed) return
            // One request at a time; whatever changed meanwhile goes in the next one.
            if (isChecking) return schedule()
            const language = languageOf()
            const pending = textblocks(view.state.doc).filter((b) => !cache.has(b.node))
            if (pending.length) {
              isChecking = true
              const texts = pending.map((b) => textOf(b.node))
              const hits = await options.check(texts.join(BLOCK_SEPARATOR), language)
              isChecking = false
              if (isDestroyed || hits === null || language !== languageOf()) return
              let offset = 0
              pending.forEach((block, i) => {
                const end = offset + texts[i]!.length
                cache.set(
                  block.node,
                  hits
                    .filter((h) => h.start >= offset && h.end <= end)
                    .map((h) => ({ start: h.start - offset, end: h.end - offset }))
                )
                offset = end + BLOCK_SEPARATOR.length
              })
            }
            const decorations = decorationsFor(view.state.doc, cache, options.className)
            // New decorations make ProseMirror write its selection back to the DOM: first take
            // over whatever the keyboard did to the DOM selection since the last selectionchange.
            if (view.hasFocus()) readDomSelection(view)
            view.dispatch(
              view.state.tr
                .setMeta(spellingKey, { decorations } satisfies SpellingMeta)
                .setMeta('addToHistory', false)
            )
          }
          const schedule = (): void => {
            if (timer) clearTimeout(timer)
            timer = setTimeout(() => void run(), options.delayMs)
          }
          const redraw = (): void => {
            if (isDestroyed) return
            view.dispatch(
              view.state.tr
                .setMeta(spellingKey, {
                  decorations: decorationsFor(view.state.doc, cache, options.className)
                } satisfies SpellingMeta)
                .setMeta('addToHistory', false)
            )
          }
          // A word added to the list may be anywhere: check every block again. An ignored place
          // needs no check, only its underline taken away.
          const unsubscribe = onSpellingChange((change) => {
            if (change.kind === 'words') {
              cache = new WeakMap()
              schedule()
            } else {
              redraw()
            }
          })

          setDeskSpellingLanguage(languageOf())
          schedule()
          return {
            update: (_view, previous) => {
              if (spellingKey.getState(previous)?.language !== languageOf()) {
                setDeskSpellingLanguage(languageOf())
                cache = new WeakMap()
                schedule()
              } else if (view.state.doc !== previous.doc) {
                schedule()
              }
            },
            destroy: () => {
              isDestroyed = true
              unsubscribe()
              if (timer) clearTimeout(timer)
            }
          }
        }
      })
    ]
  }
})
