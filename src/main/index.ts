import { join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import { createHandlerTable } from './ipc/handlerTable'
import { registerIpc } from './ipc/registerIpc'
import { openServices, type Services } from './services'
import { resolveAssetFile } from './services/assets/assetResolver'
import { resolveLibraryDir } from './services/libraryLocation'
import { registerAssetProtocol, registerAssetSchemePrivileges } from './window/assetProtocol'
import { createMainWindow, hardenWebContents, rendererUrlFor } from './window/createMainWindow'

function libraryFlag(argv: string[]): string | undefined {
  const i = argv.indexOf('--library')
  if (i >= 0) return argv[i + 1]
  return argv.find((a) => a.startsWith('--library='))?.slice('--library='.length)
}

registerAssetSchemePrivileges()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  let services: Services | null = null

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents)
  })

  void app.whenReady().then(async () => {
    const libraryDir = resolveLibraryDir(libraryFlag(process.argv), {
      platform: process.platform,
      env: process.env,
      homedir: app.getPath('home')
    })
    services = await openServices({
      libraryDir,
      version: app.getVersion(),
      systemLocale: app.getLocale()
    })
    const rendererUrl = rendererUrlFor()
    registerIpc(createHandlerTable(services), { rendererUrl })
    registerAssetProtocol((assetId, rendition) => resolveAssetFile(libraryDir, assetId, rendition))
    mainWindow = createMainWindow({
      stateFile: join(app.getPath('userData'), 'window-state.json'),
      rendererUrl,
      ...(!app.isPackaged && process.env['COPYDESK_DEV_CSP_NONCE']
        ? { devCspNonce: process.env['COPYDESK_DEV_CSP_NONCE'] }
        : {})
    })
    // Export… asks where to save; the OS dialog also confirms replacing an existing file.
    services.exports.chooseFile = async (suggestedName) => {
      const options = {
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'Copydesk package', extensions: ['zip'] }]
      }
      const chosen = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options)
      return chosen.canceled || !chosen.filePath ? null : { file: chosen.filePath, overwrite: true }
    }
    mainWindow.on('closed', () => {
      mainWindow = null
    })
  })

  app.on('window-all-closed', () => {
    void services?.close().finally(() => app.quit())
  })
}
