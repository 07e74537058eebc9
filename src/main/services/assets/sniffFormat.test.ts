import { describe, expect, it } from 'vitest'
import { heicWithoutDecoder, inFormat, jpeg } from './__fixtures__/corpus'
import { extensionFor, sniffFormat } from './sniffFormat'

describe('sniffFormat', () => {
  it('recognises every accepted photo format from real files', async () => {
    expect(sniffFormat(await jpeg(8, 8))).toEqual({ kind: 'image', format: 'jpeg' })
    for (const format of ['png', 'webp', 'tiff', 'avif', 'gif'] as const) {
      expect(sniffFormat(await inFormat(format, 8, 8))).toEqual({ kind: 'image', format })
    }
    expect(sniffFormat(await heicWithoutDecoder())).toEqual({ kind: 'image', format: 'heic' })
  })

  it('tells empty files, SVG (with or without XML prolog), PDF, text and other bytes apart', () => {
    const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
    expect(sniffFormat(new Uint8Array(0))).toEqual({ kind: 'empty' })
    expect(sniffFormat(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({
      kind: 'svg'
    })
    expect(
      sniffFormat(
        bytes(
          '\uFEFF<?xml version="1.0"?>\n<!-- drawn -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>'
        )
      )
    ).toEqual({ kind: 'svg' })
    expect(sniffFormat(bytes('%PDF-1.7\n'))).toEqual({ kind: 'other', looksLike: 'pdf' })
    expect(sniffFormat(bytes('Grüße aus Köln\n'))).toEqual({ kind: 'other', looksLike: 'text' })
    expect(sniffFormat(new Uint8Array([0, 1, 2, 3, 4, 5]))).toEqual({
      kind: 'other',
      looksLike: 'binary'
    })
  })

  it('names the stored original by format', () => {
    expect(extensionFor('jpeg')).toBe('jpg')
    expect(extensionFor('tiff')).toBe('tif')
    expect(extensionFor('avif')).toBe('avif')
  })
})
