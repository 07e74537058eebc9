import { describe, expect, it } from 'vitest'
import { MAX_IPC_IMPORT_BYTES } from '../../../../shared/asset'
import type { NewsroomApi } from '../../../../shared/ipc'
import {
  bytesToBase64,
  importImageFiles,
  type ImportProgress,
  type PickedFile
} from './importImageFiles'

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
}

function hex(text: string): string {
  return [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

function file(name: string, bytes: Uint8Array, size = bytes.byteLength): PickedFile {
  return { name, size, arrayBuffer: async () => bytes.slice().buffer }
}

/**
 * A bridge that behaves like the store at its edge: accepts files that start with the JPEG
 * magic bytes (id = a hex digest of the name), refuses the rest with a message naming the file.
 */
function bridge(): { importAssets: NewsroomApi['importAssets']; received: string[] } {
  const received: string[] = []
  return {
    received,
    importAssets: async (input) => {
      const files = input.files.map((f) => {
        received.push(f.name)
        const bytes = 'base64' in f ? fromBase64(f.base64) : f.bytes
        if (bytes[0] === 0xff && bytes[1] === 0xd8)
          return { file: f.name, assetId: hex(f.name).padEnd(64, '0') }
        return { file: f.name, error: `${f.name}: not an image` }
      })
      return { ok: true, value: files }
    }
  }
}

describe('importImageFiles', () => {
  it('base64 round-trips bytes of every value, also beyond one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256)
    expect(fromBase64(bytesToBase64(bytes))).toEqual(bytes)
    expect(bytesToBase64(new TextEncoder().encode('Köln'))).toBe('S8O2bG4=')
    expect(bytesToBase64(new Uint8Array())).toBe('')
  })

  it('imports file by file, keeps order, reports progress and a message per bad file', async () => {
    const b = bridge()
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
    const progress: ImportProgress[] = []
    const outcome = await importImageFiles(
      [
        file('rathaus.jpg', jpeg),
        file('notiz.txt', new TextEncoder().encode('hallo')),
        file('dom.jpg', jpeg)
      ],
      b.importAssets,
      (p) => progress.push(p)
    )
    expect(outcome.imported.map((i) => i.file)).toEqual(['rathaus.jpg', 'dom.jpg'])
    expect(outcome.failed).toEqual([
      { file: 'notiz.txt', error: 'notiz.txt: not an image', reason: 'failed' }
    ])
    expect(progress.map((p) => `${p.done}/${p.total} ${p.current}`)).toEqual([
      '0/3 rathaus.jpg',
      '1/3 notiz.txt',
      '2/3 dom.jpg',
      '3/3 null'
    ])
  })

  it('refuses a file too large for the bridge without reading it, and survives a failing bridge', async () => {
    const b = bridge()
    let read = false
    const huge: PickedFile = {
      name: 'riesig.tif',
      size: MAX_IPC_IMPORT_BYTES + 1,
      arrayBuffer: async () => {
        read = true
        return new ArrayBuffer(0)
      }
    }
    const broken: NewsroomApi['importAssets'] = async () => ({
      ok: false,
      error: { code: 'io', message: 'The harness did not answer' }
    })
    const first = await importImageFiles([huge], b.importAssets)
    expect(read).toBe(false)
    expect(b.received).toEqual([])
    expect(first.failed[0]?.error).toMatch(/riesig\.tif: the file is larger than 48 MB/)
    const second = await importImageFiles([file('a.jpg', new Uint8Array([0xff, 0xd8]))], broken)
    expect(second.failed).toEqual([
      { file: 'a.jpg', error: 'The harness did not answer', reason: 'failed' }
    ])
  })
})
