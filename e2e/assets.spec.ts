import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { expect, test } from './fixtures'

const run = promisify(execFile)
const CLI = resolve(__dirname, '../out/cli/index.js')

// ---- photos made at test time: sharp draws a scene, exiftool writes IPTC IIM / XMP ----------

interface Scene {
  sky: [string, string]
  ground: string
  sun?: string
  towers?: boolean
}

async function drawPhoto(file: string, scene: Scene, width = 1200, height = 800): Promise<void> {
  const towers = scene.towers
    ? `<path d="M520 ${height} V360 L560 250 L600 360 V${height} Z M660 ${height} V360 L700 240 L740 360 V${height} Z" fill="#2b2420"/>`
    : `<rect x="140" y="420" width="180" height="380" fill="#3a3f47"/><rect x="360" y="340" width="140" height="460" fill="#2f343b"/><rect x="820" y="460" width="220" height="340" fill="#353a42"/>`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${scene.sky[0]}"/><stop offset="1" stop-color="${scene.sky[1]}"/>
    </linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#s)"/>
    ${scene.sun ? `<circle cx="${width * 0.78}" cy="${height * 0.26}" r="70" fill="${scene.sun}"/>` : ''}
    ${towers}
    <path d="M0 ${height * 0.78} Q ${width * 0.3} ${height * 0.68} ${width * 0.6} ${height * 0.8} T ${width} ${height * 0.74} V ${height} H 0 Z" fill="${scene.ground}"/>
  </svg>`
  await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toFile(file)
}

async function exiftool(file: string, ...args: string[]): Promise<void> {
  await run('exiftool', ['-q', '-q', '-overwrite_original', ...args, file])
}

const hasExiftool = run('exiftool', ['-ver']).then(
  () => true,
  () => false
)

const CAPTION_RATHAUS = 'Zürich: Kundgebung vor dem Rathaus, Jörg’s Plakat'
const CAPTION_DOM = 'Köln: Blick auf die Türme des Doms'
const CAPTION_HAFEN = 'Hamburg: Containerschiff läuft in den Hafen ein'

interface Photos {
  dir: string
  rathaus: string
  dom: string
  hafen: string
  bad: string
}

/** Three photos with newsroom metadata (IIM declared UTF-8, XMP, none) and a text file named .jpg. */
async function makePhotos(): Promise<Photos> {
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-photos-'))
  const p: Photos = {
    dir,
    rathaus: join(dir, 'rathaus.jpg'),
    dom: join(dir, 'dom.jpg'),
    hafen: join(dir, 'hafen.jpg'),
    bad: join(dir, 'notiz.jpg')
  }
  await drawPhoto(p.rathaus, { sky: ['#6fa8dc', '#cfe2f3'], ground: '#5b6b3a', sun: '#ffe08a' })
  await exiftool(
    p.rathaus,
    '-charset',
    'iptc=UTF8',
    '-IPTC:CodedCharacterSet=UTF8',
    `-IPTC:Caption-Abstract=${CAPTION_RATHAUS}`,
    '-IPTC:By-line=Jörg Müller',
    '-IPTC:Credit=dpa',
    '-IPTC:City=Zürich',
    '-IPTC:Country-PrimaryLocationName=Schweiz'
  )
  await drawPhoto(p.dom, { sky: ['#f6a15b', '#fde3c0'], ground: '#3b3026', towers: true })
  await exiftool(
    p.dom,
    `-XMP-dc:Description=${CAPTION_DOM}`,
    '-XMP-dc:Creator=Anna Bäcker',
    '-XMP-photoshop:Credit=Reuters',
    '-XMP-iptcCore:AltTextAccessibility=Die zwei Türme des Kölner Doms im Abendlicht'
  )
  await drawPhoto(p.hafen, { sky: ['#8e9aa6', '#d5dbe0'], ground: '#2d4a63' })
  await exiftool(
    p.hafen,
    '-charset',
    'iptc=UTF8',
    '-IPTC:CodedCharacterSet=UTF8',
    `-IPTC:Caption-Abstract=${CAPTION_HAFEN}`
  )
  await writeFile(p.bad, 'Notiz: Bildauswahl für die Seite 3 bis 16 Uhr\n')
  return p
}

let photos: Photos

test.beforeAll(async () => {
  test.skip(!(await hasExiftool), 'exiftool is not installed (.ci/run installs it)')
  photos = await makePhotos()
})
test.afterAll(async () => {
  if (photos) await rm(photos.dir, { recursive: true, force: true })
})

// ---- helpers ------------------------------------------------------------------------------------

async function openDesk(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('button', { name: 'Photo desk' }).click()
  await expect(page.getByRole('heading', { name: 'Photo desk', level: 1 })).toBeVisible()
}

async function importViaDialog(page: Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import photos…' }).first().click()
  await (await chooser).setFiles(files)
}

const grid = (page: Page): ReturnType<Page['getByRole']> =>
  page.getByRole('listbox', { name: 'Photos' })
const tile = (page: Page, name: string | RegExp): ReturnType<Page['getByRole']> =>
  grid(page).getByRole('option', { name })
const panel = (page: Page): ReturnType<Page['getByRole']> =>
  page.getByRole('complementary', { name: 'Photo details' })

async function importThree(page: Page): Promise<void> {
  await importViaDialog(page, [photos.rathaus, photos.dom, photos.hafen])
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible()
  await expect(grid(page).getByRole('option')).toHaveCount(3)
}

/** Creates a draft with a headline through the editor; returns its id. */
async function newArticle(page: Page, headline: string): Promise<string> {
  await page.getByRole('button', { name: 'Drafts' }).click()
  await page.getByRole('button', { name: 'New article' }).first().click()
  await page.getByLabel('Headline').fill(headline)
  await expect(page.getByRole('status').first()).toHaveText(/Saved/)
  const id = /#\/article\/([0-9a-f-]{36})/.exec(page.url())?.[1]
  if (!id) throw new Error(`no article id in ${page.url()}`)
  await page.getByRole('button', { name: 'Photo desk' }).click()
  return id
}

// ---- specs ----------------------------------------------------------------------------------------

test('an empty photo desk offers to import', async ({ page, harness }) => {
  await openDesk(page, harness.url)
  await expect(page.getByRole('heading', { name: /No photos yet/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Import photos…' })).toHaveCount(2)
})

test('imports photos from the file dialog with progress, reads IPTC/XMP with umlauts, and names the bad file', async ({
  page,
  harness
}) => {
  await openDesk(page, harness.url)
  // Each import call takes a little longer on the wire, so progress can be watched file by file.
  await page.route('**/rpc/assets%3Aimport', async (route) => {
    await new Promise((r) => setTimeout(r, 400))
    await route.continue()
  })
  await importViaDialog(page, [photos.rathaus, photos.bad, photos.dom, photos.hafen])

  const importPanel = page.getByRole('region', { name: 'Import' })
  // Two files travel at once (the store decodes on two threads); the earliest one is named.
  await expect(importPanel.getByRole('status')).toHaveText('Importing 1 of 4 — rathaus.jpg')
  await expect(importPanel.getByRole('progressbar', { name: 'Import progress' })).toBeVisible()
  await expect(importPanel.getByRole('status')).toHaveText(
    /^Importing (3 of 4 — dom|4 of 4 — hafen)\.jpg$/
  )
  await expect(importPanel.getByRole('status')).toHaveText('Import finished — 3 imported, 1 failed')
  const results = importPanel.getByRole('list', { name: 'Imported files' }).getByRole('listitem')
  await expect(results).toHaveCount(4)
  await expect(results.nth(0)).toHaveText('rathaus.jpg — imported')
  await expect(results.nth(1)).toContainText('“notiz.jpg” is not an image')
  await expect(results.nth(2)).toHaveText('dom.jpg — imported')

  await expect(grid(page).getByRole('option')).toHaveCount(3)
  const rathaus = tile(page, CAPTION_RATHAUS)
  await expect(rathaus).toContainText(CAPTION_RATHAUS)
  await expect(rathaus).toContainText('dpa / Jörg Müller')
  await expect(rathaus).toContainText('1200 × 800')
  await expect(rathaus).toContainText('No alt text')
  const dom = tile(page, CAPTION_DOM)
  await expect(dom).toContainText('Reuters / Anna Bäcker')
  await expect(dom).not.toContainText('No alt text')
  await expect(tile(page, CAPTION_HAFEN)).toContainText('No credit')
  // The thumbnails really load from the library (not a broken image).
  const widths = await grid(page)
    .locator('img')
    .evaluateAll((imgs) =>
      Promise.all(
        (imgs as HTMLImageElement[]).map((img) => img.decode().then(() => img.naturalWidth))
      )
    )
  expect(widths).toEqual([320, 320, 320])
  await expect(page.getByText('3 photos')).toBeVisible()

  // The same files again: recognised as already in the library, nothing doubled.
  await page.getByRole('button', { name: 'Close' }).click()
  await importViaDialog(page, [photos.dom])
  await expect(importPanel.getByRole('listitem')).toHaveText(
    'dom.jpg — already in the library (same file)'
  )
  await expect(grid(page).getByRole('option')).toHaveCount(3)
})

test('Cancel stops the import between two files', async ({ page, harness }) => {
  await openDesk(page, harness.url)
  await page.route('**/rpc/assets%3Aimport', async (route) => {
    await new Promise((r) => setTimeout(r, 700))
    await route.continue()
  })
  await importViaDialog(page, [photos.rathaus, photos.dom, photos.hafen])
  const importPanel = page.getByRole('region', { name: 'Import' })
  await expect(importPanel.getByRole('status')).toHaveText('Importing 1 of 3 — rathaus.jpg')
  await importPanel.getByRole('button', { name: 'Cancel' }).click()
  await expect(importPanel.getByRole('status')).toHaveText(
    'Import cancelled — 2 imported, 1 not imported'
  )
  await expect(importPanel.getByRole('listitem').nth(2)).toHaveText(
    'hafen.jpg — not imported (cancelled)'
  )
  await expect(grid(page).getByRole('option')).toHaveCount(2)
})

test('filters by missing credit, caption, alt text and searches on the server', async ({
  page,
  harness
}) => {
  await openDesk(page, harness.url)
  await importThree(page)
  const filters = page.getByRole('group', { name: 'Filters' })

  await filters.getByRole('button', { name: /Missing credit/ }).click()
  await expect(filters.getByRole('button', { name: /Missing credit/ })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  await expect(grid(page).getByRole('option')).toHaveCount(1)
  await expect(tile(page, CAPTION_HAFEN)).toBeVisible()
  await filters.getByRole('button', { name: /Missing credit/ }).click()

  await filters.getByRole('button', { name: /Missing alt text/ }).click()
  await expect(grid(page).getByRole('option')).toHaveCount(2)
  await expect(tile(page, CAPTION_DOM)).toHaveCount(0)
  await filters.getByRole('button', { name: /Missing alt text/ }).click()

  await page.getByRole('searchbox', { name: /Search captions/ }).fill('zurich muller')
  await expect(grid(page).getByRole('option')).toHaveCount(1)
  await expect(tile(page, CAPTION_RATHAUS)).toBeVisible()
  await page.getByRole('searchbox', { name: /Search captions/ }).fill('nirgendwo')
  await expect(page.getByText('No photos match these filters')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(grid(page).getByRole('option')).toHaveCount(3)
})

test('edits a caption in the side panel; it survives a reload and Undo restores the old one', async ({
  page,
  harness
}) => {
  await openDesk(page, harness.url)
  await importThree(page)
  await tile(page, CAPTION_RATHAUS).click()
  const details = panel(page)
  await expect(details.getByLabel('Caption')).toHaveValue(CAPTION_RATHAUS)
  await expect(details).toContainText('Zürich, Schweiz')

  const edited = 'Zürich: Tausende demonstrieren vor dem Rathaus'
  await details.getByLabel('Caption').fill(edited)
  await expect(details.getByRole('status')).toHaveText('Unsaved changes')
  await details.getByLabel('Caption').press('Tab')
  await expect(details.getByRole('status')).toHaveText('Saved')
  await expect(details).toContainText(`In the file: ${CAPTION_RATHAUS}`)
  await expect(tile(page, edited)).toBeVisible()

  await page.reload()
  await tile(page, edited).click()
  await expect(panel(page).getByLabel('Caption')).toHaveValue(edited)

  await panel(page).getByRole('button', { name: 'Undo' }).click()
  await expect(panel(page).getByLabel('Caption')).toHaveValue(CAPTION_RATHAUS)
  await expect(tile(page, CAPTION_RATHAUS)).toBeVisible()
  await expect(panel(page).getByRole('button', { name: 'Undo' })).toBeDisabled()

  // Ctrl+Z in the panel (not in a text box) takes back a credit change.
  await panel(page).getByLabel('Credit').fill('dpa/Keystone')
  await panel(page).getByLabel('Credit').press('Tab')
  await expect(panel(page).getByRole('status')).toHaveText('Saved')
  await expect(tile(page, CAPTION_RATHAUS)).toContainText('dpa/Keystone')
  await panel(page).getByRole('heading', { name: 'Used in' }).click()
  await page.keyboard.press('Control+z')
  await expect(panel(page).getByLabel('Credit')).toHaveValue('dpa')
  await expect(tile(page, CAPTION_RATHAUS)).not.toContainText('Keystone')
})

test('an edit based on a stale revision is refused with a message, and the current values load', async ({
  page,
  context,
  harness
}) => {
  await openDesk(page, harness.url)
  await importThree(page)
  await tile(page, CAPTION_DOM).click()
  await expect(panel(page).getByLabel('Caption')).toHaveValue(CAPTION_DOM)

  const other = await context.newPage()
  await other.goto(`${harness.url}#/assets`)
  await tile(other, CAPTION_DOM).click()
  await panel(other).getByLabel('Credit').fill('Reuters/Wolfgang Rattay')
  await panel(other).getByRole('button', { name: 'Save' }).click()
  await expect(panel(other).getByRole('status')).toHaveText('Saved')

  await panel(page).getByLabel('Caption').fill('Köln: Der Dom am Abend')
  await panel(page).getByRole('button', { name: 'Save' }).click()
  await expect(panel(page).getByRole('alert')).toContainText('changed elsewhere')
  await expect(panel(page).getByRole('alert')).toContainText('Caption: Köln: Der Dom am Abend')
  await expect(panel(page).getByLabel('Credit')).toHaveValue('Reuters/Wolfgang Rattay')
  await expect(panel(page).getByLabel('Caption')).toHaveValue(CAPTION_DOM)
})

