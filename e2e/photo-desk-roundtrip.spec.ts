import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import sharp from 'sharp'
import { xmpPacket } from '../src/main/services/assets/__fixtures__/containerXmp'
import { startHarnessProcess, stopHarnessProcess } from './fixtures'

/*
 * Libraries made with the CLI before the harness opens them (the harness holds the lock while it
 * runs): photos with XMP written into the JPEG by hand, captions typed into the photo desk with
 * `copydesk asset`, packages exported with `copydesk export`.
 */

const CLI = resolve(__dirname, '../out/cli/index.js')
const SHOTS = '/work/notes/shots'

function cli(libraryDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, [CLI, '--library', libraryDir, ...args], {
    encoding: 'utf8'
  })
}

/** A JPEG with an XMP packet in APP1, as cameras and agencies write it. */
async function jpegWithXmp(
  file: string,
  colour: string,
  fields: Parameters<typeof xmpPacket>[0]
): Promise<void> {
  const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: colour } })
    .jpeg({ quality: 85 })
    .toBuffer()
  const body = Buffer.concat([
    Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'),
    Buffer.from(xmpPacket(fields), 'utf8')
  ])
  const head = Buffer.from([0xff, 0xe1, 0, 0])
  head.writeUInt16BE(body.length + 2, 2)
  await writeFile(file, Buffer.concat([jpeg.subarray(0, 2), head, body, jpeg.subarray(2)]))
}

interface Desk {
  dir: string
  libraryDir: string
  url: string
}

const test = base.extend<{
  desk: (prepare: (libraryDir: string, dir: string) => Promise<void>) => Promise<Desk>
}>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  desk: async ({}, use) => {
    const made: { dir: string; stop: () => Promise<void> }[] = []
    await use(async (prepare) => {
      const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-roundtrip-'))
      const libraryDir = join(dir, 'library')
      await mkdir(libraryDir)
      await prepare(libraryDir, dir)
      const { url, child } = await startHarnessProcess(libraryDir)
      made.push({ dir, stop: () => stopHarnessProcess(child) })
      return { dir, libraryDir, url }
    })
    for (const m of made) {
      await m.stop()
      await rm(m.dir, { recursive: true, force: true })
    }
  }
})

const CAPTION = 'Hochwasser in Passau: Der Pegelstand der Donau steigt weiter'

/** An article with a lead photo used once more in a gallery; the caption set in the photo desk. */
function preparePassau(libraryDir: string, dir: string): { articleId: string; assetId: string } {
  const articleId = cli(libraryDir, 'new', '--headline', 'Lage an der Donau').trim()
  cli(libraryDir, 'new', '--headline', 'Haushalt in München')
  const photo = join(dir, 'passau.jpg')
  const [{ assetId }] = JSON.parse(
    cli(libraryDir, 'attach', articleId, photo, '--lead', '--json')
  ) as { assetId: string }[]
  cli(libraryDir, 'attach', articleId, photo, '--gallery', '--gallery-name', 'Pegel')
  cli(libraryDir, 'asset', assetId, '--caption', CAPTION, '--credit', 'dpa')
  return { articleId, assetId }
}

async function toGerman(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Interface language').selectOption('de')
  await page.getByRole('button', { name: 'Schließen' }).click()
}

const grid = (page: Page): ReturnType<Page['getByRole']> =>
  page.getByRole('listbox', { name: /^(Photos|Bilder)$/ })

test('the library search finds an article by its photo’s desk caption and shows where it matched', async ({
  page,
  desk
}) => {
  const { url } = await desk(async (libraryDir, dir) => {
    await jpegWithXmp(join(dir, 'passau.jpg'), '#4a6d8c', {})
    preparePassau(libraryDir, dir)
  })
  await page.setViewportSize({ width: 1280, height: 760 })
  await page.goto(url)
  const list = page.getByRole('list', { name: 'Drafts' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await page.getByRole('searchbox', { name: 'Search drafts' }).fill('pegelstand donau')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  const row = list.getByRole('listitem').first()
  await expect(row).toContainText('Lage an der Donau')
  await expect(row.locator('.search-snippet')).toHaveText(`Photo caption: ${CAPTION}`)
  await expect(row.locator('.search-snippet mark')).toHaveText(['Pegelstand', 'Donau'])
  await mkdir(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, 'library-search-snippet.png') })

  // A caption typed in the photo desk is found at once.
  await page.getByRole('button', { name: 'Photo desk' }).click()
  await grid(page).getByRole('option').first().click()
  const details = page.getByRole('complementary', { name: 'Photo details' })
  await details.getByLabel('Caption').fill('Sandsäcke am Ufer der Ilz in Passau')
  await details.getByLabel('Caption').press('Tab')
  await expect(details.getByRole('status')).toHaveText('Saved')
  await page.getByRole('button', { name: 'Drafts' }).click()
  await page.getByRole('searchbox', { name: 'Search drafts' }).fill('sandsaecke')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list.locator('.search-snippet mark')).toHaveText(['Sandsäcke'])
  await expect(list.getByRole('listitem')).toContainText('Lage an der Donau')

  await toGerman(page)
  await page.getByRole('searchbox', { name: 'Entwürfe durchsuchen' }).fill('ilz')
  const entwuerfe = page.getByRole('list', { name: 'Entwürfe' })
  await expect(entwuerfe.locator('.search-snippet')).toHaveText(
    'Bildtext: Sandsäcke am Ufer der Ilz in Passau'
  )
  await page.screenshot({ path: join(SHOTS, 'library-search-snippet-de.png') })
})

