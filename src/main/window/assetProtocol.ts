import { net, protocol } from 'electron'
import { ASSET_SCHEME, createAssetHandler, type AssetResolver } from './assetUrl'

export { ASSET_SCHEME, parseAssetUrl, type AssetResolver } from './assetUrl'

/**
 * Registers `copydesk-asset:` as a standard, secure scheme that `fetch` may use. Electron only
 * accepts this before the app's `ready` event, so call it at the top of the main entry.
 */
export function registerAssetSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
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
