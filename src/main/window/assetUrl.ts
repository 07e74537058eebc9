import { isAbsolute } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ASSET_SCHEME } from '../../shared/channels'

export { ASSET_SCHEME }

/** Finds the file for an asset rendition; null when there is none. */
export type AssetResolver = (assetId: string, rendition: string) => Promise<string | null>

const PREFIX = `${ASSET_SCHEME}://asset/`
const MAX_ASSET_URL_LENGTH = 2048
// Printable ASCII without space and backslash: Chromium canonicalises the URL before the handler
// sees it, so anything else was written by hand to get past this check.
const PLAIN_URL = /^[\x21-\x5b\x5d-\x7e]+$/
// Ids and rendition names are hashes and short words; a narrow alphabet leaves no room for path
// separators, drive letters (`C:`), alternate data streams or device names with odd characters.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/

/**
 * The asset id and rendition named by an asset URL, or null for anything that is not exactly
 * `copydesk-asset://asset/<assetId>/<rendition>` (query and hash ignored). Each segment is
 * percent-decoded once and must then be a plain name: no `/`, `\`, `%`, `..`, leading dot,
 * empty segment or extra segment, so no spelling of a path can reach the resolver.
 */
export function parseAssetUrl(url: string): { assetId: string; rendition: string } | null {
  if (typeof url !== 'string' || url.length > MAX_ASSET_URL_LENGTH || !PLAIN_URL.test(url)) {
    return null
  }
  if (url.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return null

  const path = url.slice(PREFIX.length).split(/[?#]/, 1)[0] ?? ''
  const segments = path.split('/')
  if (segments.length !== 2) return null
  const assetId = decodeSegment(segments[0] ?? '')
  const rendition = decodeSegment(segments[1] ?? '')
  if (assetId === null || rendition === null) return null
  return { assetId, rendition }
}

function decodeSegment(segment: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    return null
  }
  if (/[/\\%]/.test(decoded) || decoded.includes('..')) return null
  return SEGMENT.test(decoded) ? decoded : null
}

/**
 * The request handler behind `protocol.handle(ASSET_SCHEME, ...)`, kept free of Electron so it
 * can be tested: malformed URLs get 400, other methods than GET/HEAD 405, unknown assets 404, a
 * resolver failure or a relative path 500, and a found file is fetched through `fetchFile`
 * (Electron's `net.fetch`) as a `file:` URL; a file that cannot be read is a 404.
 */
export function createAssetHandler(
  resolve: AssetResolver,
  fetchFile: (fileUrl: string) => Promise<Response>
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } })
    }
    const asset = parseAssetUrl(request.url)
    if (asset === null) return new Response(null, { status: 400 })

    let file: string | null
    try {
      file = await resolve(asset.assetId, asset.rendition)
    } catch {
      return new Response(null, { status: 500 })
    }
    if (file === null) return new Response(null, { status: 404 })
    if (!isAbsolute(file)) return new Response(null, { status: 500 })
    try {
      return await fetchFile(pathToFileURL(file).toString())
    } catch {
      return new Response(null, { status: 404 })
    }
  }
}
