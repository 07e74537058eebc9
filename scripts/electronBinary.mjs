// Finds, and if need be fetches, the Electron executable for `npm start` / `npm run dev`.
// Never through require('electron'): since Electron 42 that call starts a download itself, with
// no time limit and an error that does not say what to do.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/'

/** The executable's path inside an Electron distribution folder, as electron's install.js names it. */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

function readPathTxt(pkg) {
  const pathFile = join(pkg, 'path.txt')
  return existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
}

/**
 * Where the Electron executable is, or should be: `{ file, exists, override, stale }`.
 * `ELECTRON_OVERRIDE_DIST_PATH` (Electron's own variable: a folder holding the executable) wins,
 * read the way `require('electron')` reads it; else `node_modules/electron/dist/` per `path.txt`.
 * `stale` names the version left in dist/ when it is not the installed package's (after an
 * upgrade): that binary does not count as present, so it is fetched again.
 */
export function locateElectron(root, env = process.env) {
  const pkg = join(root, 'node_modules', 'electron')
  const named = readPathTxt(pkg)
  const override = env['ELECTRON_OVERRIDE_DIST_PATH']
  if (override) {
    const candidates = [named ?? platformExecutable(), 'electron'].map((n) => join(override, n))
    const found = candidates.find((c) => existsSync(c))
    return { file: found ?? candidates[0], exists: found !== undefined, override: true }
  }
  const file = join(pkg, 'dist', named ?? platformExecutable())
  const versionFile = join(pkg, 'dist', 'version')
  const distVersion = existsSync(versionFile)
    ? readFileSync(versionFile, 'utf8').trim().replace(/^v/, '')
    : null
  const wanted = electronVersion(root)
  const stale =
    distVersion !== null && wanted !== null && distVersion !== wanted ? distVersion : null
  return { file, exists: named !== null && existsSync(file) && !stale, override: false, stale }
}

/** The Electron binary if present, else null. */
export function electronBinary(root, env = process.env) {
  const found = locateElectron(root, env)
  return found.exists ? found.file : null
}

/** The download base URL, read from the same settings as @electron/get. */
export function electronMirror(env = process.env) {
  return (
    env['npm_config_electron_mirror'] ||
    env['NPM_CONFIG_ELECTRON_MIRROR'] ||
    env['npm_package_config_electron_mirror'] ||
    env['ELECTRON_MIRROR'] ||
    DEFAULT_MIRROR
  )
}

/** The installed electron package's version, or null. */
export function electronVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
      .version
  } catch {
    return null
  }
}

/**
 * The fetch the probe uses: the download's own route. With ELECTRON_GET_USE_PROXY, @electron/get
 * goes through undici's EnvHttpProxyAgent (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), so the probe does
 * the same with the undici that @electron/get depends on. Null when that cannot be loaded: then
 * there is no probe, and only install.js's own outcome ends the wait.
 */
function probeFetch(root, env) {
  if (!env['ELECTRON_GET_USE_PROXY']) return fetch
  try {
    const fromElectron = createRequire(join(root, 'node_modules', 'electron', 'install.js'))
    const getEntry = fromElectron.resolve('@electron/get')
    const undici = createRequire(getEntry)('undici')
    const pick = (name) => env[name] ?? env[name.toLowerCase()]
    const dispatcher = new undici.EnvHttpProxyAgent({
      httpProxy: pick('HTTP_PROXY'),
      httpsProxy: pick('HTTPS_PROXY'),
      noProxy: pick('NO_PROXY')
    })
    return (url, init) => undici.fetch(url, { ...init, dispatcher })
  } catch {
    return null
  }
}

async function reachable(fetchFn, url, timeoutMs) {
  try {
    // Any HTTP answer, even 404, proves the host can be reached; only silence or a network error
    // means the download cannot work.
    await fetchFn(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs)
    })
    return { ok: true }
  } catch (err) {
    const cause = err?.cause?.code ?? err?.cause?.message ?? err?.name ?? 'error'
    return {
      ok: false,
      reason: cause === 'TimeoutError' ? `no answer in ${timeoutMs / 1000} s` : cause
    }
  }
}

/**
 * Runs electron's own install.js (which also uses a cached zip when there is one). While it runs,
 * the download host is probed; when the host has not answered within `timeoutMs`, the install is
 * stopped so `npm start` never hangs on a closed network. A reachable host gets all the time a
 * slow line needs.
 */
export function fetchElectron(
  root,
  { env = process.env, timeoutMs = 30_000, log = () => {} } = {}
) {
  const installJs = join(root, 'node_modules', 'electron', 'install.js')
  if (!existsSync(installJs)) {
    return Promise.resolve({
      ok: false,
      reason: 'node_modules/electron is not installed (run `npm install`)'
    })
  }
  const mirror = electronMirror(env)
  return new Promise((resolve) => {
    let stderr = ''
    let settled = false
    let hostOk = false
    let probeReason = null
    const child = spawn(process.execPath, [installJs], {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
      windowsHide: true
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const finish = (result) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
    }
    const fetchFn = probeFetch(root, env)
    const timer = setTimeout(() => {
      if (hostOk || !fetchFn) return
      child.kill()
      finish({
        ok: false,
        reason: `gave up after ${Math.round(timeoutMs / 1000)} s: ${mirror} cannot be reached (${probeReason ?? 'no answer'})`
      })
    }, timeoutMs)
    if (fetchFn) {
      void reachable(fetchFn, mirror, timeoutMs).then((probe) => {
        hostOk = probe.ok
        probeReason = probe.reason ?? null
        if (probe.ok) log(`copydesk: downloading Electron from ${mirror} …\n`)
      })
    }
    child.on('error', (err) => {
      finish({ ok: false, reason: `could not run ${installJs}: ${err.message}` })
    })
    child.on('close', (code) => {
      if (code === 0) return finish({ ok: true })
      const lastLine =
        stderr
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !l.startsWith('at ') && !l.startsWith('(node:'))
          .find((l) => /error/i.test(l)) ?? `install.js exited with code ${code}`
      finish({
        ok: false,
        reason: `the download from ${mirror} failed: ${lastLine}${probeReason ? ` (${probeReason})` : ''}`
      })
    })
  })
}
