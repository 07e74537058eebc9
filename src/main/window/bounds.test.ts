import { describe, expect, it } from 'vitest'
import { clampBounds, type Rect } from './bounds'

const defaults = { width: 1200, height: 800, minWidth: 640, minHeight: 480 }
// Work areas: a 1920x1080 primary with a 40 px taskbar, a 1280x1024 monitor to its left.
const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
const left: Rect = { x: -1280, y: 0, width: 1280, height: 1024 }
const above: Rect = { x: 0, y: -1440, width: 2560, height: 1440 }

function isInside(rect: Rect, display: Rect): boolean {
  return (
    rect.x >= display.x &&
    rect.y >= display.y &&
    rect.x + rect.width <= display.x + display.width &&
    rect.y + rect.height <= display.y + display.height
  )
}

describe('clampBounds', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    expect(clampBounds(null, [primary, left], defaults)).toEqual({
      x: 360,
      y: 120,
      width: 1200,
      height: 800
    })
  })

  it.each([
    ['NaN', { x: Number.NaN, y: 0, width: 800, height: 600 }],
    ['Infinity', { x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 600 }],
    ['negative width', { x: 10, y: 10, width: -800, height: 600 }],
    ['zero height', { x: 10, y: 10, width: 800, height: 0 }]
  ])('treats a saved rectangle with %s as missing', (_name, saved) => {
    expect(clampBounds(saved, [primary], defaults)).toEqual(clampBounds(null, [primary], defaults))
  })

  it('keeps a saved rectangle that is fully visible', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700 }
    expect(clampBounds(saved, [primary, left], defaults)).toEqual(saved)
  })

  it('keeps a window on a display left of the primary (negative coordinates)', () => {
    const saved = { x: -1200, y: 100, width: 1000, height: 700 }
    expect(clampBounds(saved, [primary, left], defaults)).toEqual(saved)
  })

  it('keeps a window on a display above the primary', () => {
    const saved = { x: 200, y: -1300, width: 1600, height: 1000 }
    expect(clampBounds(saved, [primary, above], defaults)).toEqual(saved)
  })

  it('moves a window straddling two displays onto the one it mostly covers', () => {
    const saved = { x: -300, y: 100, width: 1000, height: 700 }
    const result = clampBounds(saved, [primary, left], defaults)
    expect(result).toEqual({ x: 0, y: 100, width: 1000, height: 700 })
    expect(isInside(result, primary)).toBe(true)
  })

  it('moves it onto the left display when most of it is there', () => {
    const saved = { x: -900, y: 100, width: 1000, height: 700 }
    const result = clampBounds(saved, [primary, left], defaults)
    expect(result).toEqual({ x: -1000, y: 100, width: 1000, height: 700 })
    expect(isInside(result, left)).toBe(true)
  })

  it('pulls a window hanging below the taskbar back up', () => {
    const saved = { x: 500, y: 600, width: 1000, height: 700 }
    expect(clampBounds(saved, [primary], defaults)).toEqual({
      x: 500,
      y: 340,
      width: 1000,
      height: 700
    })
  })

  it('shrinks a window larger than the display it is on', () => {
    const saved = { x: -50, y: -20, width: 2500, height: 1600 }
    const result = clampBounds(saved, [primary, left], defaults)
    expect(result).toEqual({ x: 0, y: 0, width: 1920, height: 1040 })
  })

  it('shrinks a window saved on a big monitor that is now a small one', () => {
    const saved = { x: 100, y: -1400, width: 2400, height: 1400 }
    const small: Rect = { x: 0, y: -900, width: 1440, height: 900 }
    const result = clampBounds(saved, [primary, small], defaults)
    expect(isInside(result, small)).toBe(true)
    expect(result).toEqual({ x: 0, y: -900, width: 1440, height: 900 })
  })

  it('centres on the primary display when the saved monitor was unplugged', () => {
    const saved = { x: -1200, y: 100, width: 1000, height: 700 }
    expect(clampBounds(saved, [primary], defaults)).toEqual(clampBounds(null, [primary], defaults))
  })

  it('centres on the primary display when the saved window is far off every screen', () => {
    const saved = { x: 50000, y: 50000, width: 1000, height: 700 }
    expect(clampBounds(saved, [primary, left], defaults)).toEqual({
      x: 360,
      y: 120,
      width: 1200,
      height: 800
    })
  })

  it('treats a window that only touches a display edge as off screen', () => {
    const saved = { x: 1920, y: 0, width: 800, height: 600 }
    expect(clampBounds(saved, [primary], defaults)).toEqual(clampBounds(null, [primary], defaults))
  })

  it('centres on a primary display that does not start at the origin', () => {
    const offset: Rect = { x: 1280, y: 25, width: 1440, height: 875 }
    expect(clampBounds(null, [offset, primary], defaults)).toEqual({
      x: 1400,
      y: 62,
      width: 1200,
      height: 800
    })
  })

  it('grows a saved window below the minimum size', () => {
    const saved = { x: 100, y: 100, width: 200, height: 100 }
    expect(clampBounds(saved, [primary], defaults)).toEqual({
      x: 100,
      y: 100,
      width: 640,
      height: 480
    })
  })

  it('fits the default size onto a display smaller than the defaults and the minimum', () => {
    const tiny: Rect = { x: 0, y: 0, width: 600, height: 400 }
    const result = clampBounds(null, [tiny], defaults)
    expect(result).toEqual({ x: 0, y: 0, width: 600, height: 400 })
  })

  it('rounds fractional saved bounds to whole pixels', () => {
    const saved = { x: 10.4, y: 20.6, width: 1000.5, height: 700.2 }
    expect(clampBounds(saved, [primary], defaults)).toEqual({
      x: 10,
      y: 21,
      width: 1001,
      height: 700
    })
  })

  it('ignores malformed displays and still returns a usable rectangle with none at all', () => {
    const broken: Rect = { x: 0, y: 0, width: 0, height: 0 }
    expect(clampBounds(null, [broken, primary], defaults)).toEqual(
      clampBounds(null, [primary], defaults)
    )
    expect(clampBounds(null, [], defaults)).toEqual({ x: 0, y: 0, width: 1200, height: 800 })
  })
})
