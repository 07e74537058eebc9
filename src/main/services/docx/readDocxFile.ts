import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { MAX_DOCX_BYTES } from '../../../shared/contract/docx'

/**
 * A file the user chose in main's open dialog, read for the renderer: its name and at most one
 * byte more than an import takes, so a huge file is never read whole and is still refused as
 * too large where the import checks the size.
 */
export async function readChosenDocx(file: string): Promise<{ name: string; bytes: Uint8Array }> {
  const handle = await open(file, 'r')
  try {
    const size = (await handle.stat()).size
    const bytes = new Uint8Array(Math.min(size, MAX_DOCX_BYTES + 1))
    let offset = 0
    while (offset < bytes.length) {
      const { bytesRead } = await handle.read(bytes, offset, bytes.length - offset, offset)
      if (bytesRead === 0) break
      offset += bytesRead
    }
    return { name: basename(file), bytes: bytes.subarray(0, offset) }
  } finally {
    await handle.close()
  }
}