test('a re-imported package uses the library’s photo, names its package until edited; “Used in” lists each article once', async ({
  page,
  desk
}) => {
  let zip = ''
  let original = ''
  const { url } = await desk(async (libraryDir, dir) => {
    await jpegWithXmp(join(dir, 'passau.jpg'), '#4a6d8c', { caption: 'Aus der Datei' })
    const { articleId } = preparePassau(libraryDir, dir)
    original = articleId
    zip = join(dir, 'paket-donau.zip')
    cli(libraryDir, 'export', articleId, '--out', zip, '--force')
  })
  await page.goto(url)
  await page.getByTestId('package-input').setInputFiles(zip)
  // The library holds this story already: the desk asks, and the copy becomes a story of its own.
  await page
    .getByRole('dialog', { name: 'This story is already in the library' })
    .getByRole('button', { name: 'As a new story' })
    .click()
  await expect(page.getByLabel('Headline')).toHaveValue('Lage an der Donau')
  const note = page.getByRole('note')
  await expect(note).toContainText(/Imported from the package “paket-donau\.zip” on \d/)
  const imported = /#\/article\/([0-9a-f-]{36})/.exec(page.url())?.[1]
  expect(imported).toBeTruthy()
  expect(imported).not.toBe(original)

  // One photo, not two: the package's picture is the library's own.
  await page.getByRole('button', { name: 'Photo desk' }).click()
  await expect(grid(page).getByRole('option')).toHaveCount(1)
  await grid(page).getByRole('option').first().click()
  const usage = page.getByRole('complementary', { name: 'Photo details' }).locator('.usage-list li')
  await expect(usage).toHaveCount(2)
  await expect(usage.nth(0)).toContainText('Lage an der Donau')
  await expect(usage.nth(1)).toContainText('Lage an der Donau')
  for (const i of [0, 1]) await expect(usage.nth(i)).toContainText('lead image, gallery “Pegel”')

  // Still unedited: the note is there when the draft is opened again; gone once it is edited.
  await page.goto(`${url.split('#')[0]}#/article/${imported}`)
  await expect(page.getByRole('note')).toContainText('paket-donau.zip')
  await page.getByLabel('Headline').fill('Lage an der Donau: Pegel sinkt')
  await expect(page.getByRole('note')).toHaveCount(0)
  await expect(page.getByRole('status').first()).toHaveText(/Saved/)
  await page.reload()
  await expect(page.getByLabel('Headline')).toHaveValue('Lage an der Donau: Pegel sinkt')
  await expect(page.getByRole('note')).toHaveCount(0)

  // In German.
  await page.getByRole('button', { name: /Back to library/ }).click()
  await toGerman(page)
  await page.getByTestId('package-input').setInputFiles(zip)
  await page
    .getByRole('dialog', { name: 'Diese Geschichte ist schon in der Bibliothek' })
    .getByRole('button', { name: 'Als neue Geschichte' })
    .click()
  await expect(page.getByRole('note')).toContainText(
    /Importiert aus dem Paket „paket-donau\.zip“ am \d/
  )
  await mkdir(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, 'imported-from-de.png') })
})

test('the photo desk sorts by import, file name and date taken; its search folds umlauts and ß', async ({
  page,
  desk
}) => {
  const { url } = await desk(async (libraryDir, dir) => {
    const articleId = cli(libraryDir, 'new', '--headline', 'Bilder').trim()
    const photos: [string, string, Parameters<typeof xmpPacket>[0]][] = [
      [
        'b-olympia.jpg',
        '#7a8ca0',
        { caption: 'München: Blick vom Olympiaturm', dateCreated: '2024-05-01' }
      ],
      [
        'a-hafen.jpg',
        '#35566e',
        { caption: 'Hamburg: Containerschiff im Hafen', dateCreated: '2025-01-10T09:00:00+01:00' }
      ],
      ['c-strasse.jpg', '#8c6a4a', { caption: 'Köln: Hohe Straße am Morgen' }]
    ]
    for (const [name, colour, fields] of photos) {
      await jpegWithXmp(join(dir, name), colour, fields)
      // One import per photo, so each has its own import time.
      cli(libraryDir, 'attach', articleId, join(dir, name))
    }
  })
  await page.goto(url)
  await page.getByRole('button', { name: 'Photo desk' }).click()
  const tiles = grid(page).getByRole('option')
  const order = async (): Promise<string[]> =>
    (await tiles.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).map(
      (label) => label.split(':')[0] ?? ''
    )
  await expect(tiles).toHaveCount(3)
  expect(await order()).toEqual(['Köln', 'Hamburg', 'München'])
  const sort = page.getByLabel('Sort')
  await sort.selectOption({ label: 'Oldest first' })
  await expect.poll(order).toEqual(['München', 'Hamburg', 'Köln'])
  await sort.selectOption({ label: 'File name' })
  await expect.poll(order).toEqual(['Hamburg', 'München', 'Köln'])
  await sort.selectOption({ label: 'Date taken' })
  await expect.poll(order).toEqual(['Hamburg', 'München', 'Köln'])

  const search = page.getByRole('searchbox', { name: /Search captions/ })
  await search.fill('muenchen')
  await expect.poll(order).toEqual(['München'])
  await search.fill('strasse')
  await expect.poll(order).toEqual(['Köln'])
  await search.fill('koln')
  await expect.poll(order).toEqual(['Köln'])
  // The order chosen stays while searching.
  await search.fill('')
  await expect.poll(order).toEqual(['Hamburg', 'München', 'Köln'])

  await toGerman(page)
  await page.getByLabel('Sortieren').selectOption({ label: 'Neueste zuerst' })
  await expect.poll(order).toEqual(['Köln', 'Hamburg', 'München'])
})
