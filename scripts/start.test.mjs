// `npm start` (scripts/start.mjs) run for real against a stand-in Electron: in a throwaway
// project that holds copies of the start scripts and of the electron package (without its
// binary), so neither the checkout's node_modules nor the user's download cache is touched.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { connect, createServer as createTcpServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeStandInElectron, readStandInLog } from './standInElectron.mjs'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronVersion = JSON.parse(
  readFileSync(join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')
).version
const made = []

function tempDir(prefix) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)))
  made.push(dir)
  return dir
}

/** A project folder with the real start scripts, an app entry and electron minus its binary. */
function project() {
  const dir = tempDir('copydesk-start-')
  mkdirSync(join(dir, 'scripts'))
  for (const f of ['start.mjs', 'electronBinary.mjs']) {
    copyFileSync(join(repo, 'scripts', f), join(dir, 'scripts', f))
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'start-test', private: true, main: './out/main/index.js' })
  )
  mkdirSync(join(dir, 'out', 'main'), { recursive: true })
  writeFileSync(join(dir, 'out', 'main', 'index.js'), '')
  const electronPkg = join(dir, 'node_modules', 'electron')
  mkdirSync(electronPkg, { recursive: true })
  for (const f of ['package.json', 'index.js', 'install.js', 'cli.js', 'checksums.json']) {
    copyFileSync(join(repo, 'node_modules', 'electron', f), join(electronPkg, f))
  }
  for (const linked of ['electron-vite', '@electron', '@electron-internal']) {
    symlinkSync(join(repo, 'node_modules', linked), join(dir, 'node_modules', linked), 'dir')
  }
  return dir
}

function cleanEnv(extra) {
  const env = { ...process.env }
  for (const name of Object.keys(env)) {
    if (/^(ELECTRON_|npm_config_electron|npm_package_config_electron|electron_)/i.test(name)) {
      delete env[name]
    }
  }
  return { ...env, ...extra }
}

function runStart(dir, args, env, timeoutMs = 60_000) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(process.execPath, [join(dir, 'scripts', 'start.mjs'), ...args], {
      cwd: tmpdir(),
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 })
    })
  })
}

function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server.address().port))
  )
}

const posix = process.platform !== 'win32'

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

describe.skipIf(!posix)('npm start with ELECTRON_OVERRIDE_DIST_PATH', () => {
  it('opens the app with that executable through electron-vite, from the project folder', async () => {
    const dir = project()
    const dist = tempDir('copydesk-standin-')
    const exe = makeStandInElectron(dist, { version: electronVersion })
    const log = join(dist, 'launch.log')
    const result = await runStart(
      dir,
      ['--skipBuild', '--', '--library', '/tmp/somewhere else'],
      cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist, COPYDESK_STANDIN_LOG: log })
    )
    expect(result.stderr).not.toContain('cannot open')
    expect(result.code).toBe(0)
    const launch = readStandInLog(log)
    expect(launch).toMatchObject({
      cwd: dir,
      args: ['.', '--library', '/tmp/somewhere else'],
      complete: true
    })
    expect(launch.env['ELECTRON_EXEC_PATH']).toBe(exe)
    expect(launch.env['ELECTRON_RUN_AS_NODE']).toBeUndefined()
    // There is no node_modules/.bin here: electron-vite ran from its JS entry under this Node,
    // the way that also works on Windows, where Node refuses to spawn the .cmd shim.
    expect(existsSync(join(dir, 'node_modules', '.bin'))).toBe(false)
    // Nothing was fetched into the project: the override alone was used.
    expect(existsSync(join(dir, 'node_modules', 'electron', 'dist'))).toBe(false)
  })

  it("passes the app's exit code on", async () => {
    const dir = project()
    const dist = tempDir('copydesk-standin-')
    makeStandInElectron(dist, { version: electronVersion })
    const result = await runStart(
      dir,
      ['--skipBuild'],
      cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist, COPYDESK_STANDIN_EXIT: '7' })
    )
    expect(result.code).toBe(7)
  })

  it('exits 1 naming the folder when it holds no executable, without downloading', async () => {
    const dir = project()
    const empty = tempDir('copydesk-empty-dist-')
    const result = await runStart(
      dir,
      ['--skipBuild'],
      cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: empty, ELECTRON_MIRROR: 'http://127.0.0.1:9/' })
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('no Electron executable in ELECTRON_OVERRIDE_DIST_PATH')
    expect(result.stderr).toContain(join(empty, 'electron'))
    expect(result.stderr).not.toContain('fetching')
  })
  it('says so when electron-vite is not installed', async () => {
    const dir = project()
    rmSync(join(dir, 'node_modules', 'electron-vite'))
    const dist = tempDir('copydesk-standin-')
    makeStandInElectron(dist, { version: electronVersion })
    const result = await runStart(
      dir,
      ['--skipBuild'],
      cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist })
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('copydesk: cannot find electron-vite')
    expect(result.stderr).toContain(join(dir, 'node_modules', 'electron-vite', 'package.json'))
  })
})

