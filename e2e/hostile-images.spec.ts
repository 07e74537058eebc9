import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import {
  ENTITY_CAPTION,
  exiftool,
  hasExiftool,
  jpeg,
  xmpWithEntities
} from '../src/main/services/assets/__fixtures__/corpus'
import { iccpBombPng, ztxtBombPng } from '../src/main/services/assets/__fixtures__/hostileImages'
import { expect, startHarnessProcess, stopHarnessProcess, test } from './fixtures'

const run = promisify(execFile)
const CLI = resolve(__dirname, '../out/cli/index.js')

// Photos a newsroom could be sent: a PNG whose colour profile inflates to 512 MB, one with a
// 512 MB zTXt comment, a JPEG whose XMP caption runs to 25,000 characters, and one whose XMP
// carries & < > " ' as exiftool escapes them.
interface Files {
  dir: string
  profile: string
  comment: string
  long: string
  entities: string
}

let files: Files

test.beforeAll(async () => {
  test.skip(!(await hasExiftool()), 'exiftool is not installed (.ci/run installs it)')
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-hostile-'))
  files = {
    dir,
    profile: join(dir, 'profil.png'),
    comment: join(dir, 'kommentar.png'),
    long: join(dir, 'lang.jpg'),
    entities: join(dir, 'firmen.jpg')
  }
  await writeFile(files.profile, await iccpBombPng())
  await writeFile(files.comment, await ztxtBombPng())
  await writeFile(files.long, await jpeg(800, 600, '#556677'))
  await exiftool(files.long, `-XMP-dc:Description=${'Lange Bildunterschrift. '.repeat(1100)}`)
  await xmpWithEntities(files.entities)
})
test.afterAll(async () => {
  if (files) await rm(files.dir, { recursive: true, force: true })
})

async function importViaDialog(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import photos…' }).first().click()
  await (await chooser).setFiles(paths)
}

test('hostile photos: a profile bomb is refused by name, text bombs and over-long captions import with a warning, XMP entities read as typed', async ({
  page,
  harness
}) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'Photo desk' }).click()
  await importViaDialog(page, [files.profile, files.comment, files.long, files.entities])

  const importPanel = page.getByRole('region', { name: 'Import' })
  await expect(importPanel.getByRole('status')).toHaveText('Import finished — 3 imported, 1 failed')
  const results = importPanel.getByRole('list', { name: 'Imported files' }).getByRole('listitem')
  await expect(results.nth(0)).toHaveText(
    '“profil.png” was refused: its colour profile (PNG iCCP chunk “ICC Profile”) would inflate ' +
      'to more than 16 MB, which no real colour profile does (a decompression bomb); nothing was ' +
      'imported'
  )
  await expect(results.nth(1)).toContainText('kommentar.png — imported')
  await expect(results.nth(1)).toContainText(
    'Warning: the compressed PNG zTXt chunk “Comment” was left out unread: it would inflate to more than 8 MB'
  )
  await expect(results.nth(2)).toContainText('lang.jpg — imported')
  await expect(results.nth(2)).toContainText(
    /Warning: the caption had 26,399 characters, more than the 20,000 a photo's text may have: it was cut after “…[^”]+”, leaving out the last [\d,]+ characters/
  )
  await expect(results.nth(3)).toHaveText('firmen.jpg — imported')

  const grid = page.getByRole('listbox', { name: 'Photos' })
  await expect(grid.getByRole('option')).toHaveCount(3)
  // The caption as typed, not as XML: one “&”, real angle brackets and quotes.
  const firstLine = ENTITY_CAPTION.split('\n')[0]
  await expect(grid.getByRole('option', { name: /Smith & Jones <Ltd>/ })).toContainText(firstLine)
  await expect(grid).not.toContainText('&amp;')
})

test('an article whose photo record is damaged shows it in its checks and still exports when forced', async ({
  page
}) => {
  const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-unreadable-'))
  const cli = async (...args: string[]): Promise<string> =>
    (await run(process.execPath, [CLI, '--library', libraryDir, ...args])).stdout
  const id = (
    JSON.parse(
      await cli('new', '--headline', 'Fusion perfekt', '--byline', 'Anna Beispiel', '--json')
    ) as { id: string }
  ).id
  const [attached] = JSON.parse(await cli('attach', id, files.entities, '--lead', '--json')) as {
    assetId: string
  }[]
  const record = join(
    libraryDir,
    'assets',
    attached.assetId.slice(0, 2),
    attached.assetId,
    'asset.json'
  )
  await writeFile(record, '{ "schemaVersion": 1, "id": ')

  const { url, child } = await startHarnessProcess(libraryDir)
  try {
    await page.goto(`${url}#/article/${id}`)
    await expect(page.getByLabel('Headline')).toHaveValue('Fusion perfekt')
    const checks = page.getByRole('region', { name: 'Checks' })
    await expect(
      checks.getByRole('button', {
        name: /^Error Lead image: the library’s record of this photo cannot be read \(.*asset\.json is not valid JSON\)\. Import the photo again to repair it\./
      })
    ).toBeVisible()

    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export package' })
    await expect(dialog.getByText('The checks found errors')).toBeVisible()
    await expect(
      dialog.getByText(/the library’s record of this photo cannot be read/)
    ).toBeVisible()
    await dialog.getByRole('button', { name: 'Export anyway' }).click()
    await expect(dialog.getByText(/Exported \d+ files/)).toBeVisible()
  } finally {
    await stopHarnessProcess(child)
    await rm(libraryDir, { recursive: true, force: true })
  }
})
