/**
 * The drag type the article editor accepts on its body, lead slot and gallery strips: asset ids,
 * one per line (the editor's `editor/images/assetDrag.ts` reads it).
 */
export const ASSET_DRAG_TYPE = 'application/x-copydesk-asset'

/** Puts asset ids on a drag, in order: the editor's type, and plain text for anything else. */
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
