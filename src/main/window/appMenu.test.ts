import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { translate } from '../../shared/i18n/translate'
import { appMenuTemplate } from './appMenu'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])
  ])
}

function menu(platform: NodeJS.Platform, isPackaged: boolean, language: 'de' | 'en' = 'en') {
  let abouts = 0
  let imports = 0
  const items = flatten(
    appMenuTemplate({
      platform,
      isPackaged,
      t: (key) => translate(language, key),
      onAbout: () => abouts++,
      onImportDocx: () => imports++
    })
  )
  return {
    items,
    roles: items.map((i) => i.role).filter(Boolean),
    about: () => abouts,
    imports: () => imports
  }
}

describe('the application menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)(
    'has the Edit roles the editor needs on %s',
    (platform) => {
      const { roles } = menu(platform, true)
      for (const role of [
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'pasteAndMatchStyle',
        'selectAll'
      ]) {
        expect(roles).toContain(role)
      }
    }
  )

  it.each(['darwin', 'win32', 'linux'] as const)(
    'offers no developer tools and no reload in a packaged build on %s',
    (platform) => {
      const { roles } = menu(platform, true)
      expect(roles).not.toContain('toggleDevTools')
      expect(roles).not.toContain('reload')
      expect(roles).not.toContain('forceReload')
      expect(menu(platform, false).roles).toContain('toggleDevTools')
    }
  )

  it('has Help → About, which calls back, in the interface language', () => {
    const en = menu('linux', true)
    const about = en.items.find((i) => i.label === 'About Copydesk')
    expect(about).toBeDefined()
    ;(about?.click as () => void)()
    expect(en.about()).toBe(1)
    const de = menu('win32', true, 'de')
    expect(de.items.map((i) => i.label)).toEqual(
      expect.arrayContaining(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe', 'Über Copydesk'])
    )
    // No label is a missing key printed as is.
    expect(de.items.some((i) => typeof i.label === 'string' && i.label.startsWith('shell.'))).toBe(
      false
    )
  })

  it.each(['darwin', 'win32', 'linux'] as const)(
    'has File → Import Word document… on %s, which calls back, in both languages',
    (platform) => {
      const en = menu(platform, true)
      const file = en.items.find((i) => i.label === 'File')?.submenu as MenuItemConstructorOptions[]
      expect(file[0]?.label).toBe('Import Word document…')
      ;(file[0]?.click as () => void)()
      expect(en.imports()).toBe(1)
      const de = menu(platform, true, 'de')
      expect(de.items.map((i) => i.label)).toContain('Word-Dokument importieren…')
    }
  )

  it('puts About and Quit in the app menu on macOS', () => {
    const mac = appMenuTemplate({
      platform: 'darwin',
      isPackaged: true,
      t: (k) => k,
      onAbout: () => 0,
      onImportDocx: () => 0
    })
    const first = mac[0]?.submenu as MenuItemConstructorOptions[]
    expect(first.map((i) => i.role ?? i.label)).toEqual(
      expect.arrayContaining(['shell.about', 'quit', 'hide'])
    )
  })
})
