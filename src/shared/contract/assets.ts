import { z } from 'zod'
import { articleIdSchema, assetIdSchema } from '../article'
import {
  assetIdInputSchema,
  assetImportInputSchema,
  assetListFilterSchema,
  assetUndoInputSchema,
  assetUpdateInputSchema,
  type AssetSummary,
  type AssetUse,
  type ImportResult
} from '../asset'
import { Channels } from '../channels'
import type { Result } from '../result'
import type { SaveAck } from './articles'
import type { InputIn } from './input'

export const assetsInputSchemas = {
  [Channels.assetsImport]: assetImportInputSchema,
  [Channels.assetsList]: assetListFilterSchema.optional(),
  [Channels.assetsGet]: assetIdInputSchema,
  [Channels.assetsUpdate]: assetUpdateInputSchema,
  [Channels.assetsUndo]: assetUndoInputSchema,
  [Channels.assetsDelete]: assetIdInputSchema,
  [Channels.assetsUsage]: assetIdInputSchema,
  [Channels.assetsAttach]: z
    .object({
      articleId: articleIdSchema,
      assetIds: z.array(assetIdSchema).min(1).max(200),
      target: z.enum(['lead', 'gallery']),
      /** Gallery target only: the gallery of that name (made if needed); else the first one. */
      galleryName: z.string().max(200).optional()
    })
    .strict()
    .refine((i) => i.target === 'gallery' || (i.assetIds.length === 1 && !i.galleryName), {
      message: 'the lead image is one image, without a gallery name'
    })
} as const

export interface AssetsOutputMap {
  [Channels.assetsImport]: ImportResult[]
  [Channels.assetsList]: AssetSummary[]
  [Channels.assetsGet]: AssetSummary
  [Channels.assetsUpdate]: AssetSummary
  [Channels.assetsUndo]: AssetSummary
  [Channels.assetsDelete]: { id: string }
  [Channels.assetsUsage]: AssetUse[]
  [Channels.assetsAttach]: SaveAck
}

type In<C extends keyof typeof assetsInputSchemas> = InputIn<typeof assetsInputSchemas, C>

export interface AssetsApi {
  /** Imports image files (bytes, or base64 over JSON transports); one result per file. */
  importAssets(input: In<typeof Channels.assetsImport>): Promise<Result<ImportResult[]>>
  listAssets(input?: In<typeof Channels.assetsList>): Promise<Result<AssetSummary[]>>
  getAsset(input: In<typeof Channels.assetsGet>): Promise<Result<AssetSummary>>
  updateAsset(input: In<typeof Channels.assetsUpdate>): Promise<Result<AssetSummary>>
  undoAssetEdit(input: In<typeof Channels.assetsUndo>): Promise<Result<AssetSummary>>
  /** Refused (conflict) while any article uses the asset. */
  deleteAsset(input: In<typeof Channels.assetsDelete>): Promise<Result<{ id: string }>>
  assetUsage(input: In<typeof Channels.assetsUsage>): Promise<Result<AssetUse[]>>
  /** Sets an article's lead image or appends to one of its galleries, in the given order. */
  attachAssets(input: In<typeof Channels.assetsAttach>): Promise<Result<SaveAck>>
}
