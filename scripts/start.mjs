// `npm start` (electron-vite preview: build, then open the app) and `npm run dev` (hot reload).
// Fetches Electron's binary when it is missing; where that is impossible, exits 1 saying what is
// missing and how to get it.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  electronMirror,
  electronVersion,
  fetchElectron,
  locateElectron,
  platformExecutable
} from './electronBinary.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const argv = process.argv.slice(2)
const mode = argv[0] === 'dev' || argv[0] === 'preview' ? argv.shift() : 'preview'
const timeoutMs = Number(process.env['COPYDESK_ELECTRON_FETCH_TIMEOUT_MS']) || 30_000

function explain(what, why) {
  const version = electronVersion(root) ?? '(see package.json)'
  const zip = `electron-v${version}-${process.platform}-${process.arch}.zip`
  process.stderr.write(
    [
      `copydesk: cannot open the desktop app: ${what}`,
      `  ${why}`,
      '  To get it, any one of:',
      '  - on a machine with internet, run `npm start` again: it downloads Electron itself',
      `    (from ${electronMirror()}; set ELECTRON_MIRROR to use a mirror);`,
      `  - or download ${zip} from https://github.com/electron/electron/releases/tag/v${version},`,
      '    unpack it into a folder and set ELECTRON_OVERRIDE_DIST_PATH to that folder;',
      '  - or `node node_modules/electron/install.js` once the download host can be reached.',
      '  Without Electron: `npm run build && npm run harness` serves the same app to a browser,',
      '  and `npx copydesk --help` is the command-line front end.',
      ''
    ].join('\n')
  )
  process.exit(1)
}

let electron = locateElectron(root)
if (!electron.exists && electron.override) {
  explain(
    `no Electron executable in ELECTRON_OVERRIDE_DIST_PATH`,
    `Looked for ${electron.file} (expected: ${platformExecutable()} in that folder).`
  )
}
if (!electron.exists) {
  process.stderr.write(
    electron.stale
      ? `copydesk: node_modules/electron/dist holds Electron ${electron.stale}, not ${electronVersion(root)}; fetching the right one …\n`
      : `copydesk: the Electron binary is missing; fetching it (first start) …\n`
  )
  const fetched = await fetchElectron(root, {
    timeoutMs,
    log: (line) => process.stderr.write(line)
  })
  electron = locateElectron(root)
  if (!fetched.ok || !electron.exists) {
    explain(
      'the Electron binary is missing and could not be downloaded.',
      fetched.ok
        ? `The download ended but ${electron.file} is not there.`
        : `Reason: ${fetched.reason}.`
    )
  }
}

// Node refuses to spawn `.cmd` files without a shell on Windows (CVE-2024-27980), so run
// electron-vite's JavaScript entry under this very Node instead of its shim in node_modules/.bin.
const evPkgFile = join(root, 'node_modules', 'electron-vite', 'package.json')
let entry
try {
  const evPkg = JSON.parse(readFileSync(evPkgFile, 'utf8'))
  const bin = typeof evPkg.bin === 'string' ? evPkg.bin : evPkg.bin['electron-vite']
  entry = join(dirname(evPkgFile), bin)
} catch (err) {
  process.stderr.write(`copydesk: cannot find electron-vite (${evPkgFile}): ${err.message}\n`)
  process.exit(1)
}

const args = mode === 'dev' ? ['dev', ...argv] : ['preview', ...argv]
const child = spawn(process.execPath, [entry, ...args], {
  cwd: root,
  stdio: 'inherit',
  // electron-vite reads the executable from here and never looks at ELECTRON_OVERRIDE_DIST_PATH.
  env: { ...process.env, ELECTRON_EXEC_PATH: electron.file }
})
child.on('error', (err) => {
  process.stderr.write(
    `copydesk: could not start ${process.execPath} ${entry} ${args.join(' ')}: ${err.message}\n`
  )
  process.exit(1)
})
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal)
  })
}
child.on('close', (code, signal) => {
  if (signal) process.stderr.write(`copydesk: electron-vite ended by ${signal}\n`)
  process.exit(code ?? 1)
})
