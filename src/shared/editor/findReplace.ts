import { Extension } from '@tiptap/core'
import type { Node as PmNodeType } from '@tiptap/pm/model'
import {
  type EditorState,
  Plugin,
  PluginKey,
  TextSelection,
  type Transaction
} from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { type BodyMatch, findInDoc, type FindOptions } from './findMatches'

/** What the find-and-replace panel reads from the editor state (through `useEditorState`). */
export interface FindReplaceState {
  term: string
  replacement: string
  options: Required<FindOptions>
  matches: BodyMatch[]
  /** Index into `matches` of the match the selection covers exactly, or -1. */
  current: number
}

interface PluginState {
  term: string
  replacement: string
  options: Required<FindOptions>
  matches: BodyMatch[]
  decorations: DecorationSet
}

type SearchMeta = Partial<Pick<PluginState, 'term' | 'replacement' | 'options'>>

const findReplaceKey = new PluginKey<PluginState>('findReplace')

export interface FindReplaceOptions {
  /**
   * Class of every match's decoration.
   * @default 'search-match'
   */
  matchClass: string
  /**
   * Class added to the match the selection is on.
   * @default 'search-match-current'
   */
  currentClass: string
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    findReplace: {
      /** Sets what to look for ('' ends the search and removes the highlights). */
      setSearchTerm: (term: string) => ReturnType
      /** Sets the text matches are replaced with (taken literally). */
      setReplaceTerm: (replacement: string) => ReturnType
      /** Whole word, case sensitive: keys left out stay as they are. */
      setSearchOptions: (options: FindOptions) => ReturnType
      /** Selects the next match after the selection (wrapping around) and scrolls to it. */
      findNext: () => ReturnType
      /** Selects the previous match before the selection (wrapping around). */
      findPrevious: () => ReturnType
      /**
       * Replaces the match the selection is on, or else the next one after it, then selects the
       * match after that. False when there is nothing to replace.
       */
      replaceNext: () => ReturnType
      /** Replaces every match in one undoable step. False when there is none. */
      replaceAll: () => ReturnType
      /** Forgets the search term and the highlights. */
      clearSearch: () => ReturnType
    }
  }
}

/** The current find-and-replace state of an editor state (empty when the extension is absent). */
export function getFindReplaceState(state: EditorState): FindReplaceState {
  const plugin = findReplaceKey.getState(state)
  if (!plugin) {
    return {
      term: '',
      replacement: '',
      options: { wholeWord: false, caseSensitive: false },
      matches: [],
      current: -1
    }
  }
  const { from, to } = state.selection
  const current = plugin.matches.findIndex((m) => m.from === from && m.to === to)
  return {
    term: plugin.term,
    replacement: plugin.replacement,
    options: plugin.options,
    matches: plugin.matches,
    current
  }
}

function decorate(
  doc: PmNodeType,
  matches: BodyMatch[],
  options: FindReplaceOptions
): DecorationSet {
  return DecorationSet.create(
    doc,
    matches.map((m) => Decoration.inline(m.from, m.to, { class: options.matchClass }))
  )
}

/**
 * Find and replace in the body: highlights every match (inline decorations), moves between
 * matches, and replaces one or all. Fields outside the editor are searched with the pure
 * functions of `findMatches.ts` (`findInFields`, `replaceInFields`); the panel combines both.
 */
