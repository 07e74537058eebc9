import { describe, expect, it } from 'vitest'
import { isPositionKey, keyBetween, spreadKeys } from './positionKey'

describe('position keys', () => {
  it('always find a key strictly between two keys, however often one inserts at one place', () => {
    let low: string | null = null
    let high: string | null = null
    const keys: string[] = []
    for (let i = 0; i < 500; i++) {
      // Alternate: at the front, at the end, and into the narrowing middle.
      const key = keyBetween(low, high)
      if (low !== null) expect(key > low).toBe(true)
      if (high !== null) expect(key < high).toBe(true)
      expect(isPositionKey(key)).toBe(true)
      keys.push(key)
      if (i % 2) low = key
      else high = key
    }
    expect(new Set(keys).size).toBe(keys.length)
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThan(200)
  })

  it('spreads keys evenly, sorted and well-formed, for lists of any length', () => {
    for (const n of [0, 1, 2, 35, 36, 37, 1000]) {
      const keys = spreadKeys(n)
      expect(keys).toHaveLength(n)
      expect([...keys].sort()).toEqual(keys)
      expect(new Set(keys).size).toBe(n)
      expect(keys.every(isPositionKey)).toBe(true)
    }
  })

  it('refuses keys it did not make (empty, ending in 0, other characters) instead of looping', () => {
    expect(() => keyBetween(null, '0')).toThrow(RangeError)
    expect(() => keyBetween('', null)).toThrow(RangeError)
    expect(() => keyBetween('A', null)).toThrow(RangeError)
    expect(() => keyBetween('b', 'a')).toThrow(RangeError)
  })
})
