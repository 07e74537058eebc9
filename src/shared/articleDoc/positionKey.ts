// Gallery items (and galleries) keep their order as a position key on each item rather than as
// the item's place in the Y.Array: moving an item then changes one value of its own map instead of
// deleting and re-inserting it, so a caption fixed on another machine while the gallery is
// reordered lands in the item that still exists. Keys are strings in base 36 read as fractions
// (`'i'` is 18/36), compared as plain strings; none ends in `0`, so there is always room between.

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'
const BASE = DIGITS.length

/** Whether `key` is a position key as made here (base-36 digits, not ending in 0). */
export function isPositionKey(key: unknown): key is string {
  return typeof key === 'string' && /^[0-9a-z]*[1-9a-z]$/.test(key)
}

function digitAt(key: string, index: number): number {
  if (index >= key.length) return 0
  const digit = DIGITS.indexOf(key[index]!)
  return digit < 0 ? 0 : digit
}

/**
 * A position key strictly between `before` and `after` (null: the start or the end of the list).
 * `before` must sort before `after`; keys made here never end in `0`.
 */
export function keyBetween(before: string | null, after: string | null): string {
  const low = before ?? ''
  let high = after
  if ((before !== null && !isPositionKey(before)) || (after !== null && !isPositionKey(after))) {
    throw new RangeError(`"${before}" or "${after}" is not a position key`)
  }
  if (high !== null && high <= low) throw new RangeError(`no key between "${low}" and "${high}"`)
  let out = ''
  for (let i = 0; ; i++) {
    const a = digitAt(low, i)
    const b = high === null ? BASE : high.length > i ? digitAt(high, i) : 0
    if (a === b) {
      out += DIGITS[a]
      continue
    }
    const mid = Math.floor((a + b) / 2)
    if (mid > a) return out + DIGITS[mid]
    // Neighbouring digits: keep the lower one and go on with no upper bound.
    out += DIGITS[a]
    high = null
  }
}

/** `count` keys in ascending order, evenly spread (short keys for a fresh list). */
export function spreadKeys(count: number): string[] {
  const keys: string[] = []
  let width = 1
  while (BASE ** width <= count) width++
  const step = Math.floor(BASE ** width / (count + 1))
  for (let i = 1; i <= count; i++) {
    let value = i * step
    let key = ''
    for (let d = 0; d < width; d++) {
      key = DIGITS[value % BASE] + key
      value = Math.floor(value / BASE)
    }
    keys.push(key.replace(/0+$/, ''))
  }
  return keys
}
