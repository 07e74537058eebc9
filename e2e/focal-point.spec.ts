import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import sharp from 'sharp'
import type { NewsroomApi } from '../src/shared/ipc'
import { expect, test } from './fixtures'

/*
 * The photo desk's focal point: a click on the photo in the side panel sets it, a marker shows
 * it, the 16:9 and 1:1 crop previews follow it, the arrow keys move it, Delete removes it, undo
 * takes each step back, and it is in asset.json after a reload.
 */

let photoDir: string
let photo: string

/** A 1200 × 800 street scene: sky, a sun top right, houses, a road. */
async function drawPhoto(file: string): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#6fa8dc"/><stop offset="1" stop-color="#d9e8f5"/>
    </linearGradient></defs>
    <rect width="1200" height="800" fill="url(#s)"/>
    <circle cx="930" cy="190" r="80" fill="#ffd966"/>
    <rect x="90" y="380" width="220" height="420" fill="#8d6e63"/>
    <rect x="340" y="300" width="170" height="500" fill="#a1887f"/>
    <polygon points="340,300 425,220 510,300" fill="#6d4c41"/>
    <rect x="560" y="420" width="260" height="380" fill="#bcaaa4"/>
    <rect x="0" y="700" width="1200" height="100" fill="#4e5b31"/>
  </svg>`
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(file)
}

test.beforeAll(async () => {
  photoDir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-focal-'))
  photo = join(photoDir, 'marktplatz.jpg')
  await drawPhoto(photo)
})
test.afterAll(async () => {
  await rm(photoDir, { recursive: true, force: true })
})

async function importAndOpen(page: Page, url: string, deskName: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('button', { name: deskName }).click()
  const chooser = page.waitForEvent('filechooser')
  await page
    .getByRole('button', { name: /^(Import photos…|Bilder importieren…)$/ })
    .first()
    .click()
  await (await chooser).setFiles([photo])
  await page.getByRole('option', { name: 'marktplatz.jpg' }).click()
}

/** The focal point in asset.json of the library's only asset. */
async function storedFocal(libraryDir: string): Promise<{ x: number; y: number } | null> {
  const assets = join(libraryDir, 'assets')
  const shard = (await readdir(assets)).find((n) => /^[0-9a-f]{2}$/.test(n))
  if (!shard) throw new Error('no asset stored')
  const [id] = await readdir(join(assets, shard))
  const record = JSON.parse(await readFile(join(assets, shard, id, 'asset.json'), 'utf8'))
  return record.focal
}

/** Where the marker sits, as fractions of the photo's frame. */
async function markerAt(target: Locator): Promise<{ x: number; y: number }> {
  const frame = await target.boundingBox()
  const marker = await target.locator('.focal-marker').boundingBox()
  if (!frame || !marker) throw new Error('photo or marker not shown')
  return {
    x: (marker.x + marker.width / 2 - frame.x) / frame.width,
    y: (marker.y + marker.height / 2 - frame.y) / frame.height
  }
}

test('a click on the photo sets the focal point; marker and crops follow; keys, Delete and undo; kept after reload', async ({
  page,
  harness
}) => {
  await importAndOpen(page, harness.url, 'Photo desk')
  const panel = page.getByRole('complementary', { name: 'Photo details' })
  const target = panel.getByRole('button', { name: 'Photo: click to set the focal point' })
  const value = panel.locator('.focal-value')
  const wide = panel.getByRole('img', { name: 'Crop 16:9 around the focal point' })
  const square = panel.getByRole('img', { name: 'Crop 1:1 around the focal point' })
  const status = panel.getByRole('status')

  // None yet: both crops take the middle.
  await expect(value).toHaveText('Not set: crops keep the middle of the photo')
  await expect(target.locator('.focal-marker')).toHaveCount(0)
  await expect(wide).toHaveCSS('background-position', '50% 50%')
  await expect(square).toHaveCSS('background-position', '50% 50%')
  // The frame has the photo's shape (3:2), so a fraction of it is a fraction of the photo.
  const box = await target.boundingBox()
  expect(box && box.width / box.height).toBeCloseTo(1.5, 1)

  // Click on the sun, three quarters across and a quarter down.
  await target.click({ position: { x: box!.width * 0.75, y: box!.height * 0.25 } })
  await expect(value).toHaveText('75 % from the left, 25 % from the top')
  const at = await markerAt(target)
  expect(at.x).toBeCloseTo(0.75, 2)
  expect(at.y).toBeCloseTo(0.25, 2)
  // 1:1 is an 800 px square, pushed to the right edge; 16:9 is the full width, cut at the top.
  await expect(square).toHaveCSS('background-position', '100% 50%')
  await expect(wide).toHaveCSS('background-position', '50% 0%')
  await expect(status).toHaveText('Saved')
  const saved = await storedFocal(harness.libraryDir)
  expect(saved?.x).toBeCloseTo(0.75, 2)
  expect(saved?.y).toBeCloseTo(0.25, 2)

  // After a reload the point is still there.
  await page.reload()
  await page.getByRole('option', { name: 'marktplatz.jpg' }).click()
  await expect(value).toHaveText('75 % from the left, 25 % from the top')
  const again = await markerAt(target)
  expect(again.x).toBeCloseTo(0.75, 2)
  await expect(square).toHaveCSS('background-position', '100% 50%')

  // Arrow keys move it (Shift: ten steps); the moves are saved together once the keys rest.
  await target.focus()
  await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('ArrowDown')
  await expect(value).toHaveText('55 % from the left, 26 % from the top')
  const moved = { x: saved!.x - 0.2, y: saved!.y + 0.01 }
  // 1:1 around x 0.55: the 800 px square starts about 260 px in, of 400 px to spare.
  await expect
    .poll(async () =>
      parseFloat(await square.evaluate((el) => getComputedStyle(el).backgroundPosition))
    )
    .toBeCloseTo(((moved.x * 1200 - 400) / 400) * 100, 1)
  await expect(square).toHaveCSS('background-position', /^6\d(\.\d+)?% 50%$/)
  expect((await markerAt(target)).x).toBeCloseTo(moved.x, 2)
  await expect(status).toHaveText('Saved')
  const afterKeys = await storedFocal(harness.libraryDir)
  expect(afterKeys?.x).toBeCloseTo(moved.x, 4)
  expect(afterKeys?.y).toBeCloseTo(moved.y, 4)

  // Ctrl+Z takes the whole key gesture back in one step.
  await page.keyboard.press('Control+z')
  await expect(value).toHaveText('75 % from the left, 25 % from the top')
  await expect(square).toHaveCSS('background-position', '100% 50%')

  // Delete removes it; the crops go back to the middle; undo brings it back.
  await target.focus()
  await page.keyboard.press('Delete')
  await expect(value).toHaveText('Not set: crops keep the middle of the photo')
  await expect(target.locator('.focal-marker')).toHaveCount(0)
  await expect(square).toHaveCSS('background-position', '50% 50%')
  await expect.poll(() => storedFocal(harness.libraryDir)).toBeNull()
  await page.keyboard.press('Control+z')
  await expect(value).toHaveText('75 % from the left, 25 % from the top')
  await expect(target.locator('.focal-marker')).toHaveCount(1)
  await expect.poll(async () => (await storedFocal(harness.libraryDir))?.x).toBeCloseTo(0.75, 2)

  // The button removes it too.
  await panel.getByRole('button', { name: 'Remove focal point' }).click()
  await expect(value).toHaveText('Not set: crops keep the middle of the photo')
  await expect.poll(() => storedFocal(harness.libraryDir)).toBeNull()
})

test('the German panel: labels, a click, and a screenshot of it', async ({ page, harness }) => {
  await page.goto(harness.url)
  await page.evaluate(() =>
    (window as unknown as { newsroom: NewsroomApi }).newsroom.setSettings({ uiLanguage: 'de' })
  )
  await importAndOpen(page, harness.url, 'Bilder')
  const panel = page.getByRole('complementary', { name: 'Bilddetails' })
  const target = panel.getByRole('button', { name: 'Foto: Klicken setzt den Fokuspunkt' })
  await expect(panel.getByRole('heading', { name: 'Fokuspunkt' })).toBeVisible()
  await expect(panel.locator('.focal-value')).toHaveText(
    'Nicht gesetzt: Ausschnitte zeigen die Bildmitte'
  )
  const box = await target.boundingBox()
  await target.click({ position: { x: box!.width * 0.35, y: box!.height * 0.4 } })
  await expect(panel.locator('.focal-value')).toHaveText('35 % von links, 40 % von oben')
  await expect(panel.getByRole('img', { name: 'Ausschnitt 1:1 um den Fokuspunkt' })).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Fokuspunkt entfernen' })).toBeVisible()
  await expect(panel.getByRole('status')).toHaveText('Gespeichert')

  const shots = process.env.FOCAL_SHOTS ?? 'test-results'
  await mkdir(shots, { recursive: true })
  await page.setViewportSize({ width: 1280, height: 1000 })
  await panel.evaluate((el) => el.scrollTo(0, 0))
  await panel.screenshot({ path: join(shots, 'focal-panel-de.png') })
})