test('builds a gallery of two from a selection in picking order; delete is refused while used', async ({
  page,
  harness
}) => {
  await openDesk(page, harness.url)
  await importThree(page)
  const articleId = await newArticle(page, 'Streit um Haushalt: Koalition einigt sich')

  // Pick the Dom first, then the Rathaus: that is the gallery's order.
  await tile(page, CAPTION_DOM).click({ modifiers: ['Control'] })
  await tile(page, CAPTION_RATHAUS).click({ modifiers: ['Control'] })
  await expect(page.getByText('2 photos picked')).toBeVisible()
  await page.getByRole('button', { name: 'Build gallery from selection…' }).click()

  const dialog = page.getByRole('dialog', { name: 'Build a gallery' })
  await dialog
    .getByLabel('Article')
    .selectOption({ label: 'Streit um Haushalt: Koalition einigt sich' })
  await dialog.getByLabel('Gallery name').fill('Bundestag')
  const order = dialog.getByRole('list', { name: 'Order in the gallery' }).getByRole('listitem')
  await expect(order).toHaveText([new RegExp(CAPTION_DOM), new RegExp(CAPTION_RATHAUS)])
  await dialog.getByRole('button', { name: 'Add 2 photos to the gallery' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'added to the gallery' })).toHaveText(
    /2 photos added to the gallery “Bundestag” of “Streit um Haushalt: Koalition einigt sich”/
  )

  const { stdout } = await run(process.execPath, [
    CLI,
    '--library',
    harness.libraryDir,
    'show',
    articleId,
    '--json'
  ])
  const shown = JSON.parse(stdout) as {
    galleries: { name: string | null; items: { caption: string; credit: string }[] }[]
  }
  expect(shown.galleries).toHaveLength(1)
  expect(shown.galleries[0].name).toBe('Bundestag')
  expect(shown.galleries[0].items.map((i) => [i.caption, i.credit])).toEqual([
    [CAPTION_DOM, 'Reuters'],
    [CAPTION_RATHAUS, 'dpa']
  ])

  // One picked photo becomes the lead image.
  await tile(page, CAPTION_RATHAUS).click()
  await page.getByRole('button', { name: 'Set as lead image…' }).click()
  const leadDialog = page.getByRole('dialog', { name: 'Set the lead image' })
  await leadDialog
    .getByLabel('Article')
    .selectOption({ label: 'Streit um Haushalt: Koalition einigt sich' })
  await leadDialog.getByRole('button', { name: 'Set as lead image' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Lead image' })).toHaveText(
    'Lead image of “Streit um Haushalt: Koalition einigt sich” set.'
  )
  const withLead = JSON.parse(
    (
      await run(process.execPath, [
        CLI,
        '--library',
        harness.libraryDir,
        'show',
        articleId,
        '--json'
      ])
    ).stdout
  ) as { lead: { caption: string; photographer: string } | null }
  expect(withLead.lead).toMatchObject({ caption: CAPTION_RATHAUS, photographer: 'Jörg Müller' })

  // Used: the tile says so, the panel lists the article and refuses deletion with the reason.
  await expect(tile(page, CAPTION_DOM)).toContainText('In 1 article')
  await tile(page, CAPTION_DOM).click()
  const details = panel(page)
  await expect(details.getByRole('button', { name: 'Delete photo…' })).toBeDisabled()
  await expect(details).toContainText(
    'Cannot be deleted while 1 article uses it: remove it from that article first.'
  )
  const usage = details.getByRole('button', { name: 'Streit um Haushalt: Koalition einigt sich' })
  await expect(details.getByText('gallery “Bundestag”')).toBeVisible()

  // Not used: deleted after confirmation.
  await tile(page, CAPTION_HAFEN).click()
  await panel(page).getByRole('button', { name: 'Delete photo…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete this photo?' })
  await confirm.getByRole('button', { name: 'Delete photo' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'was deleted' })).toHaveText(
    '“hafen.jpg” was deleted.'
  )
  await expect(grid(page).getByRole('option')).toHaveCount(2)

  // "Used in" opens the article.
  await tile(page, CAPTION_DOM).click()
  await usage.click()
  await expect(page).toHaveURL(new RegExp(`#/article/${articleId}$`))
})

