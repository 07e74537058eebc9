import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { readDomSelection } from './readDomSelection'

/** What the desk does on behalf of the editor: things that need React state or the bridge. */
export interface DeskActions {
  /** Opens the link popover for the selection. */
  openLink(): void
  /** Opens the file dialog to insert images at the cursor. */
  pickImages(): void
  /** Moves the focus to the toolbar (Alt+F10, as in word processors). */
  focusToolbar(): void
  /** Imports files through the asset store and inserts figures at `position`. */
  importFiles(files: File[], position: number): void
  /** Inserts figures for assets already in the store at `position`. */
  insertAssets(assetIds: string[], position: number): void
  /** Sets the headline if it is still empty (a Word document dropped on an empty article). */
  fillHeadline(headline: string): void
}

/** A no-op set of actions, until the desk has rendered. */
export const NO_DESK_ACTIONS: DeskActions = {
  openLink: () => {},
  pickImages: () => {},
  focusToolbar: () => {},
  importFiles: () => {},
  insertAssets: () => {},
  fillHeadline: () => {}
}

/**
 * Where the desk puts its current actions: the extension is created once, while the desk's
 * handlers change as it re-renders.
 */
export class DeskActionSlot {
  private actions: DeskActions = NO_DESK_ACTIONS

  get current(): DeskActions {
    return this.actions
  }

  set(actions: DeskActions): void {
    this.actions = actions
  }
}

export interface DeskShortcutsOptions {
  /**
   * A ref whose `current` holds the desk's actions (a ref, because the extension is created once
   * and the desk's handlers change as it re-renders).
   * @default { current: NO_DESK_ACTIONS }
   */
  actions: { readonly current: DeskActions }
}

/**
 * A printable character without Ctrl, Cmd or Alt, with both the editor's and the DOM's selection
 * collapsed: ProseMirror leaves such a key to the browser (nothing of the editor's selection is
 * replaced), so a stale editor caret does no harm.
 */
export function isTypedAtCaret(view: EditorView, event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false
  // One character, possibly outside the BMP (an emoji key).
  if ([...event.key].length !== 1) return false
  if (!view.state.selection.empty) return false
  return view.dom.ownerDocument.getSelection()?.isCollapsed ?? false
}

/**
 * The body's shortcuts beyond StarterKit's (Mod-b, Mod-i, Mod-Alt-0/2/3, Mod-Shift-7/8,
 * Mod-Shift-b, Mod-z, Mod-Shift-z): link (Mod-k), pull quote (Mod-Alt-q), insert image
 * (Mod-Alt-m) and the toolbar (Alt-F10). Find (Mod-f) is the desk's, since it works in the fields
 * too.
 */
export const DeskShortcuts = Extension.create<DeskShortcutsOptions>({
  name: 'deskShortcuts',
  // Before every other keymap: the selection sync below must run first.
  priority: 1000,

  addOptions() {
    return { actions: { current: NO_DESK_ACTIONS } }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('selectionSync'),
        props: {
          // Keys that keymaps handle (Enter, Backspace, shortcuts) act on the editor's
          // selection: make sure it is the one on screen (see readDomSelection). A character
          // typed at a caret needs nothing: the browser inserts it at the DOM's caret and
          // ProseMirror reads it from there, and finding the DOM caret's position walks every
          // block before it (the most expensive step of a keystroke late in a long body).
          handleKeyDown: (view, event) => {
            if (event.isComposing || event.keyCode === 229) return false
            if (isTypedAtCaret(view, event)) return false
            readDomSelection(view)
            return false
          }
        }
      })
    ]
  },

  addKeyboardShortcuts() {
    const run = (action: (actions: DeskActions) => void) => (): boolean => {
      action(this.options.actions.current)
      return true
    }
    return {
      // The popover takes the focus at once: the selection it links must be the one on screen.
      'Mod-k': () => {
        readDomSelection(this.editor.view)
        return run((a) => a.openLink())()
      },
      'Mod-Alt-m': run((a) => a.pickImages()),
      'Alt-F10': run((a) => a.focusToolbar()),
      'Mod-Alt-q': () => this.editor.commands.insertPullQuote()
    }
  }
})
