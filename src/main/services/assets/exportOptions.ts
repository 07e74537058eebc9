import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { AssetExportOptions } from '../../../shared/contract/exports'
import { CopydeskError } from '../../../shared/result'
import { writeFileDurable } from '../storage/durableWrite'

const FILE = 'exportOptions.json'

const fileSchema = z.object({
  schemaVersion: z.literal(1),
  /** Assets whose originals are exported untouched (location and device data kept). */
  keepMetadata: z.array(z.string().regex(/^[a-f0-9]{16,64}$/))
})
type ExportOptionsFile = z.infer<typeof fileSchema>

/**
 * Per-asset export switches, kept in the library as `exportOptions.json`. By default every
 * exported JPEG loses location and device data; `keepMetadata` exports that asset's original
 * untouched (preflight then raises `location-kept` when it carries such data).
 */
export class ExportOptionsStore {
  private readonly file: string
  private loaded: Promise<Set<string>> | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(libraryDir: string) {
    this.file = join(libraryDir, FILE)
  }

  private async load(): Promise<Set<string>> {
    this.loaded ??= (async () => {
      let text: string
      try {
        text = await readFile(this.file, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set<string>()
        throw new CopydeskError('io', `Cannot read ${this.file}: ${String(error)}`)
      }
      let parsed: ExportOptionsFile
      try {
        parsed = fileSchema.parse(JSON.parse(text))
      } catch {
        throw new CopydeskError(
          'corrupt',
          `${this.file} is not a valid export options file (fix or remove it)`
        )
      }
      return new Set(parsed.keepMetadata)
    })()
    // A failed read is not remembered: the next call tries again.
    this.loaded.catch(() => (this.loaded = null))
    return this.loaded
  }

  /** Whether the asset's original is exported with all its metadata. */
  async keepsMetadata(assetId: string): Promise<boolean> {
    return (await this.load()).has(assetId)
  }

  /** The options of one asset. */
  async get(assetId: string): Promise<AssetExportOptions> {
    return { assetId, keepMetadata: await this.keepsMetadata(assetId) }
  }

  /** Sets the "keep everything" switch of an asset and saves the file durably. */
  async setKeepMetadata(assetId: string, keep: boolean): Promise<AssetExportOptions> {
    const run = this.queue.then(async () => {
      const current = await this.load()
      const next = new Set(current)
      if (keep) next.add(assetId)
      else next.delete(assetId)
      const data: ExportOptionsFile = { schemaVersion: 1, keepMetadata: [...next].sort() }
      await writeFileDurable(this.file, `${JSON.stringify(data, null, 2)}\n`)
      this.loaded = Promise.resolve(next)
      return { assetId, keepMetadata: keep }
    })
    this.queue = run.catch(() => undefined)
    return run
  }
}
