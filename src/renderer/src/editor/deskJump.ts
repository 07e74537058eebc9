import type { Editor } from '@tiptap/core'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import type { FindingWhere } from '../../../shared/preflight/finding'

const FIELD_TARGETS: Record<string, string> = {
  headline: 'field-headline',
  kicker: 'field-kicker',
  teaser: 'field-teaser',
  bylines: 'field-bylines',
  dateline: 'field-place',
  embargoedUntil: 'field-embargo',
  publishedAt: 'field-published'
}

function flash(el: Element): void {
  el.scrollIntoView({ block: 'center', behavior: 'smooth' })
  el.classList.add('jump-highlight')
  setTimeout(() => el.classList.remove('jump-highlight'), 1600)
}

function focusFirst(el: Element): void {
  const target = el.matches('input, textarea, select, button, [tabindex]')
    ? el
    : el.querySelector('input, textarea, select, button, [tabindex]')
  ;(target as HTMLElement | null)?.focus({ preventScroll: true })
}

/**
 * Takes the writer to what a finding points at: a field gets the focus, a body block gets the
 * cursor (a figure is selected whole), a gallery item or the lead slot is focused. All flash.
 */
export function jumpTo(where: FindingWhere, editor: Editor): boolean {
  if ('field' in where) {
    const id = FIELD_TARGETS[where.field] ?? `field-${where.field}`
    const el =
      where.field === 'lead'
        ? document.querySelector('[data-jump="lead"]')
        : (document.getElementById(id) ?? document.getElementById(`field-${where.field}`))
    if (!el) return false
    flash(el)
    focusFirst(el)
    return true
  }
  if ('nodeId' in where) {
    const el = editor.view.dom.querySelector(`[data-node-id="${CSS.escape(where.nodeId)}"]`)
    if (!el) return false
    const pos = editor.view.posAtDOM(el, 0)
    const $pos = editor.state.doc.resolve(Math.max(0, Math.min(pos, editor.state.doc.content.size)))
    const before = $pos.depth > 0 ? $pos.before($pos.depth) : pos
    const node = editor.state.doc.nodeAt(before)
    const selection =
      node && (node.type.name === 'figure' || node.type.name === 'pullQuote')
        ? NodeSelection.create(editor.state.doc, before)
        : TextSelection.near($pos)
    editor.view.dispatch(editor.state.tr.setSelection(selection).scrollIntoView())
    editor.view.focus()
    flash(el)
    return true
  }
  if ('galleryId' in where) {
    const gallery = document.querySelector(`[data-gallery-id="${CSS.escape(where.galleryId)}"]`)
    const item = gallery?.querySelector(`[data-index="${where.index}"]`) ?? gallery
    if (!item) return false
    flash(item)
    ;(item as HTMLElement).focus({ preventScroll: true })
    return true
  }
  if ('assetId' in where) {
    const el = document.querySelector('[data-jump="lead"]')
    if (!el) return false
    flash(el)
    return true
  }
  return false
}
