import { useLayoutEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleLanguage, Gallery, ImageUse } from '../../../../shared/article'
import { galleryLabel } from '../../../../shared/editor/articleFormat'
import { newsroom } from '../../lib/newsroom'
import { useAsset } from '../assets/assetInfo'
import { GALLERY_ITEM_DRAG_TYPE } from '../../lib/assetDrag'
import { FilePickButton } from './FilePickButton'
import { addItems, itemKeys, moveItem, removeItem, renameGallery, updateItem } from './galleryEdits'
import { ImageUseFields } from './ImageUseFields'
import { useDropZone } from './useDropZone'

interface GalleryEditorProps {
  gallery: Gallery
  index: number
  language: ArticleLanguage
  onChange(change: (galleries: Gallery[]) => Gallery[]): void
  onRemove(): void
  importFiles(files: readonly File[]): Promise<string[]>
}

/** What a thumbnail drag carries: which gallery and which position it left. */
interface ItemDrag {
  galleryId: string
  index: number
}

function readItemDrag(data: DataTransfer): ItemDrag | null {
  try {
    const value = JSON.parse(data.getData(GALLERY_ITEM_DRAG_TYPE)) as Partial<ItemDrag>
    return typeof value.galleryId === 'string' && typeof value.index === 'number'
      ? { galleryId: value.galleryId, index: value.index }
      : null
  } catch {
    return null
  }
}

/**
 * One gallery: its internal name, the label readers will see (`Foto-Serie mit 3 Bildern`), and a
 * row per photo in reading order: a thumbnail (drag it, or press Alt+←/→ on it, to change the
 * order) with the caption, credit, photographer and alt text of that use beside it, so ten
 * photos are captioned in one pass with Tab. Photos are added from files or by dropping files or
 * assets on the list.
 */
export function GalleryEditor({
  gallery,
  index,
  language,
  onChange,
  onRemove,
  importFiles
}: GalleryEditorProps): React.JSX.Element {
  const { t } = useTranslation()
  const focusAfterMove = useRef<number | null>(null)
  const thumbs = useRef<(HTMLButtonElement | null)[]>([])
  const items = gallery.items
  const keys = itemKeys(items)
  const title = t('desk.galleryN', { n: index + 1 })

  useLayoutEffect(() => {
    // Reordering moves the DOM node, and a moved node loses the focus: give it back.
    if (focusAfterMove.current === null) return
    thumbs.current[focusAfterMove.current]?.focus()
    focusAfterMove.current = null
  })

  const add = (assetIds: string[], at?: number): void => {
    if (assetIds.length === 0) return
    onChange((all) => addItems(all, gallery.id, assetIds, at))
  }
  const addFiles = (files: readonly File[], at?: number): void => {
    void importFiles(files).then((ids) => add(ids, at))
  }
  const move = (from: number, to: number): void => {
    if (to < 0 || to >= items.length || from === to) return
    onChange((all) => moveItem(all, gallery.id, from, to))
    focusAfterMove.current = to
  }
  const remove = (at: number): void => {
    onChange((all) => removeItem(all, gallery.id, at))
  }
  const drop = useDropZone({ onFiles: (files) => addFiles(files), onAssets: (ids) => add(ids) })

  return (
    <section className="gallery-editor" aria-label={title} data-gallery-id={gallery.id}>
      <div className="gallery-head">
        <h4 className="gallery-title">{title}</h4>
        <span className="gallery-label-preview">{galleryLabel(items.length, language)}</span>
        <button type="button" className="ghost small" onClick={onRemove}>
          {t('desk.removeGallery')}
        </button>
      </div>
      <label className="override">
        <span className="override-label">{t('desk.galleryName')}</span>
        <input
          type="text"
          className="input"
          value={gallery.name ?? ''}
          placeholder={t('desk.galleryNameHint')}
          onChange={(e) => onChange((all) => renameGallery(all, gallery.id, e.target.value))}
        />
      </label>
      {items.length > 1 && <p className="hint small-text">{t('desk.reorderHint')}</p>}
      <ol
        className={`gallery-strip${drop.isOver ? ' is-drop-target' : ''}`}
        aria-label={t('desk.galleryImages', { gallery: title })}
        {...drop.handlers}
      >
        {items.map((item, i) => (
          <li
            key={keys[i]}
            className="strip-item"
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(GALLERY_ITEM_DRAG_TYPE)) return
              e.preventDefault()
              e.dataTransfer.dropEffect = 'move'
            }}
            onDrop={(e) => {
              const from = readItemDrag(e.dataTransfer)
              if (from && from.galleryId === gallery.id) {
                e.preventDefault()
                e.stopPropagation()
                move(from.index, i)
              }
            }}
          >
            <Thumb
              use={item}
              position={i + 1}
              count={items.length}
              buttonRef={(el) => {
                thumbs.current[i] = el
              }}
              onDragStart={(e) => {
                e.dataTransfer.setData(
                  GALLERY_ITEM_DRAG_TYPE,
                  JSON.stringify({ galleryId: gallery.id, index: i } satisfies ItemDrag)
                )
                e.dataTransfer.effectAllowed = 'move'
              }}
              onMove={(step) => move(i, i + step)}
            />
            <GalleryItemFields
              use={item}
              label={t('desk.galleryItemFields', { position: i + 1, count: items.length })}
              idPrefix={`gallery-${index}-item-${i}`}
              jumpPrefix={`gallery:${gallery.id}:${i}`}
              onChange={(key, value) =>
                onChange((all) => updateItem(all, gallery.id, i, key, value))
              }
              onRemove={() => remove(i)}
            />
          </li>
        ))}
      </ol>
      <FilePickButton label={t('desk.addPhotos')} isMultiple onFiles={(files) => addFiles(files)} />
    </section>
  )
}

