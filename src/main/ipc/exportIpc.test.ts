import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AssetExportOptions, ExportJobStatus } from '../../shared/contract/exports'
import type { PackageImportResult } from '../../shared/contract/packages'
import { Channels, type Channel } from '../../shared/ipc'
import type { Finding } from '../../shared/preflight/finding'
import type { Result } from '../../shared/result'
import type { Services } from '../services'
import {
  createNewsroomArticle,
  type NewsroomArticle
} from '../services/export/__fixtures__/newsroomArticle'
import { openIpcClient, type IpcClient } from './__fixtures__/ipcClient'

let root: string
let s: Services
let ipc: IpcClient
let fixture: NewsroomArticle

const call = <T>(channel: Channel, input?: unknown): Promise<Result<T>> =>
  ipc.call<T>(channel, input)
const value = <T>(channel: Channel, input?: unknown): Promise<T> => ipc.value<T>(channel, input)

/** Polls export:progress as the renderer does until the job has ended. */
async function finished(start: ExportJobStatus): Promise<ExportJobStatus> {
  let status = start
  while (status.state === 'running') {
    await new Promise((r) => setTimeout(r, 20))
    status = await value<ExportJobStatus>(Channels.exportProgress, { jobId: start.jobId })
  }
  return status
}

beforeAll(async () => {
  ipc = await openIpcClient('copydesk-export-ipc-')
  root = ipc.root
  s = ipc.services
  await mkdir(join(root, 'photos'))
  fixture = await createNewsroomArticle(s, join(root, 'photos'))
}, 60_000)

afterAll(async () => {
  await ipc?.close()
})

describe('preflight and export channels', () => {
  it('preflight:run returns the findings in the requested language; bad input is refused', async () => {
    const findings = await value<Finding[]>(Channels.preflightRun, {
      id: fixture.article.id,
      language: 'de'
    })
    expect(findings.find((f) => f.code === 'spelling')?.message).toMatch(/^Unbekanntes Wort: /)
    const bad = await call(Channels.preflightRun, { id: '../etc/passwd' })
    expect(bad.ok || bad.error.code).toBe('invalid-input')
  })

  it('export:start runs a job that export:progress reports until the package is written', async () => {
    const start = await value<ExportJobStatus>(Channels.exportStart, {
      id: fixture.article.id,
      language: 'en'
    })
    expect(start.state).toBe('running')
    const done = await finished(start)
    expect(done.state).toBe('done')
    // Six photos in three renditions, 16:9 and 1:1 crops of the lead and the three gallery
    // pictures, and five documents (source, ninjs, NewsML, HTML, manifest).
    const files = 6 * 3 + 4 * 2 + 5
    expect(done.progress).toEqual({
      phase: 'finishing',
      done: files,
      total: files,
      file: 'manifest.json'
    })
    expect(done.file).toBe(
      join(root, 'library', 'exports', `haushalt-strassenbau-${fixture.article.id.slice(0, 8)}.zip`)
    )
    expect((await readFile(done.file)).subarray(0, 2).toString()).toBe('PK')
    expect(done.result?.revision).toBe((await s.articles.get(fixture.article.id)).revision)
    expect((await s.articles.get(fixture.article.id)).status).toBe('exported')

    // The same target again: a conflict until the user confirms replacing it.
    const again = await finished(
      await value<ExportJobStatus>(Channels.exportStart, { id: fixture.article.id })
    )
    expect(again.state).toBe('failed')
    expect(again.error?.code).toBe('conflict')
    const replaced = await finished(
      await value<ExportJobStatus>(Channels.exportStart, {
        id: fixture.article.id,
        overwrite: true
      })
    )
    expect(replaced.state).toBe('done')
  })

  it('reports preflight errors with their findings; force exports after confirmation', async () => {
    const draft = await s.articles.create({ headline: 'Ohne Autor', bylines: [] })
    const refused = await finished(
      await value<ExportJobStatus>(Channels.exportStart, { id: draft.id, language: 'de' })
    )
    expect(refused.state).toBe('failed')
    expect(refused.error?.code).toBe('forbidden')
    const findings = refused.error?.detail?.findings as Finding[]
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([
      'Der Artikel hat keine Autorenzeile.',
      'Der Artikel hat keinen Text: Es gibt nichts zu veröffentlichen.'
    ])
    expect(existsSync(refused.file)).toBe(false)
    const forced = await finished(
      await value<ExportJobStatus>(Channels.exportStart, { id: draft.id, force: true })
    )
    expect(forced.state).toBe('done')
    expect(forced.result?.forced).toBe(true)
  })

  it('export:cancel stops a job and leaves no file', async () => {
    const exportsDir = join(root, 'library', 'exports')
    const before = await readdir(exportsDir)
    const other = await s.articles.create({
      headline: 'Abbruch',
      bylines: ['A'],
      lead: fixture.article.lead,
      galleries: fixture.article.galleries
    })
    const start = await value<ExportJobStatus>(Channels.exportStart, { id: other.id })
    const cancelled = await value<ExportJobStatus>(Channels.exportCancel, { jobId: start.jobId })
    expect(cancelled.state).toBe('cancelled')
    expect(await readdir(exportsDir)).toEqual(before)
    const unknown = await call(Channels.exportProgress, {
      jobId: '00000000-0000-4000-8000-000000000000'
    })
    expect(unknown.ok || unknown.error.code).toBe('not-found')
  })

  it('writes where the app’s save dialog says (chooseFile), and the dialog may cancel', async () => {
    const chosen = join(root, 'gewählt.zip')
    s.exports.chooseFile = async () => ({ file: chosen, overwrite: false })
    try {
      const done = await finished(
        await value<ExportJobStatus>(Channels.exportStart, { id: fixture.article.id })
      )
      expect(done.file).toBe(chosen)
      expect(existsSync(chosen)).toBe(true)
      s.exports.chooseFile = async () => null
      const none = await call(Channels.exportStart, { id: fixture.article.id })
      expect(none.ok || none.error.message).toMatch(/No file was chosen/)
    } finally {
      s.exports.chooseFile = undefined
    }
  })

  it('keeps the per-asset "keep everything" switch in the library', async () => {
    expect(
      await value<AssetExportOptions>(Channels.exportAssetOptions, { assetId: fixture.lead })
    ).toEqual({
      assetId: fixture.lead,
      keepMetadata: false
    })
    await value(Channels.exportSetAssetOptions, { assetId: fixture.lead, keepMetadata: true })
    const saved = JSON.parse(await readFile(join(root, 'library', 'exportOptions.json'), 'utf8'))
    expect(saved).toEqual({ schemaVersion: 1, keepMetadata: [fixture.lead] })
    await value(Channels.exportSetAssetOptions, { assetId: fixture.lead, keepMetadata: false })
    const unknown = await call(Channels.exportSetAssetOptions, {
      assetId: 'f'.repeat(64),
      keepMetadata: true
    })
    expect(unknown.ok || unknown.error.code).toBe('not-found')
  })
})

