import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { translate } from '../../shared/i18n/translate'
import { CopydeskError } from '../../shared/result'
import { openServices, type Services } from '../services'
import { describeStartFailure, openWithRetry } from './startup'

let root: string | null = null
const open: Services[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
  if (root) await rm(root, { recursive: true, force: true })
  root = null
})

async function library(): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'copydesk-start-'))
  return join(root, 'library')
}

const openApp = (libraryDir: string) => () =>
  openServices({ libraryDir, version: 't', systemLocale: 'de', access: 'app' })
/** A `copydesk` command writing: it holds the library's lock until closed. */
const openCommand = (libraryDir: string): Promise<Services> =>
  openServices({ libraryDir, version: 't', systemLocale: 'de', access: 'cli-write' })

describe('starting while a copydesk command holds the library', () => {
  it('waits for the command to finish and then opens the library', async () => {
    const libraryDir = await library()
    const command = await openCommand(libraryDir)
    let attempts = 0
    setTimeout(() => void command.close(), 600)
    const app = await openWithRetry(
      () => {
        attempts++
        return openApp(libraryDir)()
      },
      { retryForMs: 5_000, intervalMs: 100 }
    )
    open.push(app)
    expect(attempts).toBeGreaterThan(1)
    expect(await app.articles.list({})).toEqual([])
  })

  it('gives up after the retry time and names the holder, in German and English', async () => {
    const libraryDir = await library()
    const command = await openCommand(libraryDir)
    open.push(command)
    const started = Date.now()
    const error = await openWithRetry(openApp(libraryDir), {
      retryForMs: 700,
      intervalMs: 100
    }).catch((e: unknown) => e)
    expect(Date.now() - started).toBeGreaterThanOrEqual(500)
    expect(error).toBeInstanceOf(CopydeskError)

    const en = describeStartFailure(error, libraryDir, (k, p) => translate('en', k, p))
    expect(en.title).toBe('The library is in use')
    expect(en.message).toBe(
      `Copydesk cannot open the library ${libraryDir}: it is in use by a copydesk command (process ${process.pid} on ${(await import('node:os')).hostname()}).`
    )
    expect(en.detail).toMatch(/then start Copydesk again/)
    const de = describeStartFailure(error, libraryDir, (k, p) => translate('de', k, p))
    expect(de.message).toMatch(/wird von einem copydesk-Befehl \(Prozess \d+ auf /)
  })

  it('does not retry other failures, and says what went wrong where', async () => {
    let attempts = 0
    const error = await openWithRetry(
      async () => {
        attempts++
        throw new CopydeskError('io', 'EACCES: permission denied, mkdir /srv/library')
      },
      { retryForMs: 5_000, intervalMs: 10 }
    ).catch((e: unknown) => e)
    expect(attempts).toBe(1)
    const words = describeStartFailure(error, '/srv/library', (k, p) => translate('en', k, p))
    expect(words).toEqual({
      title: 'Copydesk could not start',
      message: 'Copydesk could not open the library /srv/library.',
      detail: 'EACCES: permission denied, mkdir /srv/library'
    })
  })
})
