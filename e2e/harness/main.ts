import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startHarness } from './harnessServer'

/** `npm run harness -- [--library DIR] [--port N]`: the real renderer against the real core. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      library: { type: 'string' },
      port: { type: 'string' },
      locale: { type: 'string' },
      'history-coalesce-ms': { type: 'string' }
    },
    strict: true
  })
  const port = values.port ? Number(values.port) : 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`harness: --port must be a number from 0 to 65535, not ${values.port}`)
    process.exit(2)
  }
  const libraryDir = resolve(
    values.library ?? (await mkdtemp(join(tmpdir(), 'copydesk-harness-library-')))
  )
  const harness = await startHarness({
    libraryDir,
    port,
    rendererDir: resolve(__dirname, '../renderer'),
    systemLocale: values.locale ?? Intl.DateTimeFormat().resolvedOptions().locale,
    ...(values['history-coalesce-ms'] !== undefined
      ? { historyCoalesceMs: Number(values['history-coalesce-ms']) }
      : {})
  })
  console.log(`Copydesk harness (library ${libraryDir})`)
  console.log(`Open: ${harness.url}`)
  // The app's quit sequence: every open page saves first, then the library closes.
  const stop = (): void =>
    void harness.close().then((reports) => {
      for (const r of reports) console.log(`harness: ${r.target}: ${r.outcome.kind}`)
      process.exit(0)
    })
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main().catch((error: unknown) => {
  console.error(`harness: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(5)
})
