import { describe, expect, it } from 'vitest'
import type { ImportResult } from '../../../../shared/asset'
import { runImport, type ImportRow } from './runImport'

const picked = (name: string, text: string): { file: File; name: string } => ({
  file: new File([text], name),
  name
})

describe('runImport', () => {
  it('sends one file per call, in order, and reports each outcome by name', async () => {
    const sent: string[] = []
    const seen: ImportRow[][] = []
    const rows = await runImport(
      [picked('a.jpg', 'AAA'), picked('gross.jpg', 'x'.repeat(20)), picked('b.jpg', 'BBB')],
      {
        maxBytes: 10,
        concurrency: 1,
        isCancelled: () => false,
        onChange: (r) => seen.push(r),
        send: async ({ name, base64 }): Promise<ImportResult> => {
          sent.push(`${name}:${atob(base64)}`)
          return name === 'b.jpg'
            ? {
                file: name,
                error: `“${name}” is not an image`,
                reason: 'not-an-image',
                params: { looksLike: 'text' }
              }
            : { file: name, assetId: 'f'.repeat(64), duplicate: true }
        }
      }
    )
    expect(sent).toEqual(['a.jpg:AAA', 'b.jpg:BBB'])
    expect(rows).toEqual([
      { name: 'a.jpg', status: 'imported', assetId: 'f'.repeat(64), duplicate: true, warnings: [] },
      { name: 'gross.jpg', status: 'tooLarge', bytes: 20, limit: 10 },
      {
        name: 'b.jpg',
        status: 'failed',
        error: '“b.jpg” is not an image',
        reason: 'not-an-image',
        params: { looksLike: 'text' }
      }
    ])
    // Progress was visible file by file: at some point the second file was the one importing.
    expect(seen.some((r) => r[0].status === 'imported' && r[1].status === 'importing')).toBe(true)
  })

  it('stops between files when cancelled and marks the rest as not imported', async () => {
    let cancel = false
    const rows = await runImport(
      [picked('1.jpg', '1'), picked('2.jpg', '2'), picked('3.jpg', '3')],
      {
        maxBytes: 100,
        concurrency: 1,
        isCancelled: () => cancel,
        onChange: () => undefined,
        send: async ({ name }) => {
          cancel = true
          return { file: name, assetId: 'a'.repeat(64) }
        }
      }
    )
    expect(rows.map((r) => r.status)).toEqual(['imported', 'cancelled', 'cancelled'])
  })

  it('a failed call becomes that file’s error and the batch goes on', async () => {
    const rows = await runImport([picked('1.jpg', '1'), picked('2.jpg', '2')], {
      maxBytes: 100,
      isCancelled: () => false,
      onChange: () => undefined,
      send: async ({ name }) => {
        if (name === '1.jpg') throw new Error('The harness did not answer')
        return { file: name, assetId: 'a'.repeat(64) }
      }
    })
    expect(rows).toEqual([
      {
        name: '1.jpg',
        status: 'failed',
        error: '“1.jpg”: The harness did not answer',
        reason: 'failed'
      },
      { name: '2.jpg', status: 'imported', assetId: 'a'.repeat(64), duplicate: false, warnings: [] }
    ])
  })

  it('keeps two calls in flight by default; a cancel lets those finish and starts no more', async () => {
    let inFlight = 0
    let most = 0
    let cancel = false
    const files = ['1', '2', '3', '4', '5'].map((n) => picked(`${n}.jpg`, n))
    const rows = await runImport(files, {
      maxBytes: 100,
      isCancelled: () => cancel,
      onChange: () => undefined,
      send: async ({ name }) => {
        inFlight++
        most = Math.max(most, inFlight)
        await new Promise((r) => setTimeout(r, 5))
        if (name === '3.jpg') cancel = true
        inFlight--
        return { file: name, assetId: 'a'.repeat(64) }
      }
    })
    expect(most).toBe(2)
    expect(rows.map((r) => r.status)).toEqual([
      'imported',
      'imported',
      'imported',
      'imported',
      'cancelled'
    ])
  })
})
