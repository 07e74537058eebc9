// Static checks of the build in out/ (what `npm test` builds first), for what only shows up in the
// real Electron otherwise: the preload's module format, what the main process does before
// `ready`, the modules it needs at run time, and the renderer page's CSP.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { parseDocument } from 'htmlparser2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ASSET_SCHEME } from '../src/shared/channels'
import { DICTIONARY_PACKAGES } from '../src/main/services/spelling/dictionaries'
import { contentSecurityPolicy } from '../src/main/window/csp'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(repo, 'out')
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'))

/**
 * Electron calls that are allowed before `app` is ready. Everything else (windows, sessions,
 * protocol handlers, dialogs, screen) throws or misbehaves when called that early.
 */
const LEGAL_BEFORE_READY = new Set([
  'app.on',
  'app.once',
  'app.addListener',
  'app.prependListener',
  'app.off',
  'app.removeListener',
  'app.whenReady',
  'app.isReady',
  'app.requestSingleInstanceLock',
  'app.hasSingleInstanceLock',
  'app.quit',
  'app.exit',
  'app.getPath',
  'app.setPath',
  'app.getName',
  'app.setName',
  'app.getVersion',
  'app.getAppPath',
  'app.setAppUserModelId',
  'app.disableHardwareAcceleration',
  'app.enableSandbox',
  'app.commandLine.appendSwitch',
  'app.commandLine.appendArgument',
  'app.commandLine.hasSwitch',
  'app.commandLine.getSwitchValue',
  'protocol.registerSchemesAsPrivileged',
  'ipcMain.handle',
  'ipcMain.handleOnce',
  'ipcMain.on',
  'ipcMain.once',
  'ipcMain.removeHandler',
  'ipcMain.removeListener'
])

/** Loads out/main/index.js in plain Node with a recording stand-in for `electron`. */
const LOADER = `
const Module = require('node:module')
const { join } = require('node:path')
const [entry, scratch, packaged] = process.argv.slice(2)
const calls = []
const events = []
const required = []
const values = { 'app.isPackaged': packaged === 'packaged', 'process.defaultApp': undefined }
function member(path) {
  return new Proxy(function () {}, {
    get(_t, key) {
      if (typeof key === 'symbol' || key === 'then') return undefined
      const p = path + '.' + key
      return p in values ? values[p] : member(p)
    },
    apply(_t, _this, args) {
      calls.push(path)
      if (/^app\\.(on|once|addListener|prependListener)$/.test(path)) events.push(String(args[0]))
      if (path === 'app.whenReady') return new Promise(() => {})
      if (path === 'app.requestSingleInstanceLock') return true
      if (path === 'app.isReady') return false
      if (path === 'app.getPath') return join(scratch, String(args[0]))
      if (path === 'app.getVersion') return '0.0.0'
      if (path === 'app.getName') return 'Copydesk'
      return undefined
    },
    construct() {
      calls.push('new ' + path)
      return member('new ' + path)
    }
  })
}
const names = ['app', 'BrowserWindow', 'protocol', 'ipcMain', 'session', 'dialog', 'shell',
  'screen', 'Menu', 'MenuItem', 'nativeTheme', 'net', 'webContents', 'powerMonitor', 'Tray',
  'nativeImage', 'crashReporter', 'utilityProcess', 'systemPreferences', 'clipboard',
  'globalShortcut', 'Notification', 'safeStorage', 'powerSaveBlocker', 'MessageChannelMain',
  'webFrameMain', 'contentTracing', 'autoUpdater', 'desktopCapturer']
const electron = Object.fromEntries(names.map((n) => [n, member(n)]))
const load = Module._load
Module._load = function (request, parent) {
  if (parent && parent.filename && parent.filename.startsWith(join(entry, '..'))) required.push(request)
  if (request === 'electron') return electron
  return load.apply(this, arguments)
}
const before = { SIGTERM: process.listenerCount('SIGTERM'), SIGINT: process.listenerCount('SIGINT') }
let error = null
try {
  require(entry)
} catch (e) {
  error = String(e && e.stack || e)
}
setTimeout(() => {
  process.stdout.write(JSON.stringify({
    calls, events, required, error,
    sigterm: process.listenerCount('SIGTERM') - before.SIGTERM
  }))
  process.exit(0)
}, 500)
`

function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

const isBuiltin = (s) => s.startsWith('node:') || builtinModules.includes(s)

let scratch
let main
let unpackaged

beforeAll(() => {
  for (const f of ['main/index.js', 'preload/index.js', 'renderer/index.html']) {
    if (!existsSync(join(out, f))) {
      throw new Error(`out/${f} is missing: run \`npm run build\` first (\`npm test\` does)`)
    }
  }
  scratch = mkdtempSync(join(tmpdir(), 'copydesk-buildcheck-'))
  const loader = join(scratch, 'loader.cjs')
  writeFileSync(loader, LOADER)
  const load = (mode) => {
    const run = spawnSync(
      process.execPath,
      [loader, join(out, 'main', 'index.js'), scratch, mode],
      {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, COPYDESK_LIBRARY: join(scratch, 'library') }
      }
    )
    if (run.status !== 0) throw new Error(`loading out/main (${mode}) failed:\n${run.stderr}`)
    return JSON.parse(run.stdout)
  }
  main = load('packaged')
  unpackaged = load('unpackaged')
})

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

