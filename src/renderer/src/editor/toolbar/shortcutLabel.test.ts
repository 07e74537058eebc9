import { describe, expect, it } from 'vitest'
import { ariaShortcut, isMacPlatform, shortcutLabel } from './shortcutLabel'

describe('shortcut labels', () => {
  it('reads Mod as Ctrl on Linux and Windows and as ⌘ on a Mac', () => {
    expect(shortcutLabel('Mod-b', false)).toBe('Ctrl+B')
    expect(shortcutLabel('Mod-Shift-8', false)).toBe('Ctrl+Shift+8')
    expect(shortcutLabel('Mod-Alt-2', true)).toBe('⌘⌥2')
    expect(shortcutLabel('Alt-F10', false)).toBe('Alt+F10')
    expect(ariaShortcut('Mod-Shift-b', false)).toBe('Control+Shift+B')
    expect(ariaShortcut('Mod-k', true)).toBe('Meta+K')
    expect(isMacPlatform('MacIntel')).toBe(true)
    expect(isMacPlatform('Linux x86_64')).toBe(false)
  })
})
