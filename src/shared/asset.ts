import { z } from 'zod'
import { assetIdSchema } from './article'

/** Current on-disk schema version of an asset record (`asset.json`). */
export const ASSET_SCHEMA_VERSION = 1

/** Photo formats the store accepts (stills; a GIF contributes its first frame). */
export const ASSET_FORMATS = ['jpeg', 'png', 'webp', 'tiff', 'avif', 'heic', 'gif'] as const
export type AssetFormat = (typeof ASSET_FORMATS)[number]

/** The text an asset carries, read from the file's IPTC/XMP and edited by the photo desk. */
export const ASSET_TEXT_FIELDS = [
  'caption',
  'headline',
  'photographer',
  'credit',
  'source',
  'copyright',
  'usageTerms',
  'dateCreated',
  'city',
  'country',
  'alt'
] as const
export type AssetTextField = (typeof ASSET_TEXT_FIELDS)[number]

/** The fields the photo desk edits; the others stay as the file had them. */
export const ASSET_EDITABLE_FIELDS = [
  'caption',
  'credit',
  'photographer',
  'source',
  'copyright',
  'usageTerms',
  'alt'
] as const
export type AssetEditableField = (typeof ASSET_EDITABLE_FIELDS)[number]

/** Longest text an asset field keeps (longer text from a file is cut at import, with a warning). */
export const ASSET_TEXT_MAX = 20_000

const text = z.string().max(ASSET_TEXT_MAX).nullable()

export const assetMetadataSchema = z.object({
  caption: text,
  headline: text,
  photographer: text,
  credit: text,
  source: text,
  copyright: text,
  usageTerms: text,
  dateCreated: text,
  city: text,
  country: text,
  alt: text
})
export type AssetMetadata = z.infer<typeof assetMetadataSchema>

/**
 * The point of a photo that crops keep in view: fractions of the displayed width and height
 * (EXIF orientation applied), measured from the top left; 0.5, 0.5 is the centre.
 */
export const focalPointSchema = z
  .object({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1)
  })
  .strict()
export type FocalPoint = z.infer<typeof focalPointSchema>

/**
 * A focal point as the store keeps it: four decimals, finer than a pixel of any photo the store
 * takes (100 megapixels is 10,000 px a side), so a click's 16 digits do not fill the record.
 */
export function roundFocal(focal: FocalPoint | null): FocalPoint | null {
  if (focal === null) return null
  const round = (n: number): number => Math.round(n * 10_000) / 10_000
  return { x: round(focal.x), y: round(focal.y) }
}

/** An edit of the photo desk's fields: keys left out stay; null clears a field. */
export const assetPatchSchema = z
  .object({
    caption: text.optional(),
    credit: text.optional(),
    photographer: text.optional(),
    source: text.optional(),
    copyright: text.optional(),
    usageTerms: text.optional(),
    alt: text.optional(),
    focal: focalPointSchema.nullable().optional()
  })
  .strict()
export type AssetPatch = z.infer<typeof assetPatchSchema>

const renditionSchema = z.object({
  file: z.string().regex(/^(thumb|preview)\.(jpg|webp)$/),
  width: z.number().int().positive(),
  height: z.number().int().positive()
})

/** One undoable edit: the editable values as they were before it, and the revision they had. */
const assetEditSchema = z.object({
  at: z.string(),
  revision: z.number().int().nonnegative(),
  previous: assetMetadataSchema
    .pick({
      caption: true,
      credit: true,
      photographer: true,
      source: true,
      copyright: true,
      usageTerms: true,
      alt: true
    })
    .extend({
      // Edits made before focal points existed do not carry one; undoing them leaves it as it is.
      focal: focalPointSchema.nullable().optional()
    })
})
export type AssetEdit = z.infer<typeof assetEditSchema>

