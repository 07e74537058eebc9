import { useCallback, useRef, useState } from 'react'
import { newsroom } from '../../lib/newsroom'
import { assetInfo } from '../assets/assetInfo'
import type { ImportFailure } from '../../lib/importFailureMessage'
import { importImageFiles, type ImportProgress, type PickedFile } from './importImageFiles'

/** What the import status line shows: files in flight (over all running imports) and failures. */
export interface ImageImportState {
  total: number
  done: number
  current: string | null
  errors: ImportFailure[]
}

export interface ImageImport {
  state: ImageImportState
  /** Imports files through the asset store; resolves with the ids of those that made it. */
  importFiles(files: readonly PickedFile[]): Promise<string[]>
  dismissErrors(): void
}

const IDLE: ImageImportState = { total: 0, done: 0, current: null, errors: [] }

/**
 * Imports for the whole desk (body, lead slot, galleries), so one status line shows progress
 * and every per-file error, whichever way the files came in.
 */
export function useImageImport(): ImageImport {
  const [state, setState] = useState<ImageImportState>(IDLE)
  const jobs = useRef(new Map<number, ImportProgress>())
  const nextJob = useRef(0)

  const publish = useCallback((): void => {
    let total = 0
    let done = 0
    let current: string | null = null
    for (const job of jobs.current.values()) {
      total += job.total
      done += job.done
      current ??= job.current
    }
    setState((s) => ({ ...s, total, done, current }))
  }, [])

  const importFiles = useCallback(
    async (files: readonly PickedFile[]): Promise<string[]> => {
      if (files.length === 0) return []
      const job = nextJob.current++
      jobs.current.set(job, { total: files.length, done: 0, current: files[0]!.name })
      publish()
      const outcome = await importImageFiles(files, newsroom.importAssets, (progress) => {
        jobs.current.set(job, progress)
        publish()
      })
      jobs.current.delete(job)
      publish()
      if (outcome.failed.length) {
        setState((s) => ({ ...s, errors: [...s.errors, ...outcome.failed] }))
      }
      const ids = outcome.imported.map((i) => i.assetId)
      // A re-imported photo may have been edited by the photo desk since it was cached.
      for (const id of ids) void assetInfo.refresh(id)
      return ids
    },
    [publish]
  )

  const dismissErrors = useCallback(() => setState((s) => ({ ...s, errors: [] })), [])
  return { state, importFiles, dismissErrors }
}
