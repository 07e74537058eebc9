import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, createRendererHandler, parseAppUrl } from './rendererFiles'

let root: string
let rendererDir: string
let handle: (request: Request) => Promise<Response>
const CSP = "default-src 'none'; script-src 'self'"

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-app-scheme-'))
  rendererDir = join(root, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Copydesk</title>')
  await writeFile(join(rendererDir, 'assets', 'index-1a2b.js'), 'console.log(1)')
  await writeFile(join(root, 'secret.js'), 'stolen()')
  await symlink(join(root, 'secret.js'), join(rendererDir, 'assets', 'linked.js'))
  handle = createRendererHandler(rendererDir, CSP)
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('the app: scheme serves the renderer', () => {
  it('serves the entry page and its scripts with the CSP header', async () => {
    const page = await handle(new Request(APP_ENTRY_URL))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CSP)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>Copydesk</title>')

    const script = await handle(new Request('app://copydesk/assets/index-1a2b.js?v=1#x'))
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')
    expect((await handle(new Request('app://copydesk/'))).status).toBe(200)
  })

  it.each([
    ['a parent folder', 'app://copydesk/../secret.js'],
    ['an encoded parent', 'app://copydesk/assets/%2e%2e/%2e%2e/secret.js'],
    ['an encoded slash', 'app://copydesk/assets%2f..%2f..%2fsecret.js'],
    ['a backslash', 'app://copydesk/assets\\..\\..\\secret.js'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['a hidden file', 'app://copydesk/.env'],
    ['an absolute path', 'app://copydesk//etc/passwd.js'],
    ['a type the renderer never ships', 'app://copydesk/index.exe'],
    ['a NUL byte', 'app://copydesk/index.html%00.js']
  ])('refuses %s', async (_what, url) => {
    expect(parseAppUrl(url)).toBeNull()
  })

  it('answers 400 to a malformed URL, 404 to a missing file or a link, 405 to a POST', async () => {
    expect((await handle(new Request('app://copydesk/.env'))).status).toBe(400)
    expect((await handle(new Request('app://copydesk/missing.js'))).status).toBe(404)
    const linked = await handle(new Request('app://copydesk/assets/linked.js'))
    expect(linked.status).toBe(404)
    expect(await linked.text()).not.toContain('stolen')
    expect((await handle(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(
      405
    )
  })
})
