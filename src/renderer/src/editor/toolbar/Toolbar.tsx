import type { ChainedCommands, Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ariaShortcut, isMacPlatform, shortcutLabel } from './shortcutLabel'
import { selectToolbarState, type ToolbarState } from './toolbarState'
import { ToolbarIcon } from './ToolbarIcon'

interface ToolbarProps {
  editor: Editor
  isFindOpen: boolean
  onLink(): void
  onPickImages(): void
  onToggleFind(): void
  /** Lets the desk move the focus here (Alt+F10). */
  toolbarRef: React.RefObject<HTMLDivElement | null>
}

interface ToolbarButton {
  name: string
  label: string
  icon: React.ReactNode
  keys: string
  run(): void
  isPressed?: boolean
  isDisabled?: boolean
  /** Starts a new group (a divider before it). */
  startsGroup?: boolean
}

const IS_MAC = isMacPlatform()

/**
 * The body's toolbar. Reads the editor through a `useEditorState` selector (so only a change of
 * what it shows re-renders it), never takes the focus from the body on click, and is one tab
 * stop (arrow keys, Home and End move inside it; Escape goes back to the body), as the ARIA
 * toolbar pattern has it.
 */
export function Toolbar({
  editor,
  isFindOpen,
  onLink,
  onPickImages,
  onToggleFind,
  toolbarRef
}: ToolbarProps): React.JSX.Element {
  const { t } = useTranslation()
  const state: ToolbarState = useEditorState({ editor, selector: selectToolbarState })
  const [focusIndex, setFocusIndex] = useState(0)
  const buttonsRef = useRef<(HTMLButtonElement | null)[]>([])
  // The body keeps (or gets back) the focus at once: TipTap's focus command would do it a frame
  // later and then write its selection over a caret moved meanwhile.
  const run = (command: (chain: ChainedCommands) => ChainedCommands): void => {
    editor.view.focus()
    command(editor.chain()).run()
  }

  const buttons: ToolbarButton[] = [
    {
      name: 'paragraph',
      label: t('desk.paragraph'),
      icon: '¶',
      keys: 'Mod-Alt-0',
      isPressed: state.block === 'paragraph',
      isDisabled: !state.canSetBlock,
      run: () => run((c) => c.setParagraph())
    },
    {
      name: 'heading2',
      label: t('desk.heading2'),
      icon: 'H2',
      keys: 'Mod-Alt-2',
      isPressed: state.block === 'heading2',
      isDisabled: !state.canSetBlock,
      run: () => run((c) => c.toggleHeading({ level: 2 }))
    },
    {
      name: 'heading3',
      label: t('desk.heading3'),
      icon: 'H3',
      keys: 'Mod-Alt-3',
      isPressed: state.block === 'heading3',
      isDisabled: !state.canSetBlock,
      run: () => run((c) => c.toggleHeading({ level: 3 }))
    },
    {
      name: 'bold',
      label: t('desk.bold'),
      icon: <b>B</b>,
      keys: 'Mod-b',
      isPressed: state.isBold,
      isDisabled: !state.canFormat,
      startsGroup: true,
      run: () => run((c) => c.toggleBold())
    },
    {
      name: 'italic',
      label: t('desk.italic'),
      icon: <i>I</i>,
      keys: 'Mod-i',
      isPressed: state.isItalic,
      isDisabled: !state.canFormat,
      run: () => run((c) => c.toggleItalic())
    },
    {
      name: 'link',
      label: t('desk.link'),
      icon: <ToolbarIcon name="link" />,
      keys: 'Mod-k',
      isPressed: state.isLink,
      isDisabled: !state.canFormat,
      run: onLink
    },
    {
      name: 'bulletList',
      label: t('desk.bulletList'),
      icon: '•≡',
      keys: 'Mod-Shift-8',
      isPressed: state.isBulletList,
      isDisabled: !state.canSetBlock,
      startsGroup: true,
      run: () => run((c) => c.toggleBulletList())
    },
    {
      name: 'orderedList',
      label: t('desk.orderedList'),
      icon: '1.',
      keys: 'Mod-Shift-7',
      isPressed: state.isOrderedList,
      isDisabled: !state.canSetBlock,
      run: () => run((c) => c.toggleOrderedList())
    },
    {
      name: 'blockquote',
      label: t('desk.blockquote'),
      icon: '❝',
      keys: 'Mod-Shift-b',
      isPressed: state.isBlockquote,
      isDisabled: !state.canSetBlock,
      run: () => run((c) => c.toggleBlockquote())
    },
    {
      name: 'pullQuote',
      label: t('desk.pullQuote'),
      icon: '“ ”',
      keys: 'Mod-Alt-q',
      isPressed: state.isPullQuote,
      isDisabled: !state.canSetBlock,
      run: () => run((c) => c.insertPullQuote())
    },
    {
      name: 'image',
      label: t('desk.insertImage'),
      icon: <ToolbarIcon name="image" />,
      keys: 'Mod-Alt-m',
      startsGroup: true,
      run: onPickImages
    },
    {
      name: 'undo',
      label: t('desk.undo'),
      icon: '↶',
      keys: 'Mod-z',
      isDisabled: !state.canUndo,
      startsGroup: true,
      run: () => run((c) => c.undo())
    },
    {
      name: 'redo',
      label: t('desk.redo'),
      icon: '↷',
      keys: 'Mod-Shift-z',
      isDisabled: !state.canRedo,
      run: () => run((c) => c.redo())
    },
    {
      name: 'find',
      label: t('desk.findReplace'),
      icon: <ToolbarIcon name="find" />,
      keys: 'Mod-f',
      isPressed: isFindOpen,
      startsGroup: true,
      run: onToggleFind
    }
  ]

  const moveFocus = (from: number, step: number): void => {
    const count = buttons.length
    for (let n = 1; n <= count; n++) {
      const index = (((from + step * n) % count) + count) % count
      const button = buttonsRef.current[index]
      if (button && !button.disabled) {
        setFocusIndex(index)
        button.focus()
        return
      }
    }
  }

  const handleKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    const index = buttonsRef.current.findIndex((b) => b === document.activeElement)
    if (index < 0) return
    if (e.key === 'ArrowRight') moveFocus(index, 1)
    else if (e.key === 'ArrowLeft') moveFocus(index, -1)
    else if (e.key === 'Home') moveFocus(-1, 1)
    else if (e.key === 'End') moveFocus(buttons.length, -1)
    else if (e.key === 'Escape') editor.view.focus()
    else return
    e.preventDefault()
  }

  // The tab stop stays on a button that can take the focus.
  const tabStop = buttons[focusIndex]?.isDisabled
    ? buttons.findIndex((b) => !b.isDisabled)
    : focusIndex

  return (
    <div
      ref={toolbarRef}
      className="body-toolbar"
      role="toolbar"
      aria-label={t('desk.toolbar')}
      aria-controls="body-editor"
      onKeyDown={handleKeyDown}
    >
      {buttons.map((button, index) => {
        const shortcut = shortcutLabel(button.keys, IS_MAC)
        return (
          <span key={button.name} className={button.startsGroup ? 'tool-group-start' : undefined}>
            <button
              ref={(el) => {
                buttonsRef.current[index] = el
              }}
              type="button"
              className={`tool tool-${button.name}`}
              aria-label={button.label}
              aria-pressed={button.isPressed === undefined ? undefined : button.isPressed}
              aria-keyshortcuts={ariaShortcut(button.keys, IS_MAC)}
              title={`${button.label} (${shortcut})`}
              tabIndex={index === tabStop ? 0 : -1}
              disabled={button.isDisabled}
              onMouseDown={(e) => e.preventDefault()}
              onFocus={() => setFocusIndex(index)}
              onClick={button.run}
            >
              <span aria-hidden="true">{button.icon}</span>
            </button>
          </span>
        )
      })}
    </div>
  )
}
