import { assetIdSchema } from '../../../shared/article'

/**
 * The one drag type that carries asset ids (one per line) from the photo desk's grid and the
 * editor's photo strip to the body, the lead image slot and the gallery strips.
 */
export const ASSET_DRAG_TYPE = 'application/x-copydesk-asset'

/** The drag type of a thumbnail being moved within its gallery strip. */
export const GALLERY_ITEM_DRAG_TYPE = 'application/x-copydesk-gallery-item'

/** The asset ids a drag carries (invalid ones left out), or an empty list. */
export function assetIdsOf(data: Pick<DataTransfer, 'getData'> | null | undefined): string[] {
  const raw = data?.getData(ASSET_DRAG_TYPE) ?? ''
  return raw
    .split(/\s+/)
    .map((id) => id.trim())
    .filter((id) => assetIdSchema.safeParse(id).success)
}

/** The files a drop or paste carries. */
export function filesOf(data: Pick<DataTransfer, 'files'> | null | undefined): File[] {
  return data ? Array.from(data.files) : []
}

/**
 * Whether a drag over a drop zone carries something for it (files or assets). During dragover
 * only the types are readable, not the data.
 */
export function carriesImages(data: Pick<DataTransfer, 'types'> | null | undefined): boolean {
  const types = Array.from(data?.types ?? [])
  return types.includes('Files') || types.includes(ASSET_DRAG_TYPE)
}

/** Puts asset ids on a drag, in order: our type, and plain text for anything else. */
export function setAssetDragData(data: DataTransfer, assetIds: readonly string[]): void {
  const text = assetIds.join('\n')
  data.setData(ASSET_DRAG_TYPE, text)
  data.setData('text/plain', text)
  data.effectAllowed = 'copy'
}

/** Whether a drag carries files from outside (not one of our own tiles being dragged). */
export function carriesFiles(data: Pick<DataTransfer, 'types'> | null): boolean {
  const types = Array.from(data?.types ?? [])
  return types.includes('Files') && !types.includes(ASSET_DRAG_TYPE)
}
