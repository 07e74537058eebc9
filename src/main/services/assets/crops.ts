import sharp from 'sharp'
import type { AssetRecord } from '../../../shared/asset'

/*
 * Web crops of a picture (16:9 for teasers and social cards, 1:1 for grids), cut around the
 * photo desk's focal point. They are new images, so they are re-encoded; the original stays the
 * untouched full frame.
 */

export type CropName = 'crop-16x9' | 'crop-1x1'

/** A crop as the package plan holds it: where it is cut and the size it is written at. */
export interface CropPlan {
  name: CropName
  /** File name suffix (`images/001-16x9.jpg`). */
  suffix: string
  /** The cut in displayed pixels of the original (EXIF orientation applied). */
  box: { left: number; top: number; width: number; height: number }
  /** Size of the written JPEG. */
  width: number
  height: number
}

/** A focal point: fractions of width and height from the top left. */
export interface Focal {
  x: number
  y: number
}

const CROPS: readonly { name: CropName; suffix: string; ratio: [number, number]; max: number }[] = [
  // Full HD for 16:9, the common square of social platforms for 1:1; never enlarged.
  { name: 'crop-16x9', suffix: '16x9', ratio: [16, 9], max: 1920 },
  { name: 'crop-1x1', suffix: '1x1', ratio: [1, 1], max: 1080 }
]

/** The largest crops, for decoding a picture at the scale its crops need. */
export const CROP_EDGES = { wide: CROPS[0].max, square: CROPS[1].max } as const

/** The JPEG quality crops are written at (part of the stored crops' key). */
export const CROP_JPEG_QUALITY = 85

/** The asset's focal point, or null (crops then centre on the middle). */
export function focalOf(record: AssetRecord): Focal | null {
  return record.focal ?? null
}

/**
 * The 16:9 and 1:1 crops of a `width` × `height` picture: the largest rectangle of each ratio,
 * centred on the focal point (the middle without one) and moved inside the frame where the
 * point is near an edge; written at most 1920 × 1080 and 1080 × 1080.
 */
export function planCrops(width: number, height: number, focal: Focal | null): CropPlan[] {
  const fx = focal?.x ?? 0.5
  const fy = focal?.y ?? 0.5
  return CROPS.map(({ name, suffix, ratio: [rw, rh], max }) => {
    let w = width
    let h = Math.round((width * rh) / rw)
    if (h > height) {
      h = height
      w = Math.min(width, Math.round((height * rw) / rh))
    }
    const left = Math.min(Math.max(Math.round(fx * width - w / 2), 0), width - w)
    const top = Math.min(Math.max(Math.round(fy * height - h / 2), 0), height - h)
    const scale = Math.min(1, max / w)
    return {
      name,
      suffix,
      box: { left, top, width: w, height: h },
      width: Math.max(1, Math.round(w * scale)),
      height: Math.max(1, Math.round(h * scale))
    }
  })
}

/** Decoded pixels to cut crops from (EXIF orientation applied, raw, 8 bits per channel). */
export interface CropPixels {
  data: Uint8Array
  width: number
  height: number
  channels: 1 | 2 | 3 | 4
}

/**
 * The crops as JPEGs (sRGB, no metadata yet), from `source`: the original, or a smaller rendition
 * of the same picture when the original cannot be decoded (`sourceSize` and `fullSize` are the
 * displayed sizes of the source and of the original). The picture is decoded once, scaled to
 * what the largest crop needs.
 */
export async function renderCrops(
  source: Buffer,
  sourceSize: { width: number; height: number },
  fullSize: { width: number; height: number },
  crops: readonly CropPlan[]
): Promise<Buffer[]> {
  const needed = Math.min(1, Math.max(...crops.map((c) => c.width / c.box.width)))
  const scale = Math.min(needed, sourceSize.width / fullSize.width)
  const { data, info } = await sharp(source, { autoOrient: true, limitInputPixels: false })
    .resize(
      Math.max(1, Math.round(fullSize.width * scale)),
      Math.max(1, Math.round(fullSize.height * scale)),
      { fit: 'fill' }
    )
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  return cutCrops(
    { data, width: info.width, height: info.height, channels: info.channels },
    fullSize,
    crops
  )
}

/**
 * The crops as JPEGs from pixels already decoded (the whole frame, at any scale of `fullSize`,
 * the original's displayed size): each plan's box is cut at that scale and written at the plan's
 * size; transparency goes on white.
 */
export function cutCrops(
  pixels: CropPixels,
  fullSize: { width: number; height: number },
  crops: readonly CropPlan[]
): Promise<Buffer[]> {
  const scale = pixels.width / fullSize.width
  const raw = { width: pixels.width, height: pixels.height, channels: pixels.channels }
  return Promise.all(
    crops.map((crop) => {
      const left = Math.min(Math.round(crop.box.left * scale), pixels.width - 1)
      const top = Math.min(Math.round(crop.box.top * scale), pixels.height - 1)
      const box = {
        left,
        top,
        width: Math.max(1, Math.min(Math.round(crop.box.width * scale), pixels.width - left)),
        height: Math.max(1, Math.min(Math.round(crop.box.height * scale), pixels.height - top))
      }
      let image = sharp(pixels.data, { raw }).extract(box)
      if (box.width !== crop.width || box.height !== crop.height) {
        image = image.resize(crop.width, crop.height, { fit: 'fill' })
      }
      if (pixels.channels === 2 || pixels.channels === 4) {
        image = image.flatten({ background: '#ffffff' })
      }
      return image.toColourspace('srgb').jpeg({ quality: CROP_JPEG_QUALITY }).toBuffer()
    })
  )
}