describe.skipIf(!posix)('npm start without the Electron binary', () => {
  let cache

  beforeAll(() => {
    cache = tempDir('copydesk-electron-cache-')
  })

  it('exits 1 saying what is missing and how to get it when the download is refused', async () => {
    const dir = project()
    const closed = createTcpServer()
    const port = await listen(closed)
    await new Promise((r) => closed.close(r))
    const result = await runStart(
      dir,
      ['--skipBuild'],
      cleanEnv({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: cache })
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('the Electron binary is missing and could not be downloaded')
    expect(result.stderr).toContain(`http://127.0.0.1:${port}/`)
    expect(result.stderr).toContain('ECONNREFUSED')
    expect(result.stderr).toContain(
      `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`
    )
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH')
    expect(result.seconds).toBeLessThan(30)
    expect(existsSync(join(dir, 'node_modules', 'electron', 'path.txt'))).toBe(false)
  })

  it('fetches again when dist/ holds another Electron version than the package', async () => {
    const dir = project()
    const electronPkg = join(dir, 'node_modules', 'electron')
    makeStandInElectron(join(electronPkg, 'dist'), { version: '1.0.0' })
    writeFileSync(join(electronPkg, 'path.txt'), 'electron')
    const log = join(dir, 'launch.log')
    const result = await runStart(
      dir,
      ['--skipBuild'],
      cleanEnv({
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: cache,
        COPYDESK_STANDIN_LOG: log
      })
    )
    expect(result.stderr).toContain(
      `node_modules/electron/dist holds Electron 1.0.0, not ${electronVersion}`
    )
    expect(result.code).toBe(1)
    expect(readStandInLog(log)).toBeNull()
  })

  it('gives up within the time limit when the host never answers', async () => {
    const dir = project()
    const sockets = []
    const silent = createTcpServer((socket) => sockets.push(socket))
    const port = await listen(silent)
    try {
      const result = await runStart(
        dir,
        ['--skipBuild'],
        cleanEnv({
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          electron_config_cache: cache,
          COPYDESK_ELECTRON_FETCH_TIMEOUT_MS: '2000'
        })
      )
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(
        `gave up after 2 s: http://127.0.0.1:${port}/ cannot be reached`
      )
      expect(result.seconds).toBeGreaterThanOrEqual(2)
      expect(result.seconds).toBeLessThan(15)
    } finally {
      for (const s of sockets) s.destroy()
      await new Promise((r) => silent.close(r))
    }
  })

  it.skipIf(process.platform !== 'linux' || spawnSync('zip', ['-v']).status !== 0)(
    'downloads Electron from the mirror, checks its checksum, then opens the app',
    async () => {
      const dir = project()
      const dist = tempDir('copydesk-standin-')
      makeStandInElectron(dist, { version: electronVersion })
      const zipName = `electron-v${electronVersion}-linux-${process.arch}.zip`
      const zipFile = join(tempDir('copydesk-zip-'), zipName)
      expect(spawnSync('zip', ['-qr', '-X', zipFile, '.'], { cwd: dist }).status).toBe(0)
      const zip = readFileSync(zipFile)
      const sums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`
      const requested = []
      const server = createHttpServer((req, res) => {
        requested.push(`${req.method} ${req.url}`)
        if (req.url === `/v${electronVersion}/${zipName}`) res.end(zip)
        else if (req.url === `/v${electronVersion}/SHASUMS256.txt`) res.end(sums)
        else res.writeHead(404).end()
      })
      const port = await listen(server)
      try {
        const log = join(dir, 'launch.log')
        const result = await runStart(
          dir,
          ['--skipBuild'],
          cleanEnv({
            ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
            electron_use_remote_checksums: '1',
            electron_config_cache: cache,
            COPYDESK_STANDIN_LOG: log
          })
        )
        expect(result.stderr).not.toContain('cannot open')
        expect(result.code).toBe(0)
        expect(requested).toContain(`GET /v${electronVersion}/${zipName}`)
        const installed = join(dir, 'node_modules', 'electron', 'dist', 'electron')
        expect(readFileSync(join(dir, 'node_modules', 'electron', 'path.txt'), 'utf8')).toBe(
          'electron'
        )
        const launch = readStandInLog(log)
        expect(launch?.args).toEqual(['.'])
        expect(launch?.env['ELECTRON_EXEC_PATH']).toBe(installed)

        // The second start finds the binary and downloads nothing.
        requested.length = 0
        const again = await runStart(
          dir,
          ['--skipBuild'],
          cleanEnv({
            ELECTRON_MIRROR: `http://127.0.0.1:${port}/`
          })
        )
        expect(again.code).toBe(0)
        expect(again.stderr).not.toContain('fetching')
        expect(requested).toEqual([])
      } finally {
        await new Promise((r) => server.close(r))
      }
    },
    90_000
  )
})

