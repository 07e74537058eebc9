import { describe, expect, it } from 'vitest'
import { cropPosition } from './focalCrop'

describe('cropPosition', () => {
  it('centres without a focal point', () => {
    expect(cropPosition(1200, 800, 16 / 9, null)).toEqual({ x: 50, y: 50 })
    expect(cropPosition(1200, 800, 1, null)).toEqual({ x: 50, y: 50 })
  })

  it('moves the cut along the axis the ratio trims, and keeps it inside the frame', () => {
    // 1200 × 800 to 1:1: an 800 × 800 cut, 400 px to spare across.
    expect(cropPosition(1200, 800, 1, { x: 0.5, y: 0.1 })).toEqual({ x: 50, y: 50 })
    // x 0.75 (900 px): the cut would start at 500 of 400 spare, so it stops at the right edge.
    expect(cropPosition(1200, 800, 1, { x: 0.75, y: 0.5 })).toEqual({ x: 100, y: 50 })
    // x 0.5833 (700 px): the cut starts at 300 of 400 → 75 %.
    expect(cropPosition(1200, 800, 1, { x: 700 / 1200, y: 0.5 })).toEqual({ x: 75, y: 50 })
    expect(cropPosition(1200, 800, 1, { x: 0, y: 1 })).toEqual({ x: 0, y: 50 })
    // 1200 × 800 to 16:9: a 1200 × 675 cut, 125 px to spare down; y 0.3 (240 px) starts at 0 → 0 %.
    expect(cropPosition(1200, 800, 16 / 9, { x: 0.9, y: 0.3 })).toEqual({ x: 50, y: 0 })
    // y 0.6 (480 px): the cut would start at 142.5 of 125 spare, so it stops at the bottom.
    expect(cropPosition(1200, 800, 16 / 9, { x: 0.1, y: 0.6 })).toEqual({ x: 50, y: 100 })
    // y 0.5 exactly: the middle.
    expect(cropPosition(1200, 800, 16 / 9, { x: 0.1, y: 0.5 })).toEqual({ x: 50, y: 50 })
  })

  it('trims the height of a portrait photo for both ratios', () => {
    // 800 × 1200 to 1:1: 800 × 800, 400 to spare down; y 0.25 (300 px) starts at -100 → 0 %.
    expect(cropPosition(800, 1200, 1, { x: 0.9, y: 0.25 })).toEqual({ x: 50, y: 0 })
    // 650 px down: the cut starts at 250 of 400 → 62.5 %.
    expect(cropPosition(800, 1200, 1, { x: 0.9, y: 650 / 1200 })).toEqual({ x: 50, y: 62.5 })
  })

  it('leaves a photo already in the ratio where it is', () => {
    expect(cropPosition(1600, 900, 16 / 9, { x: 0, y: 1 })).toEqual({ x: 50, y: 50 })
  })
})
