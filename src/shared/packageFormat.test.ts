import { describe, expect, it } from 'vitest'
import { collisionKey, isWindowsDeviceName, unsafeEntryName } from './packageFormat'

describe('package entry names', () => {
  it('tells device names from ordinary names that merely start alike', () => {
    for (const name of ['console.txt', 'com10.jpg', 'auxiliary', 'nullable.json', 'lpt.txt']) {
      expect(isWindowsDeviceName(name)).toBe(false)
    }
    expect(unsafeEntryName('images/con.d/x.jpg')).toMatch(/device name/)
  })

  it('names safe and unsafe entries consistently', () => {
    expect(unsafeEntryName('images/abc/original.jpg')).toBeNull()
    expect(collisionKey('Mu\u0308NCHEN')).toBe(collisionKey('münchen'))
  })
})
