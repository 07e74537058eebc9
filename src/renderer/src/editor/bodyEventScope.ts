import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * The events a keystroke in the body fires on the editing host. React listens to every event at
 * its root: each one that bubbles there makes React find the nearest fiber, walk the whole fiber
 * path of the desk for handlers and run its change, select and before-input plugins, about an
 * eighth of the script a keystroke costs, for handlers no ancestor of the body has.
 */
export const BODY_ONLY_EVENTS = [
  'keydown',
  'keypress',
  'keyup',
  'beforeinput',
  'textInput',
  'input'
] as const

/**
 * Whether an event on the body goes no further than the editor: it is aimed at the editing host
 * itself (not at an input of a figure view, whose React handlers need it) and is not a shortcut
 * with Ctrl or Cmd (the desk's Mod-f listens on an ancestor).
 */
export function staysInBody(view: EditorView, event: Event): boolean {
  if (event.target !== view.dom) return false
  if (event instanceof KeyboardEvent && (event.ctrlKey || event.metaKey)) return false
  return true
}

/**
 * Keeps React's root listeners out of typing in the body: the events of a plain keystroke stop at
 * the editor's element, after ProseMirror and every other listener there have had them.
 */
export const BodyEventScope = Extension.create({
  name: 'bodyEventScope',

  addProseMirrorPlugins() {
    const stop = (view: EditorView, event: Event): boolean => {
      if (staysInBody(view, event)) event.stopPropagation()
      return false
    }
    return [
      new Plugin({
        key: new PluginKey('bodyEventScope'),
        props: {
          handleDOMEvents: Object.fromEntries(BODY_ONLY_EVENTS.map((name) => [name, stop]))
        }
      })
    ]
  }
})
