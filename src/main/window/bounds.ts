/** A rectangle in screen coordinates (Electron's `Rectangle`). */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** Window sizes used when nothing usable was saved, and the smallest size the window allows. */
export interface WindowSizeDefaults {
  width: number
  height: number
  minWidth: number
  minHeight: number
}

/**
 * Bounds for the main window that are fully visible on one display.
 *
 * `displays` are the displays' work areas, primary first. A saved rectangle that overlaps a
 * display keeps its position and size as far as they fit: it moves to the display it overlaps most,
 * shrinks to that work area and is pushed inside it. A saved rectangle that is missing, malformed
 * or on no display at all (a monitor was unplugged) gives the default size centred on the primary
 * display. Sizes respect the minimum unless the display itself is smaller.
 */
export function clampBounds(
  saved: Rect | null,
  displays: Rect[],
  defaults: WindowSizeDefaults
): Rect {
  const usable = displays.filter(isValidRect)
  const primary = usable[0] ?? {
    x: 0,
    y: 0,
    width: Math.max(defaults.width, defaults.minWidth),
    height: Math.max(defaults.height, defaults.minHeight)
  }

  if (saved !== null && isValidRect(saved)) {
    const target = displayWithMostOverlap(saved, usable)
    if (target !== null) return fitInside(saved, target, defaults)
  }
  return centreOn(primary, defaults)
}

function isValidRect(rect: Rect): boolean {
  return (
    Number.isFinite(rect.x) &&
    Number.isFinite(rect.y) &&
    Number.isFinite(rect.width) &&
    Number.isFinite(rect.height) &&
    rect.width > 0 &&
    rect.height > 0
  )
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function displayWithMostOverlap(rect: Rect, displays: Rect[]): Rect | null {
  let best: Rect | null = null
  let bestArea = 0
  for (const display of displays) {
    const area = overlapArea(rect, display)
    if (area > bestArea) {
      best = display
      bestArea = area
    }
  }
  return best
}

function sizeWithin(wanted: number, minimum: number, available: number): number {
  return Math.max(1, Math.min(Math.max(Math.round(wanted), minimum), available))
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high)
}

function fitInside(rect: Rect, display: Rect, defaults: WindowSizeDefaults): Rect {
  const width = sizeWithin(rect.width, defaults.minWidth, display.width)
  const height = sizeWithin(rect.height, defaults.minHeight, display.height)
  return {
    x: clamp(Math.round(rect.x), display.x, display.x + display.width - width),
    y: clamp(Math.round(rect.y), display.y, display.y + display.height - height),
    width,
    height
  }
}

function centreOn(display: Rect, defaults: WindowSizeDefaults): Rect {
  const width = sizeWithin(defaults.width, defaults.minWidth, display.width)
  const height = sizeWithin(defaults.height, defaults.minHeight, display.height)
  return {
    x: display.x + Math.floor((display.width - width) / 2),
    y: display.y + Math.floor((display.height - height) / 2),
    width,
    height
  }
}
