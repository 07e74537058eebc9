import { describe, expect, it } from 'vitest'
import { exportTargetFor } from './exportTarget'

describe('the export file chosen in the save dialog', () => {
  it('keeps a .zip name, which the dialog confirmed replacing', () => {
    expect(exportTargetFor('/home/r/Gipfel.zip')).toEqual({
      file: '/home/r/Gipfel.zip',
      overwrite: true
    })
    expect(exportTargetFor('C:\\Users\\r\\Gipfel.ZIP')).toEqual({
      file: 'C:\\Users\\r\\Gipfel.ZIP',
      overwrite: true
    })
  })

  it('adds .zip when the user left it off, and then replaces nothing unasked', () => {
    expect(exportTargetFor('/home/r/Gipfel')).toEqual({
      file: '/home/r/Gipfel.zip',
      overwrite: false
    })
    expect(exportTargetFor('/home/r/Gipfel.2024')).toEqual({
      file: '/home/r/Gipfel.2024.zip',
      overwrite: false
    })
  })
})
