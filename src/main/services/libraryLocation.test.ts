import { describe, expect, it } from 'vitest'
import { defaultLibraryDir, resolveLibraryDir, userDataDir } from './libraryLocation'

describe('defaultLibraryDir', () => {
  it('follows XDG_CONFIG_HOME on Linux, else ~/.config', () => {
    expect(
      defaultLibraryDir({
        platform: 'linux',
        env: { XDG_CONFIG_HOME: '/x/cfg' },
        homedir: '/home/a'
      })
    ).toBe('/x/cfg/Copydesk/library')
    expect(defaultLibraryDir({ platform: 'linux', env: {}, homedir: '/home/a' })).toBe(
      '/home/a/.config/Copydesk/library'
    )
  })
  it('ignores a relative XDG_CONFIG_HOME as the XDG spec says', () => {
    expect(
      defaultLibraryDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'rel' }, homedir: '/home/a' })
    ).toBe('/home/a/.config/Copydesk/library')
  })
  it('uses Application Support on macOS', () => {
    expect(defaultLibraryDir({ platform: 'darwin', env: {}, homedir: '/Users/a' })).toBe(
      '/Users/a/Library/Application Support/Copydesk/library'
    )
  })
  it('uses %APPDATA% on Windows', () => {
    expect(
      defaultLibraryDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' },
        homedir: 'C:\\Users\\a'
      })
    ).toBe('C:\\Users\\a\\AppData\\Roaming\\Copydesk\\library')
  })
})

describe('resolveLibraryDir', () => {
  const ctx = { platform: 'linux' as const, env: { COPYDESK_LIBRARY: '/env/lib' }, homedir: '/h' }
  it('prefers the flag, then the environment, then the default', () => {
    expect(resolveLibraryDir('/flag/lib', ctx)).toBe('/flag/lib')
    expect(resolveLibraryDir(undefined, ctx)).toBe('/env/lib')
    expect(resolveLibraryDir(undefined, { ...ctx, env: {} })).toBe('/h/.config/Copydesk/library')
  })
})

describe('an unpackaged (development) run', () => {
  it.each([
    ['linux' as const, {}, '/home/a', '/home/a/.config/Copydesk-dev/library'],
    [
      'darwin' as const,
      {},
      '/Users/a',
      '/Users/a/Library/Application Support/Copydesk-dev/library'
    ],
    [
      'win32' as const,
      { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' },
      'C:\\Users\\a',
      'C:\\Users\\a\\AppData\\Roaming\\Copydesk-dev\\library'
    ]
  ])('keeps its own library beside the real one on %s', (platform, env, homedir, expected) => {
    const dev = resolveLibraryDir(undefined, { platform, env, homedir, dev: true })
    expect(dev).toBe(expected)
    expect(dev).not.toBe(resolveLibraryDir(undefined, { platform, env, homedir }))
    expect(userDataDir({ platform, env, homedir, dev: true })).toMatch(/Copydesk-dev$/)
  })
  it('still takes the flag and the environment first', () => {
    const ctx = { platform: 'linux' as const, env: {}, homedir: '/h', dev: true }
    expect(resolveLibraryDir('/flag/lib', ctx)).toBe('/flag/lib')
    expect(resolveLibraryDir(undefined, { ...ctx, env: { COPYDESK_LIBRARY: '/e' } })).toBe('/e')
  })
})
