import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Page } from '@playwright/test'
import type { NewsroomApi } from '../src/shared/ipc'
import { expect, startHarnessProcess, stopHarnessProcess, test } from './fixtures'

type NewsroomWindow = { newsroom: NewsroomApi }

/*
 * The German desk when things go wrong: every refused photo is named with its reason in German,
 * a photo-desk save that really fails (the photo's folder removed on disk) says so in German, and
 * an untouched new draft open at quit is not left behind in the library.
 */

const SHOTS = '/work/notes/shots'
// Words of the core's English messages that must not reach the German interface.
const ENGLISH = /\b(the|is|not|could|cannot|was|refused|file|image|imported|ENOENT|Asset)\b/

async function inGerman(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.evaluate(() =>
    (window as unknown as NewsroomWindow).newsroom.setSettings({ uiLanguage: 'de' })
  )
  await page.reload()
  await expect(page.getByRole('button', { name: 'Neuer Artikel' }).first()).toBeVisible()
}

async function importViaDialog(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Bilder importieren…' }).first().click()
  await (await chooser).setFiles(paths)
}

test('German photo desk: refused files are named with their reason in German', async ({
  page,
  harness
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-errors-de-'))
  try {
    const good = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#3a6ea5' }
    })
      .jpeg()
      .toBuffer()
    const files = {
      broken: join(dir, 'kaputt.jpg'),
      empty: join(dir, 'leer.jpg'),
      text: join(dir, 'notiz.jpg'),
      svg: join(dir, 'skript.svg'),
      good: join(dir, 'hafen.jpg')
    }
    // Cut in half: the header says JPEG, the data ends early.
    await writeFile(files.broken, good.subarray(0, Math.floor(good.length / 2)))
    await writeFile(files.empty, new Uint8Array(0))
    await writeFile(files.text, 'Das ist kein Foto, nur Text.\n')
    await writeFile(
      files.svg,
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    await writeFile(files.good, good)

    await inGerman(page, harness.url)
    await page.getByRole('button', { name: 'Bilder', exact: true }).click()
    await importViaDialog(page, [files.broken, files.empty, files.text, files.svg, files.good])

    const panel = page.getByRole('region', { name: 'Import' })
    await expect(panel.getByRole('status')).toContainText('Import abgeschlossen')
    const results = panel.getByRole('list', { name: 'Importierte Dateien' }).getByRole('listitem')
    await expect(results).toHaveCount(5)
    await expect(results.nth(0)).toHaveText(
      '„kaputt.jpg“ ist beschädigt oder kein vollständiges JPEG-Bild und kann nicht geöffnet werden.'
    )
    await expect(results.nth(1)).toHaveText('„leer.jpg“ ist leer (0 Byte): Darin ist kein Bild.')
    await expect(results.nth(2)).toHaveText(
      '„notiz.jpg“ ist kein Bild in einem unterstützten Format (JPEG, PNG, WebP, TIFF, AVIF, GIF).'
    )
    await expect(results.nth(3)).toHaveText(
      '„skript.svg“ ist eine SVG-Zeichnung, kein Foto. Bitte als PNG oder JPEG exportieren und das importieren.'
    )
    for (const text of await results.allInnerTexts()) expect(text).not.toMatch(ENGLISH)
    await page.screenshot({ path: join(SHOTS, 'errors-de-import.png') })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('German photo desk: a save that fails on disk says why in German', async ({
  page,
  harness
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-errors-de-'))
  try {
    const photo = join(dir, 'rathaus.jpg')
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#a53a3a' } })
      .jpeg()
      .toFile(photo)
    await inGerman(page, harness.url)
    await page.getByRole('button', { name: 'Bilder', exact: true }).click()
    await importViaDialog(page, [photo])
    const grid = page.getByRole('listbox', { name: 'Bilder' })
    await expect(grid.getByRole('option')).toHaveCount(1)
    await grid.getByRole('option').first().click()
    const caption = page.getByLabel('Bildtext', { exact: true })
    await expect(caption).toBeVisible()

    // The photo's folder goes away under the open panel (another window, a sync tool, a user).
    // Layout: assets/<first two hex digits>/<id>/.
    const assets = join(harness.libraryDir, 'assets')
    const [shard] = (await readdir(assets)).filter((f) => /^[0-9a-f]{2}$/.test(f))
    const [assetId] = await readdir(join(assets, shard!))
    await rm(join(assets, shard!, assetId!), { recursive: true, force: true })

    await caption.fill('Das Rathaus am Morgen')
    await caption.blur()
    const status = page.locator('.asset-panel .save-status')
    await expect(status).toHaveClass(/save-error/)
    const text = (await status.innerText()).trim()
    expect(text).toMatch(/^Nicht gespeichert: /)
    expect(text).not.toMatch(ENGLISH)
    await page.screenshot({ path: join(SHOTS, 'errors-de-photo-save.png') })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('an untouched new draft open at quit is not kept; a written one is', async ({ page }) => {
  const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-errors-de-quit-'))
  try {
    const run = await startHarnessProcess(libraryDir)
    await inGerman(page, run.url)
    // A draft with a headline, left for the library: it stays.
    await page.getByRole('button', { name: 'Neuer Artikel' }).first().click()
    await page.getByLabel('Überschrift', { exact: true }).fill('Hochwasser in Passau')
    await expect(page.locator('.save-status').first()).toContainText('Gespeichert')
    await page.getByRole('button', { name: 'Entwürfe' }).click()
    await expect(page.getByText('Hochwasser in Passau').first()).toBeVisible()
    // A new draft opened and nothing typed, then the app quits.
    await page.getByRole('button', { name: 'Neuer Artikel' }).first().click()
    await page.getByRole('textbox', { name: 'Text' }).waitFor()
    const articles = async (): Promise<string[]> =>
      (await readdir(join(libraryDir, 'articles'))).filter(
        (f) => f.endsWith('.json') && !f.startsWith('.')
      )
    expect(await articles()).toHaveLength(2)

    await stopHarnessProcess(run.child)
    expect(run.child.exitCode).toBe(0)
    const left = await articles()
    expect(left).toHaveLength(1)
    const kept = JSON.parse(await readFile(join(libraryDir, 'articles', left[0]!), 'utf8')) as {
      article: { headline: string }
    }
    expect(kept.article.headline).toBe('Hochwasser in Passau')
  } finally {
    await rm(libraryDir, { recursive: true, force: true })
  }
})
