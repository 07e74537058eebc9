import { z } from 'zod'
import { articleIdSchema, assetIdSchema } from '../article'
import { Channels } from '../channels'
import type { Finding } from '../preflight/finding'
import type { PublicationKind, PubStatus } from '../publication'
import type { AppError, Result } from '../result'
import { UI_LANGUAGES } from '../settings'
import type { InputIn } from './input'

/*
 * The IPC contract of export packages. Electron's IPC here is invoke-only, so an export runs as a
 * job: `export:start` returns at once with a job id, `export:progress` is polled, `export:cancel`
 * stops it (no partial file is left).
 */

/** A file inside an export package, as `manifest.json` lists it. */
export interface PackageFileEntry {
  /** Path inside the ZIP. */
  path: string
  bytes: number
  /** SHA-256, lowercase hex. */
  sha256: string
}

/** Where an export is and how far it got. */
export interface ExportProgress {
  phase: 'preflight' | 'images' | 'documents' | 'finishing'
  /** Files written so far and the number the package will have. */
  done: number
  total: number
  /** The file just written (path inside the ZIP). */
  file?: string
}

/** A finished export. */
export interface ExportResult {
  /** The package's absolute path. */
  file: string
  /** Size of the ZIP in bytes. */
  bytes: number
  /** Every file in the package except the manifest, as the manifest lists them. */
  files: PackageFileEntry[]
  /** Whether preflight errors were overridden. */
  forced: boolean
  findings: Finding[]
  articleId: string
  /** The revision that was exported. */
  exportedRevision: number
  /** The article's revision afterwards (new when its status became `exported`). */
  revision: number
  /** The published version the package is (a resend repeats the last one). */
  version: number
  kind: PublicationKind
  pubStatus: PubStatus
}

export type ExportJobState = 'running' | 'done' | 'failed' | 'cancelled'

/** What `export:start`, `export:progress` and `export:cancel` return. */
export interface ExportJobStatus {
  jobId: string
  articleId: string
  state: ExportJobState
  /** The target file. */
  file: string
  progress: ExportProgress | null
  /** When `done`. */
  result?: ExportResult
  /**
   * When `failed`: `forbidden` with `detail.findings` = preflight errors (confirm and start
   * again with `force`), `conflict` = the file exists (confirm and start again with
   * `overwrite`), others as usual.
   */
  error?: AppError
}

/** An asset's export switch: keep location and device data in the exported original. */
export interface AssetExportOptions {
  assetId: string
  keepMetadata: boolean
}

const language = z.enum(UI_LANGUAGES)
const jobId = z.string().regex(/^[a-z0-9-]{8,64}$/, 'not a job id')

export const exportStartInputSchema = z
  .object({
    id: articleIdSchema,
    /** Export although preflight found errors (after the user confirmed). */
    force: z.boolean().optional(),
    /** Replace an existing package file (after the user confirmed). */
    overwrite: z.boolean().optional(),
    /** The language of the findings' messages. */
    language: language.optional(),
    /** A public correction note: the package becomes the next version and carries it. */
    correction: z.string().trim().min(1, 'the correction note is empty').max(5000).optional(),
    /** Withdraws the story: a kill package with the public notice in place of the story. */
    kill: z
      .object({
        notice: z.string().trim().min(1, 'a withdrawal needs a public notice').max(5000),
        /** Internal only: kept in the library, never in the package. */
        reason: z.string().max(5000).optional()
      })
      .strict()
      .optional()
  })
  .strict()

export const exportReinstateInputSchema = z.object({ id: articleIdSchema }).strict()

/** What a reinstate leaves: the story is no longer withdrawn; its next export is a new version. */
export interface ReinstateResult {
  id: string
  lastVersion: number
}

export const exportJobInputSchema = z.object({ jobId }).strict()

export const assetExportOptionsInputSchema = z.object({ assetId: assetIdSchema }).strict()

export const setAssetExportOptionsInputSchema = z
  .object({ assetId: assetIdSchema, keepMetadata: z.boolean() })
  .strict()

export const exportsInputSchemas = {
  [Channels.exportStart]: exportStartInputSchema,
  [Channels.exportProgress]: exportJobInputSchema,
  [Channels.exportCancel]: exportJobInputSchema,
  [Channels.exportAssetOptions]: assetExportOptionsInputSchema,
  [Channels.exportSetAssetOptions]: setAssetExportOptionsInputSchema,
  [Channels.exportReinstate]: exportReinstateInputSchema
} as const

export interface ExportsOutputMap {
  [Channels.exportStart]: ExportJobStatus
  [Channels.exportProgress]: ExportJobStatus
  [Channels.exportCancel]: ExportJobStatus
  [Channels.exportAssetOptions]: AssetExportOptions
  [Channels.exportSetAssetOptions]: AssetExportOptions
  [Channels.exportReinstate]: ReinstateResult
}

type In<C extends keyof typeof exportsInputSchemas> = InputIn<typeof exportsInputSchemas, C>

export interface ExportsApi {
  /**
   * Starts exporting a package; returns at once with a job id. The file goes where the app's
   * save dialog says, else to `<library>/exports/`. Poll `exportProgress`; a failed job with
   * error `forbidden` (detail.findings) needs `force`, one with `conflict` needs `overwrite`.
   */
  startExport(input: In<typeof Channels.exportStart>): Promise<Result<ExportJobStatus>>
  exportProgress(input: In<typeof Channels.exportProgress>): Promise<Result<ExportJobStatus>>
  /** Cancels a running export; resolves when its temporary file is gone. */
  cancelExport(input: In<typeof Channels.exportCancel>): Promise<Result<ExportJobStatus>>
  /** Whether an asset's original is exported with its location and device data. */
  assetExportOptions(
    input: In<typeof Channels.exportAssetOptions>
  ): Promise<Result<AssetExportOptions>>
  setAssetExportOptions(
    input: In<typeof Channels.exportSetAssetOptions>
  ): Promise<Result<AssetExportOptions>>
  /** Lifts a withdrawal (`conflict` when the story is not withdrawn); writes no package. */
  reinstateStory(input: In<typeof Channels.exportReinstate>): Promise<Result<ReinstateResult>>
}
