import { describe, expect, it } from 'vitest'
import { parseImportWarning } from '../../../shared/importWarnings'
import { limitText } from './assetRecordText'
import { decodeWarnings } from './importRefusals'

// The interface says these warnings in German from their figures: every sentence the import
// writes must read back as its kind, or the German interface falls back to general words.
describe('import warnings read back by kind', () => {
  it('a cut text, with the field, lengths and the words around the cut', () => {
    const warning = limitText('usageTerms', 'Nur für Print. '.repeat(2000)).warning!
    expect(parseImportWarning(warning)).toMatchObject({
      kind: 'text-cut',
      field: 'usage terms',
      length: 30_000,
      max: 20_000
    })
  })

  it('PNG chunks left out, alone or with the ones before, the count of more, damaged metadata', () => {
    const warnings = decodeWarnings(
      [
        { chunk: 'iTXt', keyword: 'XML:com.adobe.xmp', limit: 8 * 1024 * 1024, whole: false },
        { chunk: 'zTXt', keyword: 'Comment', limit: 32 * 1024 * 1024, whole: true },
        ...Array.from({ length: 12 }, () => ({
          chunk: 'zTXt' as const,
          keyword: 'Raw profile',
          limit: 8 * 1024 * 1024,
          whole: false
        }))
      ],
      ['Invalid EXIF offset']
    )
    const parsed = warnings.map(parseImportWarning)
    expect(parsed.every((p) => p !== null)).toBe(true)
    expect(parsed[0]).toEqual({
      kind: 'chunk-left-out',
      chunk: 'iTXt',
      keyword: 'XML:com.adobe.xmp',
      xmp: true,
      together: false,
      limitMb: 8
    })
    expect(parsed[1]).toMatchObject({ together: true, limitMb: 32 })
    expect(parsed.filter((p) => p?.kind === 'more-chunks')).toHaveLength(1)
    expect(parsed.at(-1)).toEqual({ kind: 'metadata-damaged' })
  })
})
