import './docx.css'
import { useState } from 'react'
import { docxOf, isFileDrag } from './docxFiles'

export interface DocxDropProps {
  onDragOver(event: React.DragEvent): void
  onDragLeave(event: React.DragEvent): void
  onDrop(event: React.DragEvent): void
}

/**
 * Drop handling for a Word document on an area (the library): while files are dragged over it
 * the area shows that it takes them; a dropped .docx goes to `onDocx`, other files to `onOther`.
 */
export function useDocxDrop(
  onDocx: (file: File) => void,
  onOther?: (files: File[]) => void
): { isOver: boolean; dropProps: DocxDropProps } {
  const [isOver, setOver] = useState(false)
  return {
    isOver,
    dropProps: {
      onDragOver: (event) => {
        if (!isFileDrag(event.dataTransfer)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'copy'
        setOver(true)
      },
      onDragLeave: (event) => {
        // Leaving for a child is not leaving the area.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false)
      },
      onDrop: (event) => {
        if (!isFileDrag(event.dataTransfer)) return
        event.preventDefault()
        setOver(false)
        const docx = docxOf(event.dataTransfer)
        if (docx) onDocx(docx)
        else onOther?.([...event.dataTransfer.files])
      }
    }
  }
}
