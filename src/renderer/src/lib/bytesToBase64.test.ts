import { describe, expect, it } from 'vitest'
import { bytesToBase64, bytesToBase64Portable } from './bytesToBase64'

function decode(base64: string): number[] {
  return Array.from(atob(base64), (c) => c.charCodeAt(0))
}

describe('bytesToBase64', () => {
  it('gives the standard encoding for known inputs', () => {
    for (const encode of [bytesToBase64, bytesToBase64Portable]) {
      expect(encode(new Uint8Array())).toBe('')
      expect(encode(new TextEncoder().encode('Zürich'))).toBe('WsO8cmljaA==')
      expect(encode(new Uint8Array([0xff, 0xd8, 0xff]))).toBe('/9j/')
    }
  })

  it('round-trips every byte value across slice boundaries, with no padding inside', () => {
    for (const length of [1, 2, 3, 4, 24_575, 24_576, 24_577, 100_003]) {
      const bytes = new Uint8Array(length)
      for (let i = 0; i < length; i++) bytes[i] = (i * 131 + 7) % 256
      const encoded = bytesToBase64Portable(bytes)
      expect(bytesToBase64(bytes)).toBe(encoded)
      expect(encoded.slice(0, -2), `length ${length}`).not.toContain('=')
      expect(decode(encoded), `length ${length}`).toEqual(Array.from(bytes))
    }
  })
})
