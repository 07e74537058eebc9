import type { Editor } from '@tiptap/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { normalizeLinkHref } from '../../../../shared/editor/linkHref'
import { linkHrefProblem, type LinkProblem } from './linkHrefProblem'

interface LinkPopoverProps {
  editor: Editor
  onClose(): void
}

/**
 * The link editor: one address field, checked with the shared link rule (http, https, mailto)
 * and a message that says what to fix. With a selection it links the selected text; with a bare
 * cursor in a link it changes that link; with a bare cursor elsewhere it inserts the address as
 * linked text. Enter applies, Escape closes; both hand the focus back to the body.
 */
export function LinkPopover({ editor, onClose }: LinkPopoverProps): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const [current] = useState(() => (editor.getAttributes('link').href as string | undefined) ?? '')
  const [value, setValue] = useState(current)
  const [problem, setProblem] = useState<LinkProblem | null>(null)

  // Back to the body once the key that closed the popover is through (focused during its
  // keydown, the body would also receive the key's character: an Enter would split the
  // paragraph). ProseMirror's focus(), not TipTap's focus command: that one waits a frame and
  // then writes the editor's selection over a caret the reporter may have moved meanwhile.
  const refocus = (): void => {
    setTimeout(() => {
      if (!editor.isDestroyed) editor.view.focus()
    }, 0)
  }
  const close = (): void => {
    onClose()
    refocus()
  }

  const apply = (): void => {
    const href = normalizeLinkHref(value)
    const why = href === null ? (linkHrefProblem(value) ?? 'other') : null
    if (href === null) {
      setProblem(why)
      return
    }
    const { empty } = editor.state.selection
    const chain = editor.chain()
    if (empty && !editor.isActive('link')) {
      chain
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .unsetMark('link')
        .run()
    } else {
      chain.extendMarkRange('link').setLink({ href }).run()
    }
    onClose()
    refocus()
  }

  const remove = (): void => {
    editor.chain().extendMarkRange('link').unsetLink().run()
    onClose()
    refocus()
  }

  return (
    <div
      className="link-popover"
      role="dialog"
      aria-label={t('desk.linkDialog')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          close()
        }
      }}
    >
      <label htmlFor={`${id}-href`} className="field-label">
        {t('desk.linkAddress')}
      </label>
      <div className="link-popover-row">
        <input
          id={`${id}-href`}
          className="input"
          type="text"
          inputMode="url"
          autoFocus
          spellCheck={false}
          placeholder="https://"
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            setValue(e.target.value)
            setProblem(null)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              apply()
            }
          }}
        />
        <button type="button" className="primary small" onClick={apply}>
          {t('desk.linkApply')}
        </button>
        {current && (
          <button type="button" className="small" onClick={remove}>
            {t('desk.linkRemove')}
          </button>
        )}
        <button type="button" className="ghost small" onClick={close}>
          {t('desk.cancel')}
        </button>
      </div>
      {problem && (
        <p id={`${id}-problem`} className="link-problem" role="alert">
          {t(`desk.linkProblem.${problem}`)}
        </p>
      )}
    </div>
  )
}
