import { describe, expect, it } from 'vitest'
import { formatDateCreated, formatFileSize, formatPixels } from './formatAssetFacts'

describe('asset facts for the photo desk', () => {
  it('writes file sizes in KB and MB per language', () => {
    expect(formatFileSize(4.2 * 1024 * 1024, 'en-GB')).toBe('4.2 MB')
    expect(formatFileSize(4.2 * 1024 * 1024, 'de')).toBe('4,2 MB')
    expect(formatFileSize(839_680, 'en-GB')).toBe('820 kB')
    expect(formatFileSize(12, 'en-GB')).toBe('1 kB')
  })

  it('writes pixel sizes without thousands separators', () => {
    expect(formatPixels(6000, 4000, 'de')).toBe('6000 × 4000')
  })

  it('keeps the clock time the file states and the date in the UI language', () => {
    expect(formatDateCreated('2024-05-02T14:30:00+02:00', 'de')).toBe('2. Mai 2024, 14:30')
    expect(formatDateCreated('2024-05-02', 'en-GB')).toBe('2 May 2024')
    expect(formatDateCreated('Frühjahr 1989', 'de')).toBe('Frühjahr 1989')
  })
})
