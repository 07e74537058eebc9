import { describe, expect, it } from 'vitest'
import { collectDroppedFiles } from './collectDroppedFiles'

// Stand-ins for the browser's FileSystemEntry API (Node has File but no entries), answering
// readEntries in batches of two the way Chromium answers in batches of 100.
type Tree = { [name: string]: string | Tree }

function entry(name: string, node: string | Tree): FileSystemEntry {
  if (typeof node === 'string') {
    const file = new File([node], name)
    return {
      name,
      isFile: true,
      isDirectory: false,
      file: (done: (f: File) => void) => setTimeout(() => done(file), 0)
    } as unknown as FileSystemEntry
  }
  const children = Object.entries(node).map(([n, v]) => entry(n, v))
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0
      return {
        readEntries: (done: (batch: FileSystemEntry[]) => void) =>
          setTimeout(() => {
            done(children.slice(at, at + 2))
            at += 2
          }, 0)
      }
    }
  } as unknown as FileSystemEntry
}

describe('collectDroppedFiles', () => {
  it('walks nested folders in natural name order and keeps only photos from folders', async () => {
    const folder = entry('Reise', {
      '10.jpg': 'x',
      '2.JPG': 'x',
      '.DS_Store': 'x',
      'notes.txt': 'x',
      '2.xmp': 'x',
      Tag2: { 'b.png': 'x', 'a.heic': 'x', '.hidden.jpg': 'x' },
      '.thumbs': { 'c.jpg': 'x' },
      '1.tif': 'x'
    })
    const direct = entry('readme.jpg', 'not a photo')
    const result = await collectDroppedFiles([folder, direct])
    expect(result.files.map((f) => f.name)).toEqual([
      'Reise/1.tif',
      'Reise/2.JPG',
      'Reise/10.jpg',
      'Reise/Tag2/a.heic',
      'Reise/Tag2/b.png',
      'readme.jpg'
    ])
    expect(result.files.at(-1)?.file.size).toBe('not a photo'.length)
    expect(result.skipped.sort()).toEqual([
      'Reise/.DS_Store',
      'Reise/2.xmp',
      'Reise/Tag2/.hidden.jpg',
      'Reise/notes.txt'
    ])
  })

  it('takes loose files (drops without entries) as they are', async () => {
    const loose = [new File(['a'], 'pasted.png'), new File(['b'], 'brief.txt')]
    const result = await collectDroppedFiles([], loose)
    expect(result.files.map((f) => f.name)).toEqual(['pasted.png', 'brief.txt'])
    expect(result.skipped).toEqual([])
  })
})