test('the grid works from the keyboard and tiles drag their asset ids', async ({
  page,
  harness
}) => {
  await openDesk(page, harness.url)
  await importThree(page)
  const options = grid(page).getByRole('option')
  await options.first().focus()
  await page.keyboard.press('ArrowRight')
  await expect(options.nth(1)).toBeFocused()
  await page.keyboard.press('Space')
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Space')
  await expect(page.getByText('2 photos picked')).toBeVisible()
  await page.keyboard.press('Enter')
  const firstName = await options.first().getAttribute('aria-label')
  await expect(panel(page).getByLabel('Caption')).toHaveValue(firstName ?? '')

  // A real drag from one tile: the drop sees the editor's type carrying the picked ids in order.
  const ids = await options.evaluateAll((els) => els.map((el) => el.getAttribute('data-asset-id')))
  await page.evaluate(() => {
    document.addEventListener('drop', (event) => {
      ;(window as unknown as { dropped: string[] }).dropped = [
        event.dataTransfer?.getData('application/x-copydesk-asset') ?? '',
        event.dataTransfer?.getData('text/plain') ?? ''
      ]
    })
    document.addEventListener('dragover', (event) => event.preventDefault())
  })
  await options.nth(1).dragTo(page.getByRole('heading', { name: 'Photo desk', level: 1 }))
  const dropped = await page.evaluate(() => (window as unknown as { dropped: string[] }).dropped)
  expect(dropped).toEqual([`${ids[1]}\n${ids[0]}`, `${ids[1]}\n${ids[0]}`])

  await page.keyboard.press('Escape')
  await options.nth(2).focus()
  await page.keyboard.press('Escape')
  await expect(page.getByText(/photos? picked/)).toHaveCount(0)
})

