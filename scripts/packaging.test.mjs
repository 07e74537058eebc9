// The packaging pipeline run for real: electron-builder --dir with our configuration, against a
// stand-in Electron distribution (electron-builder copies it, writes app.asar, flips the fuses),
// then the result is read back as a user's machine would see it. Uses the out/ that `npm test`
// builds first; needs no network.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DICTIONARY_PACKAGES } from '../src/main/services/spelling/dictionaries'
import { makeStandInElectron } from './standInElectron.mjs'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const asar = require('@electron/asar')
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'))
const config = require('../electron-builder.config.cjs')
const electronVersion = require('electron/package.json').version
const isLinux = process.platform === 'linux'

/** Packages only the renderer uses: bundled into out/renderer, never shipped in node_modules. */
const RENDERER_ONLY = ['react', 'react-dom', 'react-i18next', 'i18next', '@tiptap/react', 'marked']
const DEV_TOOLS = ['electron', 'electron-builder', 'electron-vite', 'vite', 'vitest', 'typescript']

function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts })
    let out = ''
    child.stdout.on('data', (c) => (out += c))
    child.stderr.on('data', (c) => (out += c))
    child.on('close', (code) => resolve({ code, out }))
  })
}

let work
let appDir
let archive
let listing
let packSeconds
let standIn

