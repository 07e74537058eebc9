import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { contentSecurityPolicy } from './src/main/window/csp'

// One nonce per dev run: Vite stamps it on the preamble/style tags it injects, the CSP admits it,
// and the Electron main process (started by electron-vite with this environment) sends the same.
const devNonce = randomBytes(18).toString('base64url')
process.env['COPYDESK_DEV_CSP_NONCE'] = devNonce

/** In `electron-vite dev` only: the meta CSP admits the dev server, its websocket and the nonce. */
function devCsp(): Plugin {
  let origin = 'http://localhost:5173'
  return {
    name: 'copydesk-dev-csp',
    apply: 'serve',
    configureServer(server) {
      const port = server.config.server.port ?? 5173
      origin = `http://localhost:${port}`
    },
    transformIndexHtml(html) {
      const csp = contentSecurityPolicy({
        dev: true,
        devServerOrigin: origin,
        devNonce,
        assetScheme: 'copydesk-asset'
      })
      return html.replace(
        /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/,
        `$1${csp}$2`
      )
    }
  }
}

export default defineConfig(({ command }) => ({
  main: {
    build: {
      // lowdb and steno are ESM-only; bundling them keeps the CommonJS main loadable.
      externalizeDeps: { exclude: ['lowdb', 'steno'] }
    }
  },
  preload: {},
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    html: command === 'serve' ? { cspNonce: devNonce } : {},
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') }
    },
    plugins: [react(), devCsp()]
  }
}))
