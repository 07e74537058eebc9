import { z } from 'zod'
import { Channels } from '../channels'
import type { Result } from '../result'
import type { InputIn } from './input'

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

const fileName = z.string().min(1).max(1000)
/**
 * For a story the library holds: `update` makes the package's content and versions the story's,
 * `new` a new story. Without it, such an import fails with `conflict` (`detail.reason` `held`).
 */
const importAs = z.enum(['update', 'new']).optional()

/** `packages:import`: the package's bytes, never a path (the renderer names no files). */
export const packageImportInputSchema = z.union([
  z
    .object({
      name: fileName,
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength <= MAX_IPC_PACKAGE_BYTES, 'package too large'),
      as: importAs
    })
    .strict(),
  z
    .object({
      name: fileName,
      base64: z
        .string()
        .max(Math.ceil(MAX_IPC_PACKAGE_BASE64_BYTES / 3) * 4 + 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      as: importAs
    })
    .strict()
])

export const packagesInputSchemas = {
  [Channels.packagesImport]: packageImportInputSchema
} as const

export interface PackagesOutputMap {
  [Channels.packagesImport]: PackageImportResult
}

type In<C extends keyof typeof packagesInputSchemas> = InputIn<typeof packagesInputSchemas, C>

export interface PackagesApi {
  /** Imports a package (its bytes, never a path) as a new article. */
  importPackage(input: In<typeof Channels.packagesImport>): Promise<Result<PackageImportResult>>
}
