import { useTranslation } from 'react-i18next'
import type { ArticleLanguage, Gallery } from '../../../../shared/article'
import { addGallery, removeGallery } from './galleryEdits'
import { GalleryEditor } from './GalleryEditor'

interface GalleriesPanelProps {
  galleries: Gallery[]
  language: ArticleLanguage
  onChange(change: (galleries: Gallery[]) => Gallery[]): void
  importFiles(files: readonly File[]): Promise<string[]>
}

/** The article's galleries (any number), each with its strip of photos, and "Add gallery". */
export function GalleriesPanel({
  galleries,
  language,
  onChange,
  importFiles
}: GalleriesPanelProps): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <section className="galleries" aria-label={t('desk.galleries')}>
      <h3 className="slot-title">{t('desk.galleries')}</h3>
      {galleries.map((gallery, index) => (
        <GalleryEditor
          key={gallery.id}
          gallery={gallery}
          index={index}
          language={language}
          onChange={onChange}
          onRemove={() => onChange((all) => removeGallery(all, gallery.id))}
          importFiles={importFiles}
        />
      ))}
      <button
        type="button"
        className="small"
        onClick={() => onChange((all) => addGallery(all, crypto.randomUUID()))}
      >
        {t('desk.addGallery')}
      </button>
    </section>
  )
}
