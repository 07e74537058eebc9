import { describe, expect, it } from 'vitest'
import { fieldInputId, fieldLabelKey } from './fieldPaths'

describe('field paths of find and replace', () => {
  it('names every searchable field and finds its input', () => {
    expect(fieldLabelKey('headline')).toEqual({ key: 'editor.headline' })
    expect(fieldInputId('headline')).toBe('field-headline')
    expect(fieldLabelKey('bylines.2')).toEqual({ key: 'editor.bylines' })
    expect(fieldInputId('bylines.2')).toBeNull()
    expect(fieldInputId('dateline.place')).toBe('field-place')
    expect(fieldLabelKey('galleries.1.items.3.caption')).toEqual({
      key: 'desk.galleryCaption',
      values: { gallery: 2, position: 4 }
    })
    expect(fieldInputId('galleries.1.items.3.caption')).toBe('gallery-1-item-3-caption')
    expect(fieldInputId('lead.caption')).toBe('lead-caption')
  })
})
