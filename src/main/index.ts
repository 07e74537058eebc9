import { join, resolve } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  powerMonitor,
  type MessageBoxOptions,
  type WebContents
} from 'electron'
import { Events } from '../shared/channels'
import { uiLanguageFor } from '../shared/i18n'
import { translate } from '../shared/i18n/translate'
import type { UiLanguage } from '../shared/settings'
import { createHandlerTable } from './ipc/handlerTable'
import { registerIpc } from './ipc/registerIpc'
import { WindowCloseGuard } from './lifecycle/closeGuard'
import { FlushBroker } from './lifecycle/flushBroker'
import { secondInstanceAction, type HandoffData } from './lifecycle/secondInstance'
import { flushTarget, QuitSequence, shutDown, type FlushTarget } from './lifecycle/shutdown'
import { describeStartFailure, openWithRetry } from './lifecycle/startup'
import { openServices, type Services } from './services'
import { resolveAssetFile } from './services/assets/assetResolver'
import { readChosenDocx } from './services/docx/readDocxFile'
import { DEV_PRODUCT_NAME, resolveLibraryDir } from './services/libraryLocation'
import { appMenuTemplate } from './window/appMenu'
import {
  registerAppProtocol,
  registerAssetProtocol,
  registerSchemePrivileges
} from './window/assetProtocol'
import {
  createMainWindow,
  cspFor,
  hardenWebContents,
  rendererDir,
  rendererUrlFor
} from './window/createMainWindow'
import { exportTargetFor } from './window/exportTarget'
import { isTrustedSender } from './window/senderPolicy'

/** How long a start waits for a `copydesk` command that holds the library to finish. */
const LOCK_RETRY_MS = 5_000

function libraryFlag(argv: string[]): string | undefined {
  const i = argv.indexOf('--library')
  if (i >= 0) return argv[i + 1]
  return argv.find((a) => a.startsWith('--library='))?.slice('--library='.length)
}

function log(message: string): void {
  console.error(`Copydesk: ${message}`)
}

// An unpackaged run keeps its own settings, window state and default library, so `npm start`
// never touches what the installed app holds. Must happen before anything reads userData.
if (!app.isPackaged) app.setPath('userData', join(app.getPath('appData'), DEV_PRODUCT_NAME))

registerSchemePrivileges()

const requestedLibrary = libraryFlag(process.argv)
const handoff: HandoffData = { library: requestedLibrary ? resolve(requestedLibrary) : null }

