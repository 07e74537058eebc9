import { useTranslation } from 'react-i18next'
import type { FocalPoint } from '../../../../shared/asset'
import { CROP_RATIOS, cropPosition } from './focalCrop'

interface CropPreviewsProps {
  /** An image of the whole photo already loaded by the panel (its preview rendition). */
  src: string
  width: number
  height: number
  focal: FocalPoint | null
}

/**
 * The 16:9 and 1:1 crops the export cuts around the focal point, drawn from the panel's own
 * preview image (a cover background placed where the crop sits), so no other image is decoded.
 */
export function CropPreviews({ src, width, height, focal }: CropPreviewsProps): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="crop-previews">
      {CROP_RATIOS.map(({ key, ratio }) => {
        const label = t(`focal.crop${key}`)
        const at = cropPosition(width, height, ratio, focal)
        return (
          <figure key={key} className={`crop-preview crop-${key}`}>
            <div
              className="crop-box"
              role="img"
              aria-label={t('focal.cropLabel', { ratio: label })}
              data-crop={key}
              style={{
                aspectRatio: String(ratio),
                backgroundImage: `url(${JSON.stringify(src)})`,
                backgroundPosition: `${at.x}% ${at.y}%`
              }}
            />
            <figcaption>{label}</figcaption>
          </figure>
        )
      })}
    </div>
  )
}
