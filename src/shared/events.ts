import { z } from 'zod'
import { Events, type AppEvent } from './channels'

/** Main asks the renderer to save everything unsaved (before a window closes or the app quits). */
export const flushRequestSchema = z
  .object({
    requestId: z.string().min(8).max(64),
    reason: z.enum(['close', 'quit', 'reload'])
  })
  .strict()
export type FlushRequest = z.infer<typeof flushRequestSchema>

/** The renderer's answer: `saved` only once every unsaved change is durable on disk. */
export const flushAckSchema = z
  .object({
    requestId: z.string().min(8).max(64),
    saved: z.boolean(),
    /** Why not everything could be saved (a user-readable message), when `saved` is false. */
    message: z.string().max(2000).optional()
  })
  .strict()
export type FlushAck = z.infer<typeof flushAckSchema>

/** A Word document chosen in main's open dialog (File → Import Word document…): its bytes. */
export const importDocxSchema = z
  .object({
    name: z.string().min(1).max(1000),
    bytes: z.instanceof(Uint8Array)
  })
  .strict()
export type ImportDocxRequest = z.infer<typeof importDocxSchema>

/** Payload schema per event; whoever receives an event checks it against this. */
export const eventSchemas = {
  [Events.flushRequested]: flushRequestSchema,
  [Events.importDocx]: importDocxSchema
} satisfies Record<AppEvent, z.ZodType>

export type EventPayload<E extends AppEvent> = z.infer<(typeof eventSchemas)[E]>

/** The `on…` verbs of NewsroomApi: each subscribes a handler and returns its unsubscribe. */
export interface NewsroomEvents {
  onFlushRequested(handler: (request: FlushRequest) => void): () => void
  /** File → Import Word document…: main read the chosen file; the renderer makes the draft. */
  onImportDocx(handler: (request: ImportDocxRequest) => void): () => void
}
