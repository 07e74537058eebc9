import { describe, expect, it } from 'vitest'
import { sortAssets, takenKey } from './sortAssets'

const asset = (
  id: string,
  importedAt: string,
  originalName: string,
  dateCreated: string | null
) => ({
  id,
  importedAt,
  originalName,
  metadata: { dateCreated } as never
})

const a = asset('a', '2026-01-03T10:00:00Z', 'Bild 10.jpg', '2025:06:01 08:00:00')
const b = asset('b', '2026-01-01T10:00:00Z', 'bild 9.jpg', null)
const c = asset('c', '2026-01-02T10:00:00Z', 'Älteres Foto.jpg', '2025-07-14')
const d = asset('d', '2026-01-04T10:00:00Z', 'Zürich.webp', '20240301')

const ids = (list: { id: string }[]): string => list.map((x) => x.id).join('')

describe('sortAssets', () => {
  it('sorts by import time both ways', () => {
    expect(ids(sortAssets([a, b, c, d], 'newest'))).toBe('dacb')
    expect(ids(sortAssets([a, b, c, d], 'oldest'))).toBe('bcad')
  })

  it('sorts file names as people read them: case and umlauts folded, numbers by value', () => {
    expect(ids(sortAssets([a, b, c, d], 'name'))).toBe('cbad')
  })

  it('sorts by date taken, newest first, in any of the forms files carry; undated last', () => {
    expect(ids(sortAssets([a, b, c, d], 'taken'))).toBe('cadb')
    expect(takenKey('2025:06:01 08:00:00')).toBe('20250601080000')
    expect(takenKey('2025-07-14T09:30')).toBe('20250714093000')
    expect(takenKey('20240301')).toBe('20240301000000')
    expect(takenKey('unbekannt')).toBeNull()
    expect(takenKey(null)).toBeNull()
  })

  it('leaves the input as it was', () => {
    const input = [a, b, c, d]
    sortAssets(input, 'name')
    expect(ids(input)).toBe('abcd')
  })
})
