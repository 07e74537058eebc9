import type { MenuItemConstructorOptions } from 'electron'

/** What the menu depends on; `t` reads the `shell.*` UI strings in the interface language. */
export interface AppMenuOptions {
  platform: NodeJS.Platform
  isPackaged: boolean
  t(key: string): string
  onAbout(): void
  /** File → Import Word document…: main asks for the file and hands it to the window. */
  onImportDocx(): void
}

/**
 * The application menu. Edit uses Electron's roles so undo, cut, copy, paste and select-all reach
 * the editor on every OS (on macOS only a menu item makes the shortcuts work at all). Reload and
 * the developer tools exist only in unpackaged builds: a packaged app offers no way into the
 * renderer's console, and no reload that could drop text typed since the last save.
 */
export function appMenuTemplate(opts: AppMenuOptions): MenuItemConstructorOptions[] {
  const { t } = opts
  const isMac = opts.platform === 'darwin'
  const about: MenuItemConstructorOptions = { label: t('shell.about'), click: () => opts.onAbout() }
  const develop: MenuItemConstructorOptions[] = opts.isPackaged
    ? []
    : [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' }
      ]

  return [
    ...(isMac
      ? [
          {
            label: 'Copydesk',
            submenu: [
              about,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' }
            ]
          } satisfies MenuItemConstructorOptions
        ]
      : []),
    {
      label: t('shell.menuFile'),
      submenu: [
        { label: t('shell.importDocx'), click: () => opts.onImportDocx() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: t('shell.quit') }
      ]
    },
    {
      label: t('shell.menuEdit'),
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' }
      ]
    },
    {
      label: t('shell.menuView'),
      submenu: [
        ...develop,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    {
      label: t('shell.menuWindow'),
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }]
    },
    { role: 'help', label: t('shell.menuHelp'), submenu: isMac ? [] : [about] }
  ]
}
