// A stand-in Electron distribution for tests on machines without Electron's binary: a folder in
// the layout of electron-vX-linux-x64.zip whose `electron` is a shell script. The script records
// how it was launched (working folder, arguments, chosen environment) into the file named by
// $COPYDESK_STANDIN_LOG and carries Electron's fuse wire, so electron-builder's fuse step and
// `@electron/fuses read` work on it as on the real executable.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The marker @electron/fuses looks for; the wire follows it. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/**
 * Electron 45's fuse defaults, in wire order: RunAsNode, EnableCookieEncryption,
 * EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
 * LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges, WasmTrapHandlers.
 */
export const DEFAULT_FUSES = '101100011'

/** Environment variables the stand-in writes down when set. */
export const RECORDED_ENV = [
  'ELECTRON_RUN_AS_NODE',
  'ELECTRON_EXEC_PATH',
  'NODE_OPTIONS',
  'COPYDESK_LIBRARY'
]

function script(fuses) {
  const env = RECORDED_ENV.map(
    (name) => `  [ -n "\${${name}+x}" ] && printf 'env %s=%s\\n' '${name}' "$${name}"`
  )
  return [
    '#!/bin/sh',
    '# Stand-in for the Electron executable (tests only). Fuse wire:',
    `# ${FUSE_SENTINEL}\u0001${String.fromCharCode(fuses.length)}${fuses}`,
    'if [ -n "$COPYDESK_STANDIN_LOG" ]; then',
    '  {',
    '  printf "cwd %s\\n" "$PWD"',
    '  for a in "$@"; do printf "arg %s\\n" "$a"; done',
    ...env,
    '  printf "end\\n"',
    '  } > "$COPYDESK_STANDIN_LOG"',
    'fi',
    'exit "${COPYDESK_STANDIN_EXIT:-0}"',
    ''
  ].join('\n')
}

/** Writes the stand-in distribution into `dir`; returns the executable's path. */
export function makeStandInElectron(dir, { version = '45.5.0', fuses = DEFAULT_FUSES } = {}) {
  mkdirSync(join(dir, 'locales'), { recursive: true })
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const exe = join(dir, 'electron')
  writeFileSync(exe, script(fuses), 'latin1')
  chmodSync(exe, 0o755)
  // chrome-sandbox must be setuid root in a real install; here it is only a placeholder file.
  writeFileSync(join(dir, 'chrome-sandbox'), '#!/bin/sh\nexit 1\n')
  chmodSync(join(dir, 'chrome-sandbox'), 0o755)
  writeFileSync(join(dir, 'chrome_crashpad_handler'), '#!/bin/sh\nexit 0\n')
  chmodSync(join(dir, 'chrome_crashpad_handler'), 0o755)
  for (const file of [
    'chrome_100_percent.pak',
    'chrome_200_percent.pak',
    'resources.pak',
    'icudtl.dat',
    'snapshot_blob.bin',
    'v8_context_snapshot.bin',
    'libffmpeg.so',
    'locales/en-US.pak',
    'locales/de.pak'
  ]) {
    writeFileSync(join(dir, file), `stand-in ${file}\n`)
  }
  writeFileSync(join(dir, 'LICENSE'), 'Electron stand-in for tests (MIT)\n')
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n')
  writeFileSync(join(dir, 'version'), version)
  return exe
}

/** What a stand-in recorded: `{ cwd, args, env }`, or null when it never ran. */
export function readStandInLog(file) {
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return null
  }
  const out = { cwd: '', args: [], env: {}, complete: false }
  for (const line of text.split('\n')) {
    if (line.startsWith('cwd ')) out.cwd = line.slice(4)
    else if (line.startsWith('arg ')) out.args.push(line.slice(4))
    else if (line.startsWith('env ')) {
      const [name, ...value] = line.slice(4).split('=')
      out.env[name] = value.join('=')
    } else if (line === 'end') out.complete = true
  }
  return out
}