export const FindReplace = Extension.create<FindReplaceOptions>({
  name: 'findReplace',

  addOptions() {
    return { matchClass: 'search-match', currentClass: 'search-match-current' }
  },

  addCommands() {
    const setMeta =
      (meta: SearchMeta) =>
      ({ tr, dispatch }: { tr: Transaction; dispatch?: unknown }) => {
        if (dispatch) tr.setMeta(findReplaceKey, meta)
        return true
      }
    const select = (direction: 1 | -1) => (state: EditorState, tr: Transaction) => {
      const { matches } = getFindReplaceState(state)
      if (matches.length === 0) return false
      const { from, to } = state.selection
      const match =
        direction === 1
          ? (matches.find((m) => m.from >= to && !(m.from === from && m.to === to)) ?? matches[0]!)
          : ([...matches]
              .reverse()
              .find((m) => m.to <= from && !(m.from === from && m.to === to)) ??
            matches[matches.length - 1]!)
      tr.setSelection(TextSelection.create(tr.doc, match.from, match.to)).scrollIntoView()
      return true
    }
    return {
      setSearchTerm: (term) => setMeta({ term }),
      setReplaceTerm: (replacement) => setMeta({ replacement }),
      setSearchOptions:
        (options) =>
        ({ state, tr, dispatch }) => {
          const previous = getFindReplaceState(state).options
          if (dispatch) tr.setMeta(findReplaceKey, { options: { ...previous, ...options } })
          return true
        },
      clearSearch: () => setMeta({ term: '' }),
      findNext:
        () =>
        ({ state, tr, dispatch }) =>
          dispatch ? select(1)(state, tr) : getFindReplaceState(state).matches.length > 0,
      findPrevious:
        () =>
        ({ state, tr, dispatch }) =>
          dispatch ? select(-1)(state, tr) : getFindReplaceState(state).matches.length > 0,
      replaceNext:
        () =>
        ({ state, tr, dispatch }) => {
          const search = getFindReplaceState(state)
          const target =
            search.current >= 0
              ? search.matches[search.current]
              : (search.matches.find((m) => m.from >= state.selection.from) ?? search.matches[0])
          if (!target) return false
          if (!dispatch) return true
          tr.insertText(search.replacement, target.from, target.to)
          // The matches after the replaced one, in the new document; select the first of them.
          const after = tr.mapping.map(target.from) + search.replacement.length
          const rest = findInDoc(tr.doc, search.term, search.options)
          const next = rest.find((m) => m.from >= after) ?? rest[0]
          if (next) tr.setSelection(TextSelection.create(tr.doc, next.from, next.to))
          else tr.setSelection(TextSelection.create(tr.doc, after))
          tr.scrollIntoView()
          return true
        },
      replaceAll:
        () =>
        ({ state, tr, dispatch }) => {
          const search = getFindReplaceState(state)
          if (search.matches.length === 0) return false
          if (!dispatch) return true
          // Back to front, so earlier positions stay valid while later text changes length.
          for (const match of [...search.matches].reverse()) {
            tr.insertText(search.replacement, match.from, match.to)
          }
          return true
        }
    }
  },

  addProseMirrorPlugins() {
    const options = this.options
    return [
      new Plugin<PluginState>({
        key: findReplaceKey,
        state: {
          init: (_, state) => ({
            term: '',
            replacement: '',
            options: { wholeWord: false, caseSensitive: false },
            matches: [],
            decorations: DecorationSet.create(state.doc, [])
          }),
          apply: (tr, previous) => {
            const meta = tr.getMeta(findReplaceKey) as SearchMeta | undefined
            if (!meta && !tr.docChanged) return previous
            const next = { ...previous, ...meta }
            const searchChanged =
              meta !== undefined && (meta.term !== undefined || meta.options !== undefined)
            if (!searchChanged && !tr.docChanged) return next
            // No search open (the usual keystroke): nothing to find or map.
            if (next.term === '') return { ...next, matches: [], decorations: DecorationSet.empty }
            const matches = findInDoc(tr.doc, next.term, next.options)
            return { ...next, matches, decorations: decorate(tr.doc, matches, options) }
          }
        },
        props: {
          decorations(state) {
            const plugin = findReplaceKey.getState(state)
            if (!plugin || plugin.matches.length === 0) return null
            const { current } = getFindReplaceState(state)
            const match = plugin.matches[current]
            if (!match) return plugin.decorations
            return plugin.decorations.add(state.doc, [
              Decoration.inline(match.from, match.to, { class: options.currentClass })
            ])
          }
        }
      })
    ]
  }
})