describe.skipIf(process.platform !== 'linux' || spawnSync('zip', ['-v']).status !== 0)(
  'npm start with a tampered download',
  () => {
    it('refuses a zip whose checksum does not match and installs nothing', async () => {
      const dir = project()
      const dist = tempDir('copydesk-standin-')
      makeStandInElectron(dist, { version: electronVersion })
      const zipName = `electron-v${electronVersion}-linux-${process.arch}.zip`
      const zipFile = join(tempDir('copydesk-zip-'), zipName)
      expect(spawnSync('zip', ['-qr', '-X', zipFile, '.'], { cwd: dist }).status).toBe(0)
      const zip = readFileSync(zipFile)
      const wrong = `${createHash('sha256').update('something else').digest('hex')} *${zipName}\n`
      const server = createHttpServer((req, res) => {
        if (req.url === `/v${electronVersion}/${zipName}`) res.end(zip)
        else if (req.url === `/v${electronVersion}/SHASUMS256.txt`) res.end(wrong)
        else res.writeHead(404).end()
      })
      const port = await listen(server)
      try {
        const log = join(dir, 'launch.log')
        const result = await runStart(
          dir,
          ['--skipBuild'],
          cleanEnv({
            ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
            electron_use_remote_checksums: '1',
            electron_config_cache: tempDir('copydesk-electron-cache-'),
            COPYDESK_STANDIN_LOG: log
          })
        )
        expect(result.code).toBe(1)
        expect(result.stderr).toContain('could not be downloaded')
        expect(result.stderr).toMatch(/checksum/i)
        expect(existsSync(join(dir, 'node_modules', 'electron', 'path.txt'))).toBe(false)
        expect(readStandInLog(log)).toBeNull()
      } finally {
        await new Promise((r) => server.close(r))
      }
    }, 60_000)
  }
)

