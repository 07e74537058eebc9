import { useTranslation } from 'react-i18next'
import type { ImageUse } from '../../../../shared/article'
import type { AssetSummary } from '../../../../shared/asset'
import { OverrideInput } from '../fields/OverrideInput'
import type { ImageOverride } from './galleryEdits'

interface ImageUseFieldsProps {
  use: ImageUse
  asset: AssetSummary | undefined
  onChange(key: ImageOverride, value: string): void
  /** Prefix for element ids (find-and-replace jumps to `<prefix>-caption`). */
  idPrefix: string
  /** Prefix of the inputs' `data-jump` keys (`lead` gives `lead:caption`, `lead:credit` …). */
  jumpPrefix: string
}

/**
 * Caption, credit, photographer and alt text of one use of an image: each empty field shows the
 * asset's own value greyed, which is what the article prints unless something is typed here.
 */
export function ImageUseFields({
  use,
  asset,
  onChange,
  idPrefix,
  jumpPrefix
}: ImageUseFieldsProps): React.JSX.Element {
  const { t } = useTranslation()
  const meta = asset?.metadata
  return (
    <div className="image-use-fields">
      <OverrideInput
        id={`${idPrefix}-caption`}
        label={t('desk.caption')}
        value={use.caption}
        inherited={meta?.caption}
        onChange={(v) => onChange('caption', v)}
        jump={`${jumpPrefix}:caption`}
        className="input"
        multiline
        hasSpelling
      />
      <div className="field-row">
        <OverrideInput
          label={t('desk.credit')}
          value={use.credit}
          inherited={meta?.credit}
          onChange={(v) => onChange('credit', v)}
          jump={`${jumpPrefix}:credit`}
          className="input"
        />
        <OverrideInput
          label={t('desk.photographer')}
          value={use.photographer}
          inherited={meta?.photographer}
          onChange={(v) => onChange('photographer', v)}
          className="input"
        />
      </div>
      <OverrideInput
        label={t('desk.alt')}
        value={use.alt}
        inherited={meta?.alt}
        onChange={(v) => onChange('alt', v)}
        jump={`${jumpPrefix}:alt`}
        className="input"
      />
    </div>
  )
}
