import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { createAssetHandler, parseAssetUrl, type AssetResolver } from './assetUrl'

describe('parseAssetUrl', () => {
  it.each([
    ['copydesk-asset://asset/3f2a9c0d/original', '3f2a9c0d', 'original'],
    ['copydesk-asset://asset/3f2a9c0d/thumb-320', '3f2a9c0d', 'thumb-320'],
    ['copydesk-asset://asset/asset_01.jpg/web', 'asset_01.jpg', 'web'],
    ['copydesk-asset://asset/abc/web?v=2#x', 'abc', 'web'],
    ['copydesk-asset://asset/a%62c/web', 'abc', 'web'],
    ['COPYDESK-ASSET://ASSET/abc/web', 'abc', 'web']
  ])('reads %s', (url, assetId, rendition) => {
    expect(parseAssetUrl(url)).toEqual({ assetId, rendition })
  })

  it.each([
    '',
    'copydesk-asset://asset/',
    'copydesk-asset://asset/abc',
    'copydesk-asset://asset/abc/',
    'copydesk-asset://asset//web',
    'copydesk-asset://asset/abc/web/extra',
    'copydesk-asset://asset/abc/web/',
    'copydesk-asset://asset/../web',
    'copydesk-asset://asset/abc/..',
    'copydesk-asset://asset/abc/.',
    'copydesk-asset://asset/./web',
    'copydesk-asset://asset/a..b/web',
    'copydesk-asset://asset/.hidden/web',
    'copydesk-asset://asset/%2e%2e/web',
    'copydesk-asset://asset/%2E%2E/%2E%2E',
    'copydesk-asset://asset/abc%2f..%2f..%2fetc/passwd',
    'copydesk-asset://asset/abc%2Fweb/x',
    'copydesk-asset://asset/abc%5c..%5cwin.ini/web',
    'copydesk-asset://asset/abc\\..\\..\\win.ini/web',
    'copydesk-asset://asset/%252e%252e/web',
    'copydesk-asset://asset/%252f/web',
    'copydesk-asset://asset/%25/web',
    'copydesk-asset://asset/abc/%E0%A4%A',
    'copydesk-asset://asset//etc/passwd',
    'copydesk-asset://asset/C:/web',
    'copydesk-asset://asset/C%3A%5CWindows/web',
    'copydesk-asset://asset/%2Fetc%2Fpasswd/web',
    'copydesk-asset://asset/abc%00/web',
    'copydesk-asset://asset/abc%0a/web',
    'copydesk-asset://asset/abc def/web',
    'copydesk-asset://asset/abc/w\teb',
    'copydesk-asset://asset/ab%20c/web',
    'copydesk-asset://asset/%C3%A4bc/web',
    'copydesk-asset://evil/abc/web',
    'copydesk-asset://asset.evil/abc/web',
    'copydesk-asset://asset:80/abc/web',
    'copydesk-asset://user@asset/abc/web',
    'copydesk-asset:/asset/abc/web',
    'copydesk-asset:asset/abc/web',
    'copydesk-asset:///asset/abc/web',
    'file:///etc/passwd',
    'https://asset/abc/web',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    `copydesk-asset://asset/${'a'.repeat(201)}/web`,
    `copydesk-asset://asset/abc/web?${'x'.repeat(2100)}`
  ])('refuses %j', (url) => {
    expect(parseAssetUrl(url)).toBeNull()
  })
})

describe('createAssetHandler', () => {
  const photo = join('/library', 'assets', 'abc', 'web.jpg')

  function setup(resolve: AssetResolver): {
    handle: (request: Request) => Promise<Response>
    fetchFile: ReturnType<typeof vi.fn<(fileUrl: string) => Promise<Response>>>
  } {
    const fetchFile = vi.fn(async (_fileUrl: string) => new Response('jpeg bytes', { status: 200 }))
    return { handle: createAssetHandler(resolve, fetchFile), fetchFile }
  }

  it('passes the two decoded segments to the resolver and fetches the file', async () => {
    const resolve = vi.fn(async () => photo)
    const { handle, fetchFile } = setup(resolve)
    const response = await handle(new Request('copydesk-asset://asset/abc/web'))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('jpeg bytes')
    expect(resolve).toHaveBeenCalledWith('abc', 'web')
    expect(fetchFile).toHaveBeenCalledWith(pathToFileURL(photo).toString())
  })

  it('answers 404 when the resolver knows no such asset', async () => {
    const { handle, fetchFile } = setup(async () => null)
    const response = await handle(new Request('copydesk-asset://asset/abc/web'))
    expect(response.status).toBe(404)
    expect(fetchFile).not.toHaveBeenCalled()
  })

  it('answers 404 when the file cannot be read', async () => {
    const handle = createAssetHandler(
      async () => photo,
      async () => {
        throw new Error('net::ERR_FILE_NOT_FOUND')
      }
    )
    expect((await handle(new Request('copydesk-asset://asset/abc/web'))).status).toBe(404)
  })

  it('answers 400 without asking the resolver for a malformed URL', async () => {
    const resolve = vi.fn(async () => photo)
    const { handle } = setup(resolve)
    const response = await handle(new Request('copydesk-asset://asset/abc/web/extra'))
    expect(response.status).toBe(400)
    expect(resolve).not.toHaveBeenCalled()
  })

  it('answers 405 to methods other than GET and HEAD', async () => {
    const { handle } = setup(async () => photo)
    const request = new Request('copydesk-asset://asset/abc/web', { method: 'POST', body: 'x' })
    expect((await handle(request)).status).toBe(405)
  })

  it('answers 500 when the resolver fails or returns a relative path', async () => {
    const failing = setup(async () => {
      throw new Error('library offline')
    })
    expect((await failing.handle(new Request('copydesk-asset://asset/abc/web'))).status).toBe(500)
    const relative = setup(async () => '../web.jpg')
    expect((await relative.handle(new Request('copydesk-asset://asset/abc/web'))).status).toBe(500)
    expect(relative.fetchFile).not.toHaveBeenCalled()
  })
})
