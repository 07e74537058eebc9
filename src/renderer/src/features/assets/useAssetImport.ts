import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_IPC_IMPORT_BYTES } from '../../../../shared/asset'
import { carriesFiles } from '../../lib/assetDrag'
import { userMessage } from '../../lib/bridgeError'
import { call, newsroom } from '../../lib/newsroom'
import { collectDroppedFiles, takeDropEntries, type PickedFile } from './collectDroppedFiles'
import { runImport, type ImportRow } from './runImport'

export interface DeskNotice {
  text: string
  articleId?: string
}

export interface AssetImportOptions {
  /** Called while photos come in and when the import ends, so the grid shows them. */
  onImported(): void
  /** A message for the desk's notice line (null clears it). */
  onNotice(notice: DeskNotice | null): void
}

export interface AssetImport {
  /** One row per file of the running or last import; null when the panel is dismissed. */
  rows: ImportRow[] | null
  /** Names of dropped entries that were not files to import (folders' other contents, ...). */
  skipped: string[]
  isImporting: boolean
  isCancelling: boolean
  /** A drag carrying files is over the window. */
  isDropTarget: boolean
  /** Imports the files the user chose in the file dialog (and clears the input for next time). */
  handleChosenFiles(event: React.ChangeEvent<HTMLInputElement>): void
  cancel(): void
  dismiss(): void
}

// Clipboard images arrive as "image.png"; a dated name tells them apart in the library.
function pastedFileName(file: File, index: number): string {
  if (file.name && file.name !== 'image.png') return file.name
  const ext = file.type.split('/')[1]?.replace('jpeg', 'jpg') || 'png'
  const stamp = new Date().toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '')
  return `pasted-${stamp}${index ? `-${index + 1}` : ''}.${ext}`
}

/**
 * Import into the photo desk by file dialog, by paste anywhere on the desk and by dropping files
 * or folders anywhere in the window while the desk is open: one import at a time, file by file
 * with a row each, cancellable between files.
 */
export function useAssetImport(opts: AssetImportOptions): AssetImport {
  const { t, i18n } = useTranslation()
  const [rows, setRows] = useState<ImportRow[] | null>(null)
  const [skipped, setSkipped] = useState<string[]>([])
  const [isImporting, setImporting] = useState(false)
  const [isCancelling, setCancelling] = useState(false)
  const [isDropTarget, setDropTarget] = useState(false)
  const cancelRequested = useRef(false)
  const importing = useRef(false)
  const dragDepth = useRef(0)
  // The document listeners live as long as the desk; they reach the newest callbacks here.
  const callbacks = useRef(opts)
  useEffect(() => {
    callbacks.current = opts
  })

  const startImport = useCallback(
    async (files: PickedFile[], skippedNames: string[]): Promise<void> => {
      if (importing.current) {
        callbacks.current.onNotice({ text: t('assets.importBusy') })
        return
      }
      setSkipped(skippedNames)
      if (files.length === 0) {
        setRows([])
        return
      }
      importing.current = true
      cancelRequested.current = false
      setImporting(true)
      callbacks.current.onNotice(null)
      let shown = 0
      let lastRefresh = 0
      try {
        await runImport(files, {
          maxBytes: MAX_IPC_IMPORT_BYTES,
          isCancelled: () => cancelRequested.current,
          onChange: (next) => {
            setRows(next)
            // New photos appear while the rest are still coming in (at most about once a second).
            const done = next.filter((r) => r.status === 'imported').length
            if (done > shown && Date.now() - lastRefresh > 800) {
              shown = done
              lastRefresh = Date.now()
              callbacks.current.onImported()
            }
          },
          send: async (file) => (await call(newsroom.importAssets({ files: [file] })))[0]
        })
      } finally {
        importing.current = false
        setImporting(false)
        setCancelling(false)
        callbacks.current.onImported()
      }
    },
    [t]
  )

  const startImportRef = useRef(startImport)
  useEffect(() => {
    startImportRef.current = startImport
  })

  // Paste anywhere on the photo desk: image files on the clipboard are imported.
  useEffect(() => {
    const handlePaste = (event: ClipboardEvent): void => {
      const files = Array.from(event.clipboardData?.files ?? []).filter((f) =>
        f.type.startsWith('image/')
      )
      if (files.length === 0) return
      event.preventDefault()
      void startImportRef.current(
        files.map((file, i) => ({ file, name: pastedFileName(file, i) })),
        []
      )
    }
    document.addEventListener('paste', handlePaste)
    return () => document.removeEventListener('paste', handlePaste)
  }, [])

  // Files dropped anywhere in the window while the photo desk is open are imported (a near miss
  // must not make the browser open the file instead).
  useEffect(() => {
    const handleDragEnter = (event: DragEvent): void => {
      if (!carriesFiles(event.dataTransfer)) return
      event.preventDefault()
      dragDepth.current += 1
      setDropTarget(true)
    }
    const handleDragOver = (event: DragEvent): void => {
      if (!carriesFiles(event.dataTransfer) || !event.dataTransfer) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'copy'
    }
    const handleDragLeave = (event: DragEvent): void => {
      if (!carriesFiles(event.dataTransfer)) return
      dragDepth.current = Math.max(0, dragDepth.current - 1)
      if (dragDepth.current === 0) setDropTarget(false)
    }
    const handleDrop = (event: DragEvent): void => {
      if (!carriesFiles(event.dataTransfer) || !event.dataTransfer) return
      event.preventDefault()
      dragDepth.current = 0
      setDropTarget(false)
      const { entries, loose } = takeDropEntries(event.dataTransfer)
      collectDroppedFiles(entries, loose).then(
        ({ files, skipped: left }) => startImportRef.current(files, left),
        (e: unknown) =>
          callbacks.current.onNotice({
            text: t('assets.dropFailed', { message: userMessage(e, t, i18n.language) })
          })
      )
    }
    document.addEventListener('dragenter', handleDragEnter)
    document.addEventListener('dragover', handleDragOver)
    document.addEventListener('dragleave', handleDragLeave)
    document.addEventListener('drop', handleDrop)
    return () => {
      document.removeEventListener('dragenter', handleDragEnter)
      document.removeEventListener('dragover', handleDragOver)
      document.removeEventListener('dragleave', handleDragLeave)
      document.removeEventListener('drop', handleDrop)
    }
  }, [t, i18n])

  const handleChosenFiles = useCallback(
    (event: React.ChangeEvent<HTMLInputElement>): void => {
      const files = Array.from(event.target.files ?? [])
      event.target.value = ''
      void startImport(
        files.map((file) => ({ file, name: file.name })),
        []
      )
    },
    [startImport]
  )

  const cancel = useCallback((): void => {
    cancelRequested.current = true
    setCancelling(true)
  }, [])

  const dismiss = useCallback((): void => {
    setRows(null)
    setSkipped([])
  }, [])

  return {
    rows,
    skipped,
    isImporting,
    isCancelling,
    isDropTarget,
    handleChosenFiles,
    cancel,
    dismiss
  }
}
