import {
  useEffect,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
  useSyncExternalStore
} from 'react'
import { newsroom } from '../../lib/newsroom'
import { mapHits, segmentsOf, type FieldHit } from './fieldHits'
import { isIgnoredAt, onSpellingChange, type TextField } from './spellingActions'
import {
  deskSpellingLanguage,
  isContextMenuKey,
  openSpellingMenu,
  spellingMenuRequest,
  subscribeDeskSpellingLanguage
} from './spellingMenuStore'
import './spelling.css'

/** How long typing must pause before a field is checked. */
const CHECK_DELAY_MS = 400

// What the mirror copies from the field so its text lies exactly on the field's text.
const COPIED = [
  'boxSizing',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontKerning',
  'fontFeatureSettings',
  'letterSpacing',
  'wordSpacing',
  'textTransform',
  'textIndent',
  'textAlign',
  'tabSize',
  'direction',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth'
] as const

type CopiedStyle = Record<(typeof COPIED)[number], string>

/** What the mirror needs to know of its field, read in one go (reads only, no writes). */
interface FieldBox {
  style: CopiedStyle
  lineHeight: string
  isTextArea: boolean
  left: number
  top: number
  width: number
  height: number
  clientWidth: number
  clientHeight: number
  scrollTop: number
  scrollLeft: number
}

function measureField(field: TextField): FieldBox {
  const computed = getComputedStyle(field)
  const style = {} as CopiedStyle
  for (const name of COPIED) style[name] = computed[name]
  return {
    style,
    lineHeight: computed.lineHeight,
    isTextArea: field instanceof HTMLTextAreaElement,
    left: field.offsetLeft,
    top: field.offsetTop,
    width: field.offsetWidth,
    height: field.offsetHeight,
    clientWidth: field.clientWidth,
    clientHeight: field.clientHeight,
    scrollTop: field.scrollTop,
    scrollLeft: field.scrollLeft
  }
}

function placeMirror(mirror: HTMLElement, box: FieldBox): void {
  const { style } = box
  for (const name of COPIED) mirror.style[name] = style[name]
  mirror.style.left = `${box.left}px`
  mirror.style.top = `${box.top}px`
  mirror.style.width = `${box.width}px`
  mirror.style.height = `${box.height}px`
  const px = (v: string): number => parseFloat(v) || 0
  if (box.isTextArea) {
    mirror.style.whiteSpace = 'pre-wrap'
    mirror.style.overflowWrap = 'break-word'
    mirror.style.lineHeight = box.lineHeight
    // A text area's scroll bar narrows its text; the mirror has none, so pad it by as much.
    const scrollbar =
      box.width - box.clientWidth - px(style.borderLeftWidth) - px(style.borderRightWidth)
    mirror.style.paddingRight = `${px(style.paddingRight) + Math.max(0, scrollbar)}px`
  } else {
    // An input centres its one line in its box; a line as high as the box does the same.
    mirror.style.whiteSpace = 'pre'
    const inner = box.clientHeight - px(style.paddingTop) - px(style.paddingBottom)
    mirror.style.lineHeight = `${inner}px`
  }
  mirror.scrollTop = box.scrollTop
  mirror.scrollLeft = box.scrollLeft
}

function layoutMirror(field: TextField, mirror: HTMLElement): void {
  placeMirror(mirror, measureField(field))
}

// Mirrors to place before the next paint. A desk opens with dozens of fields (head, lead and
// every gallery caption): placing each in turn made every read after a write lay the page out
// again, the whole long body included. Measured all together, then written all together, the
// page is laid out once.
const queuedMirrors = new Map<TextField, HTMLElement>()

function placeQueuedMirrors(): void {
  const jobs = [...queuedMirrors]
  queuedMirrors.clear()
  const boxes = jobs.map(([field]) => (field.isConnected ? measureField(field) : null))
  jobs.forEach(([, mirror], i) => {
    const box = boxes[i]
    if (box) placeMirror(mirror, box)
  })
}

/** Places the mirror in a microtask with every other queued one (still before the paint). */
function queueMirror(field: TextField, mirror: HTMLElement): void {
  if (!queuedMirrors.size) queueMicrotask(placeQueuedMirrors)
  queuedMirrors.set(field, mirror)
}

// One observer for all fields, so fields resized in one frame are placed in one batch too.
const mirrorOf = new WeakMap<Element, HTMLElement>()
let resizes: ResizeObserver | null = null

function followSize(field: TextField, mirror: HTMLElement): () => void {
  resizes ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      const target = entry.target as TextField
      const of = mirrorOf.get(target)
      if (of) queueMirror(target, of)
    }
  })
  mirrorOf.set(field, mirror)
  resizes.observe(field)
  return () => {
    resizes?.unobserve(field)
    mirrorOf.delete(field)
    queuedMirrors.delete(field)
  }
}

interface SpellingFieldProps {
  /** The field's text (the input's value). */
  value: string
  /** Names the field for "ignore once" (`field:headline`, `lead:caption` …). */
  spellKey: string
  /** false: no checking (e.g. the field is not one readers see). */
  isEnabled?: boolean
  /** Exactly one <input> or <textarea>, left as it is. */
  children: React.ReactNode
}

interface Checked {
  text: string
  hits: FieldHit[]
}

/**
 * Spelling underlines for a plain text field: a mirror of the field's text lies over it,
 * transparent, with the unknown words marked by a wavy underline. The field itself is not
 * touched (caret, typing, undo and IME behave as before); the mirror follows its size and
 * scrolling. Checked when typing pauses; until then the underlines move with the text. A right
 * click, the Menu key or Shift+F10 on a marked word opens the spelling menu.
 */