/** What `asset.json` in an asset's folder holds. */
export const assetRecordSchema = z.object({
  schemaVersion: z.literal(ASSET_SCHEMA_VERSION),
  id: assetIdSchema,
  revision: z.number().int().positive(),
  importedAt: z.string(),
  updatedAt: z.string(),
  /** The file name it was imported from (no folder). */
  originalName: z.string().max(1000),
  /** `original.<ext>` in the asset folder: the imported bytes, unchanged. */
  originalFile: z.string().regex(/^original\.[a-z0-9]{2,5}$/),
  format: z.enum(ASSET_FORMATS),
  fileSize: z.number().int().nonnegative(),
  /** Pixel size as displayed (EXIF orientation applied). */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  orientation: z.number().int().min(1).max(8).nullable(),
  renditions: z.object({ thumb: renditionSchema, preview: renditionSchema }),
  /** Current values (what articles show unless a use overrides them). */
  metadata: assetMetadataSchema,
  /** The values as the file had them at import (never changed). */
  embedded: assetMetadataSchema,
  /** Where crops centre (null: the middle); records written before it existed read as null. */
  focal: focalPointSchema.nullable().default(null),
  /** Problems met at import that did not stop it (e.g. a damaged IPTC block). */
  warnings: z.array(z.string()),
  /** Undo stack of metadata edits, oldest first. */
  history: z.array(assetEditSchema)
})
export type AssetRecord = z.infer<typeof assetRecordSchema>

/** Where an asset is used: one entry per use (an article can use an asset more than once). */
export interface AssetUse {
  articleId: string
  headline: string | null
  role: 'lead' | 'gallery' | 'figure'
  /** For gallery uses: the gallery's id and internal name. */
  galleryId?: string
  galleryName?: string | null
}

/** An asset as the photo desk lists it: the record without its undo stack, plus its uses. */
export type AssetSummary = Omit<AssetRecord, 'history'> & {
  usage: AssetUse[]
  /** How many edits `undo` can take back. */
  undoDepth: number
}

/** The outcome of importing one file: the asset, or a message that names the file. */
/**
 * Why the photo desk refused a file, stable across versions so the interface can say it in its own
 * language (`error` stays the core's English sentence for logs and the command line).
 */
export const IMPORT_REFUSAL_REASONS = [
  'too-large',
  'folder',
  'not-a-file',
  'missing',
  'permission',
  'unreadable',
  'empty',
  'svg',
  'not-an-image',
  'too-many-pixels',
  'bomb',
  'heic',
  'damaged',
  'format-mismatch',
  'unreadable-record',
  'store-failed',
  'duplicate-stuck',
  'cancelled',
  'failed'
] as const
export type ImportRefusalReason = (typeof IMPORT_REFUSAL_REASONS)[number]

/** Figures a refusal's sentence names (sizes in MB, pixel counts in megapixels, formats). */
export type ImportRefusalParams = Record<string, string | number>

export type ImportResult =
  | { file: string; assetId: string; duplicate?: boolean; warnings?: string[] }
  | { file: string; error: string; reason?: ImportRefusalReason; params?: ImportRefusalParams }

/** Largest file one IPC import call takes (base64 text is 4/3 of it). */
export const MAX_IPC_IMPORT_BYTES = 48 * 1024 * 1024

const fileName = z.string().min(1).max(1000)

/** `assets:import`: bytes (Electron structured-clones Uint8Array) or base64 (JSON transports). */
export const assetImportInputSchema = z
  .object({
    files: z
      .array(
        z.union([
          z
            .object({
              name: fileName,
              bytes: z
                .instanceof(Uint8Array)
                .refine((b) => b.byteLength <= MAX_IPC_IMPORT_BYTES, 'file too large')
            })
            .strict(),
          z
            .object({
              name: fileName,
              base64: z
                .string()
                .max(Math.ceil(MAX_IPC_IMPORT_BYTES / 3) * 4 + 4)
                .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
            })
            .strict()
        ])
      )
      .min(1)
      .max(200)
  })
  .strict()

export const ASSET_MISSING_FILTERS = ['credit', 'caption', 'alt'] as const

/** `assets:list` filters; all given filters must hold. */
export const assetListFilterSchema = z
  .object({
    missing: z.array(z.enum(ASSET_MISSING_FILTERS)).max(3).optional(),
    unused: z.boolean().optional(),
    query: z.string().max(500).optional()
  })
  .strict()
export type AssetListFilter = z.infer<typeof assetListFilterSchema>

export const assetIdInputSchema = z.object({ id: assetIdSchema }).strict()

export const assetUpdateInputSchema = z
  .object({
    id: assetIdSchema,
    baseRevision: z.number().int().positive(),
    patch: assetPatchSchema
  })
  .strict()

export const assetUndoInputSchema = z
  .object({ id: assetIdSchema, baseRevision: z.number().int().positive().optional() })
  .strict()
