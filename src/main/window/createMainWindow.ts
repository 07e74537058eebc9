import { app, BrowserWindow, screen, shell, type Session, type WebContents } from 'electron'
import { join } from 'node:path'
import { ASSET_SCHEME } from './assetUrl'
import { clampBounds, type WindowSizeDefaults } from './bounds'
import { contentSecurityPolicy } from './csp'
import { isSafeExternalUrl } from './linkPolicy'
import { permissionDecision } from './permissionPolicy'
import { APP_ENTRY_URL } from './rendererFiles'
import { devServerOriginOf, resolveRendererUrl } from './rendererUrl'
import { loadWindowState, saveWindowState } from './windowState'

/** Size of a first-run window and the smallest size the editor layout works at. */
export const MAIN_WINDOW_SIZE: WindowSizeDefaults = {
  width: 1280,
  height: 860,
  minWidth: 800,
  minHeight: 560
}

// Long enough that a drag or resize writes once when it ends, not on every pixel.
const SAVE_DELAY_MS = 500

/** Options for `createMainWindow`. */
export interface MainWindowOptions {
  /** Where the window's bounds are kept between runs (e.g. `<userData>/window-state.json`). */
  stateFile: string
  /** What to load; defaults to `rendererUrlFor()`. Must be the dev server or the `app:` entry. */
  rendererUrl?: string
  /** The nonce Vite stamps on injected dev scripts and styles (`html.cspNonce`); dev only. */
  devCspNonce?: string
}

/**
 * The URL of the app's own renderer: electron-vite's dev server while unpackaged and
 * `ELECTRON_RENDERER_URL` is set, else `app://copydesk/index.html`, served from
 * `rendererDir()`. Startup checks IPC senders against the same value with `isTrustedSender`.
 */
export function rendererUrlFor(): string {
  return resolveRendererUrl({ isPackaged: app.isPackaged, env: process.env })
}

/** The built renderer folder (`out/renderer`, inside the asar in a packaged app). */
export function rendererDir(): string {
  return join(__dirname, '../renderer')
}

/** The renderer's CSP for a renderer URL (the dev server adds its origin and nonce). */
export function cspFor(rendererUrl: string, devCspNonce?: string): string {
  const devOrigin = devServerOriginOf(rendererUrl)
  return contentSecurityPolicy({
    dev: devOrigin !== null,
    assetScheme: ASSET_SCHEME,
    ...(devOrigin !== null ? { devServerOrigin: devOrigin } : {}),
    ...(devOrigin !== null && devCspNonce !== undefined ? { devNonce: devCspNonce } : {})
  })
}

/**
 * Applies the session-wide guards: the CSP header on every response, every web permission
 * request and check denied, and no device (USB/HID/serial) access. Safe to call again: each
 * setter replaces the previous handler.
 */
export function hardenSession(ses: Session, csp: string): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // A second, looser policy from a dev server would only be intersected, but keep one source.
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value
    }
    responseHeaders['Content-Security-Policy'] = [csp]
    callback({ responseHeaders })
  })
  ses.setPermissionRequestHandler((_webContents, permission, callback) => {
    callback(permissionDecision(permission))
  })
  ses.setPermissionCheckHandler((_webContents, permission) => permissionDecision(permission))
  ses.setDevicePermissionHandler(() => false)
}

/**
 * Applies the per-page guards: no navigation or redirect away from the loaded renderer, no
 * `<webview>`, and no new windows; a `window.open`/`target=_blank` link whose URL passes
 * `isSafeExternalUrl` opens in the user's browser instead. Call it for every WebContents
 * (`app.on('web-contents-created', ...)`); `createMainWindow` calls it for its own.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => {
        console.warn('Copydesk: could not open an external link', error)
      })
    }
    return { action: 'deny' }
  })
}

/**
 * Creates the editor's main window, sandboxed with context isolation and the preload at
 * `out/preload/index.js`, placed where it was last closed if that spot is still on a screen. It
 * shows once the first frame is ready and saves its bounds on close and shortly after each move
 * or resize. Call after the app is ready.
 */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const rendererUrl = opts.rendererUrl ?? rendererUrlFor()
  if (devServerOriginOf(rendererUrl) === null && rendererUrl !== APP_ENTRY_URL) {
    throw new Error(`The main window loads only the app's own renderer, not ${rendererUrl}`)
  }
  const csp = cspFor(rendererUrl, opts.devCspNonce)

  const primary = screen.getPrimaryDisplay()
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
    (display) => display.workArea
  )
  const bounds = clampBounds(loadWindowState(opts.stateFile), workAreas, MAIN_WINDOW_SIZE)

  const win = new BrowserWindow({
    ...bounds,
    minWidth: MAIN_WINDOW_SIZE.minWidth,
    minHeight: MAIN_WINDOW_SIZE.minHeight,
    show: false,
    title: 'Copydesk',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // No `auxclick` events, so a middle-click on a link cannot start a navigation of its own.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false
    }
  })

  hardenSession(win.webContents.session, csp)
  hardenWebContents(win.webContents)
  keepWindowState(win, opts.stateFile)
  win.once('ready-to-show', () => win.show())

  win.loadURL(rendererUrl).catch((error: unknown) => {
    console.error('Copydesk: the renderer failed to load', error)
  })
  return win
}

function keepWindowState(win: BrowserWindow, stateFile: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const save = (): void => {
    if (win.isDestroyed()) return
    try {
      // Normal bounds, so a maximised or full-screen window comes back at its restored size.
      saveWindowState(stateFile, win.getNormalBounds())
    } catch (error) {
      console.warn('Copydesk: could not save the window position', error)
    }
  }
  const saveSoon = (): void => {
    clearTimeout(timer)
    timer = setTimeout(save, SAVE_DELAY_MS)
  }
  win.on('resize', saveSoon)
  win.on('move', saveSoon)
  win.on('close', () => {
    clearTimeout(timer)
    save()
  })
}
