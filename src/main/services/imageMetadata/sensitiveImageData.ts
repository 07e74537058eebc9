import sharp, { type Metadata } from 'sharp'
import type { AssetFormat } from '../../../shared/asset'
import { SOURCE_REVEALING, sensitiveInExif, type SensitiveKind } from './exifTiff'
import { inspectJpeg } from './protectJpeg'
import { cleanXmp } from './xmpPacket'

const EXIF_PREFIX = Buffer.from('Exif\0\0', 'latin1')

function tiffOf(exif: Buffer): Buffer {
  return exif.subarray(0, 6).equals(EXIF_PREFIX) ? exif.subarray(6) : exif
}

/**
 * The location and device data an image file carries (GPS, location fields, serial numbers,
 * owner name, maker notes, appended images), by format: JPEG segment by segment, TIFF from its
 * own IFDs, the others from the EXIF and XMP blocks sharp finds in them. Only the kinds that can
 * reveal a source are returned.
 */
export async function sensitiveImageData(
  bytes: Buffer,
  format: AssetFormat
): Promise<SensitiveKind[]> {
  const found = new Set<SensitiveKind>()
  if (format === 'jpeg') {
    try {
      for (const k of inspectJpeg(bytes)) found.add(k)
    } catch {
      found.add('unreadable-metadata')
    }
  } else {
    if (format === 'tiff') for (const k of sensitiveInExif(bytes)) found.add(k)
    // Metadata of a file sharp cannot read is simply not there to keep.
    const meta: Metadata | null = await sharp(bytes, { limitInputPixels: false })
      .metadata()
      .catch(() => null)
    if (meta?.exif) for (const k of sensitiveInExif(tiffOf(meta.exif))) found.add(k)
    if (meta?.xmp) {
      try {
        for (const k of cleanXmp(meta.xmp.toString('utf8')).removed) {
          if (k === 'location') found.add('xmp-location')
          if (k === 'device') found.add('xmp-device')
        }
      } catch {
        found.add('unreadable-metadata')
      }
    }
  }
  return [...found].filter((k) => SOURCE_REVEALING.has(k))
}
