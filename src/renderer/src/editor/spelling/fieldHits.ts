/** A found word in a field's text: UTF-16 offsets. */
export interface FieldHit {
  start: number
  end: number
}

/**
 * Carries the underlines of `before` over to `after` while the next check is pending: words
 * wholly before the edit stay, words wholly after it move with it, words it touched go.
 */
export function mapHits(before: string, after: string, hits: readonly FieldHit[]): FieldHit[] {
  if (before === after) return [...hits]
  let prefix = 0
  const shortest = Math.min(before.length, after.length)
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++
  let suffix = 0
  while (
    suffix < shortest - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++
  }
  const changedEnd = before.length - suffix
  const delta = after.length - before.length
  const mapped: FieldHit[] = []
  for (const hit of hits) {
    // Touching the edit counts: typing on at a word's end changes that word.
    if (hit.end < prefix) mapped.push(hit)
    else if (hit.start > changedEnd) mapped.push({ start: hit.start + delta, end: hit.end + delta })
  }
  return mapped
}

/** The text cut into plain runs and marked words, for the mirror. */
export function segmentsOf(
  text: string,
  hits: readonly FieldHit[]
): Array<{ text: string; hit?: FieldHit }> {
  const segments: Array<{ text: string; hit?: FieldHit }> = []
  let at = 0
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (hit.start < at || hit.end > text.length) continue
    if (hit.start > at) segments.push({ text: text.slice(at, hit.start) })
    segments.push({ text: text.slice(hit.start, hit.end), hit })
    at = hit.end
  }
  if (at < text.length) segments.push({ text: text.slice(at) })
  return segments
}