describe('packages:import', () => {
  it('imports a package sent as bytes (never as a path) and names it in errors', async () => {
    const exportsDir = join(root, 'library', 'exports')
    const [name] = (await readdir(exportsDir)).filter((n) => n.startsWith('haushalt'))
    const bytes = await readFile(join(exportsDir, name))
    const before = (await s.articles.list()).length
    // The library holds the story: the app has to say how to take it in.
    const held = await call(Channels.packagesImport, { name, base64: bytes.toString('base64') })
    expect(held.ok || [held.error.code, held.error.detail?.reason]).toEqual(['conflict', 'held'])
    const imported = await value<PackageImportResult>(Channels.packagesImport, {
      name,
      base64: bytes.toString('base64'),
      as: 'new'
    })
    expect((await s.articles.get(imported.articleId)).headline).toBe(fixture.article.headline)
    expect((await s.articles.list()).length).toBe(before + 1)
    const viaBytes = await value<PackageImportResult>(Channels.packagesImport, {
      name,
      bytes: new Uint8Array(bytes),
      as: 'new'
    })
    expect(viaBytes.articleId).not.toBe(imported.articleId)

    const path = await call(Channels.packagesImport, { name, path: join(exportsDir, name) })
    expect(path.ok || path.error.code).toBe('invalid-input')
    const broken = await call(Channels.packagesImport, { name: 'kaputt.zip', base64: 'aGFsbG8=' })
    expect(broken.ok).toBe(false)
    expect(broken.ok || broken.error.message).toMatch(
      /^Package “kaputt\.zip” refused: not a readable ZIP/
    )
    expect(await readdir(join(root, 'library', '.tmp'))).toEqual([])
  })
})

describe('corrections, withdrawal and reinstate', () => {
  it('a correction makes the next version; a kill withdraws the story until export:reinstate', async () => {
    const id = fixture.article.id
    const before = (await s.articles.get(id)).publication?.versions.at(-1)?.version ?? 0
    expect(before).toBeGreaterThan(0)
    const empty = await call(Channels.exportStart, { id, correction: '   ' })
    expect(empty.ok || empty.error.code).toBe('invalid-input')

    const corrected = await finished(
      await value<ExportJobStatus>(Channels.exportStart, {
        id,
        overwrite: true,
        correction: 'Die Straße ist 4 km lang, nicht 40 km.'
      })
    )
    expect(corrected.state).toBe('done')
    expect([corrected.result?.version, corrected.result?.kind]).toEqual([before + 1, 'correction'])

    const noNotice = await call(Channels.exportStart, { id, kill: { notice: '' } })
    expect(noNotice.ok || noNotice.error.code).toBe('invalid-input')
    const kill = await finished(
      await value<ExportJobStatus>(Channels.exportStart, {
        id,
        kill: { notice: 'Die Meldung ist zurückgezogen.', reason: 'Quelle unsicher' }
      })
    )
    expect(kill.state).toBe('done')
    expect(kill.file).toMatch(/-kill\.zip$/)
    expect([kill.result?.version, kill.result?.kind]).toEqual([before + 2, 'kill'])
    expect((await s.articles.get(id)).publication?.killed?.reason).toBe('Quelle unsicher')

    const refused = await finished(
      await value<ExportJobStatus>(Channels.exportStart, { id, overwrite: true })
    )
    expect([refused.state, refused.error?.code]).toEqual(['failed', 'conflict'])

    expect(await value(Channels.exportReinstate, { id })).toEqual({ id, lastVersion: before + 2 })
    expect((await s.articles.get(id)).publication?.killed).toBeNull()
    const again = await call(Channels.exportReinstate, { id })
    expect(again.ok || again.error.code).toBe('conflict')
    const after = await finished(
      await value<ExportJobStatus>(Channels.exportStart, { id, overwrite: true })
    )
    expect([after.result?.version, after.result?.kind]).toEqual([before + 3, 'update'])
  })
})