if (!app.requestSingleInstanceLock(handoff as unknown as Record<string, unknown>)) {
  app.quit()
} else {
  const broker = new FlushBroker()
  const windows = new Set<BrowserWindow>()
  let services: Services | null = null
  let libraryDir = ''

  const language = (): UiLanguage =>
    services?.settings.get().uiLanguage ?? uiLanguageFor(app.getLocale())
  const t = (key: string, params?: Record<string, string | number>): string =>
    translate(language(), key, params)

  const flushTargetOf = (win: BrowserWindow): FlushTarget => ({
    name: `window ${win.id}`,
    send: (request) => {
      if (win.isDestroyed() || win.webContents.isDestroyed() || win.webContents.isCrashed()) {
        throw new Error('the window is gone')
      }
      win.webContents.send(Events.flushRequested, request)
    }
  })

  const quitSequence = new QuitSequence(
    () =>
      shutDown({
        broker,
        targets: [...windows].filter((w) => !w.isDestroyed()).map(flushTargetOf),
        services: { close: async () => services?.close() },
        log
      }),
    () => app.quit(),
    log
  )

  // Cmd/Ctrl+Q, the menu's Quit, app.quit(), the last window closing, SIGTERM and the OS logging
  // out all come through here: every window saves, then the library closes, then the app quits.
  app.on('before-quit', (event) => quitSequence.beforeQuit(() => event.preventDefault()))
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => app.quit())
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (services && windows.size === 0) openWindow()
  })

  app.on('second-instance', (_event, _argv, _cwd, data) => {
    const action = secondInstanceAction(data, libraryDir, (a, b) => resolve(a) === resolve(b))
    const win = [...windows][0]
    if (action.kind === 'other-library') {
      void showMessage(win, {
        type: 'info',
        title: t('shell.otherLibraryTitle'),
        message: t('shell.otherLibrary', { open: action.open, requested: action.requested }),
        buttons: [t('shell.ok')]
      })
    }
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents)
  })

  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    log(`a ${details.type} process ended (${details.reason}, exit code ${details.exitCode})`)
  })

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log(`could not start: ${error instanceof Error ? (error.stack ?? error.message) : error}`)
      const failure = describeStartFailure(error, libraryDir, t)
      dialog.showMessageBoxSync({
        type: 'error',
        title: failure.title,
        message: failure.message,
        detail: failure.detail,
        buttons: [t('shell.ok')]
      })
      // Exit for real: a windowless process would hold the single-instance lock, and every later
      // start would quietly hand over to it.
      app.exit(1)
    })

  async function start(): Promise<void> {
    libraryDir = resolveLibraryDir(requestedLibrary, {
      platform: process.platform,
      env: process.env,
      homedir: app.getPath('home'),
      dev: !app.isPackaged
    })
    services = await openWithRetry(
      () =>
        openServices({
          libraryDir,
          version: app.getVersion(),
          systemLocale: app.getLocale()
        }),
      { retryForMs: LOCK_RETRY_MS, intervalMs: 250 }
    )
    const rendererUrl = rendererUrlFor()
    registerAppProtocol(rendererDir(), cspFor(rendererUrl))
    registerIpc(createHandlerTable(services, log, { flushes: broker }), (sender) =>
      isTrustedSender(sender, { rendererUrl })
    )
    registerAssetProtocol((assetId, rendition) => resolveAssetFile(libraryDir, assetId, rendition))
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          platform: process.platform,
          isPackaged: app.isPackaged,
          t,
          onAbout: () => void showAbout(),
          onImportDocx: () => void chooseDocx()
        })
      )
    )
    // Linux and macOS announce a shutdown or logout; hold it until the library is closed.
    powerMonitor.on('shutdown', (...args: unknown[]) => {
      // Documented as (event) although typed without it: delaying needs preventDefault.
      ;(args[0] as { preventDefault?: () => void } | undefined)?.preventDefault?.()
      app.quit()
    })
    // Export… asks where to save; the dialog confirms replacing an existing file everywhere.
    services.exports.chooseFile = async (suggestedName) => {
      const options = {
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: t('shell.exportFilter'), extensions: ['zip'] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'] as Array<
          'showOverwriteConfirmation' | 'createDirectory'
        >
      }
      const parent = BrowserWindow.getFocusedWindow() ?? [...windows][0]
      const chosen = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options)
      return chosen.canceled || !chosen.filePath ? null : exportTargetFor(chosen.filePath)
    }
    openWindow()
  }

  function openWindow(): BrowserWindow {
    const win = createMainWindow({
      stateFile: join(app.getPath('userData'), 'window-state.json'),
      rendererUrl: rendererUrlFor(),
      ...(!app.isPackaged && process.env['COPYDESK_DEV_CSP_NONCE']
        ? { devCspNonce: process.env['COPYDESK_DEV_CSP_NONCE'] }
        : {})
    })
    windows.add(win)
    const guard = new WindowCloseGuard(
      { ...flushTargetOf(win), close: () => win.close() },
      {
        broker,
        isQuitting: () => quitSequence.isQuitting,
        confirmDiscard: async (message) => {
          const { response } = await showMessage(win, {
            type: 'warning',
            title: t('shell.unsavedTitle'),
            message: t('shell.unsavedTitle'),
            detail: t('shell.unsavedDetail', { message }),
            buttons: [t('shell.keepOpen'), t('shell.closeWithoutSaving')],
            defaultId: 0,
            cancelId: 0
          })
          return response === 1
        },
        log
      }
    )
    win.on('close', (event) => guard.handleClose(() => event.preventDefault()))
    win.on('closed', () => windows.delete(win))
    // Windows logs off without a before-quit; start the same sequence.
    win.on('session-end', () => app.quit())
    watchRenderer(win, win.webContents)
    return win
  }

  /** A crashed, hung or unloadable renderer is shown to the user with a way back. */
  function watchRenderer(win: BrowserWindow, contents: WebContents): void {
    contents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit' || quitSequence.isQuitting) return
      log(`window ${win.id}: the renderer ended (${details.reason})`)
      void showMessage(win, {
        type: 'error',
        title: t('shell.rendererGoneTitle'),
        message: t('shell.rendererGone', { reason: details.reason }),
        buttons: [t('shell.reload'), t('shell.closeWindow')],
        defaultId: 0,
        cancelId: 1
      }).then(({ response }) => {
        if (win.isDestroyed()) return
        if (response === 0) contents.reload()
        else win.close()
      })
    })
    contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
      // -3 is a load that was aborted on purpose (a reload while loading).
      if (!isMainFrame || code === -3) return
      log(`window ${win.id}: loading ${url} failed: ${description} (${code})`)
      void showMessage(win, {
        type: 'error',
        title: t('shell.loadFailedTitle'),
        message: t('shell.loadFailed', { description, code }),
        buttons: [t('shell.reload'), t('shell.quit')],
        defaultId: 0,
        cancelId: 1
      }).then(({ response }) => {
        if (win.isDestroyed()) return
        if (response === 0) contents.reload()
        else app.quit()
      })
    })
    contents.on('unresponsive', () => {
      void showMessage(win, {
        type: 'warning',
        title: t('shell.unresponsiveTitle'),
        message: t('shell.unresponsive'),
        buttons: [t('shell.wait'), t('shell.reload')],
        defaultId: 0,
        cancelId: 0
      }).then(async ({ response }) => {
        if (response !== 1 || win.isDestroyed()) return
        // A reload must not drop what was typed: ask for a save first (briefly; it is hung).
        await flushTarget(broker, flushTargetOf(win), { reason: 'reload', timeoutMs: 2_000, log })
        if (!win.isDestroyed()) contents.reload()
      })
    })
  }

  function showMessage(
    win: BrowserWindow | undefined,
    options: MessageBoxOptions
  ): Promise<Electron.MessageBoxReturnValue> {
    return win && !win.isDestroyed()
      ? dialog.showMessageBox(win, options)
      : dialog.showMessageBox(options)
  }

  // The renderer names no files: main asks for the document, reads it and hands over the bytes;
  // the window then imports it as it imports a document picked or dropped in the library.
  async function chooseDocx(): Promise<void> {
    const win = BrowserWindow.getFocusedWindow() ?? [...windows][0]
    if (!win || win.isDestroyed()) return
    const chosen = await dialog.showOpenDialog(win, {
      filters: [{ name: t('shell.docxFilter'), extensions: ['docx'] }],
      properties: ['openFile']
    })
    const file = chosen.canceled ? undefined : chosen.filePaths[0]
    if (!file) return
    try {
      const request = await readChosenDocx(file)
      if (!win.isDestroyed()) win.webContents.send(Events.importDocx, request)
    } catch (error) {
      log(`could not read ${file}: ${(error as Error).message}`)
      await showMessage(win, {
        type: 'error',
        title: t('shell.importDocx'),
        message: t('docxImport.importFailed', {
          name: file,
          message: t('errors.code.io')
        }),
        buttons: [t('shell.ok')]
      })
    }
  }

  async function showAbout(): Promise<void> {
    await showMessage(BrowserWindow.getFocusedWindow() ?? [...windows][0], {
      type: 'info',
      title: t('shell.about'),
      message: t('shell.aboutMessage', { version: app.getVersion() }),
      detail: t('shell.aboutDetail', {
        electron: process.versions.electron ?? '',
        chrome: process.versions.chrome ?? '',
        node: process.versions.node
      }),
      buttons: [t('shell.ok')]
    })
  }
}
