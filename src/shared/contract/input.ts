import type { z } from 'zod'

/** What a caller passes on one channel of a domain's schema table (before zod's defaults). */
export type InputIn<S extends Record<string, z.ZodType>, C extends keyof S> = z.input<S[C]>
