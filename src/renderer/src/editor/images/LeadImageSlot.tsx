import { useTranslation } from 'react-i18next'
import type { ImageUse } from '../../../../shared/article'
import { newsroom } from '../../lib/newsroom'
import { useAssetEntry } from '../assets/assetInfo'
import { FilePickButton } from './FilePickButton'
import { newImageUse, withOverride } from './galleryEdits'
import { ImageUseFields } from './ImageUseFields'
import { useDropZone } from './useDropZone'

interface LeadImageSlotProps {
  lead: ImageUse | null
  onChange(change: (lead: ImageUse | null) => ImageUse | null): void
  importFiles(files: readonly File[]): Promise<string[]>
}

/**
 * The article's lead image: choose one from files or drop one (a file, or an asset from the
 * asset panel), remove it, and override its caption, credit, photographer and alt text for this
 * article (the asset's own values show greyed).
 */
export function LeadImageSlot({
  lead,
  onChange,
  importFiles
}: LeadImageSlotProps): React.JSX.Element {
  const { t } = useTranslation()
  // A new photo starts without the old one's overrides: they described another picture.
  const choose = (assetId: string | undefined): void => {
    if (assetId) onChange(() => newImageUse(assetId))
  }
  const handleFiles = (files: File[]): void => {
    void importFiles(files.slice(0, 1)).then((ids) => choose(ids[0]))
  }
  const drop = useDropZone({ onFiles: handleFiles, onAssets: (ids) => choose(ids[0]) })

  return (
    <section
      className={`image-slot${drop.isOver ? ' is-drop-target' : ''}`}
      aria-label={t('desk.leadImage')}
      data-jump="lead"
      {...drop.handlers}
    >
      <h3 className="slot-title">{t('desk.leadImage')}</h3>
      {lead ? (
        <LeadImage use={lead} onChange={onChange} onReplace={handleFiles} />
      ) : (
        <div className="drop-hint">
          <p>{t('desk.dropLead')}</p>
          <FilePickButton label={t('desk.chooseLead')} onFiles={handleFiles} />
        </div>
      )}
    </section>
  )
}

function LeadImage({
  use,
  onChange,
  onReplace
}: {
  use: ImageUse
  onChange: LeadImageSlotProps['onChange']
  onReplace(files: File[]): void
}): React.JSX.Element {
  const { t } = useTranslation()
  const entry = useAssetEntry(use.assetId)
  const asset = entry.status === 'ready' ? entry.asset : undefined
  return (
    <div className="lead-image">
      {entry.status === 'missing' ? (
        <p className="figure-missing" role="alert">
          {t('desk.assetMissing', { id: use.assetId.slice(0, 12) })}
        </p>
      ) : (
        <img
          className="slot-image"
          src={newsroom.assetUrl(use.assetId, 'thumb')}
          alt={use.alt ?? asset?.metadata.alt ?? ''}
          width={asset?.renditions.thumb.width}
          height={asset?.renditions.thumb.height}
        />
      )}
      {asset && <p className="slot-file">{asset.originalName}</p>}
      <ImageUseFields
        use={use}
        asset={asset}
        idPrefix="lead"
        jumpPrefix="lead"
        onChange={(key, value) =>
          onChange((lead) => (lead ? withOverride(lead, key, value) : lead))
        }
      />
      <div className="slot-actions">
        <FilePickButton label={t('desk.replaceLead')} onFiles={onReplace} />
        <button type="button" className="ghost small" onClick={() => onChange(() => null)}>
          {t('desk.removeLead')}
        </button>
      </div>
    </div>
  )
}