test('a dropped folder is walked, non-photos are left out, and pasted images import', async ({
  page,
  harness
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'copydesk-e2e-folder-'))
  try {
    await run('cp', [photos.rathaus, photos.dom, join(folder, '.')])
    await run('mkdir', [join(folder, 'Tag 2')])
    await run('cp', [photos.hafen, join(folder, 'Tag 2', 'hafen.jpg')])
    await writeFile(join(folder, 'notizen.txt'), 'Bildauswahl')
    await writeFile(join(folder, '.DS_Store'), '')

    await openDesk(page, harness.url)
    // Chromium's own drag-and-drop of a folder from the desktop, as the OS would deliver it.
    const cdp = await page.context().newCDPSession(page)
    const box = await page.getByRole('heading', { name: 'Photo desk', level: 1 }).boundingBox()
    const at = { x: (box?.x ?? 0) + 20, y: (box?.y ?? 0) + 10 }
    const data = { items: [], files: [folder], dragOperationsMask: 1 }
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
      await cdp.send('Input.dispatchDragEvent', { type, ...at, data })
    }
    const importPanel = page.getByRole('region', { name: 'Import' })
    await expect(importPanel.getByRole('status')).toHaveText('Import finished — 3 imported')
    const name = folder.split('/').pop()
    await expect(importPanel.getByRole('listitem')).toHaveText([
      `${name}/dom.jpg — imported`,
      `${name}/rathaus.jpg — imported`,
      `${name}/Tag 2/hafen.jpg — imported`
    ])
    await expect(importPanel).toContainText(
      '2 files in the folders are not photos and were left out'
    )
    await expect(grid(page).getByRole('option')).toHaveCount(3)

    // Paste: an image on the clipboard becomes a photo in the library.
    await page.getByRole('button', { name: 'Close' }).click()
    const png = await sharp({
      create: { width: 90, height: 60, channels: 3, background: '#aa3355' }
    })
      .png()
      .toBuffer()
    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const data = new DataTransfer()
      data.items.add(new File([bytes], 'image.png', { type: 'image/png' }))
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data }))
    }, png.toString('base64'))
    await expect(importPanel.getByRole('listitem')).toHaveText(/^pasted-.*\.png — imported$/)
    await expect(grid(page).getByRole('option')).toHaveCount(4)
    await expect(tile(page, /^pasted-.*\.png$/)).toContainText('90 × 60')
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})