beforeAll(async () => {
  if (!isLinux) return
  for (const f of ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']) {
    if (!existsSync(join(repo, f))) {
      throw new Error(`${f} is missing: run \`npm run build\` first (\`npm test\` does)`)
    }
  }
  work = mkdtempSync(join(tmpdir(), 'copydesk-pack-'))
  const dist = join(work, 'electron-dist')
  standIn = makeStandInElectron(dist, { version: electronVersion })
  const builderCli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js')
  const started = Date.now()
  const built = await run(
    process.execPath,
    [
      builderCli,
      '--dir',
      '--linux',
      `--${process.arch}`,
      '--config',
      'electron-builder.config.cjs',
      `-c.electronDist=${dist}`,
      `-c.directories.output=${join(work, 'dist')}`
    ],
    { cwd: repo, env: { ...process.env, ELECTRON_BUILDER_CACHE: join(work, 'cache') } }
  )
  packSeconds = (Date.now() - started) / 1000
  if (built.code !== 0) throw new Error(`electron-builder failed:\n${built.out}`)
  process.stdout.write(`electron-builder --dir took ${packSeconds.toFixed(1)} s\n`)
  appDir = join(
    work,
    'dist',
    process.arch === 'x64' ? 'linux-unpacked' : `linux-${process.arch}-unpacked`
  )
  archive = join(appDir, 'resources', 'app.asar')
  listing = asar.listPackage(archive).map((p) => p.replace(/\\/g, '/'))
}, 180_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe.skipIf(!isLinux)('electron-builder --dir against a stand-in Electron', () => {
  it('lays out the Linux app: copydesk executable, chrome-sandbox, app.asar', () => {
    expect(statSync(join(appDir, 'copydesk')).mode & 0o111).not.toBe(0)
    expect(existsSync(join(appDir, 'electron'))).toBe(false)
    expect(existsSync(join(appDir, 'chrome-sandbox'))).toBe(true)
    expect(existsSync(archive)).toBe(true)
    // Without OnlyLoadAppFromAsar the app could also be loaded from a loose folder beside it.
    expect(existsSync(join(appDir, 'resources', 'app'))).toBe(false)
  })

  it('ships only what the app runs: out/main, out/preload, out/renderer and package.json', () => {
    for (const f of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.js',
      '/out/renderer/index.html'
    ]) {
      expect(listing).toContain(f)
    }
    const top = new Set(listing.map((p) => p.split('/')[1]))
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json'])
    const outDirs = new Set(
      listing.filter((p) => p.startsWith('/out/')).map((p) => p.split('/')[2])
    )
    expect([...outDirs].sort()).toEqual(['main', 'preload', 'renderer'])
    expect(listing.filter((p) => p.endsWith('.map'))).toEqual([])
    expect(listing.filter((p) => /\.(ts|tsx|mts|cts)$/.test(p))).toEqual([])
    expect(listing.filter((p) => /\/(e2e|bench|__tests__|__fixtures__)\//.test(p))).toEqual([])
  })

  it('holds every file out/main opens relative to itself (renderer page, preload)', () => {
    const code = readFileSync(join(repo, 'out', 'main', 'index.js'), 'utf8')
    const relative = [...code.matchAll(/\b__dirname,\s*"([^"]+)"/g)].map((m) => m[1])
    expect(relative.length).toBeGreaterThan(0)
    for (const rel of relative) {
      const inArchive = new URL(rel, 'file:///out/main/').pathname
      expect(listing, rel).toContain(inArchive)
    }
  })

  it('packs a package.json whose main is the built entry and whose desktopName names the launcher', () => {
    const packed = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'))
    expect(packed.main).toBe(pkg.main)
    expect(listing).toContain(new URL(packed.main, 'file:///').pathname)
    expect(packed.desktopName).toBe(`${config.linux.executableName}.desktop`)
  })

  it('carries every runtime dependency and none of the renderer-only or build packages', () => {
    for (const dep of Object.keys(pkg.dependencies)) {
      expect(listing, dep).toContain(`/node_modules/${dep}/package.json`)
    }
    for (const name of [...RENDERER_ONLY, ...DEV_TOOLS]) {
      expect(listing, name).not.toContain(`/node_modules/${name}/package.json`)
    }
  })

  it('unpacks sharp and its @img binaries from the asar', () => {
    const platformPkg = `@img/sharp-linux-${process.arch}`
    const natives = readdirSync(
      join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', platformPkg, 'lib')
    ).filter((f) => f.endsWith('.node'))
    expect(natives.length).toBe(1)
    const inArchive = `node_modules/${platformPkg}/lib/${natives[0]}`
    expect(asar.statFile(archive, inArchive).unpacked).toBe(true)
    expect(asar.statFile(archive, 'node_modules/sharp/package.json').unpacked).toBe(true)
    const libvips = readdirSync(
      join(
        appDir,
        'resources',
        'app.asar.unpacked',
        'node_modules',
        `@img/sharp-libvips-linux-${process.arch}`,
        'lib'
      )
    )
    expect(libvips.some((f) => f.startsWith('libvips-cpp.so'))).toBe(true)
    // The rest stays packed.
    expect(asar.statFile(archive, 'out/main/index.js').unpacked).toBeFalsy()
    expect(asar.statFile(archive, 'node_modules/dictionary-de/index.dic').unpacked).toBeFalsy()
  })

  it('flips the fuses: read back with `@electron/fuses read`', async () => {
    const fusesCli = join(
      dirname(require.resolve('@electron/fuses/package.json')),
      'dist',
      'bin.js'
    )
    const read = await run(process.execPath, [fusesCli, 'read', '--app', join(appDir, 'copydesk')])
    expect(read.code).toBe(0)
    const state = Object.fromEntries(
      [...read.out.matchAll(/^\s+(\w+) is (Enabled|Disabled)$/gm)].map((m) => [m[1], m[2]])
    )
    expect(state).toMatchObject({
      RunAsNode: 'Disabled',
      EnableCookieEncryption: 'Enabled',
      EnableNodeOptionsEnvironmentVariable: 'Disabled',
      EnableNodeCliInspectArguments: 'Disabled',
      EnableEmbeddedAsarIntegrityValidation: 'Enabled',
      OnlyLoadAppFromAsar: 'Enabled',
      GrantFileProtocolExtraPrivileges: 'Disabled'
    })
    // The packaged copy was flipped; the distribution it came from still has Electron's defaults.
    const source = await run(process.execPath, [fusesCli, 'read', '--app', standIn])
    expect(source.out).toMatch(/^\s+RunAsNode is Enabled$/m)
    expect(source.out).toMatch(/^\s+OnlyLoadAppFromAsar is Disabled$/m)
  })

  it('finds the dictionaries, the spelling engine and sharp from out/main in the package', async () => {
    const extracted = join(work, 'extracted')
    asar.extractAll(archive, extracted)
    // The same lookup the bundled main process makes: Node resolution from out/main/index.js
    // (inside app.asar, Electron resolves the same way through the archive).
    const fromMain = createRequire(join(extracted, 'out', 'main', 'index.js'))
    const packageDir = (name) => {
      // As src/main/services/spelling/dictionaries.ts: the main entry, else package.json.
      for (const entry of [name, `${name}/package.json`]) {
        try {
          return dirname(fromMain.resolve(entry))
        } catch {
          // hidden by `exports`; try the other
        }
      }
      throw new Error(`${name} does not resolve from out/main`)
    }
    for (const [language, candidates] of Object.entries(DICTIONARY_PACKAGES)) {
      const dir = packageDir(candidates[0])
      expect(dir.startsWith(extracted), language).toBe(true)
      for (const f of ['index.aff', 'index.dic', 'license']) {
        expect(existsSync(join(dir, f)), `${language}: ${f}`).toBe(true)
      }
    }
    // Load sharp and Hunspell from the package in a separate Node process (one libvips per
    // process) and use them: a real image and a real German check.
    const probe = `
      const { createRequire } = require('node:module')
      const { readFileSync } = require('node:fs')
      const { dirname, join } = require('node:path')
      const req = createRequire(process.argv[1])
      const sharp = req('sharp')
      const hunspellAsm = req(req.resolve('hunspell-asm'))
      const dict = dirname(req.resolve('dictionary-de'))
      ;(async () => {
        const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#b3261e' } }).png().toBuffer()
        const meta = await sharp(png).metadata()
        const factory = await hunspellAsm.loadModule()
        const aff = factory.mountBuffer(readFileSync(join(dict, 'index.aff')), 'de.aff')
        const dic = factory.mountBuffer(readFileSync(join(dict, 'index.dic')), 'de.dic')
        const h = factory.create(aff, dic)
        console.log(JSON.stringify({
          sharpFrom: req.resolve('sharp'),
          size: [meta.width, meta.height],
          zeitung: h.spell('Zeitung'),
          typo: h.spell('Zeitugn')
        }))
      })().catch((e) => { console.error(e); process.exit(1) })
    `
    const result = await run(process.execPath, [
      '-e',
      probe,
      join(extracted, 'out', 'main', 'index.js')
    ])
    expect(result.code, result.out).toBe(0)
    const report = JSON.parse(result.out.trim().split('\n').pop())
    expect(report).toMatchObject({ size: [40, 30], zeitung: true, typo: false })
    expect(report.sharpFrom.startsWith(extracted)).toBe(true)
  })

  it('takes well under a minute', () => {
    expect(packSeconds).toBeLessThan(90)
  })
})

describe('installer configuration', () => {
  it('builds AppImage and deb on Linux, a hardened dmg on macOS, NSIS on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.mac.hardenedRuntime).toBe(true)
    expect(config.win.target).toEqual(['nsis'])
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.config.cjs')
    expect(pkg.devDependencies['electron-builder']).toMatch(/^26\.\d+\.\d+$/)
  })

  it('points at entitlements that grant the JIT and nothing else', () => {
    const plist = readFileSync(join(repo, config.mac.entitlements), 'utf8')
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements)
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])
    expect(keys).toEqual(['com.apple.security.cs.allow-jit'])
  })

  it('points at icon files that exist', () => {
    for (const icon of [config.mac.icon, config.win.icon]) {
      expect(existsSync(join(repo, icon)), icon).toBe(true)
    }
    expect(readdirSync(join(repo, config.linux.icon))).toContain('512x512.png')
  })

  it('keeps the Chromium sandbox: no --no-sandbox and the stock deb scripts', () => {
    expect(JSON.stringify(config)).not.toContain('no-sandbox')
    // electron-builder's own deb after-install sets chrome-sandbox setuid where needed.
    expect(config.deb.afterInstall).toBeUndefined()
    expect(config.linux.executableArgs).toBeUndefined()
  })

  const loadWith = (vars) => {
    const saved = { ...process.env }
    for (const name of ['COPYDESK_TEST_BUILD', 'COPYDESK_DEB_MAINTAINER', 'COPYDESK_HOMEPAGE']) {
      delete process.env[name]
    }
    Object.assign(process.env, vars)
    const file = require.resolve('../electron-builder.config.cjs')
    delete require.cache[file]
    try {
      return require(file)
    } finally {
      process.env = saved
      delete require.cache[file]
    }
  }

  it('keeps --inspect only for a test build', () => {
    expect(loadWith({}).electronFuses.enableNodeCliInspectArguments).toBe(false)
    const testBuild = loadWith({ COPYDESK_TEST_BUILD: '1' })
    expect(testBuild.electronFuses.enableNodeCliInspectArguments).toBe(true)
    expect(testBuild.electronFuses.runAsNode).toBe(false)
  })

  it("takes the deb's maintainer and homepage from the environment, inventing none", () => {
    const plain = loadWith({})
    expect(plain.linux.maintainer).toBeUndefined()
    expect(plain.extraMetadata.homepage).toBeUndefined()
    const named = loadWith({
      COPYDESK_DEB_MAINTAINER: 'Night Desk <desk@example.org>',
      COPYDESK_HOMEPAGE: 'https://example.org/copydesk'
    })
    expect(named.linux.maintainer).toBe('Night Desk <desk@example.org>')
    expect(named.extraMetadata.homepage).toBe('https://example.org/copydesk')
  })

  it("relies on electron-builder's deb script for chrome-sandbox and AppArmor", () => {
    const template = readFileSync(
      join(
        dirname(require.resolve('app-builder-lib/package.json')),
        'templates',
        'linux',
        'after-install.tpl'
      ),
      'utf8'
    )
    expect(template).toContain("chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox'")
    expect(template).toContain('apparmor_parser')
  })
})
