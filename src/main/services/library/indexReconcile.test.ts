import { spawnSync } from 'node:child_process'
import { appendFile, mkdir, readdir, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArticleLibrary } from './articleLibrary'
import { makeTempDir, removeTempDir } from './__fixtures__/libraryFixture'
import { compareWithDisk, removeCutShortTemps } from './indexReconcile'
import { SummaryIndex } from './summaryIndex'

let dir: string
beforeEach(async () => {
  dir = await makeTempDir('copydesk-reconcile-')
})
afterEach(async () => {
  await removeTempDir(dir)
})

describe('index reconciliation', () => {
  it('finds gone and changed article files and removes cut-short temp files', async () => {
    const library = await ArticleLibrary.open(dir)
    const kept = await library.create({ headline: 'Bleibt' })
    const changed = await library.create({ headline: 'Ändert sich' })
    const gone = await library.create({ headline: 'Verschwindet' })
    await library.close()

    const articles = join(dir, 'articles')
    await appendFile(join(articles, `${changed.id}.json`), '\n')
    await unlink(join(articles, `${gone.id}.json`))
    await writeFile(join(articles, `.${kept.id}.json.1234.tmp`), '{"half')
    await writeFile(join(articles, 'notes.txt'), 'not an article')

    const { index } = await SummaryIndex.load(join(dir, 'index'), { writable: false })
    const readOnly = await compareWithDisk(articles, index, false)
    expect(readOnly).toEqual({ gone: [gone.id], toRead: [changed.id] })
    expect(await readdir(articles)).toContain(`.${kept.id}.json.1234.tmp`)

    await compareWithDisk(articles, index, true)
    expect((await readdir(articles)).sort()).toEqual(
      [`${kept.id}.json`, `${changed.id}.json`, 'notes.txt'].sort()
    )
  })

  it('removes the temp files of dead writers and keeps those of a writer still running', async () => {
    const indexDir = join(dir, 'index')
    await mkdir(indexDir)
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number
    const alive = process.ppid
    await writeFile(join(indexDir, `.search.bin.${dead}.0a1b2c3d4e5f.tmp`), 'half')
    await writeFile(join(indexDir, `.summaries.json.${alive}.0a1b2c3d4e5f.tmp`), 'being written')
    await writeFile(join(indexDir, `.summaries.json.${process.pid}.0a1b2c3d4e5f.tmp`), 'ours')
    await removeCutShortTemps(indexDir)
    expect(await readdir(indexDir)).toEqual([`.summaries.json.${alive}.0a1b2c3d4e5f.tmp`])
  })
})