export function SpellingField({
  value,
  spellKey,
  isEnabled = true,
  children
}: SpellingFieldProps): React.JSX.Element {
  const wrapRef = useRef<HTMLDivElement>(null)
  const mirrorRef = useRef<HTMLDivElement>(null)
  const language = useSyncExternalStore(subscribeDeskSpellingLanguage, deskSpellingLanguage)
  const [checked, setChecked] = useState<Checked>({ text: '', hits: [] })
  const [version, bumpVersion] = useReducer((n: number) => n + 1, 0)
  const [, rerender] = useReducer((n: number) => n + 1, 0)

  const hits = checked.text === value ? checked.hits : mapHits(checked.text, value, checked.hits)
  const shown = isEnabled
    ? hits.filter((h) => !isIgnoredAt(spellKey, value, value.slice(h.start, h.end), h.start))
    : []
  const shownRef = useRef(shown)
  useLayoutEffect(() => {
    shownRef.current = shown
  })

  const field = (): TextField | null =>
    wrapRef.current?.querySelector<TextField>('input, textarea') ?? null

  useEffect(() => {
    // An empty field has nothing to underline: the carried-over hits fall outside its text.
    if (!isEnabled || !value.trim()) return
    let isLive = true
    const timer = setTimeout(() => {
      void newsroom.checkSpelling({ text: value, language, suggestions: false }).then((result) => {
        if (isLive && result.ok) {
          setChecked({ text: value, hits: result.value.map(({ start, end }) => ({ start, end })) })
        }
      })
    }, CHECK_DELAY_MS)
    return () => {
      isLive = false
      clearTimeout(timer)
    }
  }, [value, language, isEnabled, version])

  useEffect(
    () =>
      onSpellingChange((change) => {
        if (change.kind === 'words') bumpVersion()
        else rerender()
      }),
    []
  )

  // Follow the field: its size (a growing headline), scrolling and the caret moving the text.
  useLayoutEffect(() => {
    const el = field()
    const mirror = mirrorRef.current
    if (!el || !mirror) return
    el.dataset.spellKey = spellKey
    const sync = (): void => layoutMirror(el, mirror)
    queueMirror(el, mirror)
    const stopFollowing = followSize(el, mirror)
    const events = ['scroll', 'input', 'keyup', 'select', 'focus', 'mouseup'] as const
    for (const name of events) el.addEventListener(name, sync)
    return () => {
      stopFollowing()
      for (const name of events) el.removeEventListener(name, sync)
    }
  }, [spellKey])

  useLayoutEffect(() => {
    const el = field()
    const mirror = mirrorRef.current
    if (el && mirror) queueMirror(el, mirror)
  })

  useEffect(() => {
    const el = field()
    const mirror = mirrorRef.current
    if (!el || !mirror) return
    const markAt = (test: (hit: FieldHit, mark: HTMLElement) => boolean): HTMLElement | null => {
      for (const mark of mirror.querySelectorAll<HTMLElement>('.spell-mark')) {
        const hit = { start: Number(mark.dataset.start), end: Number(mark.dataset.end) }
        if (test(hit, mark)) return mark
      }
      return null
    }
    const open = (mark: HTMLElement): void => {
      const start = Number(mark.dataset.start)
      const end = Number(mark.dataset.end)
      const rect = mark.getBoundingClientRect()
      const selection = { start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 }
      openSpellingMenu({
        place: { kind: 'field', element: el, start, end, word: el.value.slice(start, end) },
        anchor: { left: rect.left, top: rect.top, bottom: rect.bottom },
        language: deskSpellingLanguage(),
        restoreFocus: () => {
          el.focus()
          el.setSelectionRange(selection.start, selection.end)
        }
      })
    }
    const handleContextMenu = (e: MouseEvent): void => {
      // A keyboard-made event (Chromium sends one for the Menu key) has no useful point.
      const byKeyboard = e.button !== 2 && e.clientX === 0 && e.clientY === 0
      // Windows sends the Menu key's event on key up, after keydown opened the menu already.
      if (e.button !== 2 && spellingMenuRequest()) return e.preventDefault()
      const caret = el.selectionStart ?? 0
      const mark = byKeyboard
        ? markAt((hit) => hit.start <= caret && caret <= hit.end)
        : markAt((_hit, m) =>
            [...m.getClientRects()].some(
              (r) =>
                e.clientX >= r.left &&
                e.clientX <= r.right &&
                e.clientY >= r.top &&
                e.clientY <= r.bottom
            )
          )
      if (!mark) return
      e.preventDefault()
      open(mark)
    }
    const handleKeyDown = (e: KeyboardEvent): void => {
      if (!isContextMenuKey(e)) return
      const caret = el.selectionStart ?? 0
      const mark = markAt((hit) => hit.start <= caret && caret <= hit.end)
      if (!mark) return
      e.preventDefault()
      open(mark)
    }
    const target: HTMLElement = el
    target.addEventListener('contextmenu', handleContextMenu)
    target.addEventListener('keydown', handleKeyDown)
    return () => {
      target.removeEventListener('contextmenu', handleContextMenu)
      target.removeEventListener('keydown', handleKeyDown)
    }
  }, [])

  return (
    <div ref={wrapRef} className="spell-field">
      {children}
      <div ref={mirrorRef} className="spell-mirror" aria-hidden="true">
        {segmentsOf(value, shown).map((segment, i) =>
          segment.hit ? (
            <span
              key={i}
              className="spell-mark"
              data-start={segment.hit.start}
              data-end={segment.hit.end}
            >
              {segment.text}
            </span>
          ) : (
            segment.text
          )
        )}
        {/* A trailing line break needs something after it to take up its line. */}
        {value.endsWith('\n') ? '\u200b' : null}
      </div>
    </div>
  )
}