describe('out/preload', () => {
  it('is a plain CommonJS script that requires only electron and exposes window.newsroom', () => {
    const code = readFileSync(join(out, 'preload', 'index.js'), 'utf8')
    const required = []
    const exposed = {}
    const electron = {
      contextBridge: { exposeInMainWorld: (key, api) => (exposed[key] = api) },
      ipcRenderer: new Proxy({}, { get: () => () => undefined }),
      webUtils: { getPathForFile: () => '' }
    }
    // A sandboxed preload is run as a function body: an ESM `import` or `export` is a syntax
    // error here exactly as it is in Electron.
    const wrapper = vm.runInNewContext(
      `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
      { console },
      { filename: 'out/preload/index.js' }
    )
    const module = { exports: {} }
    wrapper(
      module.exports,
      (id) => {
        required.push(id)
        if (id !== 'electron') throw new Error(`the preload requires ${id}`)
        return electron
      },
      module,
      'index.js',
      '.'
    )
    expect([...new Set(required)]).toEqual(['electron'])
    expect(Object.keys(exposed)).toEqual(['newsroom'])
    expect(Object.values(exposed.newsroom).some((v) => typeof v === 'function')).toBe(true)
  })
})

describe('out/main loaded with a stand-in electron', () => {
  it('loads without throwing, packaged or not', () => {
    expect(main.error).toBeNull()
    expect(unpackaged.error).toBeNull()
  })

  it('makes only calls that are legal before ready, packaged or not', () => {
    for (const run of [main, unpackaged]) {
      const illegal = [...new Set(run.calls.filter((c) => !LEGAL_BEFORE_READY.has(c)))]
      expect(illegal).toEqual([])
    }
    expect(main.calls).toContain('app.whenReady')
    // Custom schemes can only be made privileged before ready.
    expect(main.calls).toContain('protocol.registerSchemesAsPrivileged')
  })

  it('registers the shutdown handlers: before-quit and SIGTERM', () => {
    expect(main.events).toContain('before-quit')
    expect(main.sigterm).toBeGreaterThan(0)
  })

  it('requires only built-ins and runtime dependencies, each resolvable from out/main', () => {
    const code = readdirSync(join(out, 'main'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(out, 'main', f), 'utf8'))
      .join('\n')
    const specifiers = new Set([
      ...main.required,
      ...[...code.matchAll(/\brequire\("([^"./][^"]*)"\)/g)].map((m) => m[1]),
      // Looked up at run time through createRequire (worker threads, dictionaries).
      ...[...code.matchAll(/\.resolve\("([^"./][^"]*)"\)/g)].map((m) => m[1]),
      ...Object.values(DICTIONARY_PACKAGES).map((candidates) => candidates[0])
    ])
    const fromMain = createRequire(join(out, 'main', 'index.js'))
    const problems = []
    for (const s of specifiers) {
      if (s === 'electron' || isBuiltin(s)) continue
      if (!(packageName(s) in pkg.dependencies)) problems.push(`${s}: not in dependencies`)
      try {
        fromMain.resolve(s)
      } catch {
        try {
          fromMain.resolve(`${packageName(s)}/package.json`)
          if (s !== packageName(s)) problems.push(`${s}: does not resolve`)
        } catch {
          problems.push(`${s}: does not resolve`)
        }
      }
    }
    expect(problems).toEqual([])
    expect(specifiers).toContain('sharp')
  })
})

describe('out/renderer/index.html', () => {
  const file = join(out, 'renderer', 'index.html')
  let doc
  const all = (node, found = []) => {
    for (const child of node.children ?? []) {
      if (child.type === 'tag' || child.type === 'script' || child.type === 'style') {
        found.push(child)
      }
      all(child, found)
    }
    return found
  }

  beforeAll(() => {
    doc = parseDocument(readFileSync(file, 'utf8'))
  })

  it('has no inline script, style or event handler, and loads only its own files', () => {
    const elements = all(doc)
    const scripts = elements.filter((e) => e.name === 'script')
    expect(scripts.length).toBeGreaterThan(0)
    for (const s of scripts) {
      expect(s.attribs.src, 'every script has a src').toBeTruthy()
      expect(
        s.children
          .map((c) => c.data ?? '')
          .join('')
          .trim()
      ).toBe('')
      expect(existsSync(join(out, 'renderer', s.attribs.src))).toBe(true)
    }
    expect(elements.filter((e) => e.name === 'style')).toEqual([])
    for (const e of elements) {
      const attrs = Object.keys(e.attribs ?? {})
      expect(
        attrs.filter((a) => a === 'style' || a.startsWith('on')),
        e.name
      ).toEqual([])
      for (const a of ['src', 'href']) {
        const url = e.attribs?.[a]
        if (url) expect(url, `${e.name} ${a}`).not.toMatch(/^(https?:)?\/\//)
      }
    }
  })

  it('carries the CSP the main process computes (less what a meta tag cannot carry)', () => {
    const meta = all(doc).find(
      (e) =>
        e.name === 'meta' && e.attribs['http-equiv']?.toLowerCase() === 'content-security-policy'
    )
    expect(meta).toBeDefined()
    // The CSP spec ignores these directives in a <meta> element; the response header has them.
    const headerOnly = new Set(['frame-ancestors', 'report-uri', 'sandbox'])
    const computed = contentSecurityPolicy({ dev: false, assetScheme: ASSET_SCHEME })
      .split('; ')
      .filter((d) => !headerOnly.has(d.split(' ')[0]))
      .join('; ')
    expect(meta.attribs.content).toBe(computed)
  })
})
