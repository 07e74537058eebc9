import { z } from 'zod'
import { articleIdSchema, assetIdSchema } from './article'
import type { Finding } from './preflight/finding'
import type { AppError } from './result'
import { UI_LANGUAGES } from './settings'

/*
 * The IPC contract of preflight, export packages and package import (issue 6). Electron's IPC
 * here is invoke-only, so an export runs as a job: `export:start` returns at once with a job id,
 * `export:progress` is polled, `export:cancel` stops it (no partial file is left).
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

/** A new article made from a package. */
export interface PackageImportResult {
  articleId: string
  /** Asset ids in the library (new or already there), in package order. */
  assetIds: string[]
}

/** Largest package one IPC import call takes as bytes (structured clone). */
export const MAX_IPC_PACKAGE_BYTES = 1024 * 1024 * 1024
/** Largest package sent as base64 (JSON transports such as the test harness). */
export const MAX_IPC_PACKAGE_BASE64_BYTES = 64 * 1024 * 1024

const language = z.enum(UI_LANGUAGES)
const jobId = z.string().regex(/^[a-z0-9-]{8,64}$/, 'not a job id')

export const preflightRunInputSchema = z
  .object({ id: articleIdSchema, language: language.optional() })
  .strict()

export const exportStartInputSchema = z
  .object({
    id: articleIdSchema,
    /** Export although preflight found errors (after the user confirmed). */
    force: z.boolean().optional(),
    /** Replace an existing package file (after the user confirmed). */
    overwrite: z.boolean().optional(),
    /** The language of the findings' messages. */
    language: language.optional()
  })
  .strict()

export const exportJobInputSchema = z.object({ jobId }).strict()

export const assetExportOptionsInputSchema = z.object({ assetId: assetIdSchema }).strict()

export const setAssetExportOptionsInputSchema = z
  .object({ assetId: assetIdSchema, keepMetadata: z.boolean() })
  .strict()

const fileName = z.string().min(1).max(1000)

/** `packages:import`: the package's bytes, never a path (the renderer names no files). */
export const packageImportInputSchema = z.union([
  z
    .object({
      name: fileName,
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength <= MAX_IPC_PACKAGE_BYTES, 'package too large')
    })
    .strict(),
  z
    .object({
      name: fileName,
      base64: z
        .string()
        .max(Math.ceil(MAX_IPC_PACKAGE_BASE64_BYTES / 3) * 4 + 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
    })
    .strict()
])
