// `npm start`: build and open the desktop app, or say exactly what is missing.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronBinary } from './electronBinary.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
if (!electronBinary(root)) {
  process.stderr.write(
    [
      'copydesk: cannot open the desktop app: the Electron binary is missing',
      '  (node_modules/electron has no dist/; its download from github.com did not happen).',
      '  On a machine with internet: `node node_modules/electron/install.js` (or `npm rebuild electron`),',
      '  then `npm start` again. Without Electron you can still use the same app in a browser:',
      '  `npm run build && npm run harness` and open the URL it prints; the CLI: `npx copydesk --help`.',
      ''
    ].join('\n')
  )
  process.exit(1)
}
const bin = join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite'
)
const result = spawnSync(bin, ['preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root
})
process.exit(result.status ?? 1)
