import { describe, expect, it } from 'vitest'
import { secondInstanceAction } from './secondInstance'

const same = (a: string, b: string): boolean => a.replace(/\/+$/, '') === b.replace(/\/+$/, '')

describe('starting Copydesk a second time', () => {
  it('brings the open window forward when no or the same library is asked for', () => {
    expect(secondInstanceAction({ library: null }, '/lib', same)).toEqual({ kind: 'focus' })
    expect(secondInstanceAction({ library: '/lib/' }, '/lib', same)).toEqual({ kind: 'focus' })
    expect(secondInstanceAction(undefined, '/lib', same)).toEqual({ kind: 'focus' })
    expect(secondInstanceAction({ library: 42 }, '/lib', same)).toEqual({ kind: 'focus' })
  })

  it('says why another library is not opened beside the one in use', () => {
    expect(secondInstanceAction({ library: '/other' }, '/lib', same)).toEqual({
      kind: 'other-library',
      requested: '/other',
      open: '/lib'
    })
  })
})
