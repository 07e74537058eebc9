import type { FocalPoint } from '../../../../shared/asset'

/** The web crops the photo desk previews, as the export cuts them (width / height). */
export const CROP_RATIOS = [
  { key: '16x9', ratio: 16 / 9 },
  { key: '1x1', ratio: 1 }
] as const

/**
 * Where a crop of `ratio` sits in a `width` × `height` photo, as CSS `background-position`
 * percentages for a `background-size: cover` box: the largest rectangle of that ratio, centred on
 * the focal point (the middle without one) and moved back inside the frame near an edge, which is
 * how the export cuts its renditions.
 */
export function cropPosition(
  width: number,
  height: number,
  ratio: number,
  focal: FocalPoint | null
): { x: number; y: number } {
  const fx = focal?.x ?? 0.5
  const fy = focal?.y ?? 0.5
  let w = width
  let h = width / ratio
  if (h > height) {
    h = height
    w = height * ratio
  }
  // With `cover`, p % aligns the image's p % point with the box's: p = offset / spare room.
  const along = (f: number, size: number, cut: number): number => {
    const spare = size - cut
    if (spare <= 1e-9) return 50
    const start = Math.min(Math.max(f * size - cut / 2, 0), spare)
    return Math.round((start / spare) * 10_000) / 100
  }
  return { x: along(fx, width, w), y: along(fy, height, h) }
}
