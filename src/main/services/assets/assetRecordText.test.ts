import { describe, expect, it } from 'vitest'
import { ASSET_TEXT_MAX } from '../../../shared/asset'
import { limitMetadata, limitText, parseAssetRecord } from './assetRecordText'
import { emptyMetadata } from '../imageMetadata/photoMetadata'

describe('limitText', () => {
  it('leaves text that fits alone', () => {
    expect(limitText('caption', 'kurz')).toEqual({ text: 'kurz', warning: null })
    const exact = 'a'.repeat(ASSET_TEXT_MAX)
    expect(limitText('caption', exact)).toEqual({ text: exact, warning: null })
  })

  it('never leaves half of a surrogate pair at the cut', () => {
    // No space to cut at: the cut falls between the two halves of the first 📷.
    const value = `${'x'.repeat(ASSET_TEXT_MAX - 2)}📷📷${'y'.repeat(50)}`
    const { text, warning } = limitText('caption', value)
    expect(text.length).toBeLessThanOrEqual(ASSET_TEXT_MAX)
    expect(text).not.toMatch(/\p{Cs}/u)
    expect(text.endsWith('x…')).toBe(true)
    expect(warning).toBe(
      `the caption had 20,052 characters, more than the 20,000 a photo's text may have: it was ` +
        `cut after “…${'x'.repeat(30)}”, leaving out the last 54 characters (from “📷📷${'y'.repeat(26)}…”)`
    )
  })

  it('cuts every field of the metadata that is too long, one warning each', () => {
    const m = {
      ...emptyMetadata(),
      caption: 'Wort '.repeat(5000),
      credit: 'dpa',
      alt: 'ä'.repeat(30_000)
    }
    const { metadata, warnings } = limitMetadata(m)
    expect(metadata.credit).toBe('dpa')
    expect(metadata.caption?.length).toBeLessThanOrEqual(ASSET_TEXT_MAX)
    expect(metadata.caption?.endsWith('Wort…')).toBe(true)
    expect(metadata.alt?.length).toBe(ASSET_TEXT_MAX)
    expect(warnings.map((w) => w.split(' had ')[0])).toEqual(['the caption', 'the alt text'])
  })
})

describe('parseAssetRecord', () => {
  const record = {
    schemaVersion: 1,
    id: 'a'.repeat(64),
    revision: 2,
    importedAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    originalName: 'foto.jpg',
    originalFile: 'original.jpg',
    format: 'jpeg',
    fileSize: 10,
    width: 10,
    height: 10,
    orientation: null,
    renditions: {
      thumb: { file: 'thumb.jpg', width: 10, height: 10 },
      preview: { file: 'preview.jpg', width: 10, height: 10 }
    },
    metadata: { ...emptyMetadata(), caption: 'neu' },
    embedded: emptyMetadata(),
    warnings: [],
    history: [
      {
        at: '2026-01-01T00:00:00Z',
        revision: 1,
        previous: {
          caption: 'x'.repeat(25_000),
          credit: null,
          photographer: null,
          source: null,
          copyright: null,
          usageTerms: null,
          alt: null
        }
      }
    ]
  }

  it('reads a record whose only fault is over-long text, cut, with a warning', () => {
    const parsed = parseAssetRecord(record)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.record.history[0].previous.caption?.length).toBe(ASSET_TEXT_MAX)
    expect(parsed.record.metadata.caption).toBe('neu')
    expect(parsed.record.warnings).toEqual([expect.stringMatching(/^the caption had 25,000 /)])
    // The input is left as it was.
    expect(record.history[0].previous.caption.length).toBe(25_000)
  })

  it('names the first problem of a record that is damaged otherwise', () => {
    expect(parseAssetRecord({ ...record, width: -1 })).toEqual({
      ok: false,
      problem: expect.stringMatching(/^width: /)
    })
    expect(parseAssetRecord('kaputt')).toEqual({ ok: false, problem: expect.any(String) })
  })
})
