import { net, protocol } from 'electron'
import { ASSET_SCHEME, createAssetHandler, type AssetResolver } from './assetUrl'
import { APP_SCHEME, createRendererHandler } from './rendererFiles'

export { ASSET_SCHEME, parseAssetUrl, type AssetResolver } from './assetUrl'

/**
 * Registers the app's own schemes as standard and secure: `app:` serves the renderer (its own
 * origin, so `'self'` in the CSP means exactly the app's files) and `copydesk-asset:` the image
 * renditions, which `fetch` may use. Electron accepts this only once and only before the app's
 * `ready` event, so call it at the top of the main entry.
 */
export function registerSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
    },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/**
 * Serves `copydesk-asset://asset/<assetId>/<rendition>` from the files `resolve` names. Only the
 * two checked segments reach `resolve` (see `parseAssetUrl`); the renderer never names a path.
 * Call after the app is ready.
 */
export function registerAssetProtocol(resolve: AssetResolver): void {
  protocol.handle(
    ASSET_SCHEME,
    createAssetHandler(resolve, (fileUrl) => net.fetch(fileUrl))
  )
}

/** Serves the built renderer folder on `app://copydesk/`, every response with `csp`. */
export function registerAppProtocol(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, createRendererHandler(rendererDir, csp))
}