describe.skipIf(process.platform !== 'linux' || spawnSync('zip', ['-v']).status !== 0)(
  'npm start behind a proxy (ELECTRON_GET_USE_PROXY)',
  () => {
    // A host name that cannot resolve: only a request sent through the proxy can get anywhere.
    const mirror = 'http://electron-mirror.invalid/'

    it('probes and downloads through the proxy', async () => {
      const dir = project()
      const dist = tempDir('copydesk-standin-')
      makeStandInElectron(dist, { version: electronVersion })
      const zipName = `electron-v${electronVersion}-linux-${process.arch}.zip`
      const zipFile = join(tempDir('copydesk-zip-'), zipName)
      expect(spawnSync('zip', ['-qr', '-X', zipFile, '.'], { cwd: dist }).status).toBe(0)
      const zip = readFileSync(zipFile)
      const sums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`
      const seen = []
      const origin = createHttpServer((req, res) => {
        seen.push(`${req.method} ${req.headers.host}${req.url}`)
        if (req.url.endsWith(`/v${electronVersion}/${zipName}`)) res.end(zip)
        else if (req.url.endsWith(`/v${electronVersion}/SHASUMS256.txt`)) res.end(sums)
        else res.writeHead(404).end()
      })
      const originPort = await listen(origin)
      // The proxy tunnels every CONNECT to the origin above, whatever host was asked for.
      const tunnels = []
      const proxy = createHttpServer((req, res) => res.writeHead(405).end())
      proxy.on('connect', (req, socket, head) => {
        tunnels.push(req.url)
        const upstream = connect(originPort, '127.0.0.1', () => {
          socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
          upstream.write(head)
          upstream.pipe(socket)
          socket.pipe(upstream)
        })
        upstream.on('error', () => socket.destroy())
        socket.on('error', () => upstream.destroy())
      })
      const proxyPort = await listen(proxy)
      try {
        const log = join(dir, 'launch.log')
        const result = await runStart(
          dir,
          ['--skipBuild'],
          cleanEnv({
            ELECTRON_MIRROR: mirror,
            ELECTRON_GET_USE_PROXY: 'true',
            HTTP_PROXY: `http://127.0.0.1:${proxyPort}`,
            HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`,
            NO_PROXY: '',
            electron_use_remote_checksums: '1',
            electron_config_cache: tempDir('copydesk-electron-cache-'),
            COPYDESK_STANDIN_LOG: log,
            COPYDESK_ELECTRON_FETCH_TIMEOUT_MS: '5000'
          })
        )
        expect(result.stderr).not.toContain('cannot open')
        expect(result.code).toBe(0)
        expect(result.stderr).toContain(`downloading Electron from ${mirror}`)
        expect(tunnels).toContain('electron-mirror.invalid:80')
        expect(seen).toContain(`GET electron-mirror.invalid/v${electronVersion}/${zipName}`)
        expect(readStandInLog(log)?.args).toEqual(['.'])
      } finally {
        proxy.closeAllConnections?.()
        await new Promise((r) => proxy.close(r))
        origin.closeAllConnections?.()
        await new Promise((r) => origin.close(r))
      }
    }, 60_000)

    it('gives up within the time limit when the proxy never answers', async () => {
      const dir = project()
      const sockets = []
      const silent = createTcpServer((socket) => sockets.push(socket))
      const port = await listen(silent)
      try {
        const result = await runStart(
          dir,
          ['--skipBuild'],
          cleanEnv({
            ELECTRON_MIRROR: mirror,
            ELECTRON_GET_USE_PROXY: 'true',
            HTTP_PROXY: `http://127.0.0.1:${port}`,
            HTTPS_PROXY: `http://127.0.0.1:${port}`,
            NO_PROXY: '',
            electron_config_cache: tempDir('copydesk-electron-cache-'),
            COPYDESK_ELECTRON_FETCH_TIMEOUT_MS: '2000'
          })
        )
        expect(result.code).toBe(1)
        expect(result.stderr).toContain(`gave up after 2 s: ${mirror} cannot be reached`)
        expect(result.seconds).toBeLessThan(15)
      } finally {
        for (const s of sockets) s.destroy()
        await new Promise((r) => silent.close(r))
      }
    })
  }
)

describe.skipIf(!posix)('npm run dev', () => {
  it('fetches the same way and fails the same way before starting the dev server', async () => {
    const dir = project()
    const result = await runStart(
      dir,
      ['dev'],
      cleanEnv({
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        COPYDESK_ELECTRON_FETCH_TIMEOUT_MS: '5000'
      })
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('the Electron binary is missing and could not be downloaded')
    expect(result.stdout).not.toContain('dev server')
  })
})
