import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Article } from '../../../shared/article'
import type { ExportJobStatus } from '../../../shared/contract/exports'
import { CopydeskError } from '../../../shared/result'
import type { UiLanguage } from '../../../shared/settings'
import { exportPackage, type ExportDeps } from './exportPackage'

/** Where a package goes; the app may ask the user (a save dialog), else the library's folder. */
export type ChooseExportFile = (
  suggestedName: string,
  article: Article
) => Promise<{ file: string; overwrite: boolean } | null>

export interface ExportJobsOptions {
  /**
   * Asks where to save (Electron's save dialog, which also confirms replacing a file). Without
   * it, packages go to `<library>/exports/<suggested name>`.
   */
  chooseFile?: ChooseExportFile
  /** How long finished jobs stay queryable (default 10 minutes). */
  keepFinishedMs?: number
}

interface Job {
  status: ExportJobStatus
  controller: AbortController
  finished: Promise<void>
  endedAt: number | null
}

/** A file name for an article's package: its slugline or headline, folded to ASCII. */
export function suggestedPackageName(article: Article): string {
  const base = (article.slugline?.trim() || article.headline?.trim() || 'artikel')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return `${base || 'artikel'}-${article.id.slice(0, 8)}.zip`
}

/**
 * Export jobs for the app: `start` returns at once, `status` reports progress and the outcome,
 * `cancel` stops a running export (which then leaves no file).
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>()
  private readonly keepFinishedMs: number
  chooseFile: ChooseExportFile | undefined

  constructor(
    private readonly deps: ExportDeps,
    opts: ExportJobsOptions = {}
  ) {
    this.chooseFile = opts.chooseFile
    this.keepFinishedMs = opts.keepFinishedMs ?? 10 * 60_000
  }

  /** Starts exporting an article; the target comes from `chooseFile` or the exports folder. */
  async start(input: {
    id: string
    force?: boolean
    overwrite?: boolean
    language?: UiLanguage
    correction?: string
    kill?: { notice: string; reason?: string }
  }): Promise<ExportJobStatus> {
    this.prune()
    const article = await this.deps.articles.get(input.id)
    const plain = suggestedPackageName(article)
    // A kill package beside the story's own packages, never in place of one.
    const suggested = input.kill ? plain.replace(/\.zip$/, '-kill.zip') : plain
    let target: { file: string; overwrite: boolean }
    if (this.chooseFile) {
      const chosen = await this.chooseFile(suggested, article)
      if (!chosen) throw new CopydeskError('invalid-input', 'No file was chosen: nothing exported')
      target = { file: chosen.file, overwrite: chosen.overwrite || input.overwrite === true }
    } else {
      const dir = join(this.deps.libraryDir, 'exports')
      await mkdir(dir, { recursive: true })
      target = { file: join(dir, suggested), overwrite: input.overwrite === true }
    }
    const jobId = randomUUID()
    const controller = new AbortController()
    const status: ExportJobStatus = {
      jobId,
      articleId: article.id,
      state: 'running',
      file: target.file,
      progress: null
    }
    const job: Job = { status, controller, finished: Promise.resolve(), endedAt: null }
    job.finished = exportPackage(this.deps, article.id, target.file, {
      force: input.force,
      overwrite: target.overwrite,
      language: input.language,
      ...(input.correction ? { correction: input.correction } : {}),
      ...(input.kill
        ? { kill: { notice: input.kill.notice, reason: input.kill.reason ?? null } }
        : {}),
      signal: controller.signal,
      onProgress: (progress) => (status.progress = progress)
    }).then(
      (result) => {
        status.state = 'done'
        status.result = result
        job.endedAt = Date.now()
      },
      (error: unknown) => {
        job.endedAt = Date.now()
        if (controller.signal.aborted) {
          status.state = 'cancelled'
          return
        }
        status.state = 'failed'
        status.error =
          error instanceof CopydeskError
            ? {
                code: error.code,
                message: error.message,
                ...(error.detail ? { detail: error.detail } : {})
              }
            : { code: 'internal', message: String(error) }
      }
    )
    this.jobs.set(jobId, job)
    return structuredClone(status)
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId)
    if (!job)
      throw new CopydeskError(
        'not-found',
        `No export job ${jobId} (finished jobs are kept 10 minutes)`
      )
    return job
  }

  /** A job's state and progress. */
  status(jobId: string): ExportJobStatus {
    return structuredClone(this.job(jobId).status)
  }

  /** Cancels a running job and waits until its temporary file is gone. */
  async cancel(jobId: string): Promise<ExportJobStatus> {
    const job = this.job(jobId)
    if (job.status.state === 'running') job.controller.abort()
    await job.finished
    return this.status(jobId)
  }

  /** Waits for a job to end (tests, the CLI). */
  async wait(jobId: string): Promise<ExportJobStatus> {
    await this.job(jobId).finished
    return this.status(jobId)
  }

  /** Cancels every running job (when the app quits). */
  async close(): Promise<void> {
    for (const job of this.jobs.values()) job.controller.abort()
    await Promise.all([...this.jobs.values()].map((j) => j.finished))
  }

  private prune(): void {
    const now = Date.now()
    for (const [id, job] of this.jobs) {
      if (job.endedAt !== null && now - job.endedAt > this.keepFinishedMs) this.jobs.delete(id)
    }
  }
}