function Thumb({
  use,
  position,
  count,
  buttonRef,
  onDragStart,
  onMove
}: {
  use: ImageUse
  position: number
  count: number
  buttonRef(el: HTMLButtonElement | null): void
  onDragStart(event: React.DragEvent<HTMLButtonElement>): void
  onMove(step: number): void
}): React.JSX.Element {
  const { t } = useTranslation()
  const asset = useAsset(use.assetId)
  const name = use.caption ?? asset?.metadata.caption ?? asset?.originalName ?? ''
  return (
    <button
      ref={buttonRef}
      type="button"
      className="thumb"
      data-index={position - 1}
      aria-label={t('desk.galleryItem', { position, count, name })}
      title={asset?.originalName}
      draggable
      onDragStart={onDragStart}
      // The photo's own inputs are beside it: a click starts with its caption.
      onClick={(e) =>
        e.currentTarget
          .closest('.strip-item')
          ?.querySelector<HTMLElement>('textarea, input')
          ?.focus()
      }
      onKeyDown={(e) => {
        if (!e.altKey) return
        if (e.key === 'ArrowLeft') onMove(-1)
        else if (e.key === 'ArrowRight') onMove(1)
        else return
        e.preventDefault()
      }}
    >
      <img
        src={newsroom.assetUrl(use.assetId, 'thumb')}
        alt=""
        loading="lazy"
        decoding="async"
        draggable={false}
      />
      <span className="thumb-position" aria-hidden="true">
        {position}
      </span>
    </button>
  )
}

function GalleryItemFields({
  use,
  label,
  idPrefix,
  jumpPrefix,
  onChange,
  onRemove
}: {
  use: ImageUse
  label: string
  idPrefix: string
  jumpPrefix: string
  onChange: React.ComponentProps<typeof ImageUseFields>['onChange']
  onRemove(): void
}): React.JSX.Element {
  const { t } = useTranslation()
  const asset = useAsset(use.assetId)
  return (
    <div className="gallery-item-fields" role="group" aria-label={label}>
      {asset && <p className="slot-file">{asset.originalName}</p>}
      <ImageUseFields
        use={use}
        asset={asset}
        idPrefix={idPrefix}
        jumpPrefix={jumpPrefix}
        onChange={onChange}
      />
      <button type="button" className="ghost small" onClick={onRemove}>
        {t('desk.removeFromGallery')}
      </button>
    </div>
  )
}
