import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// The CLI and the browser-test harness: plain Node (no Electron), CommonJS, into out/.
const external = [
  'electron',
  'sharp',
  /^@img\//,
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`)
]

export default defineConfig({
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, 'out'),
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        cli: resolve(import.meta.dirname, 'src/cli/index.ts'),
        harness: resolve(import.meta.dirname, 'e2e/harness/main.ts')
      },
      external,
      output: {
        format: 'cjs',
        entryFileNames: '[name]/index.js',
        chunkFileNames: 'chunks/[name]-[hash].js'
      }
    }
  },
  ssr: { noExternal: true, external: ['sharp'] }
})
