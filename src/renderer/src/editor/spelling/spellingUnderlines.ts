import { Extension } from '@tiptap/core'
import type { Node as PmNodeType } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { ArticleLanguage } from '../../../../shared/article'
import { readDomSelection } from '../readDomSelection'

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
    for (const hit of cache.get(node) ?? []) {
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
          decorations: (state) => spellingKey.getState(state)?.decorations ?? null
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

          schedule()
          return {
            update: (_view, previous) => {
              if (spellingKey.getState(previous)?.language !== languageOf()) {
                cache = new WeakMap()
                schedule()
              } else if (view.state.doc !== previous.doc) {
                schedule()
              }
            },
            destroy: () => {
              isDestroyed = true
              if (timer) clearTimeout(timer)
            }
          }
        }
      })
    ]
  }
})
