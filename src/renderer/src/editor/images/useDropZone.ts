import { useState } from 'react'
import { assetIdsOf, carriesImages, filesOf } from '../../lib/assetDrag'

export interface DropZone {
  isOver: boolean
  handlers: {
    onDragOver(e: React.DragEvent): void
    onDragLeave(e: React.DragEvent): void
    onDrop(e: React.DragEvent): void
  }
}

/**
 * A drop target for images: files (imported by the caller) and assets dragged from the asset
 * panel (`ASSET_DRAG_TYPE`). Other drags pass through untouched.
 */
export function useDropZone({
  onFiles,
  onAssets
}: {
  onFiles(files: File[]): void
  onAssets(assetIds: string[]): void
}): DropZone {
  const [isOver, setOver] = useState(false)
  return {
    isOver,
    handlers: {
      onDragOver: (e) => {
        if (!carriesImages(e.dataTransfer)) return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
        setOver(true)
      },
      onDragLeave: (e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false)
      },
      onDrop: (e) => {
        if (!carriesImages(e.dataTransfer)) return
        e.preventDefault()
        e.stopPropagation()
        setOver(false)
        const ids = assetIdsOf(e.dataTransfer)
        if (ids.length) onAssets(ids)
        else {
          const files = filesOf(e.dataTransfer)
          if (files.length) onFiles(files)
        }
      }
    }
  }
}
