import { z } from 'zod'
import type { PmNode } from '../article'
import { Channels } from '../channels'
import type { Result } from '../result'
import type { InputIn } from './input'

/**
 * What a Word import did not take over as it was, for the user to hear about: comments are left
 * out, tracked changes are taken as accepted (insertions kept, deletions dropped), an image the
 * photo desk refuses is left out with the photo desk's reason.
 */
export type DocxNote =
  | { kind: 'comments'; count: number }
  | { kind: 'tracked-changes'; insertions: number; deletions: number }
  | { kind: 'image-refused'; image: string; message: string }

/** Why a file was not read as a Word document (the error's `detail.reason`). */
export type DocxRefusal =
  'encrypted' | 'legacy-doc' | 'not-docx' | 'corrupt' | 'zip-bomb' | 'too-large'

/** A Word document turned into article parts (its images already in the photo desk). */
export interface DocxConversion {
  /** The document's title, else its first heading; null when it has neither. */
  headline: string | null
  /** The body through the shared sanitiser; images are figures with their alt text. */
  body: PmNode
  /** Asset ids of the images taken in, in document order. */
  assetIds: string[]
  notes: DocxNote[]
}

/** Largest .docx one import takes, in bytes. */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024

const fileName = z.string().min(1).max(1000)

/** `docx:convert`: the file's bytes (never a path; the renderer names no files). */
export const docxConvertInputSchema = z.union([
  z
    .object({
      name: fileName,
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength <= MAX_DOCX_BYTES, 'document too large')
    })
    .strict(),
  z
    .object({
      name: fileName,
      base64: z
        .string()
        .max(Math.ceil(MAX_DOCX_BYTES / 3) * 4 + 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
    })
    .strict()
])

export const docxInputSchemas = {
  [Channels.docxConvert]: docxConvertInputSchema
} as const

export interface DocxOutputMap {
  [Channels.docxConvert]: DocxConversion
}

type In<C extends keyof typeof docxInputSchemas> = InputIn<typeof docxInputSchemas, C>

export interface DocxApi {
  /**
   * Reads a Word document (.docx): headline, body and images (imported into the photo desk).
   * Nothing else is stored; the caller makes the article or fills the empty one it has open.
   */
  convertDocx(input: In<typeof Channels.docxConvert>): Promise<Result<DocxConversion>>
}
