/** Whether shortcuts use ⌘ (macOS) rather than Ctrl. */
export function isMacPlatform(platform: string = navigator.platform): boolean {
  return /^Mac|^iP(hone|ad)/.test(platform)
}

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' }

/**
 * A ProseMirror key name (`Mod-Shift-8`) as people read it: `Ctrl+Shift+8`, or `⌘⇧8` on a Mac.
 */
export function shortcutLabel(keys: string, isMac: boolean): string {
  const parts = keys.split('-')
  const key = parts.pop()!.toUpperCase()
  if (isMac) return parts.map((p) => MAC_SYMBOLS[p] ?? p).join('') + key
  return [...parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)), key].join('+')
}

/** The same as an `aria-keyshortcuts` value (`Control+Shift+8`, `Meta+Shift+8`). */
export function ariaShortcut(keys: string, isMac: boolean): string {
  const parts = keys.split('-')
  const key = parts.pop()!
  const names = parts.map((p) =>
    p === 'Mod' ? (isMac ? 'Meta' : 'Control') : p === 'Ctrl' ? 'Control' : p
  )
  return [...names, key.length === 1 ? key.toUpperCase() : key].join('+')
}
