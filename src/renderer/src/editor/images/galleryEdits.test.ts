import { describe, expect, it } from 'vitest'
import type { Gallery } from '../../../../shared/article'
import {
  addGallery,
  addItems,
  itemKeys,
  moveItem,
  removeGallery,
  removeItem,
  renameGallery,
  updateItem
} from './galleryEdits'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const C = 'c'.repeat(64)

function strip(galleries: Gallery[], index = 0): string[] {
  return galleries[index]!.items.map((i) => i.assetId[0]!)
}

describe('gallery edits', () => {
  it('adds 200,000 photos at once in the middle of a gallery', () => {
    const many = Array.from({ length: 200_000 }, () => C)
    const g = addItems(addItems(addGallery([], 'g1'), 'g1', [A, B]), 'g1', many, 1)
    const items = strip(g)
    expect(items).toHaveLength(200_002)
    expect([items[0], items[1], items[200_000], items[200_001]]).toEqual(['a', 'c', 'c', 'b'])
  })

  it('adds galleries, names them, fills them in order and removes them', () => {
    let g = addGallery([], 'g1')
    g = addGallery(g, 'g2', 'Bilder vom Parteitag')
    g = renameGallery(g, 'g1', 'Rathaus')
    g = addItems(g, 'g1', [A, B])
    g = addItems(g, 'g1', [C], 1)
    expect(strip(g)).toEqual(['a', 'c', 'b'])
    expect(g.map((x) => x.name)).toEqual(['Rathaus', 'Bilder vom Parteitag'])
    expect(g[0]!.items[0]).toEqual({
      assetId: A,
      caption: null,
      credit: null,
      photographer: null,
      alt: null
    })
    g = renameGallery(g, 'g2', '   ')
    expect(g[1]!.name).toBeNull()
    g = removeGallery(g, 'g1')
    expect(g.map((x) => x.id)).toEqual(['g2'])
  })

  it('moves an image one step either way and clamps at the ends', () => {
    const g = addItems(addGallery([], 'g'), 'g', [A, B, C])
    expect(strip(moveItem(g, 'g', 0, 1))).toEqual(['b', 'a', 'c'])
    expect(strip(moveItem(g, 'g', 2, 1))).toEqual(['a', 'c', 'b'])
    expect(strip(moveItem(g, 'g', 0, 9))).toEqual(['b', 'c', 'a'])
    expect(moveItem(g, 'g', 0, -1)).toEqual(g)
    expect(moveItem(g, 'g', 2, 3)[0]).toBe(g[0])
  })

  it('edits and clears overrides per image, removes one image, leaves other galleries alone', () => {
    let g = addItems(addItems(addGallery(addGallery([], 'g1'), 'g2'), 'g1', [A, B]), 'g2', [C])
    g = updateItem(g, 'g1', 1, 'caption', 'Der Dom')
    g = updateItem(g, 'g1', 1, 'credit', 'Reuters')
    expect(g[0]!.items[1]).toMatchObject({ caption: 'Der Dom', credit: 'Reuters' })
    g = updateItem(g, 'g1', 1, 'credit', '')
    expect(g[0]!.items[1]!.credit).toBeNull()
    const other = g[1]
    g = removeItem(g, 'g1', 0)
    expect(strip(g)).toEqual(['b'])
    expect(g[1]).toBe(other)
  })

  it('gives the same photo twice two keys, and a moved photo keeps its key', () => {
    const g = addItems(addGallery([], 'g'), 'g', [A, B, A])
    const keys = itemKeys(g[0]!.items)
    expect(new Set(keys).size).toBe(3)
    const moved = itemKeys(moveItem(g, 'g', 1, 0)[0]!.items)
    expect(moved[0]).toBe(keys[1])
  })
})
